// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QSizeF>
#include <QString>

class ChartView;
class QWidget;

// Draws a chart that is on no screen (ExportFigures builds one from an experiment's runs) into an
// image of the size the user chose, as a figure designed for that size: the chart is laid out
// at a logical size derived from the image alone and drawn scaled to it. Two images of one
// aspect ratio share one layout (plot area and title at the same fractions of the image, every
// font scaled by the same factor), whatever the window looked like. No files: ReportExporter
// writes the bytes atomically.
class ChartExporter
{
public:
    // The figure's design: at 1000 x 625 logical pixels the charts' own fonts (the chart theme's
    // 10-14 pt) read as a figure's do, about 1.5 % of its width for a tick label. A 1600 x 1000
    // PNG is that layout at 1.6x.
    static constexpr double kDesignWidth = 1000;
    static constexpr double kDesignHeight = 625;
    // Smaller images are not scaled down further: their layout gets more room instead (a
    // 400 x 250 PNG is laid out at 500 x 312), or tick labels would be 7 pixels high.
    static constexpr double kMinScale = 0.8;

    // Image pixels per logical pixel for an image of `pixels`.
    static double scaleFor(QSize pixels);
    // The logical size a chart is laid out at for an image of `pixels`: pixels / scaleFor().
    static QSizeF logicalSize(QSize pixels);

    // Lays `figure` (the widget that holds `view`, or the view itself) out off screen at the
    // logical size for `pixels`: shown with Qt::WA_DontShowOnScreen, in a light palette (a figure
    // does not follow a dark desktop), every pending layout done.
    static void layOut(QWidget *figure, ChartView *view, QSize pixels);
    // The chart drawn into an image of exactly `pixels` (call layOut() first).
    static QImage render(ChartView *view, QSize pixels);
    // PNG bytes of render(); false and `error` ("PNG encoder: ...") when encoding fails.
    static bool png(ChartView *view, QSize pixels, QByteArray *out, QString *error);
    // SVG bytes from QSvgGenerator, `size` user units wide and high, titled `title`, of the same
    // layout as a PNG of that size (call layOut() first).
    static QByteArray svg(ChartView *view, QSize size, const QString &title);
};
