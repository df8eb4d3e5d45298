// SPDX-License-Identifier: MIT
#include "ui/charts/comparisonchart.h"

#include "core/base/missingmark.h"
#include "ui/charts/coreloadview.h"
#include "ui/common/chartstyle.h"
#include "ui/common/formatting.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace {
const QColor kWall(31, 119, 180);
const QColor kIdeal(150, 150, 150);
// The share of a category its bars take together.
constexpr double kBarWidth = 0.8;

QString clock(const RunResult &r)
{
    return r.startedUtc.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
}

const ConfigSummary *findConfig(const std::vector<ConfigSummary> &configs, Runtime runtime,
                                int shards)
{
    for (const ConfigSummary &c : configs) {
        if (c.runtime == runtime && c.shards == shards)
            return &c;
    }
    return nullptr;
}

} // namespace

ComparisonChart::ComparisonChart(QWidget *parent)
    : ChartView(parent)
    , m_series(new QBarSeries)
    , m_categories(new QBarCategoryAxis)
    , m_seconds(new QValueAxis)
{
    QChart *c = chart();
    styleChart(c, TitleEmphasis::Headline);
    // Qt's own value labels write 'g' numbers ("2.7 s" beside "2.75 s"): the chart draws its own
    // with Formatting::duration().
    m_series->setLabelsVisible(false);
    m_series->setBarWidth(kBarWidth);
    c->addSeries(m_series);
    m_seconds->setTitleText(tr("completion time (s)"));
    m_seconds->setProperty("shortTitle", tr("time (s)"));
    c->addAxis(m_categories, Qt::AlignBottom);
    c->addAxis(m_seconds, Qt::AlignLeft);
    m_series->attachAxis(m_categories);
    m_series->attachAxis(m_seconds);
    connect(this, &ChartView::paletteApplied, this, &ComparisonChart::recolor);
    connect(c, &QChart::plotAreaChanged, this, &ComparisonChart::fitLabels);
    clear();
    followPalette();
}

void ComparisonChart::recolor()
{
    // Stale bars sit between the background and the text: there, but plainly not current.
    for (int i = 0; i < m_sets.size(); ++i) {
        const bool ideal = m_setColors.value(i) == kIdeal;
        m_sets[i]->setColor(m_stale ? mixColors(background(), textColor(), ideal ? 0.2 : 0.35)
                                    : ink(m_setColors.value(i)));
        m_sets[i]->setBorderColor(background());
    }
    for (QLineSeries *whisker : std::as_const(m_whiskers)) {
        QPen pen(m_stale ? mixColors(background(), textColor(), 0.5) : textColor());
        pen.setWidthF(1.5);
        whisker->setPen(pen);
    }
    for (QGraphicsSimpleTextItem *label : std::as_const(m_labels))
        label->setBrush(textColor());
}

void ComparisonChart::hovered(int set, int category)
{
    const std::size_t index = std::size_t(category) * std::size_t(m_sets.size()) + std::size_t(set);
    if (index < m_bars.size())
        showTip(m_bars[index].tip);
}

