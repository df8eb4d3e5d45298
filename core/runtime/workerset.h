// SPDX-License-Identifier: MIT
#pragma once

#include "core/runtime/workerprotocol.h"
#include "core/runtime/workerstream.h"
#include "core/workload/partition.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <ctime>
#include <functional>
#include <memory>
#include <optional>
#include <sys/types.h>
#include <vector>

class TaskPlan;

// How to start one worker process: a program and its arguments (the worker reads its slice on
// stdin; see resources/doc/worker-protocol.md).
struct WorkerCommand
{
    QString program;
    QStringList arguments;
};

// K worker processes running one plan (resources/doc/worker-protocol.md): starts them, hands
// each its slice, waits for every `ready`, publishes one t0, reads their records as they come,
// and ends every one of them, whatever happens. The calling thread does all of it in run(),
// polling every worker's pipes at once (10 ms steps, so a cancel is seen within 10 ms).
//
// Workers are forked from the thread that calls run(), with PR_SET_PDEATHSIG(SIGKILL): that
// signal fires when the forking *thread* ends, so run() must be called from a thread that
// outlives the workers (it does: run() reaps every worker before it returns). Each worker gets its
// own process group, so a terminal's Ctrl-C reaches LoopBench, which cancels, not the workers.
class WorkerSet
{
public:
    struct Options
    {
        QString runtime; // "asyncio": names the workers in messages ("asyncio worker 2 of 4")
        WorkerCommand command;
        Kernel kernel = Kernel::Sum;
        std::optional<WorkerProtocol::HttpTarget> http;
        // A worker writes a progress line at least once a second (the protocol): one silent
        // this long after t0 is hung.
        std::int64_t silenceLimitNs = 5'000'000'000;
        // Start-up allowance before `ready`: a fixed part (an interpreter importing its modules
        // on a loaded machine) plus a part per task of the slice (CPython parses ~1 M lines/s).
        std::int64_t readyBaseNs = 10'000'000'000;
        std::int64_t readyPerTaskNs = 20'000;
        // t0 lies this far ahead when it is written: K pipes are written one after another, and
        // the first tasks must not be charged for the hand-over of t0.
        std::int64_t t0LeadNs = 2'000'000;
    };

    // What run() learned about one worker.
    struct Outcome
    {
        pid_t pid = -1;
        QString implementation;   // from its ready line
        std::int64_t readyNs = 0; // spawn until ready (start-up)
        std::int64_t exitNs = 0;  // when it was reaped (CLOCK_MONOTONIC)
        std::int64_t cpuNs = 0;   // user + system CPU time of the process (rusage at reaping)
        long peakRssKb = -1;      // its peak resident set (rusage at reaping)
        std::uint64_t tasksDone = 0;
        std::uint64_t tasksFailed = 0;
        std::uint64_t checksum = 0;
        std::uint64_t bytesReceived = 0;
        std::int64_t lastDoneNs = 0; // its last record's done (CLOCK_MONOTONIC), 0 if none
        QString firstTaskFailure;
    };

    using RecordSink = std::function<void(int worker, const WorkerProtocol::Record &)>;

    WorkerSet(std::shared_ptr<const TaskPlan> plan, std::vector<Slice> slices, Options options);
    ~WorkerSet(); // ends and reaps every worker still running
    WorkerSet(const WorkerSet &) = delete;
    WorkerSet &operator=(const WorkerSet &) = delete;

    // Blocks until every worker has ended (or the run failed or was cancelled, and every
    // worker has been ended). Records are handed to `onRecord` on this thread as they arrive.
    // `stop`, when given and set, cancels as cancel() does.
    void run(const std::atomic<bool> *stop, const RecordSink &onRecord);
    void cancel() { m_cancel.store(true); } // thread-safe; run() ends every worker

    // After run(): "asyncio worker 2 of 4: ...", or empty.
    const QString &failure() const { return m_failure; }
    bool cancelled() const { return m_cancelled; }
    std::int64_t spawnNs() const { return m_spawnNs; }
    std::int64_t readyNs() const { return m_readyNs; } // every worker said ready
    std::int64_t t0Ns() const { return m_t0.load(); }  // 0 until published
    std::int64_t endedNs() const { return m_endedNs; }
    const std::vector<Outcome> &outcomes() const { return m_outcomes; }

    // Live, from any thread.
    int count() const { return int(m_slices.size()); }
    std::int64_t tasksFinished(int worker) const;
    std::int64_t busyNs(int worker) const;
    // The worker process's CPU clock (clock_getcpuclockid); CLOCK_THREAD_CPUTIME_ID, which
    // LoadSampler reads as "no clock", while the process does not run.
    clockid_t cpuClock(int worker) const;

    // Why `program` cannot be a worker ("'/x/python3' does not exist"), or empty.
    static QString programProblem(const QString &program);

private:
    struct Worker;
    QString name(int k) const;
    bool spawn(int k);
    void fill(Worker &w);
    bool writeSome(int k);
    void readSome(int k, int fd, const RecordSink &onRecord);
    void reap(int k, bool block);
    void endAll();
    void failWorker(int k, const QString &why);

    std::shared_ptr<const TaskPlan> m_plan;
    std::vector<Slice> m_slices;
    Options m_options;
    std::vector<std::unique_ptr<Worker>> m_workers;
    std::vector<Outcome> m_outcomes;
    QString m_failure;
    bool m_cancelled = false;
    std::atomic<bool> m_cancel{false};
    std::int64_t m_readyNs = 0;
    std::int64_t m_spawnNs = 0;
    std::atomic<std::int64_t> m_t0{0};
    std::int64_t m_endedNs = 0;
};
