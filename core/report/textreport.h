// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

struct ExperimentResult;

// The CLI's table: one row per run (shards, wall s, tasks/s, speedup vs the baseline, ideal s,
// efficiency, lag p99 ms), then the verdict line.
QString experimentTable(const ExperimentResult &result);
