// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QWidget>

#include <vector>

class ChartView;
class HeatStrip;
class LoadMonitor;
class QAreaSeries;
class QChart;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QValueAxis;
struct RunResult;

// Live per-core load: one line per logical CPU (0-100 %, last 60 s) plus their mean and, during
// an http run, the HTTP server process's share of the machine (so a reader sees the server take
// its part of the cores the loops need), shaded
// spans where runs were in flight (one colour per K, named in the legend), and a heat strip
// below that stays readable with many cores. Click a legend entry to hide or show a core. Every
// sample replaces each series in one call.
class CoreLoadView : public QWidget
{
    Q_OBJECT
public:
    explicit CoreLoadView(QWidget *parent = nullptr);

    void setMonitor(const LoadMonitor *monitor);
    // Finished runs from their stored load samples instead of the live window (exports): one
    // after another on one time axis, seconds from the first one's start, each shaded and named
    // as its K. The heat strip is hidden: it draws the live samples only.
    void showRuns(const std::vector<RunResult> &runs);
    QChart *chart() const { return m_chart; }
    ChartView *view() const { return m_view; }

    // The band colour of runs with `shards` loops: the same K gets the same colour everywhere.
    static QColor bandColor(int shards);

    // Above this many cores the per-core lines become thin and unlabelled: the heat strip and
    // the mean carry the picture.
    static constexpr int kMaxLabelledCores = 8;

private:
    void refresh();
    void rebuildSeries(int cores);
    void placeSpanLabels();
    void recolor();
    void refreshBandLegend();
    void fitTimeAxis();
    void addBand();

    const LoadMonitor *m_monitor = nullptr;
    QChart *m_chart;
    ChartView *m_view;
    HeatStrip *m_heat;
    QValueAxis *m_axisX;
    QValueAxis *m_axisY;
    QList<QLineSeries *> m_cores;
    QLineSeries *m_mean = nullptr;
    // The HTTP server process (transport http), same unit as the mean; in the legend only while
    // it has points.
    QLineSeries *m_server = nullptr;
    struct Band
    {
        QAreaSeries *area;
        QLineSeries *upper;
        QLineSeries *lower;
        QGraphicsSimpleTextItem *label;
        double x = 0;
        double endX = 0;
        int shards = 0;
        // Shades [fromX, toX] for a run on `k` loops and names it; k = 0 empties the band
        // (emptied, not hidden: a legend marker follows its series' visibility).
        void set(double fromX, double toX, int k);
    };
    QList<Band> m_bands;
};
