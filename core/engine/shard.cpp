// SPDX-License-Identifier: MIT
#include "core/engine/shard.h"

#include "core/base/clock.h"
#include "core/base/wholenumber.h"
#include "core/engine/timerqueue.h"
#include "core/workload/kernel.h"
#include "core/workload/taskplan.h"

#include <pthread.h>
#include <sched.h>

#include <algorithm>
#include <exception>
#include <new>
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
        std::vector<std::uint32_t>().swap(m_order);
        m_sliceSize = m_slice.size();
        failOutOfMemory(0, "ordering");
    }
    {
        TimerQueue queue;
        {
            std::lock_guard lock(m_queueMutex);
            m_queue = &queue;
        }
        m_ready.release();
        // A shard with nothing to run ends here, before t0: 1023 empty shards of a 1-task run
        // must not be woken after t0 and delay the one that has the task.
        if (ordered && !m_order.empty()) {
            const std::int64_t t0Ns = awaitT0();
            if (t0Ns != kNoStart) {
                startSlice(t0Ns);
                exec();
            }
        }
        std::lock_guard lock(m_queueMutex);
        m_queue = nullptr;
    }
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
            m_queue, [this] { m_queue->cancelAll(); }, Qt::QueuedConnection);
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
    std::vector<std::uint64_t> keys(n);
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
    std::vector<std::uint64_t> sorted(n);
    for (int shift = 32; shift < 64 && (std::uint64_t{maxIo} >> (shift - 32)) != 0;
         shift += kDigitBits) {
        std::vector<std::size_t> start(kDigitMask + 1, 0);
        for (const std::uint64_t key : keys)
            ++start[(key >> shift) & kDigitMask];
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
    std::vector<std::uint64_t>().swap(sorted);
    m_order.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        m_order[i] = static_cast<std::uint32_t>(keys[i]);
    return true;
}

void Shard::startSlice(std::int64_t t0Ns)
{
    {
        std::lock_guard lock(m_queueMutex);
        m_started = true;
    }
    m_t0Ns = t0Ns;
    m_sliceSize = m_order.size();
    m_cpuStartNs = threadCpuNs();
    const std::atomic<bool> &cancel = *m_context.cancel;
    if (cancel.load(std::memory_order_relaxed)) {
        m_finished.store(static_cast<std::int64_t>(m_sliceSize));
        quit();
        return;
    }
    const TaskPlan &plan = *m_context.plan;
    // Creating ten million coroutines takes seconds: a cancel is looked at every
    // kCancelCheckTasks of them (well under a millisecond apart).
    std::size_t created = 0;
    m_queue->beginBatch();
    try {
        m_queue->reserve(m_sliceSize);
        for (; created < m_sliceSize; ++created) {
            if (created % kCancelCheckTasks == 0 && created > 0 &&
                cancel.load(std::memory_order_relaxed))
                break;
            const std::uint32_t task = m_order[created];
            // Fire and forget: the Task handle is dropped, the coroutine frame frees itself when
            // the body ends. Nothing inside can throw out of the body (see runTask), so nothing
            // is lost; only allocating the frame can throw, before the body runs.
            (void)runTask(task, t0Ns + plan.ioNs(task));
        }
    } catch (const std::bad_alloc &) {
        std::vector<std::uint32_t>().swap(m_order);
        failOutOfMemory(created, "starting"); // frees the frames before anything allocates again
        m_queue->endBatch();
        return;
    }
    m_queue->endBatch();
    std::vector<std::uint32_t>().swap(m_order); // 4 B per task, no longer needed
    if (created < m_sliceSize) {
        // Cancelled while creating: the tasks that exist are all that will finish. Every one of
        // them is suspended (a sleep never completes inline), so none has finished yet.
        m_sliceSize = created;
        m_queue->cancelAll(); // the last one to end quits the loop
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
    if (started == 0)
        quit(); // nothing exists: a quit() before exec() makes exec() return at once
    else
        m_queue->cancelAll();
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

QCoro::Task<> Shard::runTask(std::uint32_t task, std::int64_t dueNs)
{
    // Keep this coroutine to the one suspension point: everything after it lives in an ordinary
    // function, so the frame (allocated once per task and alive for the whole IO wait) holds
    // only the parameters and the awaiter. That is what lets a million tasks fit in ~200 MB.
    const bool due = co_await m_queue->sleepUntil(dueNs);
    completeTask(task, dueNs, due);
}

void Shard::completeTask(std::uint32_t task, std::int64_t dueNs, bool due)
{
    const std::atomic<bool> &cancel = *m_context.cancel;
    if (due && !cancel.load(std::memory_order_relaxed)) {
        const std::int64_t resumedNs = nowNs();
        const std::int64_t lag = resumedNs - dueNs;
        noteLag(resumedNs, lag);
        // QCoro 0.8 stores the exception of a task nobody awaits and then drops it: catch here so
        // a failure is counted and reported instead of vanishing.
        try {
            if (static_cast<std::int64_t>(task) == m_context.failTask)
                throw std::runtime_error("injected failure (--fail-task)");
            const TaskPlan &plan = *m_context.plan;
            const std::uint64_t result = runKernel(plan.spec().kernel, plan.iterations(task),
                                                   plan.kernelInput(task), &cancel);
            const std::int64_t doneNs = nowNs();
            if (!cancel.load(std::memory_order_relaxed)) {
                m_report.checksum += checksumTerm(result);
                m_context.timings[task] = {resumedNs - m_t0Ns, doneNs - m_t0Ns};
                ++m_report.tasksDone;
                addRelaxed(m_busyNs, doneNs - resumedNs);
            }
        } catch (const std::exception &e) {
            ++m_report.tasksFailed;
            if (m_report.error.isEmpty())
                m_report.error =
                    QStringLiteral("task %1: %2").arg(task).arg(QString::fromUtf8(e.what()));
        } catch (...) {
            ++m_report.tasksFailed;
            if (m_report.error.isEmpty())
                m_report.error = QStringLiteral("task %1: unknown exception").arg(task);
        }
    }
    finishTask();
}

void Shard::finishTask()
{
    const std::int64_t finished = m_finished.load(std::memory_order_relaxed) + 1;
    m_finished.store(finished, std::memory_order_relaxed);
    if (static_cast<std::size_t>(finished) == m_sliceSize) {
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
