// SPDX-License-Identifier: MIT
#include "ui/charts/efficiencychart.h"

#include "core/experiment/experimentsummary.h"
#include "ui/common/chartstyle.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLegend>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

EfficiencyChart::EfficiencyChart(QWidget *parent)
    : QChartView(new QChart, parent)
    , m_series(new QBarSeries)
    , m_bound(new QBarSet(tr("T* / wall (median)")))
    , m_perK(new QBarSet(tr("speedup / K")))
    , m_axisK(new QBarCategoryAxis)
    , m_axisPercent(new QValueAxis)
{
    QChart *c = chart();
    styleChart(c, TitleEmphasis::Bold);
    m_bound->setColor(QColor(44, 160, 44));
    m_perK->setColor(QColor(255, 127, 14));
    for (QBarSet *set : {m_bound, m_perK})
        set->setLabelColor(palette().text().color());
    m_series->append(m_bound);
    m_series->append(m_perK);
    m_series->setLabelsVisible(true);
    m_series->setLabelsFormat(QStringLiteral("@value"));
    m_series->setLabelsPrecision(3);
    m_series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    c->addSeries(m_series);
    m_axisK->setTitleText(tr("shard count K"));
    m_axisPercent->setTitleText(tr("efficiency (%)"));
    m_axisPercent->setLabelFormat(QStringLiteral("%d"));
    c->addAxis(m_axisK, Qt::AlignBottom);
    c->addAxis(m_axisPercent, Qt::AlignLeft);
    m_series->attachAxis(m_axisK);
    m_series->attachAxis(m_axisPercent);
    setRenderHint(QPainter::Antialiasing);
    setFocusPolicy(Qt::NoFocus);
    clear();
}

void EfficiencyChart::clear()
{
    m_bound->remove(0, m_bound->count());
    m_perK->remove(0, m_perK->count());
    m_axisK->clear();
    m_axisPercent->setRange(0, 100);
    chart()->setTitle(tr("Efficiency per K"));
}

void EfficiencyChart::setSummary(const ExperimentSummary &summary)
{
    clear();
    QStringList categories;
    QList<qreal> bound, perK;
    double top = 100;
    for (const ConfigSummary &c : summary.configs) {
        categories.append(QString::number(c.shards));
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
    chart()->setTitle(tr("Efficiency per K (%)"));
}
