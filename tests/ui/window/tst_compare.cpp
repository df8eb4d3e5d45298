// SPDX-License-Identifier: MIT
#include "tests/support/uitestsupport.h"
#include "tests/support/windowparts.h"
#include "ui/charts/comparisonchart.h"
#include "ui/common/formatting.h"
#include "ui/config/configpanel.h"
#include "ui/models/historymodel.h"
#include "ui/window/historyview.h"
#include "ui/window/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QBarSet>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

// A Compare from the window on a small plan: both runs land in the history with the values the
// engine measured, and the comparison chart draws exactly those values.
class TestCompare : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { isolateSettings(m_settings); }

    void compareFillsHistoryAndChartWithTheRunsValues()
    {
        MainWindow window;
        settle(window);
        window.show();
        // 200 tasks, IO 0-20 ms, 1k-20k iterations on K = 2: well under a second per run.
        const WorkloadSpec spec{200, 0, 20, 1000, 20000, Kernel::Sum, 7};
        part<ConfigPanel>(window)->setConfig(spec, RunConfig{2, Partition::Contiguous, false});
        QTRY_VERIFY_WITH_TIMEOUT(part<WindowActions>(window)->compare()->isEnabled(), 5000);

        HistoryModel *history = part<HistoryModel>(window);
        QAbstractItemModelTester tester(history,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy runs(part<RunController>(window), &RunController::runFinished);
        QSignalSpy compared(part<RunController>(window), &RunController::comparisonFinished);

        part<WindowActions>(window)->compare()->trigger();
        QVERIFY(part<WindowActions>(window)->cancel()->isEnabled());
        QVERIFY(!part<WindowActions>(window)->compare()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(compared.size(), 1, 15000);
        QCOMPARE(runs.size(), 2);
        QVERIFY(!part<WindowActions>(window)->cancel()->isEnabled());
        QVERIFY(part<WindowActions>(window)->compare()->isEnabled());

        const auto one = runs[0][0].value<RunResult>();
        const auto k = runs[1][0].value<RunResult>();
        QCOMPARE(runs[0][1].value<RunRole>(), RunRole::CompareOne);
        QCOMPARE(runs[1][1].value<RunRole>(), RunRole::CompareK);
        QVERIFY(one.completed() && k.completed());
        QCOMPARE(one.shards, 1);
        QCOMPARE(k.shards, 2);
        QCOMPARE(one.plan, k.plan);         // the same plan object, not merely an equal one
        QCOMPARE(one.checksum, k.checksum); // same work done

        settle(window); // the rows come once the runs are saved
        QCOMPARE(history->rowCount(), 2);
        const RunResult results[] = {one, k};
        for (int row = 0; row < 2; ++row) {
            const RunResult &r = results[row];
            auto cell = [&](int column, int role) {
                return history->data(history->index(row, column), role);
            };
            QCOMPARE(cell(HistoryModel::Shards, HistoryModel::SortRole).toInt(), r.shards);
            QCOMPARE(cell(HistoryModel::Tasks, HistoryModel::SortRole).toLongLong(), 200);
            QCOMPARE(cell(HistoryModel::Wall, HistoryModel::SortRole).toDouble(), r.wallMs);
            QCOMPARE(cell(HistoryModel::Wall, Qt::DisplayRole).toString(),
                     Formatting::duration(r.wallMs));
            QCOMPARE(cell(HistoryModel::Efficiency, HistoryModel::SortRole).toDouble(),
                     r.efficiency);
            QCOMPARE(cell(HistoryModel::LagP99, HistoryModel::SortRole).toDouble(), r.lagMs.p99);
            QCOMPARE(cell(HistoryModel::Status, Qt::DisplayRole)
                         .toString()
                         .section(QStringLiteral(" · "), 0, 0),
                     runStatusName(RunStatus::Completed));
            // The GUI stall p99 the controller measured during this run, not a default.
            const double stallMs = runs[row][2].toDouble();
            QVERIFY(!std::isnan(stallMs));
            QCOMPARE(cell(HistoryModel::GuiStall, HistoryModel::SortRole).toDouble(), stallMs);
        }
        QCOMPARE(history->data(history->index(0, HistoryModel::Mode)).toString(),
                 runRoleName(RunRole::CompareOne));
        // runSpeedup() against the Compare's baseline, one loop: 1 for itself, wall ratio for K.
        QCOMPARE(history->entry(0).speedup, 1.0);
        QCOMPARE(history->entry(1).speedup, one.wallMs / k.wallMs);

        // The chart: baseline first, wall time and the ideal bound, in seconds.
        const ComparisonChart *chart = part<ComparisonChart>(window);
        QCOMPARE(chart->wallSet()->count(), 2);
        QCOMPARE(chart->wallSet()->at(0), one.wallMs / 1000.0);
        QCOMPARE(chart->wallSet()->at(1), k.wallMs / 1000.0);
        QCOMPARE(chart->idealSet()->at(0), one.idealMs / 1000.0);
        QCOMPARE(chart->idealSet()->at(1), k.idealMs / 1000.0);
        // Slower reads as the factor it is slower by, never as a speedup below 1.
        const double speedup = one.wallMs / k.wallMs;
        QVERIFY2(chart->chart()->title().contains(
                     Formatting::speedup(speedup >= 1 ? speedup : 1 / speedup)),
                 qPrintable(chart->chart()->title()));
        const auto comparison = compared[0][0].value<Comparison>();
        QCOMPARE(comparison.speedup(), one.wallMs / k.wallMs);
        QCOMPARE(comparison.idealSpeedup(), one.idealMs / k.idealMs);
    }

    void selectingTwoRowsComparesThem()
    {
        MainWindow window;
        settle(window);
        const WorkloadSpec spec{100, 0, 10, 1000, 5000, Kernel::Sum, 11};
        part<ConfigPanel>(window)->setConfig(spec, RunConfig{2, Partition::RoundRobin, false});
        QTRY_VERIFY_WITH_TIMEOUT(part<WindowActions>(window)->runK()->isEnabled(), 5000);
        part<WindowActions>(window)->runK()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(part<WindowActions>(window)->runOne()->isEnabled(), 10000);
        part<WindowActions>(window)->runOne()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(part<HistoryModel>(window)->rowCount(), 2, 10000);
        QTRY_VERIFY(part<WindowActions>(window)->runOne()->isEnabled());
        QVERIFY(!part<ComparisonChart>(window)->comparison());

        auto *table = window.findChild<QTableView *>(QStringLiteral("historyTable"));
        QVERIFY(table);
        table->selectionModel()->select(part<HistoryModel>(window)->index(0, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        table->selectionModel()->select(part<HistoryModel>(window)->index(1, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const auto &c = part<ComparisonChart>(window)->comparison();
        QVERIFY(c.has_value());
        // Ordered by shard count, whatever the selection order: row 1 (one loop) is the baseline.
        QCOMPARE(c->baseline.wallMs, part<HistoryModel>(window)->entry(1).result.wallMs);
        QCOMPARE(c->candidate.wallMs, part<HistoryModel>(window)->entry(0).result.wallMs);
        QCOMPARE(part<ComparisonChart>(window)->wallSet()->at(0), c->baseline.wallMs / 1000.0);
        // A lone run is an experiment of one configuration: nothing to be faster than, so its
        // speedup column is empty.
        QVERIFY(std::isnan(part<HistoryModel>(window)->entry(0).speedup));
        QVERIFY(std::isnan(part<HistoryModel>(window)->entry(1).speedup));
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestCompare)
#include "tst_compare.moc"
