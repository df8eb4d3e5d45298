// SPDX-License-Identifier: MIT
#include "ui/window/livepage.h"

#include "ui/charts/comparisonchart.h"
#include "ui/charts/coreloadview.h"
#include "ui/charts/shardloadview.h"
#include "ui/models/historymodel.h"
#include "ui/window/historyview.h"

#include <QSettings>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

LivePage::LivePage(LoadMonitor *monitor, HistoryModel *history, QWidget *parent)
    : QWidget(parent)
    , m_history(history)
    , m_coreLoad(new CoreLoadView)
    , m_shardLoad(new ShardLoadView)
    , m_comparison(new ComparisonChart)
    , m_historyView(new HistoryView(history))
    , m_vertical(new QSplitter(Qt::Vertical))
    , m_top(new QSplitter(Qt::Horizontal))
    , m_bottom(new QSplitter(Qt::Horizontal))
{
    m_top->addWidget(m_coreLoad);
    m_top->addWidget(m_shardLoad);
    m_top->setStretchFactor(0, 3);
    m_top->setStretchFactor(1, 2);
    m_bottom->addWidget(m_comparison);
    m_bottom->addWidget(m_historyView);
    m_bottom->setStretchFactor(0, 2);
    m_bottom->setStretchFactor(1, 3);
    m_vertical->addWidget(m_top);
    m_vertical->addWidget(m_bottom);
    m_vertical->setStretchFactor(0, 1);
    m_vertical->setStretchFactor(1, 1);
    m_vertical->setObjectName(QStringLiteral("verticalSplitter"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_vertical);

    // A splitter the user moved (splitterMoved is not emitted by setSizes()) stays where it is.
    for (QSplitter *splitter : {m_vertical, m_top, m_bottom})
        connect(splitter, &QSplitter::splitterMoved, this, [this] { m_autoSplit = false; });

    m_coreLoad->setMonitor(monitor);
    m_shardLoad->setMonitor(monitor);
    connect(m_historyView, &HistoryView::compareRequested, this, &LivePage::compareRows);
    // A band on the load chart and its run in the history select each other.
    connect(m_historyView, &HistoryView::runSelected, m_coreLoad, &CoreLoadView::setHighlightedRun);
    connect(m_coreLoad, &CoreLoadView::runClicked, this, [this](std::int64_t runId) {
        if (!m_historyView->selectRun(runId))
            emit message(tr("That run is not in the history's list (filtered out or deleted)"));
    });
    connect(m_historyView, &HistoryView::rowSelected, this, [this](int row) {
        const HistoryEntry &e = m_history->entry(row);
        m_comparison->markStale(tr("a single run is selected: select two to compare"));
        emit experimentSelected(e.experimentId);
    });
}

void LivePage::compareRows(int rowA, int rowB)
{
    const HistoryEntry &a = m_history->entry(rowA);
    const HistoryEntry &b = m_history->entry(rowB);
    if (const auto c = Comparison::between(a.result, b.result, a.plan, b.plan)) {
        m_comparison->setComparison(*c);
    } else {
        m_comparison->markStale(tr("the selected runs did not both complete"));
        emit message(tr("Only completed runs can be compared"));
    }
}

void LivePage::splitByProportions()
{
    if (!m_autoSplit)
        return;
    auto share = [](QSplitter *splitter, double first) {
        const int total =
            splitter->orientation() == Qt::Horizontal ? splitter->width() : splitter->height();
        splitter->setSizes({int(total * first), total - int(total * first)});
    };
    share(m_vertical, 0.5);
    share(m_top, 0.62);
    share(m_bottom, 0.45);
    // On a small screen the history keeps its Status column in view, as long as the comparison
    // chart keeps a readable width.
    constexpr int kMinChartWidth = 220;
    const int total = m_bottom->width();
    const int history = m_historyView->widthThrough(HistoryModel::Status) + m_bottom->handleWidth();
    if (m_bottom->sizes().value(1) < history && total - history >= kMinChartWidth)
        m_bottom->setSizes({total - history, history});
}

void LivePage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_autoSplit)
        splitByProportions();
}

void LivePage::saveLayout(QSettings &settings) const
{
    settings.setValue(QStringLiteral("window/vertical"), m_vertical->saveState());
    settings.setValue(QStringLiteral("window/top"), m_top->saveState());
    settings.setValue(QStringLiteral("window/bottom"), m_bottom->saveState());
    m_historyView->saveLayout(settings);
}

bool LivePage::restoreLayout(const QSettings &settings)
{
    m_historyView->restoreLayout(settings);
    const bool restored =
        m_vertical->restoreState(settings.value(QStringLiteral("window/vertical")).toByteArray()) &&
        m_top->restoreState(settings.value(QStringLiteral("window/top")).toByteArray()) &&
        m_bottom->restoreState(settings.value(QStringLiteral("window/bottom")).toByteArray());
    // First start: split by proportions whenever the page gets a new size (setSizes takes
    // pixels; the first layout, a maximised window and the window manager's own resize come one
    // after the other), until the user moves a splitter.
    m_autoSplit = !restored;
    if (m_autoSplit)
        QTimer::singleShot(0, this, &LivePage::splitByProportions);
    return restored;
}
