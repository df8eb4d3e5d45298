// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/framearena.h"

#include <coroutine>
#include <cstddef>
#include <exception>
#include <new>
#include <utility>

// A fire-and-forget C++20 coroutine whose frame comes from the calling thread's FrameArena
// (operator new when it has none). It is created suspended, so that creating one can be separated
// from running it (a shard measures its frame size that way, before it reserves); start() runs it
// to its first suspension and lets go of it: from then on it belongs to what it awaits, and its
// frame is freed when its body ends. Nothing is shared with the creator, so it costs no
// reference count and no allocation beyond the frame, unlike QCoro::Task (whose promise cannot
// take an allocator).
//
// The body must not let an exception out: nobody awaits the task to receive it.
class ArenaTask
{
public:
    struct promise_type
    {
        static void *operator new(std::size_t bytes)
        {
            FrameArena *arena = FrameArena::current();
            return arena ? arena->allocate(bytes) : ::operator new(bytes);
        }
        // Frames are always freed on the thread that made them (a shard resumes its tasks only
        // from its own loop), so current() is the arena they came from.
        static void operator delete(void *frame, std::size_t bytes) noexcept
        {
            FrameArena *arena = FrameArena::current();
            if (arena)
                arena->deallocate(frame, bytes);
            else
                ::operator delete(frame, bytes);
        }

        ArenaTask get_return_object() noexcept
        {
            return ArenaTask(std::coroutine_handle<promise_type>::from_promise(*this));
        }
        std::suspend_always initial_suspend() const noexcept { return {}; }
        std::suspend_never final_suspend() const noexcept { return {}; }
        void return_void() const noexcept {}
        void unhandled_exception() const noexcept { std::terminate(); }
    };

    ArenaTask(ArenaTask &&other) noexcept
        : m_handle(std::exchange(other.m_handle, {}))
    {}
    ArenaTask &operator=(ArenaTask &&) = delete;
    // A task that was never started is destroyed with its frame.
    ~ArenaTask()
    {
        if (m_handle)
            m_handle.destroy();
    }

    // Runs the body to its first suspension (or to its end) and lets go of the frame.
    void start() && { std::exchange(m_handle, {}).resume(); }

private:
    explicit ArenaTask(std::coroutine_handle<promise_type> handle) noexcept
        : m_handle(handle)
    {}
    std::coroutine_handle<promise_type> m_handle;
};
