// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>

struct ExperimentResult;
struct RunResult;

// The JSON report: everything a run measured, with a schema name and version so that readers can
// refuse what they do not understand. Field names are snake_case; times are milliseconds.
inline constexpr const char *kReportSchema = "loopbench.report/1";

QJsonObject runToJson(const RunResult &run);
QJsonObject experimentToJson(const ExperimentResult &result);
