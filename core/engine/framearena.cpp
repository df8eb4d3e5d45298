// SPDX-License-Identifier: MIT
#include "core/engine/framearena.h"

#include "core/base/residentpages.h"

#include <sys/mman.h>

#include <new>

// AddressSanitizer does not see into a bump allocator: poison what is not a live frame, so a
// frame used after its coroutine ended is reported like any heap use-after-free.
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define LOOPBENCH_POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define LOOPBENCH_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define LOOPBENCH_POISON(p, n) ((void)(p), (void)(n))
#define LOOPBENCH_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

namespace {
// operator new's alignment guarantee, which a coroutine frame relies on.
constexpr std::size_t kAlign = __STDCPP_DEFAULT_NEW_ALIGNMENT__;
constexpr std::size_t roundUp(std::size_t bytes)
{
    return (bytes + kAlign - 1) & ~(kAlign - 1);
}
thread_local FrameArena *t_current = nullptr;
} // namespace

FrameArena::~FrameArena()
{
    release();
    if (t_current == this)
        t_current = nullptr;
}

FrameArena *FrameArena::current() noexcept
{
    return t_current;
}

void FrameArena::makeCurrent() noexcept
{
    t_current = this;
}

bool FrameArena::reserve(std::size_t frames, std::size_t frameBytes,
                         const std::atomic<bool> *cancel)
{
    if (m_base || frames == 0 || frameBytes == 0)
        return false;
    const std::size_t bytes = frames * roundUp(frameBytes);
    void *mapped = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED)
        return false;
    m_base = static_cast<char *>(mapped);
    m_mappedBytes = bytes;
    // Huge pages first, then the touch: each first write then faults in 2 MiB at once.
    ResidentPages::adviseHuge(m_base, bytes);
    if (!ResidentPages::touch(m_base, bytes, cancel)) {
        release();
        return false;
    }
    LOOPBENCH_POISON(m_base, bytes);
    m_next = m_base;
    m_end = m_base + bytes;
    return true;
}

bool FrameArena::owns(const void *frame) const noexcept
{
    const char *p = static_cast<const char *>(frame);
    return p >= m_base && p < m_end;
}

void *FrameArena::allocate(std::size_t bytes)
{
    if (bytes > m_largestFrame)
        m_largestFrame = bytes;
    const std::size_t rounded = roundUp(bytes);
    if (static_cast<std::size_t>(m_end - m_next) >= rounded) {
        char *frame = m_next;
        m_next += rounded;
        ++m_liveInMapping;
        LOOPBENCH_UNPOISON(frame, bytes);
        return frame;
    }
    void *frame = ::operator new(bytes);
    ++m_liveOutside;
    return frame;
}

void FrameArena::deallocate(void *frame, std::size_t bytes) noexcept
{
    if (owns(frame)) {
        // Never reused: frames die in about the order they were made, and the whole mapping goes
        // at once when the shard ends.
        --m_liveInMapping;
        LOOPBENCH_POISON(frame, bytes);
        return;
    }
    --m_liveOutside;
    ::operator delete(frame, bytes);
}

void FrameArena::release() noexcept
{
    if (m_base) {
        LOOPBENCH_UNPOISON(m_base, m_mappedBytes);
        munmap(m_base, m_mappedBytes);
    }
    m_base = m_next = m_end = nullptr;
    m_mappedBytes = 0;
    m_liveInMapping = 0;
}
