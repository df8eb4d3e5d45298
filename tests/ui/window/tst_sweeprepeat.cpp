// SPDX-License-Identifier: MIT
#include "core/base/missingmark.h"
#include "tests/support/uitestsupport.h"
#include "tests/support/windowparts.h"
#include "ui/charts/sweepchart.h"
#include "ui/config/configpanel.h"
#include "ui/models/experimentstatsmodel.h"
#include "ui/models/historymodel.h"
#include "ui/window/mainwindow.h"
#include "ui/window/sweeppage.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QLineSeries>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <cmath>

// Sweep and Repeat compare from the window: the controller sequences the runs asynchronously in
// the CLI's interleaved order, and the statistics page shows exactly summarizeExperiment() of the
// ExperimentResult it was given. Cancelled and failed runs are marked and kept out of statistics.
class TestSweepRepeat : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { isolateSettings(m_settings); }

    void repeatedSweepRunsInterleavedAndTableEqualsCoreSummary()
    {
        MainWindow window;
        settle(window);
        window.show();
        // 100 tasks, IO 0-10 ms, 100-5000 iterations: tens of ms per run.
        const WorkloadSpec spec{100, 0, 10, 100, 5000, Kernel::Sum, 3};
        part<ConfigPanel>(window)->setConfig(spec, RunConfig{2, Partition::Contiguous, false});
        part<ConfigPanel>(window)->setExperiment(QStringLiteral("1,2"), 3, true);
        QTRY_VERIFY_WITH_TIMEOUT(part<WindowActions>(window)->sweep()->isEnabled(), 5000);

        QSignalSpy runs(part<RunController>(window), &RunController::runFinished);
        QSignalSpy done(part<RunController>(window), &RunController::experimentFinished);
        part<WindowActions>(window)->sweep()->trigger();
        QVERIFY(!part<WindowActions>(window)->sweep()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 15000);
        settle(window);

        // The warm-up first (reported, never in the result), then 1, 2, 1, 2, 1, 2.
        QCOMPARE(runs.size(), 7);
        QCOMPARE(runs[0][1].value<RunRole>(), RunRole::Warmup);
        const auto result = done[0][0].value<ExperimentResult>();
        QCOMPARE(int(result.runs.size()), 6);
        QVERIFY(!result.cancelled);
        QCOMPARE(result.spec.repeats, 3);
        QVERIFY(result.spec.warmup);
        QVERIFY(result.nsPerIter > 0);
        for (int i = 0; i < 6; ++i) {
            const RunResult &r = result.runs[std::size_t(i)];
            QCOMPARE(r.shards, i % 2 == 0 ? 1 : 2);
            QCOMPARE(r.repeat, i / 2);
            QVERIFY(r.completed());
            QCOMPARE(r.checksum, result.runs[0].checksum); // one plan for all
            QCOMPARE(runs[i + 1][1].value<RunRole>(), RunRole::Repeat);
        }
        // Only the last run keeps its per-task timings (for tasks.csv), like ExperimentRunner.
        QVERIFY(result.runs.back().timings);
        QVERIFY(!result.runs.front().timings);

        // The table is the summary the result carries, value for value, and that summary is the
        // core's summarizeExperiment() of exactly these runs.
        const ExperimentSummary &expected = result.summary;
        QCOMPARE(summarizeExperiment(result).runOutliers, expected.runOutliers);
        const ExperimentStatsModel *model = part<ExperimentStatsModel>(window);
        QCOMPARE(model->rowCount(), 2);
        for (int row = 0; row < 2; ++row) {
            const ConfigSummary &c = expected.configs[std::size_t(row)];
            auto cell = [&](int column) {
                return model->data(model->index(row, column), ExperimentStatsModel::SortRole);
            };
            QCOMPARE(cell(ExperimentStatsModel::Shards).toInt(), c.shards);
            QCOMPARE(cell(ExperimentStatsModel::Runs).toInt(), 3);
            QCOMPARE(cell(ExperimentStatsModel::Outliers).toInt(), c.outliers);
            QCOMPARE(cell(ExperimentStatsModel::WallMedian).toDouble(), c.wallMs.median);
            QCOMPARE(cell(ExperimentStatsModel::WallSd).toDouble(), c.wallMs.stddev);
            QCOMPARE(cell(ExperimentStatsModel::WallCv).toDouble(), c.wallMs.cv);
            QCOMPARE(cell(ExperimentStatsModel::WallMin).toDouble(), c.wallMs.min);
            QCOMPARE(cell(ExperimentStatsModel::WallMax).toDouble(), c.wallMs.max);
            QCOMPARE(cell(ExperimentStatsModel::Efficiency).toDouble(), c.efficiency.median);
            sameOrBothNaN(cell(ExperimentStatsModel::Speedup).toDouble(), c.speedup.value);
            sameOrBothNaN(cell(ExperimentStatsModel::IdealSpeedup).toDouble(), c.idealSpeedup);
            // R = 3 is below the 5 a p-value needs: none is shown.
            QVERIFY(std::isnan(cell(ExperimentStatsModel::PValue).toDouble()));
        }
        QCOMPARE(expected.configs[0].speedup.value, 1.0);

        // The chart draws the same speedups and the ideal line from T*.
        const SweepChart *chart = part<SweepPage>(window)->sweepChart();
        QCOMPARE(chart->measuredSeries()->count(), 2);
        QCOMPARE(chart->measuredSeries()->at(1), QPointF(2, expected.configs[1].speedup.value));
        QCOMPARE(chart->idealSeries()->at(1), QPointF(2, expected.configs[1].idealSpeedup));
        QCOMPARE(chart->whiskerCount(), 2);
        // The chart's title says what the page's headline says (no "best" K within noise).
        QCOMPARE(chart->headline(),
                 QStringLiteral("Speedup against K · ") + judgeExperiment(result).claim);
        // Runs per K counted with their noun: "3 runs per K", never "3 run(s)".
        QVERIFY2(chart->detailLine().contains(QStringLiteral(" · 3 runs per K · ")),
                 qPrintable(chart->detailLine()));

        // History: warm-up plus six measured rows, outlier flags and speedups from the summary.
        QCOMPARE(part<HistoryModel>(window)->rowCount(), 7);
        QCOMPARE(part<HistoryModel>(window)->entry(0).role, RunRole::Warmup);
        QVERIFY(std::isnan(part<HistoryModel>(window)->entry(0).speedup));
        for (int i = 0; i < 6; ++i) {
            QCOMPARE(part<HistoryModel>(window)->entry(i + 1).outlier,
                     bool(expected.runOutliers[std::size_t(i)]));
            QCOMPARE(part<HistoryModel>(window)->entry(i + 1).speedup,
                     expected.configs[0].wallMs.median / result.runs[std::size_t(i)].wallMs);
        }
    }

    // View > Clear history in the middle of a sweep: the runs still to come land on their own
    // rows, and the experiment's summary (speedup, outlier) lands on those runs, not on whatever
    // now sits where the cleared rows were.
    void clearingHistoryMidSweepKeepsEachRowOnItsOwnRun()
    {
        MainWindow window;
        settle(window);
        // ~0.3 s per run, so the clear lands between runs of the sweep.
        const WorkloadSpec spec{500, 50, 200, 10000, 100000, Kernel::Sum, 9};
        part<ConfigPanel>(window)->setConfig(spec, RunConfig{2, Partition::Contiguous, false});
        part<ConfigPanel>(window)->setExperiment(QStringLiteral("1,2"), 3, false);
        QTRY_VERIFY_WITH_TIMEOUT(part<WindowActions>(window)->sweep()->isEnabled(), 5000);

        QSignalSpy runs(part<RunController>(window), &RunController::runFinished);
        QSignalSpy done(part<RunController>(window), &RunController::experimentFinished);
        part<WindowActions>(window)->sweep()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(runs.size(), 2, 20000);
        // Clearing a saved history asks first: answer Yes.
        QTimer::singleShot(0, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->button(QMessageBox::Yes)->click();
        });
        part<WindowActions>(window)->clearHistory()->trigger();
        QVERIFY(part<RunController>(window)->isRunning());
        // Runs whose rows the clear removes: the ones that ended before it (the history records
        // and clears in the order they were asked for).
        const int cleared = int(runs.size());
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 30000);
        settle(window);

        const auto result = done[0][0].value<ExperimentResult>();
        QCOMPARE(int(result.runs.size()), 6);
        const HistoryModel *history = part<HistoryModel>(window);
        QCOMPARE(history->rowCount(), 6 - cleared);
        for (int row = 0; row < history->rowCount(); ++row) {
            const std::size_t run = std::size_t(row + cleared);
            QCOMPARE(history->entry(row).result.startedUtc, result.runs[run].startedUtc);
            QCOMPARE(history->entry(row).result.wallMs, result.runs[run].wallMs);
            sameOrBothNaN(history->entry(row).speedup, result.summary.runSpeedups[run]);
            QCOMPARE(history->entry(row).outlier, bool(result.summary.runOutliers[run]));
        }
        // The experiment's own page shows all six runs: the clear removed rows, not runs.
        QCOMPARE(part<ExperimentStatsModel>(window)->summary().config(Runtime::Threads, 1)->runs,
                 3);
    }

    void cancelledRunShowsCancelledAndStaysOutOfTheSummary()
    {
        MainWindow window;
        settle(window);
        // ~1 s per run: IO up to 400 ms, CPU 0.1-0.5 M iterations on 2000 tasks.
        const WorkloadSpec spec{2000, 100, 400, 100000, 500000, Kernel::Sum, 5};
        part<ConfigPanel>(window)->setConfig(spec, RunConfig{2, Partition::Contiguous, false});
        part<ConfigPanel>(window)->setExperiment(QStringLiteral("1,2"), 3, false);
        QTRY_VERIFY_WITH_TIMEOUT(part<WindowActions>(window)->repeatCompare()->isEnabled(), 5000);

        QSignalSpy runs(part<RunController>(window), &RunController::runFinished);
        QSignalSpy done(part<RunController>(window), &RunController::experimentFinished);
        part<WindowActions>(window)->repeatCompare()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(runs.size(), 1, 20000); // the first run completes
        QTRY_VERIFY_WITH_TIMEOUT(part<RunController>(window)->isRunInFlight(), 5000);
        QTest::qWait(100);
        part<WindowActions>(window)->cancel()->trigger(); // in the middle of the second
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 5000);
        settle(window);
        QTest::qWait(RunController::kExperimentSettleMs + 200); // nothing starts after a cancel
        QCOMPARE(runs.size(), 2);

        const auto result = done[0][0].value<ExperimentResult>();
        QVERIFY(result.cancelled);
        QCOMPARE(int(result.runs.size()), 2);
        QVERIFY(result.runs[0].completed());
        QCOMPARE(result.runs[1].status, RunStatus::Cancelled);

        const HistoryModel *history = part<HistoryModel>(window);
        // The status first; " · busy" may follow when the machine was shared. A cancelled run
        // has no wall time: the status's tooltip says how far it got instead.
        QCOMPARE(history->data(history->index(1, HistoryModel::Status))
                     .toString()
                     .section(QStringLiteral(" · "), 0, 0),
                 QStringLiteral("cancelled"));
        QVERIFY(history->data(history->index(1, HistoryModel::Status), Qt::ToolTipRole)
                    .toString()
                    .startsWith(cancelledText(result.runs[1])));
        QCOMPARE(history->data(history->index(1, HistoryModel::Wall)).toString(), missingMark());
        QVERIFY(history->data(history->index(1, HistoryModel::Status), Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("not in the statistics")));

        // K = 2 had one run, cancelled: counted, never averaged in.
        const ExperimentSummary &summary = part<ExperimentStatsModel>(window)->summary();
        const ConfigSummary *two = summary.config(Runtime::Threads, 2);
        QVERIFY(two);
        QCOMPARE(two->runs, 1);
        QCOMPARE(two->completedRuns, 0);
        QVERIFY(std::isnan(two->wallMs.median));
        QCOMPARE(summary.config(Runtime::Threads, 1)->wallMs.median, result.runs[0].wallMs);
        QVERIFY(result.verdict().contains(QStringLiteral("cancelled")));
    }

    void failingRunShowsFailedWithItsError()
    {
        MainWindow window;
        settle(window);
        QTRY_VERIFY_WITH_TIMEOUT(part<WindowActions>(window)->compare()->isEnabled(), 5000);
        ExperimentSpec spec;
        spec.workload = WorkloadSpec{100, 0, 10, 100, 5000, Kernel::Sum, 3};
        spec.shardCounts = {1, 2};
        spec.repeats = 2;
        spec.failTask = 42; // RunConfig::failTask: task 42 throws inside its shard
        QSignalSpy done(part<RunController>(window), &RunController::experimentFinished);
        QVERIFY(part<RunController>(window)->startExperiment(spec, 1.0));
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 15000);
        settle(window);

        // A failure does not end the experiment (as in the CLI): every run is there, failed.
        const auto result = done[0][0].value<ExperimentResult>();
        QCOMPARE(int(result.runs.size()), 4);
        const HistoryModel *history = part<HistoryModel>(window);
        QCOMPARE(history->rowCount(), 4);
        for (int row = 0; row < 4; ++row) {
            const RunResult &r = history->entry(row).result;
            QCOMPARE(r.status, RunStatus::Failed);
            QVERIFY(!r.error.isEmpty());
            QCOMPARE(history->data(history->index(row, HistoryModel::Status))
                         .toString()
                         .section(QStringLiteral(" · "), 0, 0),
                     runStatusName(RunStatus::Failed));
            QVERIFY(history->data(history->index(row, HistoryModel::Status), Qt::ToolTipRole)
                        .toString()
                        .contains(r.error));
            QVERIFY(history->data(history->index(row, 0), Qt::BackgroundRole).isValid());
        }
        QVERIFY(result.runs[0].error.contains(QStringLiteral("42")));
        for (const ConfigSummary &c : part<ExperimentStatsModel>(window)->summary().configs)
            QCOMPARE(c.completedRuns, 0);
    }

private:
    static void sameOrBothNaN(double a, double b)
    {
        if (std::isnan(b))
            QVERIFY(std::isnan(a));
        else
            QCOMPARE(a, b);
    }

    QTemporaryDir m_settings;
};

QTEST_MAIN(TestSweepRepeat)
#include "tst_sweeprepeat.moc"
