// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

class QChart;

// Renders a chart of a window to PNG or SVG bytes, as the window shows it (same series, labels,
// shading and legend), at a size the user chooses. No files: ReportExporter writes the bytes
// atomically. The chart is laid out at the asked aspect ratio for the time of the render and
// then given back its own geometry, so the window does not change.
class ChartExporter
{
public:
    // The chart drawn into an image of exactly `pixels`, on white. Logical size: the chart's
    // width in the window (or 800 when it has none), the height from the asked aspect ratio;
    // the image scales that up or down, so fonts keep their proportion to the plot.
    static QImage render(QChart *chart, QSize pixels);
    // PNG bytes of render(); false and `error` ("PNG encoder: ...") when encoding fails.
    static bool png(QChart *chart, QSize pixels, QByteArray *out, QString *error);
    // SVG bytes from QSvgGenerator, `size` user units wide and high, titled `title`.
    static QByteArray svg(QChart *chart, QSize size, const QString &title);
};
