// SPDX-License-Identifier: MIT
#include "tests/ui/charts/chartfixtures.h"
#include "ui/charts/shardloadview.h"
#include "ui/control/loadmonitor.h"

#include <QAreaSeries>
#include <QBarSet>
#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QTest>
#include <QValueAxis>

// The shard chart: nothing but a title before any run, one bar and lag point per shard while a
// run is in flight, and the run just finished kept on screen (so an export after the run is not
// empty), with a shard axis that stays readable from 1 to 1,024 shards.
class TestShardLoadView : public QObject
{
    Q_OBJECT
private slots:
    void idleBeforeAnyRunShowsNoAxesOrLegend()
    {
        LoadMonitor monitor;
        ShardLoadView view;
        view.setMonitor(&monitor);
        monitor.start(60'000);
        monitor.sampleNow();
        QCOMPARE(view.cpuSet()->count(), 0);
        QVERIFY(!view.shardAxis()->isVisible());
        QVERIFY(!view.chart()->legend()->isVisible());
        QVERIFY(!view.showsLastRun());
    }

    void keepsTheFinishedRunWithItsWorstLag()
    {
        LoadMonitor monitor;
        ShardLoadView view;
        view.setMonitor(&monitor);
        monitor.setRunSource(chartfixtures::fakeRun(3));
        monitor.start(60'000);
        monitor.sampleNow();
        monitor.sampleNow();
        QCOMPARE(view.cpuSet()->count(), 3);
        QCOMPARE(view.lagSeries()->count(), 3);
        QCOMPARE(view.lagSeries()->at(2).y(), 3.0);
        QVERIFY(view.chart()->title().startsWith(QLatin1String("3 shard threads")));
        QVERIFY(!view.showsLastRun());

        // The run ends: the monitor has no shards any more, the chart keeps the run.
        monitor.setRunSource({});
        monitor.sampleNow();
        QVERIFY(view.showsLastRun());
        QCOMPARE(view.cpuSet()->count(), 3);
        QCOMPARE(view.lagSeries()->at(2).y(), 3.0);
        QVERIFY2(view.chart()->title().startsWith(QLatin1String("Last run, 3 shard threads")),
                 qPrintable(view.chart()->title()));
        QVERIFY(view.shardAxis()->isVisible());
        // And more idle samples leave it there.
        monitor.sampleNow();
        QCOMPARE(view.cpuSet()->count(), 3);

        // The next run replaces it.
        monitor.setRunSource(chartfixtures::fakeRun(2));
        monitor.sampleNow();
        QVERIFY(!view.showsLastRun());
        QCOMPARE(view.cpuSet()->count(), 2);
    }

    void manyShardsGetFewReadableTicks_data()
    {
        QTest::addColumn<int>("shards");
        QTest::addColumn<double>("interval");
        QTest::newRow("4") << 4 << 1.0;
        QTest::newRow("64") << 64 << 10.0;
        QTest::newRow("1024") << 1024 << 200.0;
    }
    void manyShardsGetFewReadableTicks()
    {
        QFETCH(int, shards);
        QFETCH(double, interval);
        LoadMonitor monitor;
        ShardLoadView view;
        view.setMonitor(&monitor);
        monitor.setRunSource(chartfixtures::fakeRun(shards));
        monitor.start(60'000);
        monitor.sampleNow();
        QCOMPARE(view.cpuSet()->count(), shards);
        QCOMPARE(view.shardAxis()->min(), -0.5);
        QCOMPARE(view.shardAxis()->max(), shards - 0.5);
        QCOMPARE(view.shardAxis()->tickInterval(), interval);
        // One short axis title, whatever K: it once ran down the side one letter per line.
        QCOMPARE(view.shardAxis()->titleText(), QStringLiteral("shard"));
        // A bar item each up to kMostBars shards, one outline beyond; the values stay whole.
        QCOMPARE(view.drawsOutline(), shards > ShardLoadView::kMostBars);
        QCOMPARE(view.lagSeries()->at(shards - 1).y(), double(shards));
    }

    void aWiderShardAxisNeverHasATickPerShard()
    {
        // A 1-loop run, then 1,024 loops, then 1 again: at every range the axis takes, its step
        // already suits it (1,024 rich-text tick labels were ~150 ms of the GUI thread).
        LoadMonitor monitor;
        ShardLoadView view;
        view.setMonitor(&monitor);
        view.resize(400, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto *axis = const_cast<QValueAxis *>(view.shardAxis());
        double mostTicks = 0;
        connect(axis, &QValueAxis::rangeChanged, this, [&](qreal min, qreal max) {
            mostTicks = std::max(mostTicks, (max - min) / axis->tickInterval());
        });
        monitor.start(60'000);
        for (int shards : {1, 1024, 1}) {
            monitor.setRunSource(chartfixtures::fakeRun(shards));
            monitor.sampleNow();
            monitor.setRunSource({});
            monitor.sampleNow();
        }
        QVERIFY2(mostTicks <= 32, qPrintable(QString::number(mostTicks)));
    }

    void theLagAxisHoldsASpikeThenComesDownStepByStep()
    {
        LoadMonitor monitor;
        ShardLoadView view;
        view.setMonitor(&monitor);
        monitor.setRunSource(chartfixtures::fakeRun(40)); // worst lag 40 ms
        monitor.start(60'000);
        monitor.sampleNow();
        QCOMPARE(view.lagAxis()->max(), 50.0);
        monitor.setRunSource(chartfixtures::fakeRun(3)); // worst lag 3 ms: 10 would do
        // Held for 2 s of samples (each new range lays the chart out again)...
        for (int i = 0; i < 7; ++i) {
            monitor.sampleNow();
            QCOMPARE(view.lagAxis()->max(), 50.0);
        }
        // ...then one nice step at a time, every 2 s: 50 -> 20 -> 10 (it once stuck at 50).
        monitor.sampleNow();
        QCOMPARE(view.lagAxis()->max(), 20.0);
        for (int i = 0; i < 8; ++i)
            monitor.sampleNow();
        QCOMPARE(view.lagAxis()->max(), 10.0);
        // A new spike shows at once.
        monitor.setRunSource(chartfixtures::fakeRun(150));
        monitor.sampleNow();
        QCOMPARE(view.lagAxis()->max(), 200.0);
    }

    void manyShardsAreOneOutlineAndFewAreBarsAgain()
    {
        LoadMonitor monitor;
        ShardLoadView view;
        view.setMonitor(&monitor);
        view.resize(500, 300);
        view.show(); // legend markers are visible only on a shown chart
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        monitor.setRunSource(chartfixtures::fakeRun(1024));
        monitor.start(60'000);
        monitor.sampleNow();
        QVERIFY(view.drawsOutline());
        QCOMPARE(view.cpuSet()->count(), 1024);
        // One legend entry for the CPU share either way, under the same name.
        auto cpuEntries = [&view] {
            int n = 0;
            for (QLegendMarker *m : view.chart()->legend()->markers())
                n += m->isVisible() && m->label() == QStringLiteral("thread CPU %") ? 1 : 0;
            return n;
        };
        QTRY_COMPARE(cpuEntries(), 1);
        // Hovering the outline over shard 700 tells that shard's share, as its bar would.
        QAreaSeries *outline = nullptr;
        for (QAbstractSeries *series : view.chart()->series())
            outline = outline ? outline : qobject_cast<QAreaSeries *>(series);
        QVERIFY(outline);
        emit outline->hovered(QPointF(700.2, 0.1), true);
        QVERIFY2(view.lastTip().startsWith(QStringLiteral("shard 700: ")),
                 qPrintable(view.lastTip()));
        // The run ends: its summary is drawn the same way, and the next, smaller run gets bars.
        monitor.setRunSource({});
        monitor.sampleNow();
        QVERIFY(view.showsLastRun());
        QVERIFY(view.drawsOutline());
        monitor.setRunSource(chartfixtures::fakeRun(4));
        monitor.sampleNow();
        QVERIFY(!view.drawsOutline());
        QCOMPARE(view.cpuSet()->count(), 4);
        QTRY_COMPARE(cpuEntries(), 1);
    }
};

QTEST_MAIN(TestShardLoadView)
#include "tst_shardloadview.moc"
