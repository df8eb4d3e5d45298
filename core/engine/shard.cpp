// SPDX-License-Identifier: MIT
#include "core/engine/shard.h"

#include "core/base/clock.h"
#include "core/base/residentpages.h"
#include "core/base/wholenumber.h"
#include "core/engine/framearena.h"
#include "core/engine/readyqueue.h"
#include "core/engine/timerqueue.h"
#include "core/net/httpclient.h"
#include "core/system/shardcpugroup.h"
#include "core/system/threadschedule.h"
#include "core/workload/kernel.h"
#include "core/workload/taskplan.h"

#include <pthread.h>
#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <exception>
#include <new>
#include <optional>
#include <stdexcept>
#include <utility>
#include <vector>

namespace {

std::int64_t threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return std::int64_t{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec;
}

// Single-writer counters: a plain load+store is enough and cheaper than a locked add.
void addRelaxed(std::atomic<std::int64_t> &counter, std::int64_t delta)
{
    counter.store(counter.load(std::memory_order_relaxed) + delta, std::memory_order_relaxed);
}

// An array for n tasks, not initialised (its first writes are in loops that look at the cancel
// flag), asking for 2 MiB pages: these buffers are tens of MB, written once, and with 4 KiB pages
// the page faults of their first writes were most of the time spent sorting a slice.
template <typename T> std::unique_ptr<T[]> uninitialisedArray(std::size_t n)
{
    std::unique_ptr<T[]> array(new T[n]);
    ResidentPages::adviseHuge(array.get(), n * sizeof(T));
    return array;
}

} // namespace

Shard::Shard(int index, Context context, Slice slice, int pinCpu, QObject *parent)
    : QThread(parent)
    , m_index(index)
    , m_context(context)
    , m_slice(slice)
    , m_pinCpu(pinCpu)
{
    // QThread names the OS thread after its objectName: `top -H` and debuggers show "shard-N".
    setObjectName(QStringLiteral("shard-%1").arg(index));
    m_report.index = index;
    m_report.tasks = static_cast<std::int64_t>(slice.size());
}

Shard::~Shard()
{
    if (isRunning()) {
        requestCancel();
        quit();
        wait();
    }
}

void Shard::run()
{
    // Fair: the process's own cgroup, at the schedule the thread was created with, as an
    // ordinary program's threads; a thread made from the window's (the engine's pool) starts in
    // the window's heavier group and leaves it. Protective (K far above the CPUs): below every
    // other thread of the process, the GUI's above all, in a cpu cgroup of the shards' own where
    // one can be made, at a background schedule (ShardCpuGroup and ThreadSchedule say why). A
    // thread refused either runs as before.
    if (m_context.schedule == ShardSchedule::Protective) {
        ShardCpuGroup::instance().joinThisThread();
        ThreadSchedule::background().applyToThisThread();
    } else if (const ShardCpuGroup *window = ShardCpuGroup::windowIfMade()) {
        window->leaveThisThread();
    }
    if (m_pinCpu >= 0) {
        cpu_set_t set;
        CPU_ZERO(&set);
        CPU_SET(m_pinCpu, &set);
        if (pthread_setaffinity_np(pthread_self(), sizeof(set), &set) == 0)
            m_report.cpu = m_pinCpu;
    }
    clockid_t clock;
    if (pthread_getcpuclockid(pthread_self(), &clock) == 0)
        m_cpuClock.store(clock);

    // Before reporting ready, so that sorting counts as start-up overhead, runs in parallel on
    // every shard, and stays out of the measured run. Memory is checked before a run
    // (MemoryGuard), but an estimate can be wrong: an allocation that fails here fails this
    // shard's tasks with a message instead of ending the process.
    bool ordered = false;
    try {
        ordered = orderSlice();
    } catch (const std::bad_alloc &) {
        m_taskAt.reset();
        m_inputAt.reset();
        m_sliceSize = m_slice.size();
        failOutOfMemory(0, "ordering");
    }
    {
        // The arena outlives the queue: frames still parked when the queue goes are resumed by
        // its destructor and free themselves into the arena.
        FrameArena arena;
        arena.makeCurrent();
        TimerQueue queue;
        std::optional<HttpClient> http;
        if (m_context.http)
            http.emplace(*m_context.http, m_context.spreadSources);
        {
            std::lock_guard lock(m_queueMutex);
            m_queue = &queue;
            m_arena = &arena;
            m_http = http ? &*http : nullptr;
        }
        if (ordered && m_sliceSize > 0)
            prepareMemory(queue, arena);
        m_ready.release();
        // A shard with nothing to run ends here, before t0: 1023 empty shards of a 1-task run
        // must not be woken after t0 and delay the one that has the task.
        if (ordered && m_sliceSize > 0) {
            const std::int64_t t0Ns = awaitT0();
            if (t0Ns != kNoStart) {
                if (m_context.readyQueue)
                    m_context.readyQueue->attach(m_index, [this] { postDrain(); });
                startSlice(t0Ns);
                exec();
                closeWorkBatch(); // a cancelled slice may end with one open
                if (m_context.readyQueue) {
                    m_context.readyQueue->detach(m_index);
                    // Stealing: the loop ran until every loop's tasks had ended, not its own.
                    m_report.cpuNs = threadCpuNs() - m_cpuStartNs;
                }
            }
        }
        std::lock_guard lock(m_queueMutex);
        m_queue = nullptr;
        m_arena = nullptr;
        m_http = nullptr;
    }
    // Outside the queue's scope: the frames and the sleeps are gone, their memory is free for the
    // copy this takes.
    if (m_started)
        putTimingsInTaskOrder();
    m_taskAt.reset();
    m_inputAt.reset();
    // Publishes the report and the timings this thread wrote. QThread::wait() orders them too,
    // but through Qt's own (uninstrumented) mutex; this pair makes the hand-over explicit and
    // visible to ThreadSanitizer.
    m_published.store(true, std::memory_order_release);
}

