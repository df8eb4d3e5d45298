// SPDX-License-Identifier: MIT
#include "core/base/residentpages.h"

#include <sys/mman.h>

#include <cstdint>

namespace {
constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
constexpr std::size_t kPage = 4096;
constexpr std::size_t kCancelCheckBytes = std::size_t{64} << 20;
} // namespace

void ResidentPages::adviseHuge(void *data, std::size_t bytes) noexcept
{
    const auto begin = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t first = (begin + kHugePage - 1) & ~(kHugePage - 1);
    const std::uintptr_t last = (begin + bytes) & ~(kHugePage - 1);
    if (last > first)
        (void)madvise(reinterpret_cast<void *>(first), last - first, MADV_HUGEPAGE);
}

bool ResidentPages::touch(void *data, std::size_t bytes, const std::atomic<bool> *cancel) noexcept
{
    // volatile: the stores are the point, the optimiser must not drop them as dead.
    volatile unsigned char *const bytesAt = static_cast<unsigned char *>(data);
    for (std::size_t offset = 0; offset < bytes; offset += kPage) {
        if (offset % kCancelCheckBytes == 0 && cancel && cancel->load(std::memory_order_relaxed))
            return false;
        bytesAt[offset] = 0;
    }
    if (bytes > 0)
        bytesAt[bytes - 1] = 0; // the last page, when the range does not start on a page
    return true;
}

void ResidentPages::release(void *data, std::size_t bytes) noexcept
{
    const auto begin = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t first = (begin + kPage - 1) & ~std::uintptr_t{kPage - 1};
    const std::uintptr_t last = (begin + bytes) & ~std::uintptr_t{kPage - 1};
    if (last > first)
        (void)madvise(reinterpret_cast<void *>(first), last - first, MADV_DONTNEED);
}
