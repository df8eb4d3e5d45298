// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>

class QChart;
class QPalette;

// The look LoopBench's charts share, set in one place: thin margins (the views sit packed in
// splitters, so every pixel goes to the plot) and the legend under the plot, where it does not
// steal width from the time axis.
enum class TitleEmphasis {
    Plain,
    Bold,     // a chart that names what it shows
    Headline, // a result chart: its title carries the verdict, so it reads first
};

void styleChart(QChart *chart, TitleEmphasis emphasis);

// Charts follow the application palette (a dark desktop gets dark charts): background from
// Base, text, axes and grid from Text. Series colours stay each chart's own, made readable on
// that background with readableOn().
void applyChartPalette(QChart *chart, const QPalette &palette);
QColor chartBackground(const QPalette &palette);

// WCAG 2 contrast ratio of two colours, 1 (same luminance) to 21 (black on white).
double contrastRatio(const QColor &a, const QColor &b);
// A line, bar or point needs this much contrast with the background to be seen (WCAG 2.1's
// 3:1 for graphical objects).
inline constexpr double kMinSeriesContrast = 3.0;
// `color` with its hue kept, darkened on a light background or lightened on a dark one until its
// contrast with `background` reaches `minRatio`. Alpha is kept.
QColor readableOn(const QColor &color, const QColor &background,
                  double minRatio = kMinSeriesContrast);
// `a` moved `t` (0..1) of the way to `b`: grid lines and greyed-out series between the
// background and the text.
QColor mixColors(const QColor &a, const QColor &b, double t);
