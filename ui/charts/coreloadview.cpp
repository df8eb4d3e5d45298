// SPDX-License-Identifier: MIT
#include "ui/charts/coreloadview.h"

#include "ui/charts/heatstrip.h"
#include "ui/control/loadmonitor.h"
#include "ui/models/comparison.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QGraphicsSimpleTextItem>
#include <QLegendMarker>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

namespace {

// Enough for the spans a 60 s window can hold between a Compare's settle pauses.
constexpr int kBands = 6;

QColor coreColor(int core)
{
    // Distinct hues spaced by the golden angle, so neighbouring cores never look alike.
    return QColor::fromHsvF(std::fmod(0.58 + core * 0.381966, 1.0), 0.75, 0.85);
}

} // namespace

CoreLoadView::CoreLoadView(QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart))
    , m_heat(new HeatStrip)
    , m_axisX(new QValueAxis)
    , m_axisY(new QValueAxis)
{
    m_chart->setTitle(tr("Per-core load (/proc/stat, 4 Hz, last 60 s)"));
    m_chart->legend()->setAlignment(Qt::AlignRight);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_axisX->setRange(-60, 0);
    m_axisX->setTickCount(7);
    m_axisX->setLabelFormat(QStringLiteral("%d s"));
    m_axisY->setRange(0, 100);
    m_axisY->setTickCount(5);
    m_axisY->setLabelFormat(QStringLiteral("%d %"));
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisY, Qt::AlignLeft);

    for (int i = 0; i < kBands; ++i) {
        Band b{new QAreaSeries, new QLineSeries(this), new QLineSeries(this), nullptr};
        b.area->setUpperSeries(b.upper);
        b.area->setLowerSeries(b.lower);
        b.area->setPen(Qt::NoPen);
        m_chart->addSeries(b.area);
        b.area->attachAxis(m_axisX);
        b.area->attachAxis(m_axisY);
        b.label = new QGraphicsSimpleTextItem(m_chart);
        b.label->setZValue(10);
        m_bands.append(b);
    }

    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFocusPolicy(Qt::NoFocus);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_heat);

    // The heat strip shares the chart's time axis: keep its insets on the plot area's edges.
    connect(m_chart, &QChart::plotAreaChanged, this, [this](const QRectF &plot) {
        m_heat->setInsets(int(plot.left()), int(m_view->width() - plot.right()));
        placeSpanLabels();
    });
}

void CoreLoadView::setMonitor(const LoadMonitor *monitor)
{
    m_monitor = monitor;
    connect(monitor, &LoadMonitor::sampled, this, &CoreLoadView::refresh);
    m_heat->setSamples(&monitor->timeline().samples(), LoadMonitor::kWindowSec);
}

void CoreLoadView::rebuildSeries(int cores)
{
    for (QLineSeries *s : std::as_const(m_cores)) {
        m_chart->removeSeries(s);
        delete s;
    }
    m_cores.clear();
    if (m_mean) {
        m_chart->removeSeries(m_mean);
        delete m_mean;
    }

    const bool labelled = cores <= kMaxLabelledCores;
    m_heat->updateGeometry(); // its height follows the core count
    for (int c = 0; c < cores; ++c) {
        auto *s = new QLineSeries;
        s->setName(tr("cpu%1").arg(c));
        QPen pen(coreColor(c));
        pen.setWidthF(labelled ? 2.0 : 1.0);
        s->setPen(pen);
        m_chart->addSeries(s);
        s->attachAxis(m_axisX);
        s->attachAxis(m_axisY);
        m_chart->legend()->markers(s).constFirst()->setVisible(labelled);
        m_cores.append(s);
    }
    m_mean = new QLineSeries;
    m_mean->setName(tr("mean"));
    QPen pen(palette().text().color(), 1.5, Qt::DashLine);
    m_mean->setPen(pen);
    m_chart->addSeries(m_mean);
    m_mean->attachAxis(m_axisX);
    m_mean->attachAxis(m_axisY);

    for (const Band &b : std::as_const(m_bands))
        m_chart->legend()->markers(b.area).constFirst()->setVisible(false);

    // Toggles: click a legend entry to hide that core (its marker greys out) or show it again.
    for (QLegendMarker *marker : m_chart->legend()->markers()) {
        if (marker->series()->type() != QAbstractSeries::SeriesTypeLine)
            continue;
        connect(marker, &QLegendMarker::clicked, this, [marker] {
            marker->series()->setVisible(!marker->series()->isVisible());
            marker->setVisible(true);
            QFont font = marker->font();
            font.setStrikeOut(!marker->series()->isVisible());
            marker->setFont(font);
        });
    }
}

void CoreLoadView::refresh()
{
    const QList<QList<QPointF>> cores = m_monitor->corePoints();
    if (cores.size() != m_cores.size())
        rebuildSeries(int(cores.size()));
    for (qsizetype c = 0; c < cores.size(); ++c)
        m_cores[c]->replace(cores[c]);
    m_mean->replace(m_monitor->meanPoints());

    const std::vector<RunSpan> spans = m_monitor->spans();
    for (int i = 0; i < m_bands.size(); ++i) {
        Band &b = m_bands[i];
        // The newest spans get the bands; older ones have scrolled off or nearly so.
        const auto s = qsizetype(spans.size()) - m_bands.size() + i;
        if (s < 0) {
            // Emptied, not hidden: a legend marker follows its series' visibility, and bands
            // have no place in the legend.
            b.upper->clear();
            b.lower->clear();
            b.label->setText(QString());
            b.label->setVisible(false);
            continue;
        }
        const RunSpan &span = spans[std::size_t(s)];
        b.upper->replace({{span.startSec, 100}, {span.endSec, 100}});
        b.lower->replace({{span.startSec, 0}, {span.endSec, 0}});
        // One loop in amber, K loops in blue: the colours the comparison chart uses too.
        b.area->setBrush(span.shards == 1 ? QColor(255, 176, 0, 40) : QColor(31, 119, 180, 40));
        b.label->setText(loopsLabel(span.shards));
        b.label->setVisible(true);
        b.x = span.startSec;
        b.endX = span.endSec;
    }
    placeSpanLabels();
    m_heat->update();
}

void CoreLoadView::placeSpanLabels()
{
    for (const Band &b : std::as_const(m_bands)) {
        if (b.label->text().isEmpty())
            continue;
        const QPointF top = m_chart->mapToPosition({std::max(b.x, -60.0), 100});
        const QPointF end = m_chart->mapToPosition({b.endX, 100});
        b.label->setPos(top + QPointF(4, 2));
        // A band too narrow for its name stays unnamed rather than overprinting its neighbour.
        b.label->setVisible(end.x() - top.x() > b.label->boundingRect().width() + 8);
    }
}
