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
    // Against the latest completed one-loop run on the same spec; NaN when there is none or this
    // run is itself one loop.
    double speedup = std::numeric_limits<double>::quiet_NaN();
    double guiStallP99Ms = std::numeric_limits<double>::quiet_NaN(); // GUI heartbeat, this run
    // A MAD outlier among the completed runs of its K in its experiment (ExperimentSummary).
    bool outlier = false;
};
