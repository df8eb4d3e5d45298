// SPDX-License-Identifier: MIT
#pragma once

#include "ui/models/comparison.h"

#include "ui/charts/chartview.h"

#include <optional>

class QBarCategoryAxis;
class QBarSet;
class QBarSeries;
class QValueAxis;

// Completion time of one loop against K loops on the same plan: a wall-time bar per mode with
// its ideal bound beside it, and the speedup in the title. Values are seconds.
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

    // The bars drawn, in seconds. Index 0 is the baseline, 1 the candidate.
    const QBarSet *wallSet() const { return m_wall; }
    const QBarSet *idealSet() const { return m_ideal; }
    // The category names shown: "1 loop", "2 loops", or "K = 1", "K = 2" where those would be cut.
    QStringList categoryNames() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void recolor();
    void fitLabels();
    void hovered(int index, bool ideal);

    std::optional<Comparison> m_comparison;
    bool m_stale = false;
    QBarSeries *m_series;
    QBarSet *m_wall;
    QBarSet *m_ideal;
    QBarCategoryAxis *m_categories;
    QStringList m_longCategories;
    QStringList m_shortCategories;
    QValueAxis *m_seconds;
};
