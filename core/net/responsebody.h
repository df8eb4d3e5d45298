// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/splitmix64.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>

// The body `loopbench --serve` sends for a task: SplitMix64 seeded with the task id, written as
// little-endian 64-bit words and cut at the length asked for. A function of the task id only, so
// the client's checksum (BodyFold) is the same whichever shard, connection or server loop
// carried the bytes.
class ResponseBody
{
public:
    static void fill(std::uint32_t task, char *out, std::size_t bytes)
    {
        fill(task, 0, out, bytes);
    }

    // Bytes [offset, offset + bytes) of the body: the server writes a large body in pieces as
    // its socket drains, never holding more than one piece of it.
    static void fill(std::uint32_t task, std::uint64_t offset, char *out, std::size_t bytes)
    {
        SplitMix64 words(kSeed ^ task);
        words.discard(offset / 8);
        std::size_t at = 0;
        if (const std::size_t skip = offset % 8; skip != 0 && bytes > 0) {
            const std::uint64_t w = words.next();
            const std::size_t n = std::min<std::size_t>(8 - skip, bytes);
            std::memcpy(out, reinterpret_cast<const char *>(&w) + skip, n);
            at = n;
        }
        for (; at + 8 <= bytes; at += 8) {
            const std::uint64_t w = words.next();
            std::memcpy(out + at, &w, 8);
        }
        if (at < bytes) {
            const std::uint64_t w = words.next();
            std::memcpy(out + at, &w, bytes - at);
        }
    }

private:
    static constexpr std::uint64_t kSeed = 0x6c6f6f7062656e63ULL; // "loopbenc"
};
