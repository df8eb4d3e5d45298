// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>

// SplitMix64 (Steele, Lea, Flood 2014): tiny state, passes BigCrush, same bits everywhere.
class SplitMix64
{
public:
    explicit SplitMix64(std::uint64_t seed)
        : m_state(seed)
    {}
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += kGamma);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // Uniform in [lo, hi] by Lemire's multiply-shift: exact integer arithmetic, no modulo bias
    // worth measuring (< 2^-32 for our ranges), identical on every platform.
    std::uint64_t between(std::uint64_t lo, std::uint64_t hi)
    {
        __extension__ using U128 = unsigned __int128; // GCC and Clang; exact 64x64->128 multiply
        const U128 span = static_cast<U128>(hi - lo) + 1;
        return lo + static_cast<std::uint64_t>((next() * span) >> 64);
    }

    // Skips the next n values in O(1): the state only ever advances by kGamma, so a stream can be
    // resumed at any word (a response body generated in pieces as its socket drains).
    void discard(std::uint64_t n) { m_state += n * kGamma; }

private:
    static constexpr std::uint64_t kGamma = 0x9E3779B97F4A7C15ULL;
    std::uint64_t m_state;
};
