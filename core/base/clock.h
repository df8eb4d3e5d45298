// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <cstdint>

// One clock for every timestamp LoopBench records: monotonic, nanoseconds. Deadlines, resume and
// completion times are all on this clock, so lag (resumed - due) is a plain subtraction.
inline std::int64_t nowNs() noexcept
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

constexpr double nsToMs(std::int64_t ns) noexcept
{
    return static_cast<double>(ns) / 1e6;
}
