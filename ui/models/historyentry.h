// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/runresult.h"
#include "core/experiment/plan.h"
#include "core/experiment/runrole.h"

#include <QString>

#include <cstdint>
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
    // Where it lives in the result store (0 when the store is off).
    std::int64_t runId = 0;
    std::int64_t experimentId = 0;
    Plan plan;       // its experiment's: runs compare only on equal plans
    QString machine; // the host it ran on
};
