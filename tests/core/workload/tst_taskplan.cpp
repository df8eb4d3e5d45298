// SPDX-License-Identifier: MIT
#include "core/base/splitmix64.h"
#include "core/workload/taskplan.h"
#include "core/workload/workloadspec.h"
#include "tests/support/testplans.h"

#include <QTest>

#include <atomic>
#include <thread>

Q_DECLARE_METATYPE(WorkloadSpec)

class TestTaskPlan : public QObject
{
    Q_OBJECT
private:
    static WorkloadSpec heavyTailed()
    {
        WorkloadSpec spec;
        spec.ioMinMs = 1;
        spec.ioMaxMs = 10000;
        spec.ioDist = Distribution::logNormal(300, 3000);
        spec.cpuMin = 10000;
        spec.cpuMax = 5000000;
        spec.cpuDist = Distribution::pareto(200000, 2000000);
        return spec;
    }

private slots:
    void splitMixMatchesReferenceVectors()
    {
        // Reference outputs of SplitMix64 for seed 1234567, as published with Vigna's reference
        // implementation (prng.di.unimi.it splitmix64.c) and re-derived here with a Python port.
        SplitMix64 rng(1234567);
        QCOMPARE(rng.next(), 6457827717110365317ULL);
        QCOMPARE(rng.next(), 3203168211198807973ULL);
        QCOMPARE(rng.next(), 9817491932198370423ULL);
    }

    void samePlanFromSameSeedGoldenValues()
    {
        // Golden values for the default spec (seed 20240601), computed independently with a
        // Python port of SplitMix64 + Lemire mapping. A change here changes every published plan.
        const TaskPlan plan = TaskPlan::generate(WorkloadSpec{});
        QCOMPARE(plan.size(), std::size_t(10000));
        QCOMPARE(plan.ioUs(0), 220402U);
        QCOMPARE(plan.iterations(0), 467105U);
        QCOMPARE(plan.ioUs(1), 707271U);
        QCOMPARE(plan.iterations(1), 378102U);
        QCOMPARE(plan.ioUs(2), 206645U);
        QCOMPARE(plan.iterations(2), 497658U);
        QCOMPARE(plan.ioNs(1), std::int64_t{707271000});
        QVERIFY(plan == TaskPlan::generate(WorkloadSpec{}));
    }

    void shapedPlanGoldenValues()
    {
        // The "Heavy-tailed crawl" preset's plan. Lognormal and Pareto go through PortableMath's
        // own log, exp and normal quantile: these values are the same on every compiler, library
        // and CPU, and a change to the maths changes them.
        const TaskPlan plan = TaskPlan::generate(heavyTailed());
        QCOMPARE(plan.ioUs(0), 43480U);
        QCOMPARE(plan.iterations(0), 578659U);
        QCOMPARE(plan.ioUs(1), 421148U);
        QCOMPARE(plan.iterations(1), 267668U);
        QCOMPARE(plan.ioUs(2), 28026U);
        QCOMPARE(plan.iterations(2), 2740544U);
        QCOMPARE(plan.totalIterations(), std::uint64_t{3108451337});
        QVERIFY(plan == TaskPlan::generate(heavyTailed()));
    }

    void bimodalPlanGoldenValues()
    {
        WorkloadSpec spec;
        spec.tasks = 8;
        spec.cpuDist = Distribution::bimodal(0.25);
        const TaskPlan plan = TaskPlan::generate(spec);
        QList<std::uint32_t> iterations;
        for (std::size_t i = 0; i < plan.size(); ++i)
            iterations.append(plan.iterations(i));
        // Light tasks in the bottom tenth of 100k:500k, heavy ones (task 7) in the top tenth.
        QCOMPARE(iterations, (QList<std::uint32_t>{135614, 123747, 139688, 117899, 124822, 123750,
                                                   108569, 473578}));
        // IO stays uniform, drawn exactly as before: the golden values of the default plan.
        QCOMPARE(plan.ioUs(0), 220402U);
        QCOMPARE(plan.ioUs(1), 707271U);
    }

    void uniformNamedExplicitlyIsTheDefaultPlan()
    {
        WorkloadSpec spec;
        spec.ioDist = Distribution::uniform();
        spec.cpuDist = Distribution::uniform();
        QCOMPARE(spec, WorkloadSpec{});
        QCOMPARE(
            spec.describe(),
            QStringLiteral("10000 tasks, io 200:1000 ms, cpu 100000:500000 sum, seed 20240601"));
    }

    void changingTheCpuShapeKeepsIoDelays()
    {
        WorkloadSpec shaped = heavyTailed();
        shaped.cpuDist = Distribution::bimodal(0.1);
        const TaskPlan a = TaskPlan::generate(heavyTailed()), b = TaskPlan::generate(shaped);
        for (std::size_t i = 0; i < 1000; ++i)
            QCOMPARE(a.ioUs(i), b.ioUs(i));
        QVERIFY(a.totalIterations() != b.totalIterations());
    }

    void shapedDrawsStayInsideTheRange()
    {
        WorkloadSpec spec = heavyTailed();
        spec.tasks = 100000;
        const TaskPlan plan = TaskPlan::generate(spec);
        for (std::size_t i = 0; i < plan.size(); ++i) {
            QVERIFY(plan.ioUs(i) >= 1000 && plan.ioUs(i) <= 10'000'000);
            QVERIFY(plan.iterations(i) >= 10000 && plan.iterations(i) <= 5'000'000);
        }
    }

