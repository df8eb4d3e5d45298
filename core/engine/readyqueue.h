// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

// The CPU part of one task whose IO has completed: all a loop other than its owner needs to run
// it. The coroutine (its frame lives in the owner's arena) ends on its owner once the part is
// handed over, so only these 32 B move between threads.
struct CpuPart
{
    std::uint32_t task = 0;
    std::uint32_t iterations = 0;
    std::int64_t dueNs = 0;       // absolute (t0 + io): the lag is measured against it
    std::uint64_t bodyDigest = 0; // transport http: the response's fold, 0 for timers
    int owner = 0;                // the loop that awaited its IO
};

// The work-stealing runtime's one shared queue of ready CPU parts, in the order their IO
// completed, and the bookkeeping that ends the run once every task of every slice has ended.
//
// Why one shared FIFO and not one queue per loop with stealing (Tokio's design): a loop here runs
// CPU parts of ~100 us to ~200 ms (the plans this runtime answers for), so one uncontended lock per
// part (~50 ns, a few hundred ns when two loops meet) is well under 0.5 % of the work; one FIFO
// gives the first-come order across all loops, which is the greedy schedule that the issue's
// ceiling figures are for, while per-loop queues run a loop's own backlog first and let an idle
// loop take only what it steals, a victim at a time. Per-loop queues win where parts are ~1 us
// and K is large (no shared cache line per part): there this queue's lock costs a few percent,
// and a task without CPU work never enters it (its owner finishes it in place).
//
// Parking: a loop that finds the queue empty is parked; a push wakes one parked loop other than
// the pusher (the pusher drains after its current event anyway). Parking and pushing happen
// under one lock, so no wake-up is lost. Wakers run under that lock: a loop detaches before its
// event loop goes, and is never woken after.
class ReadyQueue
{
public:
    using AllEnded = std::function<void()>;
    // `loops` loops share `tasks` tasks; `allEnded` runs once, on the thread that ended the last.
    ReadyQueue(int loops, std::int64_t tasks, AllEnded allEnded);

    // Loop `loop` takes part from now on, parked; `wake` posts a drain to its event loop (called
    // under this queue's lock, from any thread).
    void attach(int loop, std::function<void()> wake);
    // Before `loop`'s event loop ends: it is never woken again.
    void detach(int loop);
    // Appends `part`; unparks `from` (it drains next) and wakes one other parked loop.
    // May throw std::bad_alloc (the part is then not queued).
    void push(const CpuPart &part, int from);
    // The oldest ready part, or none: then `loop` is parked until a push wakes it.
    std::optional<CpuPart> pop(int loop);
    // `count` tasks ended (ran, failed, dropped, or never started): once every task of the run
    // has, allEnded runs.
    void retire(std::int64_t count);
    std::int64_t outstanding() const;

private:
    struct Loop
    {
        std::function<void()> wake;
        bool attached = false;
        bool parked = false;
    };
    void unpark(int loop); // under m_mutex

    mutable std::mutex m_mutex;
    std::deque<CpuPart> m_parts;
    std::vector<Loop> m_loops;
    std::vector<int> m_parked; // indices of parked loops, newest last
    std::int64_t m_outstanding;
    AllEnded m_allEnded;
};
