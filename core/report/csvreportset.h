// SPDX-License-Identifier: MIT
#pragma once

#include "core/report/reportfile.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>

struct ExperimentResult;

// The names of the files of a CSV report set, in the order they are written: runs.csv,
// summary.csv, load.csv, tasks.csv with `includeTasks`, meta.json.
QStringList csvReportFileNames(bool includeTasks);

// The files of a CSV report set, rendered, with their paths in `dir`: runs.csv, summary.csv,
// load.csv, tasks.csv when `includeTasks`, meta.json. Every file describes the same runs. For
// writers that add files of their own to one all-or-nothing set (writeReportSet()). The folder is
// the set's own (ReportFile::ownFolder): created when missing, locked while written.
QList<ReportFile> csvReportFiles(const QString &dir, const ExperimentResult &result,
                                 bool includeTasks);

// csvReportFiles() into `dir` (created if missing, removed again on failure) through
// writeReportSet(): all or nothing, cancellable between files. On failure returns false and sets
// `error`; `written`, when given, receives the paths written.
bool writeCsvReports(const QString &dir, const ExperimentResult &result, bool includeTasks,
                     QString *error, QStringList *written = nullptr,
                     const std::atomic<bool> *cancel = nullptr);
