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
};

// File > Export, start to end: renders the charts on this (the GUI) thread, then writes every
// file with `co_await QtConcurrent::run(...)` while this thread keeps serving the window. A
// progress dialog with Cancel appears over `parent` when writing takes longer than a glance (a
// million-task tasks.csv is ~50 MB); Cancel stops between files and removes what was written.
// The job owns copies of what it writes (per-task arrays are shared, not copied), so the window
// may change or close meanwhile.
QCoro::Task<ExportOutcome> exportInBackground(QList<ExportedExperiment> experiments,
                                              QList<ExportChart> charts, ExportOptions options,
                                              QWidget *parent);
