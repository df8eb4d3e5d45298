// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QPoint>
#include <QWidget>

#include <cstdint>
#include <vector>

class ChartView;
class HeatStrip;
class LoadMonitor;
class QAreaSeries;
class QChart;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QToolButton;
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

    // Draws the band of stored run `runId` stronger and outlined (0: none): the run selected in
    // the history. A run not on the chart (scrolled off, or not live) highlights nothing.
    void setHighlightedRun(std::int64_t runId);
    std::int64_t highlightedRun() const { return m_highlighted; }
    // The stored run each band shades, oldest first (0: not saved yet, or no run); for tests.
    QList<std::int64_t> bandRuns() const;

    // Paused, the live chart and heat strip stop scrolling (the monitor keeps sampling); resumed,
    // they show everything sampled meanwhile. The Pause button on the chart toggles it.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    QToolButton *pauseButton() const { return m_pause; }

    // The band colour of runs with `shards` loops: the same K gets the same colour everywhere.
    static QColor bandColor(int shards);

    // Above this many cores the per-core lines become thin and unlabelled: the heat strip and
    // the mean carry the picture.
    static constexpr int kMaxLabelledCores = 8;

signals:
    // A band of a saved run was clicked: select that run (the history does).
    void runClicked(std::int64_t runId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // The pause button's name, icon and tooltip for the state, in its corner.
    void showPauseState();
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
        std::int64_t runId = 0; // the stored run it shades; 0: none or not saved yet
        // Shades [fromX, toX] for a run on `k` loops and names it; k = 0 empties the band
        // (emptied, not hidden: a legend marker follows its series' visibility).
        void set(double fromX, double toX, int k);
    };
    QList<Band> m_bands;
    std::int64_t m_highlighted = 0;
    QToolButton *m_pause;
    bool m_paused = false;
    QPoint m_pressedAt{-1, -1}; // where the left button went down on the chart, for a click
};
