// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QTimer>

#include <atomic>
#include <coroutine>
#include <cstdint>
#include <vector>

// A shard's one timer: (deadline, suspended coroutine) pairs in a sorted run plus a binary
// min-heap, driven by a single Qt::PreciseTimer that is always armed to the earliest deadline.
//
// Optimised for a very large number of concurrent sleeps that are each fired exactly once, most of
// them known up front: sleeps that arrive in deadline order cost O(1) to insert and to fire, on a
// flat 16-byte-per-entry array read front to back; the rest cost O(log n) in the heap. No
// allocation per sleep and no per-sleep registration with Qt. One QTimer per sleep
// (QCoro::sleepFor) is O(n) per insert and removal in Qt 6.4's timer list: 100k concurrent sleeps
// took 22-24 s and fired up to 20 s late. The PreciseTimer matters too: the default CoarseTimer
// fires up to 5% of the interval early or late, which would show up as fake lag.
//
// Both the single-loop baseline and every shard use this queue, so the comparison measures
// parallelism and not timer bookkeeping. Lives in, and is used only from, its shard's thread.
class TimerQueue : public QObject
{
    Q_OBJECT
public:
    explicit TimerQueue(QObject *parent = nullptr);
    ~TimerQueue() override;

    class SleepAwaiter
    {
    public:
        // Always suspends, even for a deadline in the past: like sleep(0) in asyncio, a task
        // yields to the loop, so starting a batch never runs task bodies inline.
        bool await_ready() const noexcept { return false; }
        void await_suspend(std::coroutine_handle<> handle) const
        {
            m_queue->push(m_deadlineNs, handle);
        }
        // true: the deadline passed. false: the queue was cancelled; the caller should stop.
        bool await_resume() const noexcept { return !m_queue->isCancelled(); }
        std::int64_t deadlineNs() const noexcept { return m_deadlineNs; }

    private:
        friend class TimerQueue;
        SleepAwaiter(TimerQueue *queue, std::int64_t deadlineNs)
            : m_queue(queue)
            , m_deadlineNs(deadlineNs)
        {}
        TimerQueue *m_queue;
        std::int64_t m_deadlineNs;
    };

    // co_await queue.sleepUntil(deadline): resumes on this queue's thread, from its event loop,
    // at the first timer tick at or after `deadlineNs` (nowNs() clock), or at cancelAll().
    SleepAwaiter sleepUntil(std::int64_t deadlineNs) { return {this, deadlineNs}; }

    // Resumes every pending sleep with `false`, now, and makes later sleeps resume at once.
    void cancelAll();
    // Drops every pending sleep without resuming it, and makes later sleeps resume at once: for
    // an owner that ends the suspended coroutines itself (a shard unmaps their frames in one
    // go instead of resuming ten million of them, which took 400 ms). Their handles are gone
    // afterwards; the owner must make sure nothing else refers to them. Not from inside a task
    // this queue resumed.
    void forgetAll();
    bool isCancelled() const { return m_cancelled; }

    // While a batch is open, inserts do not re-arm the timer; closing it arms once. Starting a
    // slice of a million tasks would otherwise re-arm on every new earliest deadline.
    void beginBatch() { ++m_batchDepth; }
    void endBatch();

    // Room for `n` sleeps pushed in deadline order, made resident now (see ResidentPages): the
    // first push of a million-task slice then faults no page. False when `cancel` (may be null)
    // was set first; the queue works either way.
    bool reserve(std::size_t n, const std::atomic<bool> *cancel = nullptr);
    std::size_t pending() const { return m_run.size() - m_runHead + m_heap.size(); }
    // The deadline the timer is armed for, or INT64_MAX when idle. For tests and diagnostics.
    std::int64_t armedDeadlineNs() const { return m_armedNs; }

private:
    struct Entry
    {
        std::int64_t deadlineNs;
        std::coroutine_handle<> handle;
    };
    void push(std::int64_t deadlineNs, std::coroutine_handle<> handle);
    void fire();
    void rearm();
    Entry popEarliest();
    std::int64_t earliestNs() const; // INT64_MAX when nothing is pending

    // Sleeps pushed in deadline order (a shard starts its slice sorted by due time) append to
    // m_run, a sorted FIFO read from m_runHead: O(1) insert and removal, walked sequentially, so
    // a million-task slice fires without touching a heap. Anything out of order goes to m_heap.
    std::vector<Entry> m_run;
    std::size_t m_runHead = 0;
    std::vector<Entry> m_heap;
    QTimer m_timer;
    std::int64_t m_armedNs = INT64_MAX;
    int m_batchDepth = 0;
    bool m_firing = false;
    bool m_cancelled = false;
};