void ComparisonChart::clear()
{
    m_comparison.reset();
    m_stale = false;
    rebuild();
    m_seconds->setRange(0, 1);
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

double ComparisonChart::barCenter(int set, int category) const
{
    // Where Qt draws a bar set's bar: the category's bars share kBarWidth of it, side by side.
    const int sets = std::max(1, int(m_sets.size()));
    return category - kBarWidth / 2 + (set + 0.5) * kBarWidth / sets;
}

void ComparisonChart::fitLabels()
{
    // Above a bar there is room for one line, not for a label on its end: across or not at all
    // (the tooltips still tell).
    QString widest;
    for (const Bar &bar : m_bars) {
        if (bar.label.size() > widest.size())
            widest = bar.label;
    }
    const double plotWidth = chart()->plotArea().width();
    const int categories = std::max(1, int(m_categories->count()));
    const double barPx = plotWidth * kBarWidth / (categories * std::max(1, int(m_sets.size())));
    const QFont font = m_labels.isEmpty() ? QFont() : m_labels.first()->font();
    m_labelsFit = plotWidth > 0 && fitOwnBarLabels(barPx, font, widest) == LabelFit::Across;
    placeBarLabels();
    // Category names Qt would elide ("2 lo…") give way to short ones ("K = 2"). Qt cut "2 loops"
    // (47 px) in a category 79 px wide: it keeps about a line's height free on each side and
    // more, hence three.
    if (m_longCategories.isEmpty() || plotWidth <= 0)
        return;
    const QFontMetricsF metrics(m_categories->labelsFont());
    double needed = 0;
    for (const QString &name : std::as_const(m_longCategories))
        needed = std::max(needed, metrics.horizontalAdvance(name) + 3 * metrics.height());
    const QStringList &names =
        needed <= plotWidth / m_longCategories.size() ? m_longCategories : m_shortCategories;
    if (m_categories->categories() != names) {
        m_categories->clear();
        m_categories->append(names);
    }
}

void ComparisonChart::placeBarLabels()
{
    const int sets = std::max(1, int(m_sets.size()));
    for (int i = 0; i < m_labels.size() && std::size_t(i) < m_bars.size(); ++i) {
        QGraphicsSimpleTextItem *label = m_labels[i];
        const Bar &bar = m_bars[std::size_t(i)];
        const double top = bar.hasWhisker ? std::max(bar.seconds, bar.high) : bar.seconds;
        const QPointF at =
            chart()->mapToPosition(QPointF(barCenter(i % sets, i / sets), top), m_series);
        const QRectF box = label->boundingRect();
        label->setPos(at.x() - box.width() / 2, at.y() - box.height() - 2);
        label->setVisible(m_labelsFit && chart()->plotArea().width() > 0);
    }
}

QStringList ComparisonChart::visibleBarLabels() const
{
    QStringList shown;
    for (const QGraphicsSimpleTextItem *label : m_labels) {
        if (label->isVisible())
            shown.append(label->text());
    }
    return shown;
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
    rebuild();
    // Room above the bars for their labels.
    double top = 0;
    for (const Bar &bar : m_bars)
        top = std::max({top, bar.seconds, bar.hasWhisker ? bar.high : 0.0});
    m_seconds->setRange(0, std::max(top, 1e-3) * 1.18);
    m_seconds->applyNiceNumbers();
    m_seconds->setLabelFormat(Formatting::axisLabelFormat(
        (m_seconds->max() - m_seconds->min()) / std::max(1, m_seconds->tickCount() - 1),
        QString()));
    fitLabels();
    // Two lines, so the verdict fits a narrow pane instead of being elided: its claim, then how
    // far to trust it. Runs of different plans have no speedup: the claim gives the two times.
    const Verdict verdict = comparison.judgement();
    QStringList details;
    if (verdict.kind != Verdict::Kind::DifferentPlans)
        details.append(tr("same plan, %L1 tasks").arg(comparison.baseline.tasks));
    if (!verdict.detail.isEmpty())
        details.append(verdict.detail);
    if (verdict.machineBusy())
        details.append(verdict.busyBrief);
    // Several runtimes: every one's claim would take seven lines of a small pane; the headline
    // says it in a few words (the whole claim is on the statistics page and in every report).
    setTitleLines(verdict.headline.isEmpty() ? verdict.claim : verdict.headline,
                  details.join(QStringLiteral(" · ")));
}

void ComparisonChart::rebuild()
{
    for (QLineSeries *whisker : std::as_const(m_whiskers)) {
        chart()->removeSeries(whisker);
        delete whisker;
    }
    m_whiskers.clear();
    qDeleteAll(m_labels);
    m_labels.clear();
    m_series->clear(); // deletes the sets
    m_sets.clear();
    m_setColors.clear();
    m_bars.clear();
    m_categories->clear();
    m_longCategories.clear();
    m_shortCategories.clear();
    if (!m_comparison)
        return;
    const Comparison &c = *m_comparison;
    const int baseK = c.baseline.shards;
    const int candK = c.candidate.shards;

    QStringList setNames;
    QList<bool> inLegend;
    std::vector<Runtime> runtimes;
    for (const ConfigSummary &config : c.configs) {
        if (std::find(runtimes.begin(), runtimes.end(), config.runtime) == runtimes.end())
            runtimes.push_back(config.runtime);
    }
    auto ofConfig = [](const ConfigSummary *config, bool wall, const QString &name) {
        Bar bar;
        if (!config || config->completedRuns == 0) {
            bar.label = missingMark();
            bar.tip = tr("%1: no completed run").arg(name);
            return bar;
        }
        const Summary &s = wall ? config->wallMs : config->idealMs;
        bar.seconds = s.median / 1000.0;
        bar.runs = config->completedRuns;
        bar.label = Formatting::duration(s.median);
        if (!wall) {
            bar.tip = tr("%1: ideal bound %2").arg(name, Formatting::duration(s.median));
        } else if (config->completedRuns < 2) {
            bar.tip = tr("%1: wall time %2, one run").arg(name, Formatting::duration(s.median));
        } else {
            bar.hasWhisker = true;
            bar.low = s.min / 1000.0;
            bar.high = s.max / 1000.0;
            bar.tip = tr("%1: wall time %2, the median of %L3 runs\nfastest %4, slowest %5")
                          .arg(name, Formatting::duration(s.median))
                          .arg(config->completedRuns)
                          .arg(Formatting::duration(s.min), Formatting::duration(s.max));
        }
        return bar;
    };
    if (runtimes.size() > 1) {
        // Compare runtimes: a group per runtime, its 1-loop and K-loop times with their bounds.
        setNames = {loopsLabel(baseK), tr("ideal bound"), loopsLabel(candK), tr("ideal bound")};
        m_setColors = {CoreLoadView::bandColor(baseK), kIdeal, kWall, kIdeal};
        inLegend = {true, true, true, false};
        for (const Runtime runtime : runtimes) {
            m_longCategories.append(runtimeName(runtime));
            for (const int k : {baseK, candK}) {
                const ConfigSummary *config = findConfig(c.configs, runtime, k);
                for (const bool wall : {true, false}) {
                    m_bars.push_back(ofConfig(config, wall, configLabel(runtime, k)));
                    m_bars.back().category = runtimeName(runtime);
                }
            }
        }
        m_shortCategories = m_longCategories;
    } else {
        setNames = {tr("wall time"), tr("ideal bound")};
        m_setColors = {kWall, kIdeal};
        inLegend = {true, true};
        m_longCategories = {loopsLabel(baseK), loopsLabel(candK)};
        m_shortCategories = {tr("K = %1").arg(baseK), tr("K = %1").arg(candK)};
        if (baseK == candK) { // two runs with the same K: tell them apart by time
            m_longCategories[0] += QStringLiteral(" (%1)").arg(clock(c.baseline));
            m_longCategories[1] += QStringLiteral(" (%1)").arg(clock(c.candidate));
            m_shortCategories = {clock(c.baseline), clock(c.candidate)};
        }
        if (!runtimes.empty()) {
            for (const int k : {baseK, candK}) {
                const ConfigSummary *config = findConfig(c.configs, runtimes.front(), k);
                for (const bool wall : {true, false})
                    m_bars.push_back(ofConfig(config, wall, configLabel(runtimes.front(), k)));
            }
        } else {
            for (const RunResult *run : {&c.baseline, &c.candidate}) {
                const QString who = run == &c.baseline ? tr("baseline, K = %1, run started %2")
                                                       : tr("candidate, K = %1, run started %2");
                for (const bool wall : {true, false}) {
                    Bar bar;
                    const double ms = wall ? run->wallMs : run->idealMs;
                    bar.seconds = ms / 1000.0;
                    bar.label = Formatting::duration(ms);
                    bar.tip = (wall ? tr("wall time %1") : tr("ideal bound %1"))
                                  .arg(Formatting::duration(ms)) +
                              QLatin1Char('\n') + who.arg(run->shards).arg(clock(*run));
                    m_bars.push_back(bar);
                }
            }
        }
        for (std::size_t i = 0; i < m_bars.size(); ++i)
            m_bars[i].category = m_longCategories[int(i / 2)];
    }
    const int sets = int(setNames.size());
    for (int s = 0; s < sets; ++s) {
        auto *set = new QBarSet(setNames[s]);
        for (std::size_t i = std::size_t(s); i < m_bars.size(); i += std::size_t(sets)) {
            set->append(m_bars[i].seconds);
            m_bars[i].set = setNames[s];
        }
        connect(set, &QBarSet::hovered, this, [this, s](bool on, int category) {
            if (on)
                hovered(s, category);
            else
                showTip(QString());
        });
        m_series->append(set);
        m_sets.append(set);
    }
    const QList<QLegendMarker *> markers = chart()->legend()->markers(m_series);
    for (int s = 0; s < markers.size() && s < inLegend.size(); ++s)
        markers[s]->setVisible(inLegend[s]);
    m_categories->append(m_longCategories);
    // A whisker from the fastest to the slowest run, capped at both ends: one line drawn
    // cap, stem, cap (a line series has no gaps).
    for (std::size_t i = 0; i < m_bars.size(); ++i) {
        const Bar &bar = m_bars[i];
        if (!bar.hasWhisker)
            continue;
        const double x = barCenter(int(i) % sets, int(i) / sets);
        const double cap = kBarWidth / sets / 4;
        auto *whisker = new QLineSeries;
        whisker->append({{x - cap, bar.low},
                         {x + cap, bar.low},
                         {x, bar.low},
                         {x, bar.high},
                         {x - cap, bar.high},
                         {x + cap, bar.high}});
        chart()->addSeries(whisker);
        whisker->attachAxis(m_categories);
        whisker->attachAxis(m_seconds);
        for (QLegendMarker *marker : chart()->legend()->markers(whisker))
            marker->setVisible(false);
        connect(whisker, &QLineSeries::hovered, this,
                [this, i](const QPointF &, bool on) { showTip(on ? m_bars[i].tip : QString()); });
        m_whiskers.append(whisker);
    }
    for (const Bar &bar : m_bars) {
        auto *label = new QGraphicsSimpleTextItem(bar.label, chart());
        label->setZValue(1000); // above the series
        m_labels.append(label);
    }
    recolor();
    followPalette(); // the new series' axes and the labels take the palette's colours
    fitLegend();
}
