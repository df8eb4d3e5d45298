// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <atomic>
#include <cstdint>
#include <optional>
#include <vector>

// The CPU part of a task: fixed work counted in iterations, never "spin for N ms", so that an
// oversubscribed machine shows the truth (the work takes longer) instead of hiding it.
enum class Kernel {
    Sum,  // a dependent multiply/xor chain, like the original `total += ...` loop
    Hash, // FNV-1a over a xorshift byte stream: two interleaved dependency chains
    // The original write-up's own loop, `result += i` for i in range(n): the sum of 0..n-1
    // modulo 2^64. It ignores the task's input, as the article's loop starts at 0. Every runtime
    // (C++ and the Python workers) computes it as a loop; in C++ the accumulator passes through
    // an optimisation barrier each iteration, or the compiler would use n(n-1)/2.
    Article,
};

QString kernelName(Kernel kernel);
std::optional<Kernel> kernelFromName(QStringView name);
QStringList kernelNames();     // "sum", "hash", "article": every name, in order
std::vector<Kernel> kernels(); // every kernel, in the order of kernelNames()

// How often a running kernel looks at the cancel flag. 64k iterations are 50-150 us of work:
// cancellation stays prompt while the check costs nothing measurable.
inline constexpr std::uint64_t kKernelCancelStride = 65536;

// Runs `iterations` of `kernel` seeded with `input` (Article ignores it) and returns its result.
// The result depends on every iteration, so the optimiser can neither drop nor shorten the loop.
// Returns early (with a partial result) once `cancel` is set; `cancel` may be null.
std::uint64_t runKernel(Kernel kernel, std::uint64_t iterations, std::uint64_t input,
                        const std::atomic<bool> *cancel = nullptr);

// A task's contribution to the run checksum: its kernel result with the bits spread out. The
// checksum is a sum of these, so it does not depend on which shard ran a task or in what order.
std::uint64_t checksumTerm(std::uint64_t kernelResult);

// Nanoseconds per iteration on this machine and thread: the fastest of a few short timed runs
// (the fastest is the one least disturbed by other load). Takes about 10-20 ms.
double calibrateNsPerIteration(Kernel kernel);
