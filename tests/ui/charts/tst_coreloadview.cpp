// SPDX-License-Identifier: MIT
#include "tests/support/syntheticexperiment.h"
#include "ui/charts/chartview.h"
#include "ui/charts/coreloadview.h"
#include "ui/charts/heatstrip.h"
#include "ui/control/loadmonitor.h"

#include <QAreaSeries>
#include <QChart>
#include <QCoreApplication>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPalette>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QValueAxis>

namespace {

// /proc/stat text for `cores` CPUs where core c adds busy[c] of every 100 ticks per read.
class FixtureSource final : public CpuStatSource
{
public:
    explicit FixtureSource(std::vector<int> busyPercent)
        : m_busy(std::move(busyPercent))
    {}
    std::optional<QByteArray> read() override
    {
        ++m_reads;
        QByteArray text = "cpu  0 0 0 0 0 0 0 0 0 0\n";
        for (std::size_t c = 0; c < m_busy.size(); ++c) {
            const qint64 user = qint64{m_busy[c]} * m_reads;
            const qint64 idle = qint64{100 - m_busy[c]} * m_reads;
            text += QStringLiteral("cpu%1 %2 0 0 %3 0 0 0 0 0 0\n")
                        .arg(c)
                        .arg(user)
                        .arg(idle)
                        .toLatin1();
        }
        return text;
    }

private:
    std::vector<int> m_busy;
    qint64 m_reads = 0;
};

QLineSeries *lineNamed(QChart *chart, const QString &name)
{
    for (QAbstractSeries *s : chart->series()) {
        if (s->name() == name)
            return qobject_cast<QLineSeries *>(s);
    }
    return nullptr;
}

// The names of the line series whose legend marker is shown.
// Shows `view` drawing `monitor`, started but sampled by hand (the first sample taken here, which
// also primes a server's CPU); false if the window never appeared.
bool showAndSample(CoreLoadView &view, LoadMonitor &monitor)
{
    view.setMonitor(&monitor);
    view.resize(900, 500);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        return false;
    monitor.start(60'000);
    monitor.sampleNow();
    return true;
}

QStringList visibleLineMarkers(QChart *chart)
{
    QStringList names;
    for (QAbstractSeries *s : chart->series()) {
        if (s->type() != QAbstractSeries::SeriesTypeLine)
            continue;
        const QList<QLegendMarker *> markers = chart->legend()->markers(s);
        if (!markers.isEmpty() && markers.first()->isVisible())
            names << s->name();
    }
    return names;
}

// Each band of runs: its name and the x range it shades ("" and empty when unused).
QStringList bands(QChart *chart)
{
    QStringList out;
    for (QAbstractSeries *s : chart->series()) {
        const auto *area = qobject_cast<QAreaSeries *>(s);
        if (!area)
            continue;
        const QList<QPointF> upper = area->upperSeries()->points();
        out << (upper.isEmpty() ? area->name()
                                : QStringLiteral("%1 %2-%3 s")
                                      .arg(area->name())
                                      .arg(upper.first().x())
                                      .arg(upper.last().x()));
    }
    return out;
}

QStringList spanLabels(QChart *chart)
{
    QStringList out;
    for (QGraphicsItem *item : chart->childItems()) {
        if (const auto *label = dynamic_cast<QGraphicsSimpleTextItem *>(item))
            out << label->text();
    }
    return out;
}

} // namespace

// The live core chart draws what the sampler measured: one line per core in percent, their
// mean, and with many cores it drops the per-core legend and leans on the heat strip.
class TestCoreLoadView : public QObject
{
    Q_OBJECT
private slots:
    // A core at 100 % is a line below the plot's top edge, not half clipped by it; the ticks
    // still end at 100 %.
    void fullLoadStaysInsideThePlot()
    {
        CoreLoadView view;
        const auto axes = view.view()->chart()->axes(Qt::Vertical);
        QCOMPARE(axes.size(), 1);
        const auto *y = qobject_cast<QValueAxis *>(axes.first());
        QVERIFY(y);
        QVERIFY(y->max() > 100);
        QCOMPARE(y->min(), 0.0);
        QCOMPARE(y->tickType(), QValueAxis::TicksDynamic);
        QCOMPARE(y->tickAnchor(), 0.0);
        QCOMPARE(y->tickInterval(), 25.0);
    }