bool Shard::waitUntilReady(QDeadlineTimer deadline)
{
    // Qt 6.4 has no QDeadlineTimer overload; -1 (Forever) waits without a limit here too.
    return m_ready.tryAcquire(1, static_cast<int>(deadline.remainingTime()));
}

std::int64_t Shard::awaitT0() const
{
    // A futex wait: every shard sleeps until ShardSet publishes t0 (or kNoStart) and wakes them
    // all with one call. The slices are already here, so nothing is posted after t0.
    const std::atomic<std::int64_t> &t0 = *m_context.t0Ns;
    std::int64_t value = t0.load(std::memory_order_acquire);
    while (value == 0) {
        t0.wait(0, std::memory_order_acquire);
        value = t0.load(std::memory_order_acquire);
    }
    return value;
}

void Shard::requestCancel()
{
    std::lock_guard lock(m_queueMutex);
    if (!m_started) {
        quit(); // no task exists, nothing to drain; quit() before exec() makes exec() return at
                // once
        return;
    }
    if (m_queue) {
        QMetaObject::invokeMethod(
            m_queue, [this] { dropSleepingTasks(); }, Qt::QueuedConnection);
    }
}

bool Shard::orderSlice()
{
    // Tasks start in the order they will wake: their sleeps then land in the timer queue's sorted
    // run (O(1) each, no heap), and their coroutine frames are allocated in wake-up order, so
    // firing walks memory front to back. The keys are (io << 32 | id); a stable LSD radix sort on
    // the io half keeps ties in task order (a slice lists its ids in ascending order), so the
    // schedule is deterministic. Radix rather than std::sort: ~5x faster at ten million tasks
    // (a few passes of 11 bits, O(n) each), and every pass can stop at a cancel check, where one
    // std::sort call of a 10M slice runs for most of a second.
    const std::atomic<bool> &cancel = *m_context.cancel;
    auto cancelledAt = [&cancel](std::size_t i) {
        return i % kCancelCheckTasks == 0 && cancel.load(std::memory_order_relaxed);
    };
    const TaskPlan &plan = *m_context.plan;
    const std::size_t n = m_slice.size();
    m_sliceSize = n;
    // new[] without a value: no 80 MB memset that no cancel check can interrupt; every page is
    // first written by a loop that looks at the flag.
    std::unique_ptr<std::uint64_t[]> keys = uninitialisedArray<std::uint64_t>(n);
    std::uint32_t maxIo = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (cancelledAt(i))
            return false;
        const std::uint32_t task = m_slice.at(i);
        maxIo = std::max(maxIo, plan.ioUs(task));
        keys[i] = (std::uint64_t{plan.ioUs(task)} << 32) | task;
    }
    constexpr int kDigitBits = 11; // 2048 counters: 16 KB, stays in L1
    constexpr std::uint64_t kDigitMask = (1U << kDigitBits) - 1;
    std::unique_ptr<std::uint64_t[]> sorted = uninitialisedArray<std::uint64_t>(n);
    for (int shift = 32; shift < 64 && (std::uint64_t{maxIo} >> (shift - 32)) != 0;
         shift += kDigitBits) {
        std::array<std::size_t, kDigitMask + 1> start{};
        for (std::size_t i = 0; i < n; ++i) {
            if (cancelledAt(i))
                return false;
            ++start[(keys[i] >> shift) & kDigitMask];
        }
        std::size_t sum = 0;
        for (std::size_t &s : start)
            sum += std::exchange(s, sum);
        for (std::size_t i = 0; i < n; ++i) {
            if (cancelledAt(i))
                return false;
            sorted[start[(keys[i] >> shift) & kDigitMask]++] = keys[i];
        }
        keys.swap(sorted);
    }
    sorted.reset();
    m_taskAt = uninitialisedArray<std::uint32_t>(n);
    m_inputAt = uninitialisedArray<TaskInput>(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (cancelledAt(i))
            return false;
        const auto task = static_cast<std::uint32_t>(keys[i]);
        m_taskAt[i] = task;
        m_inputAt[i] = {static_cast<std::uint32_t>(keys[i] >> 32)};
    }
    return true;
}

