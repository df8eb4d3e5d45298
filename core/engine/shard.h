// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/arenatask.h"
#include "core/engine/tasktiming.h"
#include "core/net/httpfailure.h"
#include "core/net/httptarget.h"
#include "core/system/threadschedule.h"
#include "core/workload/partition.h"

#include <QDeadlineTimer>
#include <QSemaphore>
#include <QString>
#include <QThread>

#include <array>
#include <atomic>
#include <cstdint>
#include <ctime>
#include <memory>
#include <mutex>
#include <vector>

class FrameArena;
class HttpClient;
class ReadyQueue;
class TaskPlan;
class TimerQueue;

// What a shard reports once its thread has been joined.
struct ShardReport
{
    int index = 0;
    int cpu = -1; // the CPU it was pinned to, or -1
    std::int64_t tasks = 0;
    std::int64_t tasksDone = 0;
    std::int64_t tasksFailed = 0;
    std::int64_t busyNs = 0;    // sum of kernel time: how long this loop was blocked by CPU work
    std::int64_t cpuNs = 0;     // thread CPU time from slice start to last task
    std::int64_t finishNs = 0;  // last task done, relative to t0
    std::int64_t createdNs = 0; // every task of the slice created, relative to t0
    // Runtime stealing: CPU parts this loop ran for tasks of another loop's slice.
    std::int64_t tasksMoved = 0;
    std::uint64_t checksum = 0;
    QString error; // first failure inside a task, if any
    // Transport http only: failed exchanges by HttpFailure, body bytes received, and per
    // completed exchange its connect time, first-byte time and the server's own lateness (us).
    HttpFailureCounts httpFailures{};
    std::int64_t bytesReceived = 0;
    std::vector<std::int32_t> connectUs;
    std::vector<std::int32_t> firstByteUs;
    std::vector<std::int32_t> serverLateUs;
};

// One shard: one thread, one Qt event loop, one TimerQueue, one FrameArena. Before the run
// starts it puts its slice of the plan in wake-up order and makes the memory its tasks will use
// resident; it then waits for the common t0 to be published and runs the slice as one C++20
// coroutine per task (sleep on the queue, then the kernel, which blocks this loop on purpose).
// Progress is published through relaxed atomics for pollers; no signal is emitted per task. The
// thread quits by itself when its slice is finished.
class Shard : public QThread
{
    Q_OBJECT
public:
    struct Context
    {
        const TaskPlan *plan = nullptr;
        // Indexed by task id once the shard has ended; while it runs, its own slots hold records
        // in wake-up order (see putTimingsInTaskOrder()). Shards write disjoint slots.
        TaskTiming *timings = nullptr;
        const std::atomic<bool> *cancel = nullptr; // shared by all shards of a run
        std::int64_t failTask = -1;                // RunConfig::failTask
        // The run's common start, published once by ShardSet: 0 until then, kNoStart when the
        // run was cancelled before it started.
        const std::atomic<std::int64_t> *t0Ns = nullptr;
        // Transport http: where each task fetches its IO (RunConfig::http); null for timers.
        const HttpTarget *http = nullptr;
        // Connect from several 127.0.0.x addresses (more ephemeral ports than one pair has).
        bool spreadSources = false;
        ShardSchedule schedule = ShardSchedule::Fair; // ThreadSchedule::forRun()
        // Indexed by task id: each completed task's result (kernel result XOR body digest), for
        // a worker process, which reports them one by one (app/workermode.cpp); null: not kept.
        std::uint64_t *results = nullptr;
        // Runtime stealing: the queue every loop hands its tasks' CPU parts to once their IO
        // completed, and takes the oldest from when idle; null for threads (each loop runs its
        // own). With it, timings are written under task ids at once, and `cpuLoops` says per
        // task which loop ran its CPU part.
        ReadyQueue *readyQueue = nullptr;
        std::uint16_t *cpuLoops = nullptr;
    };
    static constexpr std::int64_t kNoStart = -1;
    // How many tasks apart sorting and creating a slice look at the cancel flag.
    static constexpr std::size_t kCancelCheckTasks = 1 << 16;
    // From this many tasks a shard maps and touches the memory of its frames and sleeps before
    // t0 (see prepareMemory()).
    static constexpr std::size_t kPrepareMinTasks = 1 << 16;

