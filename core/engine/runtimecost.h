// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/runtime.h"
#include "core/workload/kernel.h"

#include <QString>

#include <optional>

// What a runtime costs on this machine beyond the plan itself, for the estimates before a run
// (a run builds its own bound from its measured work): the kernel's time per iteration as that
// runtime computes it, and the time to start one worker process and hand it its slice.
struct RuntimeCost
{
    double nsPerIter = 0;
    double startMsPerWorker = 0; // 0 in process (threads, stealing)

    friend bool operator==(const RuntimeCost &, const RuntimeCost &) = default;
};

// The cost of `runtime` for `kernel`. In process (threads, stealing) it is the C++ calibration
// `cppNsPerIter` and no start-up, and nothing runs. Out of process it is measured by running the
// runtime itself, not by a factor: one worker (on `python` for asyncio) given one task of
// kCalibrationIterations through the protocol (ProcessRun), whose kernel CPU time and start-up
// are that run's own workMs and startOverheadMs; `processes` computes the C++ kernel, so only
// its start-up is taken from the run. Blocks for that run (CPython: ~100-300 ms): call it off
// the GUI thread. nullopt with `error` set when the run fails (a runtime that cannot run here).
std::optional<RuntimeCost> measureRuntimeCost(Runtime runtime, Kernel kernel, const QString &python,
                                              double cppNsPerIter, QString *error = nullptr);

// 2^18 iterations: CPython's kernels take 30-300 ns each, so 8-80 ms of work, long enough to
// dwarf the clock reads around it and short enough to measure while the user edits the form.
inline constexpr std::uint64_t kCalibrationIterations = 1 << 18;
