#include "shard.h"

#include "clock.h"
#include "kernel.h"
#include "taskplan.h"
#include "timerqueue.h"

#include <pthread.h>
#include <sched.h>

#include <exception>
#include <stdexcept>

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

Shard::Shard(int index, Context context, int pinCpu, QObject *parent)
    : QThread(parent)
    , m_index(index)
    , m_context(context)
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

void Shard::waitUntilReady()
{
    m_ready.acquire();
}

void Shard::post(Slice slice, std::int64_t t0Ns)
{
    std::lock_guard lock(m_queueMutex);
    if (m_queue) {
        m_posted = true;
        QMetaObject::invokeMethod(
            m_queue, [this, slice, t0Ns] { startSlice(slice, t0Ns); }, Qt::QueuedConnection);
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

void Shard::startSlice(Slice slice, std::int64_t t0Ns)
{
    m_t0Ns = t0Ns;
    m_sliceSize = slice.size();
    m_report.tasks = static_cast<std::int64_t>(m_sliceSize);
    m_cpuStartNs = threadCpuNs();
    if (m_sliceSize == 0 || m_context.cancel->load(std::memory_order_relaxed)) {
        m_finished.store(static_cast<std::int64_t>(m_sliceSize));
        quit();
        return;
    }
    const TaskPlan &plan = *m_context.plan;
    m_queue->reserve(m_sliceSize);
    m_queue->beginBatch();
    for (std::size_t i = 0; i < m_sliceSize; ++i) {
        const std::uint32_t task = slice.at(i);
        // Fire and forget: the Task handle is dropped, the coroutine frame frees itself when the
        // body ends. Nothing inside can throw out of the body (see runTask), so nothing is lost.
        (void)runTask(task, t0Ns + plan.ioNs(task));
    }
    m_queue->endBatch();
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
        if (lag > m_recentMaxLagNs.load(std::memory_order_relaxed))
            m_recentMaxLagNs.store(lag, std::memory_order_relaxed);
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