    Shard(int index, Context context, Slice slice, int pinCpu = -1, QObject *parent = nullptr);
    ~Shard() override;

    // After start(): whether the OS thread exists. QThread::start() reports a failed
    // pthread_create only with a warning and leaves the thread neither running nor finished.
    bool threadStarted() const { return isRunning() || isFinished(); }
    // Blocks until the thread runs, its slice is put in wake-up order and its queue exists; a
    // shard with an empty slice has ended by then. Call after start(). False when `deadline`
    // passed first (sorting ten million tasks takes a while: the caller looks at its cancel
    // flag meanwhile).
    bool waitUntilReady(QDeadlineTimer deadline = QDeadlineTimer(QDeadlineTimer::Forever));
    // Thread-safe: wakes every sleeping task so it ends at once; a shard that never started its
    // slice just quits. Kernels in flight stop at their next cancel check (the shared flag must
    // already be set, and a run cancelled before t0 must have published kNoStart).
    void requestCancel();

    int index() const { return m_index; }
    // Live figures, safe from any thread.
    std::int64_t tasksFinished() const { return m_finished.load(std::memory_order_relaxed); }
    std::int64_t busyNs() const { return m_busyNs.load(std::memory_order_relaxed); }
    // Largest event-loop lag of the tasks resumed in the last kLagWindowNs to 2 * kLagWindowNs
    // before `atNs` (0 when none was). Reading changes nothing, so every poller sees the same
    // figure.
    std::int64_t recentMaxLagNs(std::int64_t atNs) const;
    // 250 ms: one load sample (4 Hz), so the lag bar and the CPU bar describe the same interval.
    static constexpr std::int64_t kLagWindowNs = 250'000'000;
    // This thread's CPU-time clock (valid from waitUntilReady() until the thread ends).
    clockid_t cpuClock() const { return m_cpuClock.load(); }

    // After wait(): everything the thread recorded, its timings included. Empty while running.
    ShardReport report() const;

protected:
    void run() override;

private:
    bool orderSlice();
    std::int64_t awaitT0() const;
    // Before t0: room for every frame and every sleep, touched (no page fault after t0).
    void prepareMemory(TimerQueue &queue, FrameArena &arena);
    void startSlice(std::int64_t t0Ns);
    // The coroutine of the task at position `rank` of the wake-up order.
    ArenaTask runTask(std::uint32_t rank, std::uint32_t iterations);
    // The same for transport http: the IO is one GET whose response is due at t0 + io.
    ArenaTask runHttpTask(std::uint32_t rank, std::uint32_t iterations);
    // The task at `rank` finished its IO (`due`: it was not cancelled): runs its CPU part here,
    // or, stealing, hands it to the ready queue. `bodyDigest` (http: the response's BodyFold) is
    // folded into the kernel's checksum term.
    void completeTask(std::uint32_t rank, std::uint32_t iterations, std::int64_t dueNs, bool due,
                      std::uint64_t bodyDigest = 0) noexcept;
    // Runs one task's CPU part on this loop and writes its timing record to `slot`; true when it
    // ran to the end (not cancelled, not failed). The caller finishes the task.
    bool runCpuPart(std::uint32_t task, std::size_t slot, std::uint32_t iterations,
                    std::int64_t dueNs, bool due, std::uint64_t bodyDigest) noexcept;
    // Stealing: runs ready CPU parts from the shared queue, returning to the event loop every
    // kDrainSliceNs so this loop's own IO keeps completing; parks when the queue is empty.
    void drain() noexcept;
    // Posts one drain() to this loop's event loop unless one is pending; any thread.
    void postDrain();
    void noteHttpFailure(std::uint32_t task, HttpFailure failure) noexcept;
    // The CPU-time batch (see completeTask()): the kernel whose record is in slot `slot` of the
    // timings, `wallNs` long, joins it; the batch is closed once it is long or full enough.
    void addToWorkBatch(std::size_t slot, std::int64_t wallNs) noexcept;
    // Reads the thread CPU clock and gives every kernel of the open batch its work: its wall
    // time times the batch's CPU time over the batch's wall time (at most 1).
    void closeWorkBatch() noexcept;
    // After the run: the timing records, written in wake-up order, go where their task ids say.
    void putTimingsInTaskOrder();
    void noteFailure(std::uint32_t task, const char *what) noexcept;
    // A slice that could not be ordered or fully created: the tasks not started fail with a
    // message ("out of memory starting its tasks (3 of 10 started)"), the rest are woken.
    void failOutOfMemory(std::size_t started, const char *doing);
    // Ends every task still sleeping, at once (see requestCancel()).
    void dropSleepingTasks();
    void finishTasks(std::int64_t count);
    void noteLag(std::int64_t resumedNs, std::int64_t lagNs);

