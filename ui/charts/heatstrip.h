// SPDX-License-Identifier: MIT
#pragma once

#include "core/load/loadsampler.h"

#include <QWidget>

#include <deque>
#include <limits>

// Per-core load as a heat map: one row per logical CPU, time left to right over the same 60 s
// as the line chart, darker = busier. Stays readable with 16, 64 or 256 cores, where one line
// per core is a tangle. Paints the samples it is given; computes nothing else.
class HeatStrip : public QWidget
{
    Q_OBJECT
public:
    explicit HeatStrip(QWidget *parent = nullptr);

    void setSamples(const std::deque<LoadSample> *samples, double windowSec);
    // Holds the right edge at sample time `tSec` (seconds on the samples' clock) and leaves
    // newer samples out, so the strip stops scrolling; NaN follows the newest sample again.
    void freezeAt(double tSec);
    // The sample time drawn at the right edge (NaN: no samples).
    double rightEdgeSec() const;
    // Horizontal insets, so the time axis lines up with the chart's plot area above it.
    void setInsets(int left, int right);

    // The colour of a core `busy` (0..1) of the time on `idle`'s background: the strip's cells
    // and its legend both read it.
    static QColor heatColor(double busy, const QColor &idle);
    // Where the legend (0 % to 100 %, bottom to top) is drawn: in the right inset, beside the
    // strip. Empty while the inset is too narrow for it.
    QRect legendBar() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent *event) override; // tooltips: which core, when, how busy
    void paintEvent(QPaintEvent *event) override;

private:
    void paintLegend(QPainter &p, const QColor &idle);

    const std::deque<LoadSample> *m_samples = nullptr;
    double m_windowSec = 60;
    double m_frozenAt = std::numeric_limits<double>::quiet_NaN();
    int m_left = 0;
    int m_right = 0;
};
