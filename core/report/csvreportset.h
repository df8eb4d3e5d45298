// SPDX-License-Identifier: MIT
#pragma once

#include "core/report/reportfile.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>

struct ExperimentResult;
struct LoadSeries;

// The files of a CSV report set, rendered, with their paths in `dir`: runs.csv, summary.csv,
// load.csv when `load` is given, tasks.csv when `includeTasks`, meta.json. For writers that add
// files of their own to one all-or-nothing set (writeReportSet()).
QList<ReportFile> csvReportFiles(const QString &dir, const ExperimentResult &result,
                                 const LoadSeries *load, bool includeTasks);

// csvReportFiles() into `dir` (created if missing) through writeReportSet(): all or nothing,
// cancellable between files. On failure returns false and sets `error`; `written`, when given,
// receives the paths written.
bool writeCsvReports(const QString &dir, const ExperimentResult &result, const LoadSeries *load,
                     bool includeTasks, QString *error, QStringList *written = nullptr,
                     const std::atomic<bool> *cancel = nullptr);