void Shard::prepareMemory(TimerQueue &queue, FrameArena &arena)
{
    // Only speed: a shard that cannot reserve (or is cancelled meanwhile) allocates as it goes.
    // Below kPrepareMinTasks it does not try: malloc's free lists serve a few thousand frames
    // without a page fault, while mapping and touching a fresh region added 4-8 ms to the start
    // of a 10,000-task run (measured with bench_timers --tasks 10000).
    if (m_sliceSize < kPrepareMinTasks)
        return;
    const std::atomic<bool> *cancel = m_context.cancel;
    try {
        if (!queue.reserve(m_sliceSize, cancel))
            return;
    } catch (const std::bad_alloc &) {
        return;
    }
    // What the compiler made of runTask's frame: create one (it starts suspended, so it touches
    // nothing) and destroy it. The probe's frame comes from operator new: nothing is mapped yet.
    (void)runTask(0, 0);
    arena.reserve(m_sliceSize, arena.largestFrameBytes(), cancel);
}

void Shard::startSlice(std::int64_t t0Ns)
{
    {
        std::lock_guard lock(m_queueMutex);
        m_started = true;
    }
    m_t0Ns = t0Ns;
    m_cpuStartNs = threadCpuNs();
    const std::atomic<bool> &cancel = *m_context.cancel;
    if (cancel.load(std::memory_order_relaxed)) {
        if (m_context.readyQueue) {
            finishTasks(static_cast<std::int64_t>(m_sliceSize)); // the run ends with the others
            return;
        }
        m_finished.store(static_cast<std::int64_t>(m_sliceSize));
        quit();
        return;
    }
    const TaskPlan &plan = *m_context.plan;
    // Creating ten million coroutines takes a while: a cancel is looked at every
    // kCancelCheckTasks of them (well under a millisecond apart).
    std::size_t created = 0;
    m_queue->beginBatch();
    try {
        for (; created < m_sliceSize; ++created) {
            if (created % kCancelCheckTasks == 0 && created > 0) {
                if (cancel.load(std::memory_order_relaxed))
                    break;
                // The inputs of the tasks created so far are never read again: give their pages
                // back now, so that they and the frames are not resident at the same time (8 B
                // per task of the peak).
                ResidentPages::release(m_inputAt.get(), created * sizeof(TaskInput));
            }
            // Fire and forget: the frame frees itself when the body ends. Nothing inside can
            // throw out of the body (see completeTask), so nothing is lost; only allocating the
            // frame can throw, before the body runs.
            constexpr std::size_t kAhead = 32;
            if (created + kAhead < m_sliceSize)
                plan.prefetchIterations(m_taskAt[created + kAhead]);
            if (m_http) {
                runHttpTask(static_cast<std::uint32_t>(created), plan.iterations(m_taskAt[created]))
                    .start();
            } else {
                runTask(static_cast<std::uint32_t>(created), plan.iterations(m_taskAt[created]))
                    .start();
            }
        }
    } catch (const std::bad_alloc &) {
        failOutOfMemory(created, "starting"); // frees the frames before anything allocates again
        m_queue->endBatch();
        return;
    }
    m_queue->endBatch();
    m_report.createdNs = nowNs() - m_t0Ns;
    m_inputAt.reset();
    if (created < m_sliceSize) {
        // Cancelled while creating: the tasks that exist are all that will finish. Every one of
        // them is suspended (a sleep never completes inline), so none has finished yet.
        if (m_context.readyQueue)
            m_context.readyQueue->retire(static_cast<std::int64_t>(m_sliceSize - created));
        m_sliceSize = created;
        dropSleepingTasks();
    }
}

