// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

// Which runtime executes a plan's K loops. Every runtime runs the same plan with the same kernel
// and checksum; the ideal bound, lag, latency and efficiency come from the same per-task records
// (TaskTiming), so their runs compare by (runtime, K) on one plan. The runtime is how a run
// executes, like K: it is not part of the plan.
enum class Runtime {
    Threads,   // K Qt event loops, one per QThread, each owning its slice (the Engine)
    Processes, // K worker processes, each one Qt event loop on one thread (`loopbench --worker`)
    Stealing,  // K threads: a task whose IO completed runs its CPU part on any idle loop
    Asyncio,   // CPython asyncio: one asyncio.run per worker process, K processes
    AsyncioUvloop, // the same on uvloop's event loop
};

QString runtimeName(Runtime runtime);
// Whether the runtime's kernels are LoopBench's C++ ones, whose speed the experiment's
// calibration (ns per iteration, measured in this process) gives. The asyncio runtimes' kernels
// are CPython's, 50 to 100 times slower: a bound estimated from the C++ calibration would say
// 1.0 s for a run whose measured bound is 12.5 s.
bool runsCppKernels(Runtime runtime);
std::optional<Runtime> runtimeFromName(QStringView name);
QStringList runtimeNames(); // "threads", "processes", ...: every name, in order