    void linesShowEachCoresBusyPercent()
    {
        LoadMonitor monitor(std::make_unique<FixtureSource>(std::vector<int>{100, 0, 25}));
        CoreLoadView view;
        QVERIFY(showAndSample(view, monitor));
        monitor.sampleNow();

        QLineSeries *cpu0 = lineNamed(view.chart(), QStringLiteral("cpu0"));
        QLineSeries *cpu1 = lineNamed(view.chart(), QStringLiteral("cpu1"));
        QLineSeries *cpu2 = lineNamed(view.chart(), QStringLiteral("cpu2"));
        QLineSeries *mean = lineNamed(view.chart(), QStringLiteral("mean"));
        QVERIFY(cpu0 && cpu1 && cpu2 && mean);
        QCOMPARE(cpu0->count(), 2);
        QCOMPARE(cpu0->at(1).y(), 100.0);
        QCOMPARE(cpu1->at(1).y(), 0.0);
        QCOMPARE(cpu2->at(1).y(), 25.0);
        QCOMPARE(mean->at(1).y(), 125.0 / 3);
        QCOMPARE(cpu0->at(1).x(), 0.0); // newest sample at "now"
        QVERIFY(cpu0->at(0).x() < 0.0);
        // The legend lays itself out on the next event loop turn.
        QTRY_VERIFY(view.chart()->legend()->markers(cpu0).first()->isVisible());
    }

    void manyCoresKeepTheLegendShort()
    {
        LoadMonitor monitor(std::make_unique<FixtureSource>(std::vector<int>(32, 50)));
        CoreLoadView view;
        QVERIFY(showAndSample(view, monitor));

        int lines = 0;
        for (QAbstractSeries *s : view.chart()->series())
            lines += s->type() == QAbstractSeries::SeriesTypeLine ? 1 : 0;
        QCOMPARE(lines, 34); // 32 cores, the mean and the (empty) HTTP server line
        // The legend lays itself out on a later event loop turn: wait for it, however slow the
        // machine. Only the mean is named; the heat strip names rows by position; the server
        // line has no points, so no legend entry.
        QTRY_COMPARE(visibleLineMarkers(view.chart()), QStringList{QStringLiteral("mean")});
    }

    void theHttpServerLineAppearsWhileAServerRuns()
    {
        LoadMonitor monitor(std::make_unique<FixtureSource>(std::vector<int>(32, 50)));
        // This test's own process stands in for the server.
        qint64 pid = QCoreApplication::applicationPid();
        monitor.setServerSource([&] { return pid; });
        CoreLoadView view;
        QVERIFY(showAndSample(view, monitor));
        QTest::qWait(30);
        monitor.sampleNow();
        QLineSeries *server = nullptr;
        for (QAbstractSeries *s : view.chart()->series()) {
            if (s->name() == u"HTTP server")
                server = qobject_cast<QLineSeries *>(s);
        }
        QVERIFY(server);
        QCOMPARE(server->count(), 1);
        QTRY_COMPARE(visibleLineMarkers(view.chart()),
                     (QStringList{QStringLiteral("mean"), QStringLiteral("HTTP server")}));
    }

    // A stored run is a band from its start, as long as its wall time, named by its loops; a
    // band no run needs any more is emptied.
    void eachRunIsABandFromItsStartNamedByItsLoops()
    {
        CoreLoadView view;
        const RunResult one = synthetic::run(1, 0, 2000, 1800); // starts 12:00:00
        const RunResult four = synthetic::run(4, 3, 1000, 500); // starts 12:00:03
        view.showRuns({one, four});
        // Six bands are made up front (the live view's); the ones no run needs stay empty.
        const QStringList unused(4, QString());
        QCOMPARE(bands(view.chart()),
                 QStringList({QStringLiteral("1 loop 0-2 s"), QStringLiteral("4 loops 3-4 s")}) +
                     unused);
        QCOMPARE(spanLabels(view.chart()),
                 QStringList({QStringLiteral("1 loop"), QStringLiteral("4 loops")}) + unused);

        view.showRuns({four});
        QCOMPARE(bands(view.chart()),
                 QStringList{QStringLiteral("4 loops 0-1 s")} + unused + QStringList{QString()});
        QCOMPARE(spanLabels(view.chart()),
                 QStringList{QStringLiteral("4 loops")} + unused + QStringList{QString()});
    }

    // A live band knows the stored run it shades once that run is saved: a click on it names the
    // run, and the run selected in the history is drawn stronger, outlined, and no other band is.
    void aBandNamesItsRunAndShowsItSelected()
    {
        LoadMonitor monitor(std::make_unique<FixtureSource>(std::vector<int>{100, 0}));
        CoreLoadView view;
        QVERIFY(showAndSample(view, monitor));
        const quint64 first = monitor.markRunStart(1);
        QTest::qWait(120);
        monitor.sampleNow();
        const quint64 second = monitor.markRunStart(2); // ends the first
        QTest::qWait(120);
        monitor.sampleNow();
        monitor.setSpanRun(second, 42); // saved in reverse order: serials, not order, match
        monitor.setSpanRun(first, 41);
        monitor.sampleNow();
        // The newest spans take the last of the six bands.
        QCOMPARE(view.bandRuns(), (QList<std::int64_t>{0, 0, 0, 0, 41, 42}));

        QList<QAreaSeries *> areas;
        for (QAbstractSeries *s : view.chart()->series()) {
            if (auto *area = qobject_cast<QAreaSeries *>(s))
                areas << area;
        }
        QCOMPARE(areas.size(), 6);
        view.setHighlightedRun(41);
        QCOMPARE(areas[4]->pen().style(), Qt::SolidLine);
        QCOMPARE(areas[5]->pen().style(), Qt::NoPen);
        QVERIFY(areas[4]->brush().color().alpha() > areas[5]->brush().color().alpha());
        view.setHighlightedRun(0);
        QCOMPARE(areas[4]->pen().style(), Qt::NoPen);

        // A click in the second band, on a core's line too: the band under it still answers.
        const QPointF middle(
            (areas[5]->upperSeries()->at(0).x() + areas[5]->upperSeries()->at(1).x()) / 2, 50);
        QSignalSpy clicked(&view, &CoreLoadView::runClicked);

        const QPoint at = view.view()->mapFromScene(view.chart()->mapToPosition(middle, areas[5]));
        QTest::mouseClick(view.view()->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.first().first().value<std::int64_t>(), std::int64_t{42});
    }

