// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>
#include <cstddef>

// The coroutine frames of one shard's tasks, carved from one mapping made resident before t0.
//
// Optimised for creating millions of frames of one size in a row and freeing them in about the
// same order, on one thread: allocating is a pointer bump (no lock, no size classes, no header,
// and no page fault: every page was touched before the run started), freeing is a counter
// decrement, and the memory goes back to the system in one munmap when the shard ends. A shard
// creates its tasks in wake-up order, so its frames lie in that order too and firing walks the
// mapping front to back. Measured on this VM: frames from plain operator new are created at
// 1-3 M/s at ten million tasks, page faults dominating.
//
// A frame that does not fit in the mapping (more frames than reserved, or no mapping at all)
// comes from operator new and goes back to it: slower, never wrong.
//
// ArenaTask's promise allocates from the calling thread's current() arena.
class FrameArena
{
public:
    FrameArena() = default;
    ~FrameArena(); // unmaps; the thread's current() arena is reset when it is this one
    FrameArena(const FrameArena &) = delete;
    FrameArena &operator=(const FrameArena &) = delete;

    // Maps room for `frames` frames of `frameBytes` each and touches every page of it. False
    // (and no mapping: frames then come from operator new) when the system refuses the mapping or
    // `cancel` (may be null) was set first. Call once, before the first allocate().
    bool reserve(std::size_t frames, std::size_t frameBytes, const std::atomic<bool> *cancel);

    void *allocate(std::size_t bytes);
    void deallocate(void *frame, std::size_t bytes) noexcept;

    // Frames alive, from the mapping and from operator new.
    std::size_t liveInMapping() const { return m_liveInMapping; }
    std::size_t liveOutside() const { return m_liveOutside; }
    // The largest frame asked for so far: how a shard learns what the compiler made of its task
    // coroutine (create one, destroy it, read this) before it reserves.
    std::size_t largestFrameBytes() const { return m_largestFrame; }

    // Gives the mapping back without running anything in it, and forgets every frame in it.
    // Only for frames that nothing will resume or destroy again and whose state is trivially
    // destructible (their handles must be dropped from every queue first). Later allocations
    // come from operator new.
    void release() noexcept;

    // The arena of this thread: ArenaTask frames come from it (operator new when none).
    static FrameArena *current() noexcept;
    void makeCurrent() noexcept;

private:
    bool owns(const void *frame) const noexcept;

    char *m_base = nullptr;
    std::size_t m_mappedBytes = 0;
    char *m_next = nullptr;
    char *m_end = nullptr;
    std::size_t m_liveInMapping = 0;
    std::size_t m_liveOutside = 0;
    std::size_t m_largestFrame = 0;
};