void Shard::failOutOfMemory(std::size_t started, const char *doing)
{
    // The tasks that never started count as failed; those that did are woken now and end without
    // running, which frees their frames, and the last of them quits the loop. Only then is the
    // message built: until the frames are gone, any allocation may fail again.
    const std::size_t total = m_sliceSize;
    m_report.tasksFailed += static_cast<std::int64_t>(total - started);
    m_sliceSize = started;
    if (m_context.readyQueue) // stealing: the loop stays to run the other loops' CPU parts
        m_context.readyQueue->retire(static_cast<std::int64_t>(total - started));
    if (started == 0) {
        if (!m_context.readyQueue)
            quit(); // nothing exists: a quit() before exec() makes exec() return at once
    } else if (m_http) {
        m_http->cancelAll();
    } else {
        m_queue->cancelAll();
    }
    if (!m_report.error.isEmpty())
        return;
    try {
        m_report.error = QStringLiteral("out of memory %1 its tasks (%2 of %3 started)")
                             .arg(QLatin1String(doing))
                             .arg(WholeNumber::group(std::uint64_t{started}),
                                  WholeNumber::group(std::uint64_t{total}));
    } catch (const std::bad_alloc &) {
        m_report.error = QStringLiteral("out of memory"); // static text: allocates nothing
    }
}

void Shard::dropSleepingTasks()
{
    // Called from the event loop (or the creation loop), never from inside a task: every task
    // that has not finished is suspended at its one co_await, on m_queue, and its frame holds
    // only a pointer, two integers and the awaiter, none with a destructor. Forgetting their
    // handles and unmapping the arena ends them all at once. Resuming each instead (what
    // cancelAll() does) took 400 ms at ten million tasks, one cache miss and one free per frame.
    if (m_http) {
        // Exchanges own sockets and are at most a few hundred thousand: each is resumed, closes
        // its socket and ends (the last one quits the loop).
        const bool none = m_http->pending() == 0;
        m_http->cancelAll();
        if (none && !m_context.readyQueue &&
            static_cast<std::size_t>(tasksFinished()) == m_sliceSize)
            quit();
        return;
    }
    const std::size_t sleeping = m_queue->pending();
    if (m_arena->liveOutside() > 0 || m_arena->liveInMapping() != sleeping) {
        // Some frame did not come from the mapping (or is not where it should be): those must
        // run their end to be freed.
        m_queue->cancelAll();
        return;
    }
    m_queue->forgetAll();
    m_arena->release();
    finishTasks(static_cast<std::int64_t>(sleeping));
    if (sleeping == 0 && !m_context.readyQueue)
        quit(); // already finished, or nothing was created
}

ArenaTask Shard::runTask(std::uint32_t rank, std::uint32_t iterations)
{
    // Keep this coroutine to the one suspension point: everything after it lives in an ordinary
    // function, so the frame (one per task, alive for the whole IO wait; 80 B with GCC 12) holds
    // only `this`, the rank, the iterations and the awaiter with its deadline. That, and the
    // arena, is what lets ten million tasks fit in 1.3 GB.
    const TimerQueue::SleepAwaiter sleep =
        m_queue->sleepUntil(m_t0Ns + std::int64_t{m_inputAt[rank].ioUs} * 1000);
    const bool due = co_await sleep;
    completeTask(rank, iterations, sleep.deadlineNs(), due);
}

