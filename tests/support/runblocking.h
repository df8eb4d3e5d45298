// SPDX-License-Identifier: MIT
#pragma once

// A run that blocks its caller until done, with no event loop needed: what tests and benchmarks
// use to run a plan from a plain function. The app and the CLI await Engine::run() instead.
#include "core/base/clock.h"
#include "core/engine/processrun.h"
#include "core/engine/runtimecommand.h"
#include "core/engine/shardset.h"
#include "core/workload/taskplan.h"

#include <QDeadlineTimer>

#include <atomic>
#include <chrono>
#include <climits>
#include <functional>
#include <memory>
#include <optional>
#include <thread>

// Runs `plan` on `config.shards` loops of a ShardSet (threads or stealing). `cancel`, when set by
// another thread, stops the run within ~50 ms, also while its threads start. Running out of
// memory is a Failed result, never an exception. `onProgress` is called about every 100 ms from
// the calling thread.
inline RunResult runBlocking(std::shared_ptr<const TaskPlan> plan, RunConfig config,
                             double nsPerIter, const std::atomic<bool> *cancel = nullptr,
                             const std::function<void(const RunProgress &)> &onProgress = {})
{
    if (config.runtime != Runtime::Threads && config.runtime != Runtime::Stealing) {
        return failedRun(plan, config, nsPerIter,
                         QStringLiteral("runtime %1 does not run in a ShardSet")
                             .arg(runtimeName(config.runtime)));
    }
    const auto tasks = static_cast<std::int64_t>(plan->size());
    std::optional<ShardSet> set;
    try {
        set.emplace(plan, config, nsPerIter);
    } catch (const std::bad_alloc &) {
        return failedRun(plan, config, nsPerIter,
                         outOfMemoryMessage(tasks, config.shards, "setting up"));
    }
    set->launch(cancel);
    std::int64_t lastReportNs = nowNs();
    for (;;) {
        if (cancel && cancel->load() && !set->isCancelled())
            set->cancel();
        // Waiting on one thread at a time with a short timeout polls the cancel flag at 100 Hz:
        // an idle wake-up every 10 ms costs nothing measurable and bounds the cancel delay.
        bool done = true;
        for (const auto &shard : set->shards()) {
            if (!shard->wait(QDeadlineTimer(10))) {
                done = false;
                break;
            }
        }
        if (onProgress && nowNs() - lastReportNs >= 100'000'000) {
            onProgress(set->progress());
            lastReportNs = nowNs();
        }
        if (done)
            break;
    }
    set->join(ULONG_MAX);
    try {
        return set->result();
    } catch (const std::bad_alloc &) {
        return failedRun(plan, config, nsPerIter,
                         outOfMemoryMessage(tasks, config.shards, "summarising"));
    }
}

// runBlocking() for every runtime: threads and stealing on ShardSet, the out-of-process runtimes
// on ProcessRun.
inline RunResult runAnyBlocking(std::shared_ptr<const TaskPlan> plan, RunConfig config,
                                double nsPerIter, const std::atomic<bool> *cancel = nullptr,
                                const std::function<void(const RunProgress &)> &onProgress = {})
{
    if (!RuntimeCommand::isOutOfProcess(config.runtime))
        return runBlocking(std::move(plan), config, nsPerIter, cancel, onProgress);
    ProcessRun run(plan, config, nsPerIter);
    std::atomic<bool> done{false};
    // The workers are supervised (and forked) on a thread of their own, which lives until every
    // one has been reaped; this thread reports progress, as runBlocking() does.
    std::thread supervisor([&] {
        run.run(cancel);
        done.store(true);
    });
    while (!done.load()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (onProgress && !done.load())
            onProgress(run.progress());
    }
    supervisor.join();
    return run.result();
}
