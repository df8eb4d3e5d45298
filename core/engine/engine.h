// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/processrun.h"
#include "core/engine/runconfig.h"
#include "core/engine/runresult.h"
#include "core/engine/shardset.h"

#include <QFuture>
#include <QObject>

#include <QCoroTask>

#include <atomic>
#include <memory>

class TaskPlan;

// The asynchronous face of a run, for an event-driven caller (the experiment coroutine, the GUI):
// the caller's thread never runs tasks and never waits. Starting the shard threads, joining them
// and summarising the run (sorting the plan for the ideal bound, percentiles over every task: ~200
// ms for a million tasks) happen on Qt's thread pool, and the result comes back on this object's
// thread. progress() is cheap to poll. One run at a time per Engine.
class Engine : public QObject
{
    Q_OBJECT
public:
    explicit Engine(QObject *parent = nullptr);
    ~Engine() override; // cancels a run in flight and joins its threads

    // Runs `plan` (non-empty) with `config` (valid) and resumes the awaiting coroutine on this
    // object's thread with the joined result. When a run is already in flight it returns at once
    // a Failed result that says so.
    // `stop`, when given, is looked at while the shard threads start and sort their slices (on
    // the pool thread): a flag set from outside (a signal handler) ends the run there too.
    QCoro::Task<RunResult> run(std::shared_ptr<const TaskPlan> plan, RunConfig config,
                               double nsPerIter, const std::atomic<bool> *stop = nullptr);
    void cancel();
    bool isRunning() const { return m_set != nullptr || m_process != nullptr; }
    // The run in flight, as its shards publish it (per-shard lag and CPU clocks included); empty
    // when idle.
    RunProgress progress() const;

private:
    void launch(std::shared_ptr<const TaskPlan> plan, RunConfig config, double nsPerIter,
                const std::atomic<bool> *stop = nullptr);
    QCoro::Task<RunResult> joined();

    std::unique_ptr<ShardSet> m_set;
    std::unique_ptr<ProcessRun> m_process; // the out-of-process runtimes' run instead of m_set
    QFuture<RunResult> m_joined;           // the pool job that joins m_set and builds its RunResult
};
