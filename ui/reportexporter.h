#pragma once

#include "csvreport.h"

#include <QList>
#include <QSize>
#include <QString>
#include <QStringList>

struct ExperimentResult;
class QChart;

// What File > Export... writes, as chosen in the export dialog.
struct ExportOptions
{
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

// Writes the reports of one experiment and the window's charts into a directory: the same bytes
// the CLI writes for the same experiment (the core's writers), every file atomically through
// writeReport(), so an unwritable path or a full disk leaves no partial file. No widgets: tests
// call it directly and the window only collects the options.
class ReportExporter
{
public:
    // `result` may be null (nothing has run yet): then only charts can be exported.
    // 10000 pixels a side: a poster at 300 dpi; beyond it an image costs hundreds of MB.
    static constexpr int kMaxPngSide = 10000;

    ReportExporter(const ExperimentResult *result, LoadSeries load, QList<ExportChart> charts);

    // On the first failure stops and returns false with `error` naming the path and the reason.
    // `written` receives every path written, in order, also on failure.
    bool exportTo(const ExportOptions &options, QStringList *written, QString *error) const;

private:
    const ExperimentResult *m_result;
    LoadSeries m_load;
    QList<ExportChart> m_charts;
};
