// SPDX-License-Identifier: MIT
#include "core/engine/runtimecost.h"

#include "core/engine/processrun.h"
#include "core/engine/runtimecommand.h"
#include "core/workload/taskplan.h"

#include <cmath>

std::optional<RuntimeCost> measureRuntimeCost(Runtime runtime, Kernel kernel, const QString &python,
                                              double cppNsPerIter, QString *error)
{
    if (!RuntimeCommand::isOutOfProcess(runtime))
        return RuntimeCost{cppNsPerIter, 0};
    // One task due at t0: its IO is nothing, so the run is the worker's start-up (apart, as
    // startOverheadMs) and the kernel. `processes` runs the C++ kernel: a few iterations do.
    const bool inPython = runtime != Runtime::Processes;
    const std::uint64_t iterations = inPython ? kCalibrationIterations : 1000;
    const auto plan = std::make_shared<const TaskPlan>(
        TaskPlan::generate(WorkloadSpec{1, 0, 0, iterations, iterations, kernel, 1}));
    RunConfig config;
    config.runtime = runtime;
    config.python = python;
    ProcessRun run(plan, config, cppNsPerIter);
    run.run();
    const RunResult r = run.result();
    if (!r.completed() || !std::isfinite(r.startOverheadMs) ||
        (inPython && !(std::isfinite(r.workMs) && r.workMs > 0))) {
        if (error)
            *error = r.error.isEmpty() ? QStringLiteral("%1 did not complete its calibration run")
                                             .arg(runtimeName(runtime))
                                       : r.error;
        return std::nullopt;
    }
    return RuntimeCost{inPython ? r.workMs * 1e6 / double(iterations) : cppNsPerIter,
                       r.startOverheadMs};
}