ArenaTask Shard::runHttpTask(std::uint32_t rank, std::uint32_t iterations)
{
    const std::int64_t dueNs = m_t0Ns + std::int64_t{m_inputAt[rank].ioUs} * 1000;
    // The server's body depends on the task's id in the whole plan (a worker's plan is a slice).
    HttpClient::Exchange exchange = m_http->fetch(m_context.plan->taskId(m_taskAt[rank]), dueNs);
    const HttpFailure failure = co_await exchange;
    if (failure == HttpFailure::None) {
        m_report.bytesReceived += static_cast<std::int64_t>(exchange.bodyBytes());
        auto us = [](std::int64_t ns) {
            return static_cast<std::int32_t>(std::clamp<std::int64_t>(ns / 1000, 0, INT32_MAX));
        };
        try {
            m_report.connectUs.push_back(us(exchange.connectNs()));
            m_report.firstByteUs.push_back(us(exchange.firstByteNs()));
            if (exchange.serverLateUs() >= 0)
                m_report.serverLateUs.push_back(us(exchange.serverLateUs() * 1000));
        } catch (const std::bad_alloc &) {
            // The figures of this exchange are lost; the task still counts.
        }
        completeTask(rank, iterations, dueNs, true, exchange.bodyDigest());
    } else if (failure == HttpFailure::Cancelled) {
        completeTask(rank, iterations, dueNs, false);
    } else {
        noteHttpFailure(m_taskAt[rank], failure);
        finishTasks(1);
    }
}

void Shard::noteHttpFailure(std::uint32_t task, HttpFailure failure) noexcept
{
    ++m_report.httpFailures[static_cast<std::size_t>(failure)];
    try {
        noteFailure(task, httpFailureMessage(failure).toUtf8().constData());
    } catch (...) {
        ++m_report.tasksFailed; // no memory for the message: still counted
    }
}

void Shard::completeTask(std::uint32_t rank, std::uint32_t iterations, std::int64_t dueNs, bool due,
                         std::uint64_t bodyDigest) noexcept
{
    const std::uint32_t task = m_taskAt[rank];
    if (!m_context.readyQueue) {
        runCpuPart(task, m_slice.at(rank), iterations, dueNs, due, bodyDigest);
        m_recordedRanks = std::max<std::size_t>(m_recordedRanks, rank + 1);
        finishTasks(1);
        return;
    }
    // Stealing: the CPU part goes to the shared queue and this coroutine ends here, on its owner
    // (its frame belongs to this loop's arena). A task without CPU work has nothing to share and
    // ends in place, as does a cancelled one.
    if (due && iterations > 0 && !m_context.cancel->load(std::memory_order_relaxed)) {
        try {
            m_context.readyQueue->push({task, iterations, dueNs, bodyDigest, m_index}, m_index);
            postDrain();
            return;
        } catch (const std::bad_alloc &) {
            // No room in the queue: this loop runs the part itself.
        }
    }
    runCpuPart(task, task, iterations, dueNs, due, bodyDigest);
    finishTasks(1);
}

void Shard::postDrain()
{
    if (!m_drainQueued.exchange(true))
        QMetaObject::invokeMethod(
            m_queue, [this] { drain(); }, Qt::QueuedConnection);
}

void Shard::drain() noexcept
{
    m_drainQueued.store(false);
    const std::int64_t startNs = nowNs();
    while (const std::optional<CpuPart> part = m_context.readyQueue->pop(m_index)) {
        if (runCpuPart(part->task, part->task, part->iterations, part->dueNs, true,
                       part->bodyDigest) &&
            part->owner != m_index)
            ++m_report.tasksMoved;
        finishTasks(1);
        if (nowNs() - startNs >= kDrainSliceNs) {
            postDrain();
            return;
        }
    }
    // Parked: the loop may sleep a while, and that must not fall inside a CPU-time batch.
    closeWorkBatch();
}

