// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/readyqueue.h"
#include "core/engine/runconfig.h"
#include "core/engine/runresult.h"
#include "core/engine/shard.h"

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

class TaskPlan;

// Live view of a run in flight, for pollers (GUI at 10-20 Hz, CLI progress line): everything a
// view of the run needs, so none reaches into the shards. Per-shard vectors are indexed by shard.
struct RunProgress
{
    std::int64_t tasks = 0;
    std::int64_t finished = 0;
    std::int64_t elapsedNs = 0;
    std::vector<std::int64_t> shardFinished;
    std::vector<std::int64_t> shardBusyNs;
    // Thread CPU clocks: LoadSampler turns two readings into each shard's CPU share.
    std::vector<clockid_t> shardClocks;
    // Largest event-loop lag of the last 250-500 ms (Shard::recentMaxLagNs()).
    std::vector<std::int64_t> shardRecentMaxLagNs;
};

// K shards executing one plan: the mechanics of one run, shared by the async Engine (GUI) and the
// blocking runner (CLI, tests), for the runtimes threads (each loop runs its own slice) and
// stealing (each loop awaits its own slice's IO; CPU parts go to whichever loop is idle: see
// ReadyQueue). Start threads, wait until every loop runs with its slice sorted,
// take one t0 and publish it to every shard at once; at the end join and summarise.
//
// Nothing here waits on a thread that may never start, and every wait can be cancelled: a
// thread the system refuses (ulimit -u, ulimit -v, thousands of shards) fails the run with a
// message, and waiting for the loops to be ready is done in 10 ms steps that check the cancel.
class ShardSet
{
public:
    // Allocates the shards (their QThread objects, not their threads): may throw std::bad_alloc.
    ShardSet(std::shared_ptr<const TaskPlan> plan, RunConfig config, double nsPerIter);
    ~ShardSet();
    ShardSet(const ShardSet &) = delete;
    ShardSet &operator=(const ShardSet &) = delete;

    // Starts every shard, waits until each has its slice sorted, and publishes t0; may run on
    // another thread than the one that polls progress() and calls cancel(). When `stop` becomes
    // true or cancel() is called while threads are still being started (1024 of them take
    // ~150 ms) or are getting ready, no further thread is started and the run is cancelled.
    // When a thread cannot be started, none further is, the run fails, and failure() says why.
    void launch(const std::atomic<bool> *stop = nullptr);
    // "could not start thread 37 of 1,024: Resource temporarily unavailable", or empty. Read it
    // on the thread that called launch(), after it returned.
    const QString &failure() const { return m_failure; }
    void cancel(); // thread-safe, idempotent
    bool isCancelled() const { return m_cancel.load(); }
    bool allFinished() const;
    // Joins every thread, with a bounded wait each; true when all are joined.
    bool join(unsigned long timeoutMsEach);
    RunProgress progress() const;
    const std::vector<std::unique_ptr<Shard>> &shards() const { return m_shards; }
    RunResult result(); // after join()

private:
    std::shared_ptr<const TaskPlan> m_plan;
    RunConfig m_config;
    ShardSchedule m_schedule; // ThreadSchedule::forRun()
    double m_nsPerIter;
    std::atomic<bool> m_cancel{false};
    std::atomic<std::int64_t> m_start{0}; // t0 as the shards see it (Shard::Context::t0Ns)
    std::shared_ptr<std::vector<TaskTiming>> m_timings;
    // Runtime stealing only: the shared queue of ready CPU parts, and per task the loop that ran
    // its CPU part.
    std::unique_ptr<ReadyQueue> m_readyQueue;
    std::shared_ptr<std::vector<std::uint16_t>> m_cpuLoops;
    std::vector<std::unique_ptr<Shard>> m_shards;
    QDateTime m_startedUtc;
    std::int64_t m_launchNs = 0;
    std::atomic<int> m_started{0}; // shards whose thread was started
    QString m_failure;
    std::int64_t m_joinedNs = 0;

    std::int64_t t0Ns() const; // the published t0, or 0 while there is none
};

// A run that failed outside its shards (out of memory setting it up or summarising it): no task
// result is kept, the error says why.
RunResult failedRun(const std::shared_ptr<const TaskPlan> &plan, RunConfig config, double nsPerIter,
                    QString error);
// "out of memory setting up the run of 10,000,000 tasks on 1,024 shards"; `doing` is
// "setting up", "running", "summarising".
QString outOfMemoryMessage(std::int64_t tasks, int shards, const char *doing);
