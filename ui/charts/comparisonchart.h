// SPDX-License-Identifier: MIT
#pragma once

#include "ui/models/comparison.h"

#include "ui/charts/chartview.h"

#include <optional>
#include <vector>

class QBarCategoryAxis;
class QBarSet;
class QBarSeries;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QValueAxis;

// Completion time of one loop against K loops on the same plan: a wall-time bar per mode with
// its ideal bound beside it, and the verdict in the title. Values are seconds.
//
// Two runs side by side show their own times. A comparison that stands for an experiment shows
// the median of each configuration with a whisker from its fastest to its slowest run, and the
// experiment's verdict ("1.87 ± 0.01× faster"); with several runtimes (Compare runtimes) one group
// per runtime, each with its 1-loop and K-loop wall times and their bounds.
class ComparisonChart : public ChartView
{
    Q_OBJECT
public:
    explicit ComparisonChart(QWidget *parent = nullptr);

    void setComparison(const Comparison &comparison);
    void clear();
    // What the chart shows is no longer what the latest action or selection says (a Sweep ran
    // since, a run that cannot be compared was selected): greyed, titled "Earlier comparison
    // (why)". The next setComparison() makes it current again.
    void markStale(const QString &why);
    bool isStale() const { return m_stale; }
    const std::optional<Comparison> &comparison() const { return m_comparison; }

    // One bar as drawn: its category (a K, or a runtime with several), its set (legend entry),
    // its height in seconds (a median with repeats), the whisker's ends (the fastest and the
    // slowest run; NaN without repeats) and the label drawn above it (Formatting::duration()).
    struct Bar
    {
        QString category;
        QString set;
        double seconds = 0;
        double low = 0;
        double high = 0;
        int runs = 1;
        bool hasWhisker = false;
        QString label;
        QString tip; // what hovering the bar says
    };
    // In drawing order: by category, then by set.
    const std::vector<Bar> &bars() const { return m_bars; }
    // The labels above the bars that are shown now (none where bars are too narrow for them).
    QStringList visibleBarLabels() const;

    // The bars drawn, in seconds, of two runs or one runtime. Index 0 is the baseline, 1 the
    // candidate. With several runtimes the 1-loop wall and ideal sets.
    const QBarSet *wallSet() const { return m_sets.value(0); }
    const QBarSet *idealSet() const { return m_sets.value(1); }
    // The category names shown: "1 loop", "2 loops", or "K = 1", "K = 2" where those would be cut;
    // the runtimes' names with several.
    QStringList categoryNames() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild();
    void recolor();
    void fitLabels();
    void placeBarLabels();
    void hovered(int set, int category);
    double barCenter(int set, int category) const;

    std::optional<Comparison> m_comparison;
    bool m_stale = false;
    QBarSeries *m_series;
    QList<QBarSet *> m_sets;
    QList<QColor> m_setColors;
    std::vector<Bar> m_bars;
    QList<QLineSeries *> m_whiskers;
    QList<QGraphicsSimpleTextItem *> m_labels;
    bool m_labelsFit = true;
    QBarCategoryAxis *m_categories;
    QStringList m_longCategories;
    QStringList m_shortCategories;
    QValueAxis *m_seconds;
};
