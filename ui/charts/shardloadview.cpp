// SPDX-License-Identifier: MIT
#include "ui/charts/shardloadview.h"

#include "ui/common/chartstyle.h"
#include "ui/control/loadmonitor.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace {

// The next of 1, 2, 5, 10, 20, 50, ... at or above v: axis ends people can read.
double niceCeiling(double v)
{
    if (v <= 0)
        return 1;
    const double decade = std::pow(10.0, std::floor(std::log10(v)));
    for (double step : {1.0, 2.0, 5.0, 10.0}) {
        if (step * decade >= v)
            return step * decade;
    }
    return 10 * decade;
}

} // namespace

ShardLoadView::ShardLoadView(QWidget *parent)
    : QChartView(new QChart, parent)
    , m_bars(new QBarSeries)
    , m_cpu(new QBarSet(tr("thread CPU %")))
    , m_lag(new QLineSeries)
    , m_axisX(new QBarCategoryAxis)
    , m_axisCpu(new QValueAxis)
    , m_axisLag(new QValueAxis)
{
    QChart *c = chart();
    c->setTitle(tr("Shard threads: CPU and event-loop lag"));
    styleChart(c, TitleEmphasis::Plain);
    m_cpu->setColor(QColor(31, 119, 180));
    m_bars->append(m_cpu);
    m_bars->setBarWidth(0.6);
    m_lag->setName(tr("max lag, last 250 ms"));
    m_lag->setPen(QPen(QColor(214, 39, 40), 2));
    m_lag->setPointsVisible(true);
    m_axisCpu->setRange(0, 100);
    m_axisCpu->setTickCount(5);
    m_axisCpu->setLabelFormat(QStringLiteral("%d %"));
    m_axisLag->setLabelFormat(QStringLiteral("%g"));
    m_axisLag->setTitleText(tr("lag (ms)"));
    m_axisLag->setTitleBrush(QColor(214, 39, 40));
    m_axisLag->setLabelsColor(QColor(214, 39, 40));
    c->addSeries(m_bars);
    c->addSeries(m_lag);
    c->addAxis(m_axisX, Qt::AlignBottom);
    c->addAxis(m_axisCpu, Qt::AlignLeft);
    c->addAxis(m_axisLag, Qt::AlignRight);
    m_bars->attachAxis(m_axisX);
    m_bars->attachAxis(m_axisCpu);
    m_lag->attachAxis(m_axisX);
    m_lag->attachAxis(m_axisLag);
    m_axisLag->setRange(0, m_lagScaleMs);
    setRenderHint(QPainter::Antialiasing);
    setFocusPolicy(Qt::NoFocus);
}

void ShardLoadView::setMonitor(const LoadMonitor *monitor)
{
    m_monitor = monitor;
    connect(monitor, &LoadMonitor::sampled, this, &ShardLoadView::refresh);
}

void ShardLoadView::refresh()
{
    const std::vector<double> &cpu = m_monitor->shardCpuPercent();
    const std::vector<double> &lag = m_monitor->shardLagMs();
    const auto n = qsizetype(cpu.size());

    if (m_axisX->count() != n) {
        QStringList categories;
        for (qsizetype i = 0; i < n; ++i)
            categories.append(QString::number(i));
        m_axisX->setCategories(categories);
        m_axisX->setLabelsVisible(n > 0 && n <= kMaxLabelledShards);
        m_axisX->setTitleText(n == 0                    ? QString()
                              : n <= kMaxLabelledShards ? tr("shard")
                                                        : tr("shards 0-%1").arg(n - 1));
        chart()->setTitle(n == 0   ? tr("Shard threads (no run in flight)")
                          : n == 1 ? tr("1 shard thread: CPU and event-loop lag")
                                   : tr("%1 shard threads: CPU and event-loop lag").arg(n));
    }
    m_cpu->remove(0, m_cpu->count());
    m_cpu->append(QList<qreal>(cpu.begin(), cpu.end()));

    QList<QPointF> points;
    double worst = 0;
    for (qsizetype i = 0; i < qsizetype(lag.size()); ++i) {
        points.append({double(i), lag[std::size_t(i)]});
        worst = std::max(worst, lag[std::size_t(i)]);
    }
    m_lag->replace(points);
    // The lag axis grows at once and shrinks one nice step per sample, so a spike stays
    // readable for a moment and the axis never shows odd numbers.
    const double wanted = std::max(10.0, niceCeiling(worst));
    if (n == 0)
        m_lagScaleMs = 10;
    else if (wanted >= m_lagScaleMs)
        m_lagScaleMs = wanted;
    else
        m_lagScaleMs = std::max(wanted, niceCeiling(m_lagScaleMs * 0.45));
    m_axisLag->setRange(0, m_lagScaleMs);
}
