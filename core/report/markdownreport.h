// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

struct ExperimentResult;

// The Markdown summary of an experiment, for a README, an issue or a lab notebook: a machine and a
// workload line, one table row per configuration (shards, runs, outliers, wall median +- sd,
// speedup +- error, ideal speedup, efficiency, lag p99, Mann-Whitney p against the baseline), the
// Amdahl fit and the verdict. Numbers use '.' whatever the locale; missingMark() marks a value that
// does not exist (a p-value with fewer than 5 runs, an error from one run).
QString experimentMarkdown(const ExperimentResult &result);
