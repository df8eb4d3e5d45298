// SPDX-License-Identifier: MIT
#include "ui/common/chartstyle.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>
#include <QPalette>

#include <algorithm>
#include <cmath>

namespace {

double channel(double c)
{
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &c)
{
    const QColor rgb = c.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) +
           0.0722 * channel(rgb.blueF());
}

} // namespace

void styleChart(QChart *chart, TitleEmphasis emphasis)
{
    chart->setMargins(QMargins(4, 4, 4, 4));
    // Axis labels in the locale's way ("2,5 s" under pt_BR), as Formatting writes every other
    // number of the window; the label formats come from Formatting::axisLabelFormat().
    chart->setLocalizeNumbers(true);
    chart->legend()->setAlignment(Qt::AlignBottom);
    if (emphasis == TitleEmphasis::Plain)
        return;
    QFont title = chart->titleFont();
    title.setBold(true);
    if (emphasis == TitleEmphasis::Headline)
        title.setPointSizeF(title.pointSizeF() * 1.1);
    chart->setTitleFont(title);
}

QColor chartBackground(const QPalette &palette)
{
    return palette.color(QPalette::Active, QPalette::Base);
}

void applyChartPalette(QChart *chart, const QPalette &palette)
{
    const QColor background = chartBackground(palette);
    const QColor text = palette.color(QPalette::Active, QPalette::Text);
    chart->setBackgroundBrush(background);
    chart->setBackgroundPen(Qt::NoPen);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    chart->legend()->setBrush(Qt::NoBrush);
    chart->legend()->setPen(Qt::NoPen);
    for (QAbstractAxis *axis : chart->axes()) {
        // An axis that belongs to one series (the lag axis) keeps that series' colour.
        const QVariant accent = axis->property("accent");
        const QColor ink = accent.isValid() ? readableOn(accent.value<QColor>(), background) : text;
        axis->setLabelsBrush(ink);
        axis->setTitleBrush(ink);
        axis->setGridLineColor(mixColors(background, text, 0.18));
        axis->setMinorGridLineColor(mixColors(background, text, 0.09));
        axis->setLinePenColor(mixColors(background, text, 0.45));
        axis->setShadesVisible(false);
    }
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor readableOn(const QColor &color, const QColor &background, double minRatio)
{
    if (contrastRatio(color, background) >= minRatio)
        return color;
    const bool darkBackground = luminance(background) < 0.18;
    QColor c = color.toHsl();
    // Lightness in small steps towards the far end: the first that is readable keeps the most
    // of the original colour.
    for (int step = 1; step <= 40; ++step) {
        const double l = darkBackground ? c.lightnessF() + (1.0 - c.lightnessF()) * step / 40.0
                                        : c.lightnessF() * (1.0 - step / 40.0);
        QColor candidate =
            QColor::fromHslF(std::max(0.0f, c.hslHueF()), c.hslSaturationF(), l, c.alphaF());
        if (contrastRatio(candidate, background) >= minRatio)
            return candidate.toRgb();
    }
    return darkBackground ? QColor(255, 255, 255, color.alpha()) : QColor(0, 0, 0, color.alpha());
}

QColor mixColors(const QColor &a, const QColor &b, double t)
{
    const QColor x = a.toRgb();
    const QColor y = b.toRgb();
    return QColor::fromRgbF(float(x.redF() + (y.redF() - x.redF()) * t),
                            float(x.greenF() + (y.greenF() - x.greenF()) * t),
                            float(x.blueF() + (y.blueF() - x.blueF()) * t));
}
