// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

struct ReportComparison;

// A ReportComparison written out, in the four forms the CLI offers. Every form shows the same
// cells, built once: per report its median wall time and n, the change against the table's base
// report ("+12.34%", or "~" where the Mann-Whitney p is above kSignificanceLevel) with the p-value
// and both sample sizes, and its speedup against its own 1-loop run. missingMark() stands for a
// configuration a report did not run; a report of another plan says "different plan", and the
// reports' lines say in which fields the plans differ.

// For the terminal: the reports (machine, date, settings), then one aligned table per
// configuration.
QString comparisonText(const ReportComparison &comparison);
// The same as Markdown tables, for an issue or a pull request.
QString comparisonMarkdown(const ReportComparison &comparison);
// One row per report and configuration; numbers in full precision, empty where missing.
QByteArray comparisonCsv(const ReportComparison &comparison);
// Schema "loopbench.compare/2" (/1 said "same_workload"): the reports with their machine and plan
// (PlanCodec's fields, under "workload" as in a report), then the tables; "same_plan" and
// "plan_differences" say whether and where the plans differ.
QJsonObject comparisonToJson(const ReportComparison &comparison);

inline constexpr const char *kComparisonSchema = "loopbench.compare/2";
