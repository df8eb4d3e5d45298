// SPDX-License-Identifier: MIT
#include "ui/charts/comparisonchart.h"

#include "ui/common/chartstyle.h"
#include "ui/common/formatting.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLegend>
#include <QValueAxis>

ComparisonChart::ComparisonChart(QWidget *parent)
    : QChartView(new QChart, parent)
    , m_series(new QBarSeries)
    , m_wall(new QBarSet(tr("wall time")))
    , m_ideal(new QBarSet(tr("ideal bound")))
    , m_categories(new QBarCategoryAxis)
    , m_seconds(new QValueAxis)
{
    QChart *c = chart();
    styleChart(c, TitleEmphasis::Headline);
    m_wall->setColor(QColor(31, 119, 180));
    m_ideal->setColor(QColor(170, 170, 170));
    m_ideal->setLabelColor(palette().text().color());
    m_wall->setLabelColor(palette().text().color());
    m_series->append(m_wall);
    m_series->append(m_ideal);
    m_series->setLabelsVisible(true);
    m_series->setLabelsFormat(QStringLiteral("@value s"));
    m_series->setLabelsPrecision(3);
    m_series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    m_series->setBarWidth(0.8);
    c->addSeries(m_series);
    m_seconds->setTitleText(tr("completion time (s)"));
    m_seconds->setLabelFormat(QStringLiteral("%.3g"));
    c->addAxis(m_categories, Qt::AlignBottom);
    c->addAxis(m_seconds, Qt::AlignLeft);
    m_series->attachAxis(m_categories);
    m_series->attachAxis(m_seconds);
    setRenderHint(QPainter::Antialiasing);
    setFocusPolicy(Qt::NoFocus);
    clear();
}

void ComparisonChart::clear()
{
    m_comparison.reset();
    m_stale = false;
    m_wall->remove(0, m_wall->count());
    m_ideal->remove(0, m_ideal->count());
    m_categories->clear();
    m_seconds->setRange(0, 1);
    chart()->setTitle(tr("No comparison yet<br><small>Compare (F5) runs one plan on 1 loop, "
                         "then on K</small>"));
}

void ComparisonChart::markStale(const QString &why)
{
    if (!m_comparison || m_stale)
        return;
    // The bars stay for reference, greyed; the title says they are not what was just done.
    m_stale = true;
    m_wall->setColor(QColor(190, 190, 190));
    m_ideal->setColor(QColor(225, 225, 225));
    chart()->setTitle(tr("Earlier comparison (%1)<br><small>%2</small>")
                          .arg(why.toHtmlEscaped(), m_comparison->verdict().toHtmlEscaped()));
}

void ComparisonChart::setComparison(const Comparison &comparison)
{
    m_comparison = comparison;
    m_stale = false;
    m_wall->setColor(QColor(31, 119, 180));
    m_ideal->setColor(QColor(170, 170, 170));
    const RunResult &a = comparison.baseline;
    const RunResult &b = comparison.candidate;
    QStringList categories{loopsLabel(a.shards), loopsLabel(b.shards)};
    if (categories[0] == categories[1]) { // two runs with the same K: tell them apart by time
        categories[0] += QStringLiteral(" (%1)").arg(
            a.startedUtc.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
        categories[1] += QStringLiteral(" (%1)").arg(
            b.startedUtc.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    }
    m_categories->clear();
    m_categories->append(categories);
    m_wall->remove(0, m_wall->count());
    m_ideal->remove(0, m_ideal->count());
    m_wall->append({a.wallMs / 1000.0, b.wallMs / 1000.0});
    m_ideal->append({a.idealMs / 1000.0, b.idealMs / 1000.0});
    // Room on the right for the value labels.
    m_seconds->setRange(0, std::max({a.wallMs, b.wallMs, a.idealMs, b.idealMs}) / 1000.0 * 1.18);
    m_seconds->applyNiceNumbers();
    // Two lines, so the verdict fits a narrow pane instead of being elided. Runs of different
    // workloads have no speedup: the headline says so and shows the two times only.
    if (!comparison.samePlan()) {
        chart()->setTitle(tr("Different workloads: no speedup<br><small>%1 %2 · %3 %4</small>")
                              .arg(loopsLabel(a.shards), Formatting::duration(a.wallMs),
                                   loopsLabel(b.shards), Formatting::duration(b.wallMs)));
        return;
    }
    chart()->setTitle(tr("%1: %2 faster than %3<br><small>ideal bound %4 faster · %5</small>")
                          .arg(loopsLabel(b.shards), Formatting::speedup(comparison.speedup()),
                               loopsLabel(a.shards), Formatting::speedup(comparison.idealSpeedup()),
                               tr("same plan, %L1 tasks").arg(a.tasks)));
}
