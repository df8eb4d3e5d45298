// SPDX-License-Identifier: MIT
#pragma once

#include "core/experiment/experiment.h"
#include "core/report/csvreport.h"

#include <QList>
#include <QSize>
#include <QString>
#include <QStringList>

#include <atomic>

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
    bool png = true;       // <chart>.png of every chart of every experiment (ExportFigures)
    bool svg = true;       // <chart>.svg of the same
    QSize pngSize{1600, 1000};
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

// Writes the reports and charts of one or more experiments into a directory (one experiment
// into the directory itself, several into a folder each): the same report bytes the CLI writes
// for the same experiment (the core's writers), and every chart of ExportFigures drawn from that
// experiment's own runs at the chosen size, every file atomically through writeReport(). All or
// nothing: on a failure or a cancel the files this export already wrote are removed again, so an
// unwritable path, a full disk or a Cancel leaves no partial report set. No dialogs: tests call
// it directly and the window only collects the options.
//
// Two steps, because charts are widgets that only the GUI thread may lay out and paint, while
// writing (a tasks.csv of a million rows is ~50 MB) must not freeze the window: renderChart()
// per chart on the GUI thread (the caller may serve events between them), then writeAll() on a
// worker thread, cancellable.
class ReportExporter
{
public:
    // 10000 pixels a side: a poster at 300 dpi; beyond it an image costs hundreds of MB.
    static constexpr int kMaxPngSide = 10000;

    explicit ReportExporter(QList<ExportedExperiment> experiments);

    // Why `options` cannot be exported (no directory, nothing to export, a PNG size out of
    // range), or an empty string.
    QString check(const ExportOptions &options) const;
    // How many charts renderChart() draws with `options`: every figure of every experiment, when
    // PNG or SVG is asked for.
    int chartCount(const ExportOptions &options) const;
    // GUI thread: the chart `index` (0 .. chartCount() - 1) as PNG and/or SVG, appended to
    // `charts` with its path relative to the export directory.
    bool renderChart(const ExportOptions &options, int index, QList<RenderedFile> *charts,
                     QString *error) const;
    // GUI thread: check() and every chart, one after another.
    bool renderCharts(const ExportOptions &options, QList<RenderedFile> *charts,
                      QString *error) const;
    // Any thread: writes the reports and the rendered charts. `cancel`, when set by another
    // thread, stops between files. On failure or cancel returns false, removes what it wrote and
    // sets `error` (naming the path and the reason, or saying it was cancelled).
    bool writeAll(const ExportOptions &options, const QList<RenderedFile> &charts,
                  const std::atomic<bool> *cancel, QStringList *written, QString *error) const;
    // Both steps in a row, on the calling thread.
    bool exportTo(const ExportOptions &options, QStringList *written, QString *error) const;

    const QList<ExportedExperiment> &experiments() const { return m_experiments; }

private:
    QList<ExportedExperiment> m_experiments;
};
