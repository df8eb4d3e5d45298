#include "timerqueue.h"

#include "clock.h"

#include <algorithm>

namespace {
// std heap algorithms build a max-heap: invert the order to keep the earliest deadline on top.
struct Later
{
    template <typename E> bool operator()(const E &a, const E &b) const
    {
        return a.deadlineNs > b.deadlineNs;
    }
};
} // namespace

TimerQueue::TimerQueue(QObject *parent)
    : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &TimerQueue::fire);
}

TimerQueue::~TimerQueue()
{
    // Frames still parked here would leak; resuming them lets each coroutine unwind and free
    // itself. Normally the heap is already empty.
    cancelAll();
}

void TimerQueue::push(std::int64_t deadlineNs, std::coroutine_handle<> handle)
{
    m_heap.push_back({deadlineNs, handle});
    std::push_heap(m_heap.begin(), m_heap.end(), Later{});
    if (m_cancelled) {
        // A task that sleeps after cancellation must not wait for its deadline.
        if (!m_firing)
            QTimer::singleShot(0, this, &TimerQueue::cancelAll);
        return;
    }
    if (m_batchDepth == 0 && !m_firing && deadlineNs < m_armedNs)
        rearm();
}

void TimerQueue::endBatch()
{
    if (--m_batchDepth == 0 && !m_firing)
        rearm();
}

TimerQueue::Entry TimerQueue::popEarliest()
{
    std::pop_heap(m_heap.begin(), m_heap.end(), Later{});
    const Entry e = m_heap.back();
    m_heap.pop_back();
    return e;
}

void TimerQueue::fire()
{
    m_armedNs = INT64_MAX;
    m_firing = true;
    // Resume only what was due when this tick began, then return to the event loop: queued calls
    // (cancel, quit) get their turn between batches, as in any event loop. Whatever became due
    // while this batch ran is picked up by the next tick, with its lateness honestly recorded.
    const std::int64_t now = nowNs();
    while (!m_heap.empty() && m_heap.front().deadlineNs <= now)
        popEarliest().handle.resume();
    m_firing = false;
    if (m_cancelled)
        cancelAll();
    else
        rearm();
}

void TimerQueue::rearm()
{
    if (m_heap.empty()) {
        m_timer.stop();
        m_armedNs = INT64_MAX;
        return;
    }
    const std::int64_t earliest = m_heap.front().deadlineNs;
    if (earliest == m_armedNs && m_timer.isActive())
        return;
    // QTimer counts whole milliseconds: round up so a tick never comes early.
    const std::int64_t remainingNs = std::max<std::int64_t>(0, earliest - nowNs());
    const auto ms = static_cast<int>(
        std::min<std::int64_t>((remainingNs + 999'999) / 1'000'000, std::int64_t{INT32_MAX}));
    m_timer.start(ms);
    m_armedNs = earliest;
}

void TimerQueue::cancelAll()
{
    m_cancelled = true;
    m_timer.stop();
    m_armedNs = INT64_MAX;
    if (m_firing)
        return; // fire() calls back once its batch is done
    // Order does not matter for a cancel: take the whole array and resume in place, O(n) with no
    // heap maintenance (a million parked tasks drain in tens of milliseconds, not hundreds).
    // A task that sleeps again meanwhile lands in the fresh heap and is cancelled in turn.
    m_firing = true;
    std::vector<Entry> parked;
    parked.swap(m_heap);
    for (const Entry &e : parked)
        e.handle.resume();
    m_firing = false;
    if (!m_heap.empty())
        QTimer::singleShot(0, this, &TimerQueue::cancelAll);
}
