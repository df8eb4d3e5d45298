// SPDX-License-Identifier: MIT
#include "core/experiment/experimentsummary.h"
#include "core/workload/taskplan.h"
#include "ui/models/comparison.h"
#include "ui/models/historymodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <limits>

// The history model's derived columns come from the experiment's summary, onto the rows of that
// experiment's measured runs, and nothing else: not from the rows around them, not after a clear.
class TestHistoryModel : public QObject
{
    Q_OBJECT
private slots:
    void speedupAndOutlierComeFromTheExperimentSummary()
    {
        HistoryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto p = plan(1);
        model.append(result(p, 1, 500), RunRole::OneLoop, 1.0); // an earlier experiment
        model.beginExperiment();
        model.append(result(p, 1, 990), RunRole::Warmup, 1.0);
        model.append(result(p, 1, 1000), RunRole::Repeat, 1.0);
        model.append(result(p, 4, 250), RunRole::Repeat, 1.0);
        model.append(result(p, 4, 100, RunStatus::Cancelled), RunRole::Repeat, 1.0);
        QVERIFY(std::isnan(model.entry(3).speedup)); // nothing until the experiment ends

        ExperimentSummary summary;
        summary.runSpeedups = {1.0, 4.0, std::numeric_limits<double>::quiet_NaN()};
        summary.runOutliers = {false, true, false};
        model.applyExperiment(summary);
        QVERIFY(std::isnan(model.entry(0).speedup)); // not of this experiment
        QVERIFY(std::isnan(model.entry(1).speedup)); // the warm-up is not a measured run
        QCOMPARE(model.entry(2).speedup, 1.0);
        QCOMPARE(model.entry(3).speedup, 4.0);
        QVERIFY(model.entry(3).outlier);
        QVERIFY(!model.entry(2).outlier);
        QVERIFY(std::isnan(model.entry(4).speedup));
        QCOMPARE(model.data(model.index(3, HistoryModel::Speedup)).toString(),
                 QStringLiteral("4.00×"));
        QCOMPARE(model.data(model.index(3, HistoryModel::Status)).toString(),
                 QStringLiteral("completed · outlier"));
        QCOMPARE(model.data(model.index(4, HistoryModel::Status)).toString(),
                 runStatusName(RunStatus::Cancelled));
    }

    void aRunOnABusyMachineSaysSo()
    {
        HistoryModel model;
        const auto p = plan(1);
        RunResult quiet = result(p, 1, 500);
        quiet.othersCpuFraction = 0.02;
        RunResult busy = result(p, 2, 300);
        busy.othersCpuFraction = 0.35;
        model.append(quiet, RunRole::CompareOne, 1.0);
        model.append(busy, RunRole::CompareK, 1.0);
        QCOMPARE(model.data(model.index(0, HistoryModel::Status)).toString(),
                 QStringLiteral("completed"));
        QCOMPARE(model.data(model.index(1, HistoryModel::Status)).toString(),
                 QStringLiteral("completed · machine busy"));
        QVERIFY(model.data(model.index(1, HistoryModel::Status), Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("other processes used 35 %")));
    }

    void clearDuringAnExperimentLeavesLaterRunsOnTheirOwnRows()
    {
        HistoryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto p = plan(1);
        model.beginExperiment();
        model.append(result(p, 1, 1000), RunRole::Repeat, 1.0); // run 0
        model.append(result(p, 2, 600), RunRole::Repeat, 1.0);  // run 1
        model.clear();                                          // View > Clear history
        QCOMPARE(model.rowCount(), 0);
        model.append(result(p, 1, 1010), RunRole::Repeat, 1.0); // run 2, now row 0
        model.append(result(p, 2, 500), RunRole::Repeat, 1.0);  // run 3, now row 1

        ExperimentSummary summary;
        summary.runSpeedups = {1.0, 1.7, 0.99, 2.0};
        summary.runOutliers = {true, true, false, false}; // runs 0 and 1, cleared away
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.applyExperiment(summary);
        // One change per row still listed: nothing is written for the runs cleared away, not
        // even transiently onto the rows that took their place.
        QCOMPARE(changed.size(), 2);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.entry(0).speedup, 0.99);
        QCOMPARE(model.entry(1).speedup, 2.0);
        QVERIFY(!model.entry(0).outlier);
        QVERIFY(!model.entry(1).outlier);
    }

    void comparisonOrdersByShardsAndNeedsCompletedRuns()
    {
        const auto p = plan(1);
        const RunResult k = result(p, 4, 250);
        const RunResult one = result(p, 1, 1000);
        const auto c = Comparison::between(k, one);
        QVERIFY(c);
        QCOMPARE(c->baseline.shards, 1);
        QCOMPARE(c->speedup(), 4.0);
        QVERIFY(c->samePlan());
        QVERIFY(!Comparison::between(one, result(p, 4, 10, RunStatus::Cancelled)));
    }

private:
    static std::shared_ptr<const TaskPlan> plan(std::uint64_t seed)
    {
        WorkloadSpec spec{10, 0, 1, 0, 10, Kernel::Sum, seed};
        return std::make_shared<const TaskPlan>(TaskPlan::generate(spec));
    }
    static RunResult result(std::shared_ptr<const TaskPlan> p, int shards, double wallMs,
                            RunStatus status = RunStatus::Completed)
    {
        RunResult r;
        r.plan = std::move(p);
        r.shards = shards;
        r.wallMs = wallMs;
        r.idealMs = wallMs / 2;
        r.efficiency = 0.5;
        r.status = status;
        r.tasks = r.tasksDone = 10;
        r.startedUtc = QDateTime::currentDateTimeUtc();
        return r;
    }
};

QTEST_MAIN(TestHistoryModel)
#include "tst_historymodel.moc"
