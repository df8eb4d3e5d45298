// SPDX-License-Identifier: MIT
#include "core/engine/timerqueue.h"

#include "core/base/clock.h"
#include "core/base/residentpages.h"

#include <algorithm>
#include <utility>

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
    if (m_runHead == m_run.size()) { // drained: start a new run in place
        m_run.clear();
        m_runHead = 0;
    }
    if (m_run.empty() || deadlineNs >= m_run.back().deadlineNs) {
        m_run.push_back({deadlineNs, handle});
    } else {
        m_heap.push_back({deadlineNs, handle});
        std::push_heap(m_heap.begin(), m_heap.end(), Later{});
    }
    if (m_cancelled) {
        // A task that sleeps after cancellation must not wait for its deadline.
        if (!m_firing)
            QTimer::singleShot(0, this, &TimerQueue::cancelAll);
        return;
    }
    if (m_batchDepth == 0 && !m_firing && deadlineNs < m_armedNs)
        rearm();
}

bool TimerQueue::reserve(std::size_t n, const std::atomic<bool> *cancel)
{
    m_run.reserve(n);
    void *unused = m_run.data() + m_run.size();
    const std::size_t bytes = (m_run.capacity() - m_run.size()) * sizeof(Entry);
    ResidentPages::adviseHuge(unused, bytes);
    return ResidentPages::touch(unused, bytes, cancel);
}

void TimerQueue::endBatch()
{
    if (--m_batchDepth == 0 && !m_firing)
        rearm();
}

std::int64_t TimerQueue::earliestNs() const
{
    std::int64_t earliest = INT64_MAX;
    if (m_runHead < m_run.size())
        earliest = m_run[m_runHead].deadlineNs;
    if (!m_heap.empty())
        earliest = std::min(earliest, m_heap.front().deadlineNs);
    return earliest;
}

TimerQueue::Entry TimerQueue::popEarliest()
{
    if (m_runHead < m_run.size() &&
        (m_heap.empty() || m_run[m_runHead].deadlineNs <= m_heap.front().deadlineNs))
        return m_run[m_runHead++];
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
    for (;;) {
        // The common case first: nothing out of order, walk the sorted run. A resumed task may
        // sleep again (into the run or the heap), so both are looked at after every resume.
        if (m_heap.empty()) {
            if (m_runHead == m_run.size() || m_run[m_runHead].deadlineNs > now)
                break;
            m_run[m_runHead++].handle.resume();
            continue;
        }
        if (earliestNs() > now)
            break;
        popEarliest().handle.resume();
    }
    m_firing = false;
    if (m_cancelled)
        cancelAll();
    else
        rearm();
}

void TimerQueue::rearm()
{
    const std::int64_t earliest = earliestNs();
    if (earliest == INT64_MAX) {
        m_timer.stop();
        m_armedNs = INT64_MAX;
        return;
    }
    if (earliest == m_armedNs && m_timer.isActive())
        return;
    // QTimer counts whole milliseconds: round up so a tick never comes early.
    const std::int64_t remainingNs = std::max<std::int64_t>(0, earliest - nowNs());
    const auto ms = static_cast<int>(
        std::min<std::int64_t>((remainingNs + 999'999) / 1'000'000, std::int64_t{INT32_MAX}));
    m_timer.start(ms);
    m_armedNs = earliest;
}

void TimerQueue::forgetAll()
{
    m_cancelled = true;
    m_timer.stop();
    m_armedNs = INT64_MAX;
    m_heap.clear();
    m_run.clear();
    m_runHead = 0;
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
    std::vector<Entry> run;
    run.swap(m_run);
    const std::size_t runHead = std::exchange(m_runHead, 0);
    for (std::size_t i = runHead; i < run.size(); ++i)
        run[i].handle.resume();
    for (const Entry &e : parked)
        e.handle.resume();
    m_firing = false;
    if (pending() > 0)
        QTimer::singleShot(0, this, &TimerQueue::cancelAll);
}