bool Shard::runCpuPart(std::uint32_t task, std::size_t slot, std::uint32_t iterations,
                       std::int64_t dueNs, bool due, std::uint64_t bodyDigest) noexcept
{
    const std::atomic<bool> &cancel = *m_context.cancel;
    bool ran = false;
    if (due && !cancel.load(std::memory_order_relaxed)) {
        const std::int64_t resumedNs = nowNs();
        noteLag(resumedNs, resumedNs - dueNs);
        // Nobody awaits the task: catch here so a failure is counted and reported instead of
        // vanishing.
        try {
            if (static_cast<std::int64_t>(task) == m_context.failTask)
                throw std::runtime_error("injected failure (--fail-task)");
            const TaskPlan &plan = *m_context.plan;
            // A task's work is the CPU time its kernel used, read off this thread's CPU clock:
            // wall time would count the time the thread was preempted inside the kernel, and on
            // a busy machine the bound would grow with the contention. The clock is a system
            // call here (bench_busy: ~200 ns of CPU a read, against ~20 ns for the monotonic
            // clock), too dear around each of millions of 1 us kernels, so kernels are timed in
            // batches (kWorkBatchTasks kernels or kWorkBatchNs of their wall time, whichever
            // comes first): one read before the first and one after the last, and each kernel's
            // work is its wall time times the batch's CPU time over the kernels' wall time. A
            // kernel of 100 us or more is a batch of its own, so its work is its own CPU time;
            // in a batch of tiny kernels the loop's own CPU between them counts too, which can
            // hide preemption up to that much, never more than the kernels' wall time.
            if (iterations > 0 && m_batchCpuStartNs < 0)
                m_batchCpuStartNs = threadCpuNs();
            const std::uint64_t result =
                runKernel(plan.spec().kernel, iterations, plan.kernelInput(task), &cancel);
            // A task without CPU work is done when it resumes: its kernel does nothing. Reading
            // the clock (kvm-clock here: 30 ns) only to learn that would be a third of the
            // loop's time per task at ten million tasks.
            const std::int64_t doneNs = iterations == 0 ? resumedNs : nowNs();
            if (!cancel.load(std::memory_order_relaxed)) {
                m_report.checksum += checksumTerm(result ^ bodyDigest);
                if (m_context.results)
                    m_context.results[task] = result ^ bodyDigest;
                // Threads: written in wake-up order, to this shard's own slots of the table
                // (front to back); putTimingsInTaskOrder() moves them under their task ids after
                // the run. Written under the task id at once, each record was a cache miss at a
                // random place, and with a clock read beside it that cost 35 ns per task: a
                // third of the loop's time at ten million tasks. Stealing pays that: a loop runs
                // other loops' tasks, so `slot` is the task id.
                m_context.timings[slot] = {resumedNs - m_t0Ns, doneNs - m_t0Ns, 0};
                if (m_context.cpuLoops)
                    m_context.cpuLoops[task] = static_cast<std::uint16_t>(m_index);
                if (iterations > 0)
                    addToWorkBatch(slot, doneNs - resumedNs);
                ++m_report.tasksDone;
                addRelaxed(m_busyNs, doneNs - resumedNs);
                ran = true;
            }
        } catch (const std::exception &e) {
            noteFailure(task, e.what());
        } catch (...) {
            noteFailure(task, "unknown exception");
        }
    }
    return ran;
}

void Shard::addToWorkBatch(std::size_t slot, std::int64_t wallNs) noexcept
{
    m_batchSlots[m_batchSize++] = slot;
    m_batchWallNs += wallNs;
    if (m_batchWallNs >= kWorkBatchNs || m_batchSize == kWorkBatchTasks)
        closeWorkBatch();
}

void Shard::closeWorkBatch() noexcept
{
    if (m_batchCpuStartNs < 0)
        return;
    const auto cpuNs = static_cast<double>(threadCpuNs() - m_batchCpuStartNs);
    const double share =
        m_batchWallNs > 0 ? std::min(1.0, cpuNs / static_cast<double>(m_batchWallNs)) : 0.0;
    for (std::size_t i = 0; i < m_batchSize; ++i) {
        TaskTiming &t = m_context.timings[m_batchSlots[i]];
        t.workNs = std::llround(static_cast<double>(t.doneNs - t.resumedNs) * share);
    }
    m_batchCpuStartNs = -1;
    m_batchWallNs = 0;
    m_batchSize = 0;
}

