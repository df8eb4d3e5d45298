// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/fielderror.h"
#include "core/base/numberrange.h"
#include "core/engine/runtime.h"
#include "core/net/httptarget.h"
#include "core/system/threadschedule.h"
#include "core/workload/partition.h"

#include <QString>

#include <optional>

// How one run executes a plan: on how many shards (event loops, one thread each), dealt how.
struct RunConfig
{
    int shards = 1;
    Partition partition = Partition::Contiguous;
    bool pin = false; // pin shard k to logical CPU k % CPUs
    // Fault injection: the task with this id throws inside its shard instead of running its
    // kernel. Proves that a failure surfaces in the result instead of vanishing (QCoro 0.8 drops
    // exceptions of tasks nobody awaits). -1 is off; the CLI exposes it as --fail-task.
    std::int64_t failTask = -1;
    // Transport http: each task fetches its IO from this server instead of sleeping on its
    // shard's timer queue. Unset: the timer transport.
    std::optional<HttpTarget> http = std::nullopt;
    // The schedule the shards run at; unset: ThreadSchedule::forRun() decides, as it does for every
    // run the app and the CLI start. Set by benchmarks and tests that measure one schedule at
    // any K.
    std::optional<ShardSchedule> schedule = std::nullopt;
    // Which runtime runs the K loops (last, so that positional initialisers keep their meaning).
    Runtime runtime = Runtime::Threads;
    // The asyncio runtimes' interpreter; empty: RuntimeCommand::kDefaultPython (/usr/bin/python3).
    QString python = QString();

    // 1024 threads is far beyond any useful K on today's machines and still starts in well under
    // a second; above it the run measures thread creation, not event loops.
    static constexpr int kMaxShards = 1024;
    static constexpr NumberRange kShardRange{1, kMaxShards, nullptr};

    FieldErrors validate() const;

    friend bool operator==(const RunConfig &, const RunConfig &) = default;
};
