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

namespace {
const QColor kWall(31, 119, 180);
const QColor kIdeal(150, 150, 150);
} // namespace

ComparisonChart::ComparisonChart(QWidget *parent)
    : ChartView(parent)
    , m_series(new QBarSeries)
    , m_wall(new QBarSet(tr("wall time")))
    , m_ideal(new QBarSet(tr("ideal bound")))
    , m_categories(new QBarCategoryAxis)
    , m_seconds(new QValueAxis)
{
    QChart *c = chart();
    styleChart(c, TitleEmphasis::Headline);
    m_series->append(m_wall);
    m_series->append(m_ideal);
    m_series->setLabelsVisible(true);
    m_series->setLabelsFormat(QStringLiteral("@value s"));
    m_series->setLabelsPrecision(3);
    m_series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    m_series->setBarWidth(0.8);
    c->addSeries(m_series);
    m_seconds->setTitleText(tr("completion time (s)"));
    m_seconds->setProperty("shortTitle", tr("time (s)"));
    m_seconds->setLabelFormat(QStringLiteral("%.3g"));
    c->addAxis(m_categories, Qt::AlignBottom);
    c->addAxis(m_seconds, Qt::AlignLeft);
    m_series->attachAxis(m_categories);
    m_series->attachAxis(m_seconds);
    connect(this, &ChartView::paletteApplied, this, &ComparisonChart::recolor);
    connect(c, &QChart::plotAreaChanged, this, &ComparisonChart::fitLabels);
    connect(m_wall, &QBarSet::hovered, this, [this](bool on, int i) {
        if (on)
            hovered(i, false);
        else
            showTip(QString());
    });
    connect(m_ideal, &QBarSet::hovered, this, [this](bool on, int i) {
        if (on)
            hovered(i, true);
        else
            showTip(QString());
    });
    clear();
    followPalette();
}

void ComparisonChart::recolor()
{
    // Stale bars sit between the background and the text: there, but plainly not current.
    m_wall->setColor(m_stale ? mixColors(background(), textColor(), 0.35) : ink(kWall));
    m_ideal->setColor(m_stale ? mixColors(background(), textColor(), 0.2) : ink(kIdeal));
    m_wall->setBorderColor(background());
    m_ideal->setBorderColor(background());
    m_wall->setLabelColor(textColor());
    m_ideal->setLabelColor(textColor());
}

void ComparisonChart::hovered(int index, bool ideal)
{
    if (!m_comparison || index < 0 || index > 1)
        return;
    const RunResult &run = index == 0 ? m_comparison->baseline : m_comparison->candidate;
    const QString what = ideal ? tr("ideal bound %1").arg(Formatting::duration(run.idealMs))
                               : tr("wall time %1").arg(Formatting::duration(run.wallMs));
    showTip(tr("%1\n%2, K = %3, run started %4")
                .arg(what, index == 0 ? tr("baseline") : tr("candidate"))
                .arg(run.shards)
                .arg(run.startedUtc.toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
}

void ComparisonChart::clear()
{
    m_comparison.reset();
    m_stale = false;
    m_wall->remove(0, m_wall->count());
    m_ideal->remove(0, m_ideal->count());
    m_categories->clear();
    m_longCategories.clear();
    m_shortCategories.clear();
    m_seconds->setRange(0, 1);
    recolor();
    setTitleLines(tr("No comparison yet"), tr("Compare (F5) runs one plan on 1 loop, then on K"));
}

void ComparisonChart::markStale(const QString &why)
{
    if (!m_comparison || m_stale)
        return;
    // The bars stay for reference, greyed; the title says they are not what was just done.
    m_stale = true;
    recolor();
    setTitleLines(tr("Earlier comparison (%1)").arg(why), m_comparison->verdict());
}

void ComparisonChart::fitLabels()
{
    // The widest of the four labels, as the series writes them ("@value s", 3 digits). Never
    // upright: above a bar there is room for one line, not for a label on its end.
    QString widest;
    for (const QBarSet *set : {m_wall, m_ideal}) {
        for (int i = 0; i < set->count(); ++i) {
            const QString label = QString::number(set->at(i), 'g', 3) + QStringLiteral(" s");
            if (label.size() > widest.size())
                widest = label;
        }
    }
    fitBarLabels(m_series, 2 * std::max(1, int(m_wall->count())), widest, false);
    // Category names Qt would elide ("2 lo…") give way to short ones ("K = 2"). Qt cut "2 loops"
    // (47 px) in a category 79 px wide: it keeps about a line's height free on each side and
    // more, hence three.
    const double plotWidth = chart()->plotArea().width();
    if (m_longCategories.isEmpty() || plotWidth <= 0)
        return;
    const QFontMetricsF metrics(m_categories->labelsFont());
    double needed = 0;
    for (const QString &name : m_longCategories)
        needed = std::max(needed, metrics.horizontalAdvance(name) + 3 * metrics.height());
    const QStringList &names =
        needed <= plotWidth / m_longCategories.size() ? m_longCategories : m_shortCategories;
    if (m_categories->categories() != names) {
        m_categories->clear();
        m_categories->append(names);
    }
}

QStringList ComparisonChart::categoryNames() const
{
    return m_categories->categories();
}

void ComparisonChart::resizeEvent(QResizeEvent *event)
{
    ChartView::resizeEvent(event);
    fitLabels();
}

void ComparisonChart::setComparison(const Comparison &comparison)
{
    m_comparison = comparison;
    m_stale = false;
    recolor();
    const RunResult &a = comparison.baseline;
    const RunResult &b = comparison.candidate;
    m_longCategories = {loopsLabel(a.shards), loopsLabel(b.shards)};
    m_shortCategories = {tr("K = %1").arg(a.shards), tr("K = %1").arg(b.shards)};
    if (a.shards == b.shards) { // two runs with the same K: tell them apart by time
        const QString timeA = a.startedUtc.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
        const QString timeB = b.startedUtc.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
        m_longCategories[0] += QStringLiteral(" (%1)").arg(timeA);
        m_longCategories[1] += QStringLiteral(" (%1)").arg(timeB);
        m_shortCategories = {timeA, timeB};
    }
    m_categories->clear();
    m_categories->append(m_longCategories);
    m_wall->remove(0, m_wall->count());
    m_ideal->remove(0, m_ideal->count());
    m_wall->append({a.wallMs / 1000.0, b.wallMs / 1000.0});
    m_ideal->append({a.idealMs / 1000.0, b.idealMs / 1000.0});
    // Room on the right for the value labels.
    m_seconds->setRange(0, std::max({a.wallMs, b.wallMs, a.idealMs, b.idealMs}) / 1000.0 * 1.18);
    m_seconds->applyNiceNumbers();
    fitLabels();
    // Two lines, so the verdict fits a narrow pane instead of being elided: its claim, then how
    // far to trust it. Runs of different plans have no speedup: the claim gives the two times.
    const Verdict verdict = comparison.judgement();
    QStringList details;
    if (verdict.kind != Verdict::Kind::DifferentPlans)
        details.append(tr("same plan, %L1 tasks").arg(a.tasks));
    if (!verdict.detail.isEmpty())
        details.append(verdict.detail);
    if (verdict.machineBusy())
        details.append(verdict.busyNote);
    setTitleLines(verdict.claim, details.join(QStringLiteral(" · ")));
}
