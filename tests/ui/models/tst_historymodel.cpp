// SPDX-License-Identifier: MIT
#include "core/experiment/experimentsummary.h"
#include "core/experiment/plancodec.h"
#include "core/workload/taskplan.h"
#include "tests/support/distinctplan.h"
#include "ui/models/comparison.h"
#include "ui/models/historymodel.h"

#include <QAbstractItemModelTester>
#include <QIcon>
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
        // A cancelled run has no wall time: the cell says so in one word (a column that fits
        // every status), its tooltip how far it got.
        QCOMPARE(model.data(model.index(4, HistoryModel::Status)).toString(),
                 QStringLiteral("cancelled"));
        QVERIFY(model.data(model.index(4, HistoryModel::Status), Qt::ToolTipRole)
                    .toString()
                    .startsWith(cancelledText(model.entry(4).result)));
    }

    // What each cell of a row shows, to the character: a run's numbers in their units (a
    // fraction as a percentage, a factor with its sign), its role, and the marks for what is
    // missing.
    void everyCellShowsItsRunsValue()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        HistoryModel model;
        HistoryEntry stored;
        stored.experimentId = 7;
        stored.machine = QStringLiteral("box-7");
        RunResult r = result(plan(1), 4, 2500);
        r.repeat = 2;
        r.tasks = 800;
        r.tasksDone = 800;
        r.efficiency = 0.5;
        r.lagMs.p99 = 3.4;
        r.startedUtc = QDateTime(QDate::currentDate(), QTime(13, 4, 5)).toUTC();
        model.beginExperiment();
        model.append(r, RunRole::Repeat, 0.256, stored);
        ExperimentSummary summary;
        summary.runSpeedups = {1.85};
        summary.runOutliers = {false};
        model.applyExperiment(summary);

        RunResult older = result(plan(1), 1, 125400, RunStatus::Cancelled);
        older.tasks = 800;
        older.tasksDone = 640;
        older.efficiency = kNotMeasured;
        older.lagMs.p99 = kNotMeasured;
        older.startedUtc = QDateTime(QDate(2019, 3, 4), QTime(9, 0));
        model.append(older, RunRole::CompareOne, kNotMeasured);

        auto cell = [&](int row, int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(cell(0, HistoryModel::Time), QStringLiteral("13:04:05"));
        QCOMPARE(cell(0, HistoryModel::Shards), QStringLiteral("4"));
        QCOMPARE(cell(0, HistoryModel::Wall), QStringLiteral("2.50 s"));
        QCOMPARE(cell(0, HistoryModel::Speedup), QStringLiteral("1.85×"));
        QCOMPARE(cell(0, HistoryModel::Status), QStringLiteral("completed"));
        QCOMPARE(cell(0, HistoryModel::Mode), QStringLiteral("experiment · #3"));
        QCOMPARE(cell(0, HistoryModel::Experiment), QStringLiteral("#7"));
        QCOMPARE(cell(0, HistoryModel::Efficiency), QStringLiteral("50 %"));
        QCOMPARE(cell(0, HistoryModel::LagP99), QStringLiteral("3.40 ms"));
        QCOMPARE(cell(0, HistoryModel::GuiStall), QStringLiteral("0.256 ms"));
        QCOMPARE(cell(0, HistoryModel::Tasks), QStringLiteral("800"));
        QCOMPARE(cell(0, HistoryModel::Transport), QStringLiteral("timer"));
        QCOMPARE(cell(0, HistoryModel::Shapes), QStringLiteral("uniform"));
        QCOMPARE(cell(0, HistoryModel::Machine), QStringLiteral("box-7"));
        QCOMPARE(cell(0, HistoryModel::Runtime), QStringLiteral("threads"));
        QCOMPARE(cell(0, HistoryModel::IdealBound), QStringLiteral("1.25 s"));
        QCOMPARE(cell(0, HistoryModel::Checksum), QStringLiteral("0x00000000000012e4"));
        QCOMPARE(model.index(0, HistoryModel::IdealBound).data(HistoryModel::SortRole), 1250.0);
        // The raw numbers behind the percentage and the factor, which the view sorts by.
        QCOMPARE(model.index(0, HistoryModel::Efficiency).data(HistoryModel::SortRole), 0.5);
        QCOMPARE(model.index(0, HistoryModel::Speedup).data(HistoryModel::SortRole), 1.85);

        // A cancelled run of another day outside any experiment: its date as the locale writes
        // it, what it has, and dashes.
        QCOMPARE(cell(1, HistoryModel::Time), QStringLiteral("3/4/19 09:00"));
        QCOMPARE(cell(1, HistoryModel::Shards), QStringLiteral("1"));
        QCOMPARE(cell(1, HistoryModel::Speedup), QStringLiteral("—"));
        QCOMPARE(cell(1, HistoryModel::Mode), QStringLiteral("compare · 1"));
        QCOMPARE(cell(1, HistoryModel::Experiment), QStringLiteral("—"));
        QCOMPARE(cell(1, HistoryModel::Efficiency), QStringLiteral("—"));
        QCOMPARE(cell(1, HistoryModel::LagP99), QStringLiteral("—"));
        QCOMPARE(cell(1, HistoryModel::GuiStall), QStringLiteral("—"));
        QCOMPARE(cell(1, HistoryModel::Tasks), QStringLiteral("640 / 800"));
        QCOMPARE(cell(1, HistoryModel::Machine), QString());
        QCOMPARE(cell(1, HistoryModel::Status), QStringLiteral("cancelled"));
        QCOMPARE(model.index(1, HistoryModel::Wall).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("no wall time: cancelled after 640 of 800 tasks"));
        QCOMPARE(model.index(0, HistoryModel::Wall).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("wall 2.50 s · ideal bound 1.25 s · — tasks/s"));
    }

    void aRunOnABusyMachineSaysSo()
    {
        HistoryModel model;
        RunResult quiet = result(plan(1), 1, 500);
        quiet.othersCpuFraction = 0.02;
        RunResult busy = result(plan(1), 2, 300);
        busy.othersCpuFraction = 0.35;
        appendPair(model, quiet, busy, QStringLiteral("completed · busy"));
        QVERIFY(model.data(model.index(1, HistoryModel::Status), Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("other programs used 35 % of the CPUs")));
        // A badge beside the wall time, whatever the Status column's width; none when quiet.
        QVERIFY(model.data(model.index(1, HistoryModel::Wall), Qt::DecorationRole)
                    .value<QIcon>()
                    .availableSizes()
                    .size() > 0);
        QVERIFY(!model.data(model.index(0, HistoryModel::Wall), Qt::DecorationRole).isValid());
    }

    void aRunAtTheProtectiveScheduleSaysSo()
    {
        HistoryModel model;
        RunResult protective = result(plan(1), 2, 300);
        protective.schedule = ShardSchedule::Protective;
        appendPair(model, result(plan(1), 1, 500), protective,
                   QStringLiteral("completed · protective"));
        QVERIFY(model.data(model.index(1, HistoryModel::Status), Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("protective schedule at K = 2")));
        QVERIFY(model.data(model.index(1, HistoryModel::Wall), Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("protective schedule at K = 2")));
        QVERIFY(!model.data(model.index(0, HistoryModel::Wall), Qt::ToolTipRole)
                     .toString()
                     .contains(QStringLiteral("protective")));
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
        Plan http;
        http.transport.kind = Transport::Http;
        const auto c = Comparison::between(k, one, Plan{}, http);
        QVERIFY(c);
        QCOMPARE(c->baseline.shards, 1);
        QCOMPARE(c->speedup(), 4.0);
        QVERIFY(c->candidatePlan == Plan{});
        QVERIFY(c->baselinePlan == http);
        QVERIFY(!Comparison::between(one, result(p, 4, 10, RunStatus::Cancelled), {}, {}));
    }

    // An HTTP run at K = 1 beside a timer run at K = 2 on one workload: no speedup, and the
    // fields in which the plans differ are named.
    void differentPlansHaveNoSpeedupAndNameTheirFields()
    {
        const auto p = plan(1);
        Plan http;
        http.transport.kind = Transport::Http;
        const auto c = Comparison::between(result(p, 1, 1000), result(p, 2, 540), http, Plan{});
        QVERIFY(c);
        QVERIFY(!c->samePlan());
        QCOMPARE(c->differentPlans(), QStringLiteral("different plans (transport)"));
        QVERIFY2(c->verdict().startsWith(u"different plans (transport): 1 loop"),
                 qPrintable(c->verdict()));
        QVERIFY(!c->verdict().contains(u"faster"));
        Plan seeded = http;
        seeded.workload.seed = 99;
        seeded.transport.connections = 4;
        const auto d = Comparison::between(result(p, 1, 1000), result(p, 2, 540), Plan{}, seeded);
        QCOMPARE(d->differentPlans(),
                 QStringLiteral("different plans (seed, transport, connections)"));
        const auto same = Comparison::between(result(p, 1, 1000), result(p, 2, 540), http, http);
        QVERIFY(same->samePlan());
        QVERIFY(same->verdict().contains(u"faster"));
    }

    // "Same plan" is equality of every field, not of objects: two equal plans held apart are the
    // same plan, and a plan that differs in any one field (each field of PlanCodec's table in
    // turn) is not, and the verdict names that field instead of a speedup.
    void samePlanSeesEveryField_data() { distinctplan::addRowPerField(); }
    void samePlanSeesEveryField()
    {
        QFETCH(QString, key);
        const auto p = plan(1);
        const Plan a = distinctplan::distinctPlan();
        const Plan b = distinctplan::distinctPlan(); // equal, and another object
        const auto same = Comparison::between(result(p, 1, 1000), result(p, 2, 540), a, b);
        QVERIFY(same->samePlan());
        QCOMPARE(same->differentPlans(), QString());
        QVERIFY2(same->verdict().contains(u"faster"), qPrintable(same->verdict()));

        const PlanField &f = *PlanCodec::field(key);
        const std::optional<Plan> changed = distinctplan::changedIn(a, key);
        QVERIFY(changed);
        const auto c = Comparison::between(result(p, 1, 1000), result(p, 2, 540), a, *changed);
        QVERIFY(!c->samePlan());
        const QString differs = QStringLiteral("different plans (%1)").arg(QLatin1String(f.label));
        QCOMPARE(c->differentPlans(), differs);
        QCOMPARE(c->verdict(), differs + QStringLiteral(": 1 loop 1.000 s, 2 loops 0.540 s; "
                                                        "no speedup"));
    }

    // The history shows each run's transport and shapes, from its plan.
    void transportAndShapesHaveColumns()
    {
        HistoryModel model;
        HistoryEntry timer;
        HistoryEntry http;
        http.plan.transport.kind = Transport::Http;
        http.plan.transport.connections = 8;
        http.plan.workload.ioDist = Distribution::logNormal(300, 900);
        model.append(result(plan(1), 1, 100), RunRole::OneLoop, 0, timer);
        model.append(result(plan(1), 1, 100), RunRole::OneLoop, 0, http);
        auto cell = [&](int row, int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(cell(0, HistoryModel::Transport), QStringLiteral("timer"));
        QCOMPARE(cell(1, HistoryModel::Transport), QStringLiteral("http · 8 connections"));
        QCOMPARE(cell(0, HistoryModel::Shapes), QStringLiteral("uniform"));
        QCOMPARE(cell(1, HistoryModel::Shapes), QStringLiteral("IO lognormal · CPU uniform"));
        QCOMPARE(model.index(1, HistoryModel::Shapes).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("IO lognormal:median=300,p99=900 · CPU uniform"));
        QCOMPARE(model.headerData(HistoryModel::Transport, Qt::Horizontal).toString(),
                 QStringLiteral("Transport"));
    }

private:
    // A compare's two runs: the plain one's status reads "completed", the marked one's `status`.
    static void appendPair(HistoryModel &model, const RunResult &plain, const RunResult &marked,
                           const QString &status)
    {
        model.append(plain, RunRole::CompareOne, 1.0);
        model.append(marked, RunRole::CompareK, 1.0);
        QCOMPARE(model.data(model.index(0, HistoryModel::Status)).toString(),
                 QStringLiteral("completed"));
        QCOMPARE(model.data(model.index(1, HistoryModel::Status)).toString(), status);
    }
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
        r.checksum = 0x12e4;
        r.startedUtc = QDateTime::currentDateTimeUtc();
        return r;
    }
};

QTEST_MAIN(TestHistoryModel)
#include "tst_historymodel.moc"
