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

    // Before reporting ready, so that sorting (~40 ms for half a million tasks) counts as start-up
    // overhead, runs in parallel on every shard, and stays out of the measured run.
    // Memory is checked before a run (MemoryGuard), but an estimate can be wrong: an allocation
    // that fails here fails this shard's tasks with a message instead of ending the process.
    try {
        orderSlice();
    } catch (const std::bad_alloc &) {
        std::vector<std::uint32_t>().swap(m_order);
        m_sliceFailed = true;
    }
    {
        TimerQueue queue;
        {
            std::lock_guard lock(m_queueMutex);
            m_queue = &queue;
        }
        m_ready.release();
        exec();
        std::lock_guard lock(m_queueMutex);
        m_queue = nullptr;
    }
    // Publishes the report and the timings this thread wrote. QThread::wait() orders them too,
    // but through Qt's own (uninstrumented) mutex; this pair makes the hand-over explicit and
    // visible to ThreadSanitizer.
    m_published.store(true, std::memory_order_release);
}

bool Shard::waitUntilReady(int timeoutMs)
{
    if (!m_ready.tryAcquire(1, timeoutMs))
        return false;
    m_ready.release(); // stays ready for a second caller
    return true;
}

void Shard::post(std::int64_t t0Ns)
{
    std::lock_guard lock(m_queueMutex);
    if (m_queue) {
        m_posted = true;
        QMetaObject::invokeMethod(
            m_queue, [this, t0Ns] { startSlice(t0Ns); }, Qt::QueuedConnection);
    }
}

void Shard::requestCancel()
{
    std::lock_guard lock(m_queueMutex);
    if (!m_posted) {
        quit(); // no slice, nothing to drain; quit() before exec() makes exec() return at once
        return;
    }
    if (m_queue) {
        QMetaObject::invokeMethod(
            m_queue, [this] { m_queue->cancelAll(); }, Qt::QueuedConnection);
    }
}

void Shard::orderSlice()
{
    // Tasks start in the order they will wake: their sleeps then land in the timer queue's sorted
    // run (O(1) each, no heap), and their coroutine frames are allocated in wake-up order, so
    // firing walks memory front to back. Sorting (io << 32 | id) keys keeps ties in task order
    // (a deterministic schedule) and sorts plain integers, not a comparator over the plan.
    const TaskPlan &plan = *m_context.plan;
    const std::size_t n = m_slice.size();
    std::vector<std::uint64_t> keys(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t task = m_slice.at(i);
        keys[i] = (std::uint64_t{plan.ioUs(task)} << 32) | task;
    }
    std::sort(keys.begin(), keys.end());
    m_order.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        m_order[i] = static_cast<std::uint32_t>(keys[i]);
}

void Shard::startSlice(std::int64_t t0Ns)
{
    m_t0Ns = t0Ns;
    m_sliceSize = m_sliceFailed ? m_slice.size() : m_order.size();
    m_report.tasks = static_cast<std::int64_t>(m_sliceSize);
    m_cpuStartNs = threadCpuNs();
    if (m_sliceFailed) {
        failOutOfMemory(0, "ordering");
        return;
    }
    if (m_sliceSize == 0 || m_context.cancel->load(std::memory_order_relaxed)) {
        m_finished.store(static_cast<std::int64_t>(m_sliceSize));
        quit();
        return;
    }
    const TaskPlan &plan = *m_context.plan;
    std::size_t started = 0;
    m_queue->beginBatch();
    try {
        m_queue->reserve(m_sliceSize);
        for (const std::uint32_t task : m_order) {
            // Fire and forget: the Task handle is dropped, the coroutine frame frees itself when
            // the body ends. Nothing inside can throw out of the body (see runTask), so nothing
            // is lost; only allocating the frame can throw, before the body runs.
            (void)runTask(task, t0Ns + plan.ioNs(task));
            ++started;
        }
    } catch (const std::bad_alloc &) {
        m_queue->endBatch();
        std::vector<std::uint32_t>().swap(m_order);
        failOutOfMemory(started, "starting");
        return;
    }
    m_queue->endBatch();
    std::vector<std::uint32_t>().swap(m_order); // 4 B per task, no longer needed
}

void Shard::failOutOfMemory(std::size_t started, const char *while_)
{
    // The tasks that never started count as failed and as finished; those that did are woken
    // now and end without running, so the shard quits instead of waiting for them.
    const std::size_t lost = m_sliceSize - started;
    m_report.tasksFailed += static_cast<std::int64_t>(lost);
    if (m_report.error.isEmpty())
        m_report.error = QStringLiteral("out of memory %1 its tasks (%2 of %3 started)")
                             .arg(QLatin1String(while_))
                             .arg(WholeNumber::group(std::uint64_t{started}),
                                  WholeNumber::group(std::uint64_t{m_sliceSize}));
    m_finished.store(static_cast<std::int64_t>(lost), std::memory_order_relaxed);
    if (started == 0) {
        m_report.finishNs = nowNs() - m_t0Ns;
        quit();
        return;
    }
    m_queue->cancelAll();
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