void Shard::putTimingsInTaskOrder()
{
    // The record of rank r sits in slot m_slice.at(r) and belongs in slot m_taskAt[r]: both are
    // this shard's slots, so the move stays inside them (ranks never created moved too: their
    // slots still say "did not run"). Copied out first, then scattered: the scatter's writes do
    // not depend on each other, so their cache misses overlap (~5 ns each, ~60 ms at ten
    // million tasks, after the shard's last task: join overhead, not wall time). Only ranks
    // below m_recordedRanks have a record; every other slot still says "did not run", so a run
    // cancelled while its tasks slept moves nothing.
    TaskTiming *const table = m_context.timings;
    const std::size_t n = m_recordedRanks;
    if (!m_taskAt || n == 0)
        return;
    struct Record // TaskTiming without its initialisers: new[] leaves it unwritten
    {
        std::int64_t resumedNs;
        std::int64_t doneNs;
        std::int64_t workNs;
    };
    if (std::unique_ptr<Record[]> byRank{new (std::nothrow) Record[n]}) {
        ResidentPages::adviseHuge(byRank.get(), n * sizeof(Record));
        for (std::size_t r = 0; r < n; ++r) {
            TaskTiming &t = table[m_slice.at(r)];
            byRank[r] = {t.resumedNs, t.doneNs, t.workNs};
            t = {}; // unless a record lands here below, this slot's task did not run
        }
        for (std::size_t r = 0; r < n; ++r)
            table[m_taskAt[r]] = {byRank[r].resumedNs, byRank[r].doneNs, byRank[r].workNs};
        return;
    }
    // No memory for the copy: follow each cycle of the permutation in place (one dependent cache
    // miss per task, seconds at ten million, but no allocation). The top bit of m_taskAt marks
    // the ranks already placed: a plan holds at most 50 million tasks, far below 2^31.
    constexpr std::uint32_t kPlaced = 1U << 31;
    auto rankOf = [this](std::uint32_t task) {
        return static_cast<std::size_t>((task - m_slice.begin) / m_slice.stride);
    };
    for (std::size_t start = 0; start < m_slice.size(); ++start) {
        if (m_taskAt[start] & kPlaced)
            continue;
        TaskTiming carried = table[m_slice.at(start)];
        std::size_t at = start;
        do {
            const std::size_t to = rankOf(m_taskAt[at]);
            m_taskAt[at] |= kPlaced;
            std::swap(carried, table[m_slice.at(to)]);
            at = to;
        } while (at != start);
    }
}

void Shard::noteFailure(std::uint32_t task, const char *what) noexcept
{
    ++m_report.tasksFailed;
    if (!m_report.error.isEmpty())
        return;
    try {
        m_report.error = QStringLiteral("task %1: %2").arg(task).arg(QString::fromUtf8(what));
    } catch (...) {
        // Out of memory for the message: the failure is still counted.
    }
}

void Shard::finishTasks(std::int64_t count)
{
    const std::int64_t finished = m_finished.load(std::memory_order_relaxed) + count;
    m_finished.store(finished, std::memory_order_relaxed);
    if (m_context.readyQueue) {
        // Stealing: `count` tasks ended on this loop, whichever slice they came from; the run's
        // last one quits every loop (ShardSet).
        if (count > 0) {
            m_report.finishNs = nowNs() - m_t0Ns;
            m_context.readyQueue->retire(count);
        }
        return;
    }
    if (count > 0 && static_cast<std::size_t>(finished) == m_sliceSize) {
        closeWorkBatch();
        m_report.finishNs = nowNs() - m_t0Ns;
        m_report.cpuNs = threadCpuNs() - m_cpuStartNs;
        quit();
    }
}

ShardReport Shard::report() const
{
    if (!m_published.load(std::memory_order_acquire))
        return {}; // still running: nothing final to report
    ShardReport r = m_report;
    r.busyNs = m_busyNs.load();
    return r;
}

void Shard::noteLag(std::int64_t resumedNs, std::int64_t lagNs)
{
    constexpr auto relaxed = std::memory_order_relaxed;
    const std::int64_t age = resumedNs - m_lagWindowStartNs.load(relaxed);
    if (age >= kLagWindowNs) {
        // A new window; the one before it is kept only if it is the direct predecessor.
        m_previousLagWindowMaxNs.store(age < 2 * kLagWindowNs ? m_lagWindowMaxNs.load(relaxed) : 0,
                                       relaxed);
        m_lagWindowMaxNs.store(lagNs, relaxed);
        m_lagWindowStartNs.store(resumedNs, relaxed);
    } else if (lagNs > m_lagWindowMaxNs.load(relaxed)) {
        m_lagWindowMaxNs.store(lagNs, relaxed);
    }
}

std::int64_t Shard::recentMaxLagNs(std::int64_t atNs) const
{
    constexpr auto relaxed = std::memory_order_relaxed;
    const std::int64_t age = atNs - m_lagWindowStartNs.load(relaxed);
    if (age >= 2 * kLagWindowNs)
        return 0; // nothing resumed lately: no lag to show
    const std::int64_t current = m_lagWindowMaxNs.load(relaxed);
    return age >= kLagWindowNs ? current
                               : std::max(current, m_previousLagWindowMaxNs.load(relaxed));
}