    // The heat strip's legend beside it runs from the colour of an idle core (the background) at
    // the bottom to that of a full one at the top, the very colours the strip paints, on a light
    // and on a dark palette.
    void theHeatStripsLegendShowsIdleAndFullLoad()
    {
        LoadMonitor monitor(std::make_unique<FixtureSource>(std::vector<int>{100, 0}));
        CoreLoadView view;
        QVERIFY(showAndSample(view, monitor));
        auto *heat = view.findChild<HeatStrip *>();
        QVERIFY(heat);
        QTRY_VERIFY(!heat->legendBar().isEmpty());
        for (const QColor &base : {QColor(Qt::white), QColor(32, 32, 32)}) {
            QPalette palette = heat->palette();
            palette.setColor(QPalette::Base, base);
            palette.setColor(QPalette::Text, base.lightness() > 128 ? Qt::black : Qt::white);
            heat->setPalette(palette);
            const QRect bar = heat->legendBar();
            const QImage image = heat->grab().toImage();
            const int x = bar.center().x();
            QCOMPARE(image.pixelColor(x, bar.bottom() - 1).rgb(), base.rgb());
            QCOMPARE(image.pixelColor(x, bar.top() + 1).rgb(),
                     HeatStrip::heatColor(1.0, base).rgb());
            QVERIFY(HeatStrip::heatColor(1.0, base).rgb() != base.rgb());
        }
    }

    // Paused, the chart and the heat strip hold still while the monitor keeps sampling; resumed,
    // they show every sample taken meanwhile, the newest at "now".
    void pauseHoldsTheChartAndResumeShowsWhatWasSampled()
    {
        LoadMonitor monitor(std::make_unique<FixtureSource>(std::vector<int>{100, 0}));
        CoreLoadView view;
        QVERIFY(showAndSample(view, monitor));
        monitor.sampleNow();
        QLineSeries *cpu0 = lineNamed(view.chart(), QStringLiteral("cpu0"));
        QVERIFY(cpu0);
        const QList<QPointF> before = cpu0->points();
        QCOMPARE(before.size(), 2);
        auto *heat = view.findChild<HeatStrip *>();
        QVERIFY(heat);
        const double edgeBefore = heat->rightEdgeSec();
        const auto *x = qobject_cast<QValueAxis *>(view.chart()->axes(Qt::Horizontal).first());
        QVERIFY(x);
        const std::pair range{x->min(), x->max()};

        QVERIFY(view.pauseButton()->isVisible());
        QTest::mouseClick(view.pauseButton(), Qt::LeftButton);
        QVERIFY(view.isPaused());
        QCOMPARE(view.pauseButton()->text(), QStringLiteral("Resume"));
        for (int i = 0; i < 3; ++i) {
            QTest::qWait(20);
            monitor.sampleNow();
        }
        QCOMPARE(monitor.timeline().samples().size(), std::size_t{5}); // still sampled
        QCOMPARE(cpu0->points(), before);
        QCOMPARE(heat->rightEdgeSec(), edgeBefore);
        QCOMPARE((std::pair{x->min(), x->max()}), range);

        QTest::mouseClick(view.pauseButton(), Qt::LeftButton);
        QVERIFY(!view.isPaused());
        QCOMPARE(view.pauseButton()->text(), QStringLiteral("Pause"));
        QCOMPARE(cpu0->count(), before.size() + 3);
        QCOMPARE(cpu0->points().last(), QPointF(0, 100));
        QVERIFY(cpu0->at(1).x() < before.last().x()); // the old points moved left
        QCOMPARE(heat->rightEdgeSec(), monitor.timeline().samples().back().tSec);
        QVERIFY(heat->rightEdgeSec() > edgeBefore);
    }
};

QTEST_MAIN(TestCoreLoadView)
#include "tst_coreloadview.moc"
