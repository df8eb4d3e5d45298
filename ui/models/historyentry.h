// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/runresult.h"
#include "ui/models/runrole.h"

#include <limits>

// One row of the session's history: a run's result plus what only the session knows.
struct HistoryEntry
{
    RunResult result;
    RunRole role = RunRole::OneLoop;
    // From the experiment's summary (runSpeedup(): its baseline's median wall over this run's);
    // NaN until the experiment ends, and when it had a single configuration.
    double speedup = std::numeric_limits<double>::quiet_NaN();
    double guiStallP99Ms = std::numeric_limits<double>::quiet_NaN(); // GUI heartbeat, this run
    // A MAD outlier among the completed runs of its K in its experiment (ExperimentSummary).
    bool outlier = false;
};
