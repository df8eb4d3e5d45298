// SPDX-License-Identifier: MIT
#pragma once

#include "core/experiment/experiment.h"
#include "ui/export/reportexporter.h"

#include <QStringList>

#include <QCoroTask>

#include <optional>

class QWidget;

// What an export did: the files written, or why nothing was.
struct ExportOutcome
{
    bool ok = false;
    QStringList written;
    QString error;
    // What the files lack that the user may expect: "tasks.csv of experiment-3-compare has no
    // resumed and done times: its per-task timings were not kept".
    QStringList notes;
};

// File > Export, start to end: draws each experiment's charts on this (the GUI) thread, one at a
// time with the window served in between, then writes every file with
// `co_await QtConcurrent::run(...)` while this thread keeps serving the window. A progress dialog
// with Cancel appears over `parent` when the export takes longer than a glance (a million-task
// tasks.csv is ~50 MB); Cancel stops between charts or files and removes what was written.
// The job owns copies of what it writes (per-task arrays are shared, not copied), so the window
// may change or close meanwhile.
QCoro::Task<ExportOutcome> exportInBackground(QList<ExportedExperiment> experiments,
                                              ExportOptions options, QWidget *parent);
