// SPDX-License-Identifier: MIT
#include "core/workload/kernel.h"

#include "core/base/clock.h"
#include "core/base/enumnames.h"

#include <algorithm>

namespace {

// Golden-ratio multiplier: odd, so the multiply is a bijection and no information is lost.
constexpr std::uint64_t kSumMultiplier = 0x9E3779B97F4A7C15ULL;
constexpr std::uint64_t kFnvOffset = 14695981039346656037ULL;
constexpr std::uint64_t kFnvPrime = 1099511628211ULL;

// Keeps `value` opaque to the optimiser once per chunk, so it cannot fold chunks together.
inline void opaque(std::uint64_t &value)
{
    asm volatile("" : "+r"(value));
}

std::uint64_t sumChunk(std::uint64_t acc, std::uint64_t begin, std::uint64_t end)
{
    for (std::uint64_t i = begin; i < end; ++i)
        acc = (acc ^ i) * kSumMultiplier;
    return acc;
}

// One add per iteration, as CPython's `result += i` does in the article: the barrier keeps `acc`
// in a register that the compiler must assume changed, so it can neither use the closed form
// nor vectorise (measured: ~1 cycle per iteration, as a plain dependent add chain).
std::uint64_t articleChunk(std::uint64_t acc, std::uint64_t begin, std::uint64_t end)
{
    for (std::uint64_t i = begin; i < end; ++i) {
        acc += i;
        opaque(acc);
    }
    return acc;
}

struct HashState
{
    std::uint64_t hash;
    std::uint64_t x; // xorshift64 state: never zero
};

void hashChunk(HashState &s, std::uint64_t count)
{
    std::uint64_t h = s.hash;
    std::uint64_t x = s.x;
    for (std::uint64_t i = 0; i < count; ++i) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        h = (h ^ (x & 0xFF)) * kFnvPrime;
    }
    s.hash = h;
    s.x = x;
}

} // namespace

namespace {

constexpr EnumName<Kernel> kKernelNames[] = {
    {Kernel::Sum, u"sum"},
    {Kernel::Hash, u"hash"},
    {Kernel::Article, u"article"},
};

} // namespace

QString kernelName(Kernel kernel)
{
    return nameOf(kKernelNames, kernel);
}

std::optional<Kernel> kernelFromName(QStringView name)
{
    return valueOf(kKernelNames, name);
}

std::uint64_t runKernel(Kernel kernel, std::uint64_t iterations, std::uint64_t input,
                        const std::atomic<bool> *cancel)
{
    if (kernel == Kernel::Sum) {
        std::uint64_t acc = input;
        for (std::uint64_t begin = 0; begin < iterations; begin += kKernelCancelStride) {
            acc = sumChunk(acc, begin, std::min(iterations, begin + kKernelCancelStride));
            opaque(acc);
            if (cancel && cancel->load(std::memory_order_relaxed))
                break;
        }
        return acc;
    }
    if (kernel == Kernel::Article) {
        std::uint64_t acc = 0;
        for (std::uint64_t begin = 0; begin < iterations; begin += kKernelCancelStride) {
            acc = articleChunk(acc, begin, std::min(iterations, begin + kKernelCancelStride));
            if (cancel && cancel->load(std::memory_order_relaxed))
                break;
        }
        return acc;
    }
    HashState s{kFnvOffset ^ input, input | 1};
    for (std::uint64_t done = 0; done < iterations; done += kKernelCancelStride) {
        hashChunk(s, std::min(kKernelCancelStride, iterations - done));
        opaque(s.hash);
        if (cancel && cancel->load(std::memory_order_relaxed))
            break;
    }
    return s.hash;
}

std::uint64_t checksumTerm(std::uint64_t x)
{
    // MurmurHash3's fmix64 first half: cheap, and every input bit reaches every output bit.
    x = (x ^ (x >> 33)) * 0xFF51AFD7ED558CCDULL;
    return x ^ (x >> 33);
}

double calibrateNsPerIteration(Kernel kernel)
{
    // 1M iterations is ~1-3 ms: long enough to dwarf clock overhead, short enough to repeat.
    constexpr std::uint64_t kIterations = 1 << 20;
    constexpr int kRounds = 7;
    std::int64_t best = INT64_MAX;
    std::uint64_t sink = 0;
    for (int round = 0; round < kRounds; ++round) {
        const std::int64_t start = nowNs();
        sink += runKernel(kernel, kIterations, static_cast<std::uint64_t>(round));
        best = std::min(best, nowNs() - start);
    }
    opaque(sink);
    return static_cast<double>(best) / static_cast<double>(kIterations);
}

QStringList kernelNames()
{
    return namesOf(kKernelNames);
}

std::vector<Kernel> kernels()
{
    std::vector<Kernel> all;
    for (const EnumName<Kernel> &entry : kKernelNames)
        all.push_back(entry.value);
    return all;
}
