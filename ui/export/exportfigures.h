// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QWidget>

#include <memory>

struct ExperimentResult;
class ChartView;

// The charts File > Export writes for each experiment it exports, every one drawn from that
// experiment's own runs (never taken from the window, whose charts show whatever was done last):
// per-core load over its runs, the shard threads of its last run of the largest K, its
// comparison pair (Comparison::ofExperiment()), speedup and efficiency per K.
namespace ExportFigures {

struct Figure
{
    QString stem;  // the file name without its suffix: chart-sweep -> chart-sweep.png
    QString title; // the SVG's title
};

// The charts of one experiment, in the order they are written: one list for the dialog's promise,
// the files written and the tests.
const QList<Figure> &all();

// A built chart: the widget that owns it and the view to draw. Not shown; ChartExporter lays it
// out off screen.
struct Built
{
    std::unique_ptr<QWidget> owner;
    ChartView *view = nullptr;
};

// The chart `stem` (one of all()) of `result`, not shown anywhere. GUI thread only.
Built build(const QString &stem, const ExperimentResult &result);

} // namespace ExportFigures
