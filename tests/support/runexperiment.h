// SPDX-License-Identifier: MIT
#pragma once

// A real experiment in one line, for tests and benchmarks: ExperimentRunner (calibration
// included), awaited with QCoro::waitFor as the CLI does. Needs a QCoreApplication.

#include "core/experiment/experiment.h"
#include "core/experiment/experimentrunner.h"

#include <QCoroTask>

namespace testexperiments {

// Runs `spec` and blocks until it is done. `cancelAtOnce`: cancelled right after it starts, so it
// ends after the calibration with no run measured.
inline ExperimentResult runExperiment(const ExperimentSpec &spec, bool cancelAtOnce = false)
{
    ExperimentRunner runner;
    QCoro::Task<ExperimentResult> task = runner.run(spec);
    if (cancelAtOnce)
        runner.cancel();
    return QCoro::waitFor(task);
}

} // namespace testexperiments
