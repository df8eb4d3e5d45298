// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>

struct ExperimentResult;
struct HttpRunStats;
struct RunResult;

// The JSON report: everything a run measured, with a schema name and version so that readers can
// refuse what they do not understand. Field names are snake_case; times are milliseconds.
inline constexpr const char *kReportSchema = "loopbench.report/1";

QJsonObject runToJson(const RunResult &run);
// A run's "http" object (bytes_received, connect_ms, first_byte_ms, server_late_ms, server_cpu_ms,
// failures by reason); also the store's runs.http column, so that there is one format.
QJsonObject httpRunToJson(const HttpRunStats &http);
QJsonObject experimentToJson(const ExperimentResult &result);
