// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>
#include <cstddef>

// Making memory resident before it is timed. A first write to a fresh page is a page fault:
// measured here at 2-3 us each, so 700 MB of coroutine frames touched for the first time while
// ten million tasks are created cost seconds, all of it charged to the run. Work that does not
// depend on t0 belongs before it.
namespace ResidentPages {

// Asks the kernel to back [data, data + bytes) with 2 MiB pages where it can (transparent huge
// pages in "madvise" mode, Debian's default): one fault per 2 MiB instead of 512. Only the
// whole 2 MiB pages inside the range are advised; failures are ignored (it is only speed).
void adviseHuge(void *data, std::size_t bytes) noexcept;

// Writes one zero byte per 4 KiB page of [data, data + bytes), which must be writable storage
// holding no object yet (fresh mmap or a vector's unused capacity). Looks at `cancel` (may be
// null) every 64 MiB, a few milliseconds apart, and returns false when it was set.
bool touch(void *data, std::size_t bytes, const std::atomic<bool> *cancel) noexcept;

// Gives the whole 4 KiB pages inside [data, data + bytes) back to the system while the
// allocation that holds them lives on: for a buffer consumed front to back whose consumed part is
// never read again (it would read as zeros). Pages at the edges that are only partly inside stay.
void release(void *data, std::size_t bytes) noexcept;

} // namespace ResidentPages
