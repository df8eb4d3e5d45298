// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/splitmix64.h"

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
        SplitMix64 words(kSeed ^ task);
        std::size_t at = 0;
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
