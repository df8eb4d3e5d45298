// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/runconfig.h"
#include "core/engine/runresult.h"
#include "core/engine/runtimecommand.h"
#include "core/engine/shardset.h"
#include "core/engine/tasktiming.h"
#include "core/runtime/workerset.h"

#include <QDateTime>

#include <atomic>
#include <memory>
#include <vector>

class TaskPlan;

// One run of a plan on an out-of-process runtime (processes, asyncio, asyncio-uvloop): K worker
// processes (WorkerSet) with one slice each, dealt by the run's partition as shards are. Their
// records land in the same per-task table as a shard's and are summarised by the same code
// (summariseTasks()), so wall time, lag, the bound and the checksum mean what they mean for
// threads. Starting the workers and handing them their slices until every one is ready is the
// run's startOverheadMs; its last task until every worker has exited is its joinOverheadMs.
class ProcessRun
{
public:
    ProcessRun(std::shared_ptr<const TaskPlan> plan, RunConfig config, double nsPerIter);
    ProcessRun(const ProcessRun &) = delete;
    ProcessRun &operator=(const ProcessRun &) = delete;

    // Blocks until every worker has ended. `stop`, when set from outside, cancels as cancel()
    // does. Call it on a thread that lives until it returns (WorkerSet: the workers' death signal
    // is tied to it).
    void run(const std::atomic<bool> *stop = nullptr);
    void cancel(); // thread-safe: every worker is ended within ~110 ms
    bool isCancelled() const { return m_cancel.load(); }
    // Live, from any thread: per worker its finished tasks, kernel time and process CPU clock.
    RunProgress progress() const;
    RunResult result(); // after run()

private:
    std::shared_ptr<const TaskPlan> m_plan;
    RunConfig m_config;
    double m_nsPerIter;
    std::atomic<bool> m_cancel{false};
    std::shared_ptr<std::vector<TaskTiming>> m_timings;
    WorkerSet m_workers;
    QDateTime m_startedUtc;
};

// RunConfig::validate() for what only an out-of-process runtime needs: the worker's program
// exists and (asyncio) its interpreter has its modules. Empty when the runtime can run; else
// one error on the field that causes it ("runtime" or "python"). `check`, when given, receives
// what the interpreter said (its implementation, "CPython 3.11.2 asyncio").
FieldErrors checkRuntime(const RunConfig &config, RuntimeCommand::Check *check = nullptr);
