// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/runconfig.h"
#include "core/engine/runresult.h"
#include "core/experiment/experimentsummary.h"
#include "core/experiment/plan.h"
#include "core/net/transportconfig.h"
#include "core/system/machineinfo.h"
#include "core/workload/workloadspec.h"

#include <QList>

#include <vector>

// A set of runs on one plan (its base: the workload and the transport, one setting for every
// run): every runtime in `runtimes` at every shard count in `shardCounts`, `repeats` times,
// interleaved (1, K, 1, K, ... within a round, each runtime in turn) so that drift of the machine
// hits every configuration alike.
struct ExperimentSpec : Plan
{
    // The runtimes that run the plan, each at every shard count ("Compare runtimes" has several):
    // a configuration is (runtime, K).
    QList<Runtime> runtimes{Runtime::Threads};
    // The asyncio runtimes' interpreter (RunConfig::python); empty: RuntimeCommand's default.
    QString python;
    QList<int> shardCounts{1};
    Partition partition = Partition::Contiguous;
    bool pin = false;
    int repeats = 1;
    std::int64_t failTask = -1; // RunConfig::failTask
    // One untimed run of the first configuration before the measured ones: it pays for page
    // faults, malloc arenas and CPU frequency ramp-up, which would otherwise land on run 1 only.
    bool warmup = false;

    static constexpr int kMaxRepeats = 1000;
    static constexpr NumberRange kRepeatRange{1, kMaxRepeats, nullptr};
    // Every run on threads, the default runtime: tables then leave out the runtime and
    // tasks-moved columns, which would say "threads" and 0 on every row.
    bool threadsOnly() const { return runtimes == QList<Runtime>{Runtime::Threads}; }
    // The plan alone: what two experiments must share to be compared.
    const Plan &plan() const { return *this; }
    // The workload's problems, then "runtime" (none given), "shards",
    // "repeat", "failTask" (a task id of the plan), then the transport's
    // (TransportConfig::validate()).
    FieldErrors validate() const;

    // Every field, the plan's too (without it, == would compare the plans alone).
    friend bool operator==(const ExperimentSpec &, const ExperimentSpec &) = default;
};

// The shard counts of a sweep: powers of two up to twice the logical CPUs, plus the CPU count
// and twice it where those are not powers of two (on 6 CPUs: 1, 2, 4, 6, 8, 12).
QList<int> sweepShardCounts(int logicalCpus);

struct ExperimentResult
{
    ExperimentSpec spec;
    MachineInfo machine;
    double nsPerIter = 0;
    std::vector<RunResult> runs; // in execution order
    bool cancelled = false;
    // summarizeExperiment() of the runs above, computed once when the experiment ends
    // (ExperimentRunner does it); every writer and view reads it and none computes its own.
    ExperimentSummary summary;

    // The configuration speedups are measured against: 1 loop when it was run, else the first K.
    int baselineShards() const;
    // judgeExperiment(*this).text(): the one verdict every view and report shows.
    QString verdict() const;
};