    void describeNamesAShapeAfterItsRange()
    {
        QCOMPARE(heavyTailed().describe(),
                 QStringLiteral("10000 tasks, io 1:10000 ms lognormal:median=300,p99=3000, cpu "
                                "10000:5000000 pareto:median=200000,p99=2000000 sum, seed "
                                "20240601"));
    }

    void differentSeedGivesDifferentPlan()
    {
        WorkloadSpec other;
        other.seed = 7;
        QVERIFY(!(TaskPlan::generate(other) == TaskPlan::generate(WorkloadSpec{})));
    }

    void valuesStayInsideTheirRanges()
    {
        const TaskPlan plan = TaskPlan::generate(testplans::workload(50000, 3, 5, 10, 12));
        bool sawLow = false, sawHigh = false;
        for (std::size_t i = 0; i < plan.size(); ++i) {
            QVERIFY(plan.ioUs(i) >= 3000 && plan.ioUs(i) <= 5000);
            QVERIFY(plan.iterations(i) >= 10 && plan.iterations(i) <= 12);
            sawLow = sawLow || plan.iterations(i) == 10;
            sawHigh = sawHigh || plan.iterations(i) == 12;
        }
        QVERIFY(sawLow && sawHigh); // both ends are reachable: the range is inclusive
    }

    void changingCpuRangeKeepsIoDelays()
    {
        WorkloadSpec a;
        WorkloadSpec b = a;
        b.cpuMin = 0;
        b.cpuMax = 0;
        const TaskPlan pa = TaskPlan::generate(a), pb = TaskPlan::generate(b);
        for (std::size_t i = 0; i < 100; ++i)
            QCOMPARE(pa.ioUs(i), pb.ioUs(i));
        QCOMPARE(pb.totalIterations(), std::uint64_t{0});
    }

    void validationNamesFieldAndRange_data()
    {
        QTest::addColumn<WorkloadSpec>("spec");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        WorkloadSpec s;
        s.tasks = 0;
        QTest::newRow("zero tasks") << s << "tasks"
                                    << "0 is outside 1 to 50,000,000";
        s = {};
        s.ioMinMs = 1200;
        QTest::newRow("io min above max") << s << "io"
                                          << "min 1,200 ms is above max 1,000 ms";
        s = {};
        s.ioMaxMs = 4'000'000;
        QTest::newRow("io above an hour") << s << "io"
                                          << "max 4,000,000 ms is outside 0 to 3,600,000 ms";
        s = {};
        s.cpuMin = 600000;
        QTest::newRow("cpu min above max")
            << s << "cpu"
            << "min 600,000 iterations is above max 500,000 iterations";
        s = {};
        s.cpuMax = 5'000'000'000ULL;
        QTest::newRow("cpu overflows 32 bits")
            << s << "cpu"
            << "max 5,000,000,000 iterations is outside 0 to 4,000,000,000 iterations";
        s = {};
        s.ioDist = Distribution::logNormal(300, 3000);
        QTest::newRow("io p99 past max") << s << "ioDist"
                                         << "p99 3,000 ms is outside 200 to 1,000 ms";
        s = {};
        s.cpuDist = Distribution::pareto(50000, 400000);
        QTest::newRow("cpu median below min")
            << s << "cpuDist"
            << "median 50,000 iterations is outside 100,000 to 500,000 iterations";
        s = {};
        s.cpuDist = Distribution::bimodal(-0.5);
        QTest::newRow("heavy below 0") << s << "cpuDist"
                                       << "heavy -0.5 is outside 0 to 1";
    }

    void validationNamesFieldAndRange()
    {
        QFETCH(WorkloadSpec, spec);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const FieldErrors errors = spec.validate();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().field, field);
        QCOMPARE(errors.first().message, message);
    }

    void defaultSpecIsValid() { QVERIFY(WorkloadSpec{}.validate().isEmpty()); }

    void cancelledDrawReturnsWithoutTheFullPlan()
    {
        // The 50M limit takes seconds to draw; cancelled while it draws, it returns early and
        // empty, never the whole plan.
        WorkloadSpec spec;
        spec.tasks = WorkloadSpec::kMaxTasks;
        std::atomic<bool> cancel{false};
        std::atomic<bool> drawing{false};
        TaskPlan plan;
        std::thread drawer([&] {
            drawing.store(true);
            plan = TaskPlan::generate(spec, &cancel);
        });
        while (!drawing.load())
            std::this_thread::yield();
        cancel.store(true);
        drawer.join();
        QCOMPARE(plan.size(), std::size_t(0));
        QCOMPARE(plan.spec(), spec);
    }

    void aDrawThatIsNotCancelledIsTheSamePlan()
    {
        WorkloadSpec spec;
        spec.tasks = int(3 * TaskPlan::kCancelCheckTasks + 7); // several cancel checks
        std::atomic<bool> cancel{false};
        QVERIFY(TaskPlan::generate(spec, &cancel) == TaskPlan::generate(spec));
    }
};

QTEST_GUILESS_MAIN(TestTaskPlan)
#include "tst_taskplan.moc"
