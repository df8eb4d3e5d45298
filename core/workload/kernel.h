// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <atomic>
#include <cstdint>
#include <optional>

// The CPU part of a task: fixed work counted in iterations, never "spin for N ms", so that an
// oversubscribed machine shows the truth (the work takes longer) instead of hiding it.
enum class Kernel {
    Sum,  // a dependent multiply/xor chain, like the original `total += ...` loop
    Hash, // FNV-1a over a xorshift byte stream: two interleaved dependency chains
};

QString kernelName(Kernel kernel);
std::optional<Kernel> kernelFromName(QStringView name);
QStringList kernelNames(); // "sum", "hash": every name, in order

// How often a running kernel looks at the cancel flag. 64k iterations are 50-150 us of work:
// cancellation stays prompt while the check costs nothing measurable.
inline constexpr std::uint64_t kKernelCancelStride = 65536;

// Runs `iterations` of `kernel` seeded with `input` and returns its result. The result depends on
// every iteration, so the optimiser can neither drop nor shorten the loop. Returns early (with a
// partial result) once `cancel` is set; `cancel` may be null.
std::uint64_t runKernel(Kernel kernel, std::uint64_t iterations, std::uint64_t input,
                        const std::atomic<bool> *cancel = nullptr);

// A task's contribution to the run checksum: its kernel result with the bits spread out. The
// checksum is a sum of these, so it does not depend on which shard ran a task or in what order.
std::uint64_t checksumTerm(std::uint64_t kernelResult);

// Nanoseconds per iteration on this machine and thread: the fastest of a few short timed runs
// (the fastest is the one least disturbed by other load). Takes about 10-20 ms.
double calibrateNsPerIteration(Kernel kernel);
