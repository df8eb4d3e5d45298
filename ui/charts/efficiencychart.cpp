// SPDX-License-Identifier: MIT
#include "ui/charts/efficiencychart.h"

#include "core/experiment/experimentsummary.h"
#include "ui/common/chartstyle.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLegend>
#include <QResizeEvent>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace {
const QColor kBound(44, 160, 44);
const QColor kPerK(255, 127, 14);
} // namespace

EfficiencyChart::EfficiencyChart(QWidget *parent)
    : ChartView(parent)
    , m_series(new QBarSeries)
    , m_bound(new QBarSet(tr("T* / wall (median)")))
    , m_perK(new QBarSet(tr("speedup / K")))
    , m_axisK(new QBarCategoryAxis)
    , m_axisPercent(new QValueAxis)
{
    QChart *c = chart();
    styleChart(c, TitleEmphasis::Bold);
    m_series->append(m_bound);
    m_series->append(m_perK);
    m_series->setLabelsVisible(true);
    m_series->setLabelsFormat(QStringLiteral("@value"));
    m_series->setLabelsPrecision(3);
    m_series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    c->addSeries(m_series);
    m_axisK->setTitleText(tr("shard count K"));
    m_axisK->setProperty("shortTitle", tr("K"));
    m_axisPercent->setTitleText(tr("efficiency (%)"));
    m_axisPercent->setLabelFormat(QStringLiteral("%.0f"));
    c->addAxis(m_axisK, Qt::AlignBottom);
    c->addAxis(m_axisPercent, Qt::AlignLeft);
    m_series->attachAxis(m_axisK);
    m_series->attachAxis(m_axisPercent);
    connect(this, &ChartView::paletteApplied, this, &EfficiencyChart::recolor);
    connect(c, &QChart::plotAreaChanged, this, &EfficiencyChart::fitLabels);
    for (QBarSet *set : {m_bound, m_perK}) {
        connect(set, &QBarSet::hovered, this, [this, set](bool on, int i) {
            if (!on || i < 0 || i >= m_shards.size()) {
                showTip(QString());
                return;
            }
            showTip(tr("%1: %2 %\nK = %3 (median of its runs)")
                        .arg(set->label())
                        .arg(set->at(i), 0, 'f', 0)
                        .arg(m_shards[i]));
        });
    }
    clear();
    followPalette();
}

void EfficiencyChart::recolor()
{
    m_bound->setColor(ink(kBound));
    m_perK->setColor(ink(kPerK));
    for (QBarSet *set : {m_bound, m_perK}) {
        set->setBorderColor(background());
        set->setLabelColor(textColor());
    }
}

void EfficiencyChart::resizeEvent(QResizeEvent *event)
{
    ChartView::resizeEvent(event);
    fitLabels();
}

void EfficiencyChart::fitLabels()
{
    fitBarLabels(m_series, std::max<int>(1, int(m_shards.size()) * 2), QStringLiteral("100"));
}

void EfficiencyChart::clear()
{
    m_bound->remove(0, m_bound->count());
    m_perK->remove(0, m_perK->count());
    m_axisK->clear();
    m_axisPercent->setRange(0, 100);
    m_shards.clear();
    setTitleLines(tr("Efficiency per K"));
}

void EfficiencyChart::setSummary(const ExperimentSummary &summary, const QString &busyNote)
{
    clear();
    QStringList categories;
    QList<qreal> bound, perK;
    double top = 100;
    for (const ConfigSummary &c : summary.configs) {
        categories.append(QString::number(c.shards));
        m_shards.append(c.shards);
        // Rounded to whole percent: the labels show no more, and "93.4172" reads as noise.
        const double b =
            std::isfinite(c.efficiency.median) ? std::round(c.efficiency.median * 100) : 0.0;
        const double k =
            std::isfinite(c.speedup.value) ? std::round(c.speedup.value / c.shards * 100) : 0.0;
        bound.append(b);
        perK.append(k);
        top = std::max({top, b, k});
    }
    m_axisK->append(categories);
    m_bound->append(bound);
    m_perK->append(perK);
    m_axisPercent->setRange(0, top * 1.15);
    m_axisPercent->applyNiceNumbers();
    setTitleLines(tr("Efficiency per K (%)"), busyNote);
    fitLabels();
}
