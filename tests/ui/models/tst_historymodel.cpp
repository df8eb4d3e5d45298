// SPDX-License-Identifier: MIT
#include "core/workload/taskplan.h"
#include "ui/models/comparison.h"
#include "ui/models/historymodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

// The history model's derived columns: a K-loop run's speedup is against the latest completed
// one-loop run of the same workload, and nothing else.
class TestHistoryModel : public QObject
{
    Q_OBJECT
private slots:
    void speedupIsAgainstLatestOneLoopRunOfTheSameSpec()
    {
        HistoryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto planA = plan(1);
        const auto planB = plan(2);

        model.append(result(planA, 1, 1000), RunRole::OneLoop, 1.0);
        model.append(result(planB, 1, 9000), RunRole::OneLoop, 1.0); // other workload
        model.append(result(planA, 1, 800, RunStatus::Cancelled), RunRole::OneLoop, 1.0);
        model.append(result(planA, 4, 250), RunRole::KLoops, 1.0);
        model.append(result(planB, 4, 3000), RunRole::KLoops, 1.0);
        model.append(result(nullptr, 4, 100), RunRole::KLoops, 1.0); // no plan: unknown

        QCOMPARE(model.rowCount(), 6);
        QVERIFY(std::isnan(model.entry(0).speedup));
        QCOMPARE(model.entry(3).speedup, 4.0); // 1000 / 250; the cancelled 800 is skipped
        QCOMPARE(model.entry(4).speedup, 3.0); // 9000 / 3000
        QVERIFY(std::isnan(model.entry(5).speedup));
        QCOMPARE(model.data(model.index(3, HistoryModel::Speedup)).toString(),
                 QStringLiteral("4.00×"));
        QCOMPARE(model.data(model.index(2, HistoryModel::Status)).toString(),
                 runStatusName(RunStatus::Cancelled));

        model.clear();
        QCOMPARE(model.rowCount(), 0);
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