    const int m_index;
    const Context m_context;
    const Slice m_slice;
    // The slice in wake-up order, as a structure of arrays read front to back: task ids (4 B per
    // task) for the whole run, IO delays (4 B) only until their task is created, given back as
    // creation passes them. Everything else a task needs while it sleeps and runs is in its frame
    // (iterations, deadline). At ten million tasks, one read of the plan at a random place per
    // task *while tasks fire* cost ~100 ns each (the clock reads beside it keep the misses from
    // overlapping): 1 s. Creation reads the iterations there, a few tasks ahead, with no clock.
    struct TaskInput
    {
        std::uint32_t ioUs;
    };
    std::unique_ptr<std::uint32_t[]> m_taskAt;
    std::unique_ptr<TaskInput[]> m_inputAt;
    const int m_pinCpu;
    QSemaphore m_ready;
    std::mutex m_queueMutex; // guards m_queue's lifetime against requestCancel()
    TimerQueue *m_queue = nullptr;
    FrameArena *m_arena = nullptr; // lives and dies with m_queue
    HttpClient *m_http = nullptr;  // transport http; lives and dies with m_queue
    bool m_started = false;        // guarded by m_queueMutex: the slice's tasks exist on m_queue
    std::atomic<clockid_t> m_cpuClock{CLOCK_THREAD_CPUTIME_ID};
    std::atomic<bool> m_drainQueued{false}; // stealing: a drain() is posted and has not begun
    // Stealing: a loop with a backlog goes back to its event loop this often, so that its timers
    // fire and its sockets are read while it drains (a posted event costs ~1-2 us: under 1 %).
    static constexpr std::int64_t kDrainSliceNs = 200'000;

    // Written by the shard thread only.
    std::int64_t m_t0Ns = 0;
    std::size_t m_sliceSize = 0;
    std::int64_t m_cpuStartNs = 0;
    std::size_t m_recordedRanks = 0; // one past the highest rank with a timing record
    // The open CPU-time batch: the thread CPU clock before its first kernel (-1: none open), the
    // wall time of its kernels, and their timing slots.
    static constexpr std::size_t kWorkBatchTasks = 64;
    static constexpr std::int64_t kWorkBatchNs = 100'000;
    std::int64_t m_batchCpuStartNs = -1;
    std::int64_t m_batchWallNs = 0;
    std::size_t m_batchSize = 0;
    std::array<std::size_t, kWorkBatchTasks> m_batchSlots{};
    ShardReport m_report;
    std::atomic<std::int64_t> m_finished{0};
    std::atomic<std::int64_t> m_busyNs{0};
    // The lag windows: written by the shard thread only, read relaxed by pollers (a torn view of
    // the three costs one sample of a display value, nothing more).
    std::atomic<std::int64_t> m_lagWindowStartNs{0};
    std::atomic<std::int64_t> m_lagWindowMaxNs{0};
    std::atomic<std::int64_t> m_previousLagWindowMaxNs{0};
    std::atomic<bool> m_published{false}; // release at thread end, acquire in report()
};
