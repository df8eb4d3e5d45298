// SPDX-License-Identifier: MIT
#include "core/engine/readyqueue.h"

#include <algorithm>

ReadyQueue::ReadyQueue(int loops, std::int64_t tasks, AllEnded allEnded)
    : m_loops(static_cast<std::size_t>(loops))
    , m_outstanding(tasks)
    , m_allEnded(std::move(allEnded))
{
    m_parked.reserve(static_cast<std::size_t>(loops));
}

void ReadyQueue::attach(int loop, std::function<void()> wake)
{
    std::lock_guard lock(m_mutex);
    Loop &l = m_loops[static_cast<std::size_t>(loop)];
    l.wake = std::move(wake);
    l.attached = true;
    l.parked = true;
    m_parked.push_back(loop);
}

void ReadyQueue::detach(int loop)
{
    std::lock_guard lock(m_mutex);
    unpark(loop);
    Loop &l = m_loops[static_cast<std::size_t>(loop)];
    l.attached = false;
    l.wake = nullptr;
}

void ReadyQueue::unpark(int loop)
{
    Loop &l = m_loops[static_cast<std::size_t>(loop)];
    if (!l.parked)
        return;
    l.parked = false;
    m_parked.erase(std::find(m_parked.begin(), m_parked.end(), loop));
}

void ReadyQueue::push(const CpuPart &part, int from)
{
    std::lock_guard lock(m_mutex);
    m_parts.push_back(part);
    unpark(from);
    // The loop parked last is likeliest still on a warm core.
    if (!m_parked.empty()) {
        const int other = m_parked.back();
        unpark(other);
        m_loops[static_cast<std::size_t>(other)].wake();
    }
}

std::optional<CpuPart> ReadyQueue::pop(int loop)
{
    std::lock_guard lock(m_mutex);
    if (m_parts.empty()) {
        Loop &l = m_loops[static_cast<std::size_t>(loop)];
        if (l.attached && !l.parked) {
            l.parked = true;
            m_parked.push_back(loop);
        }
        return std::nullopt;
    }
    unpark(loop); // a drain posted before it parked
    const CpuPart part = m_parts.front();
    m_parts.pop_front();
    return part;
}

void ReadyQueue::retire(std::int64_t count)
{
    if (count <= 0)
        return;
    bool last = false;
    {
        std::lock_guard lock(m_mutex);
        m_outstanding -= count;
        last = m_outstanding == 0;
    }
    if (last && m_allEnded)
        m_allEnded();
}

std::int64_t ReadyQueue::outstanding() const
{
    std::lock_guard lock(m_mutex);
    return m_outstanding;
}
