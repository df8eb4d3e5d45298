// SPDX-License-Identifier: MIT
#pragma once

#include "core/experiment/experiment.h"
#include "core/report/csvreport.h"

#include <QList>
#include <QSize>
#include <QString>
#include <QStringList>

#include <atomic>

class QChart;

// Which runs the reports of one export describe.
enum class ExportScope {
    Experiment,   // the experiment on the statistics page
    SelectedRuns, // the runs selected in the history, grouped by experiment
    History,      // every run of the history
};

// What File > Export... writes, as chosen in the export dialog.
struct ExportOptions
{
    ExportScope scope = ExportScope::Experiment;
    QString directory;
    bool csv = true;       // runs.csv, summary.csv, load.csv, meta.json
    bool tasksCsv = false; // tasks.csv too: one row per task, large for big plans
    bool json = true;      // report.json
    bool markdown = true;  // summary.md
    bool png = true;       // <chart>.png of every chart
    bool svg = true;       // <chart>.svg of every chart
    QSize pngSize{1600, 1000};
};

// A chart to export and the file stem it is written under ("chart-sweep" -> chart-sweep.png).
struct ExportChart
{
    QString stem;
    QString title;
    QChart *chart = nullptr;
};

// The reports of one experiment (or of the chosen runs of one), and the folder under the export
// directory they go to ("" for the directory itself).
struct ExportedExperiment
{
    QString folder;
    ExperimentResult result;
};

// A chart already rendered to the bytes of one file (chart-sweep.png, chart-sweep.svg).
struct RenderedFile
{
    QString name;
    QByteArray bytes;
};

// Writes the reports of one or more experiments and the window's charts into a directory (one
// experiment into the directory itself, several into a folder each): the same bytes
// the CLI writes for the same experiment (the core's writers), every file atomically through
// writeReport(). All or nothing: on a failure or a cancel the files this export already wrote are
// removed again, so an unwritable path, a full disk or a Cancel leaves no partial report set.
// No widgets: tests call it directly and the window only collects the options.
//
// Two steps, because charts are QGraphicsScene items that only the GUI thread may paint, while
// writing (a tasks.csv of a million rows is ~50 MB) must not freeze the window:
// renderCharts() on the GUI thread, then writeAll() on a worker thread, cancellable.
class ReportExporter
{
public:
    // `result` may be null (nothing has run yet): then only charts can be exported.
    // 10000 pixels a side: a poster at 300 dpi; beyond it an image costs hundreds of MB.
    static constexpr int kMaxPngSide = 10000;

    ReportExporter(const ExperimentResult *result, QList<ExportChart> charts);
    ReportExporter(QList<ExportedExperiment> experiments, QList<ExportChart> charts);

    // GUI thread: checks the options and renders every chart asked for.
    bool renderCharts(const ExportOptions &options, QList<RenderedFile> *charts,
                      QString *error) const;
    // Any thread: writes the reports and the rendered charts. `cancel`, when set by another
    // thread, stops between files. On failure or cancel returns false, removes what it wrote and
    // sets `error` (naming the path and the reason, or saying it was cancelled).
    bool writeAll(const ExportOptions &options, const QList<RenderedFile> &charts,
                  const std::atomic<bool> *cancel, QStringList *written, QString *error) const;
    // Both steps in a row, on the calling thread.
    bool exportTo(const ExportOptions &options, QStringList *written, QString *error) const;

private:
    QList<ExportedExperiment> m_experiments;
    QList<ExportChart> m_charts;
};
