// SPDX-License-Identifier: MIT
#include "core/analysis/idealbound.h"
#include "core/workload/taskplan.h"

#include <QTest>

#include <algorithm>

namespace {

// The bound straight from its definition, O(n^2): max over t in {io_i} of
// t + sum_{io_j >= t} w_j / P, and at least max_i(io_i + w_i).
double bruteForceBoundNs(const TaskPlan &plan, double nsPerIter, int cores)
{
    double bound = 0;
    for (std::size_t i = 0; i < plan.size(); ++i) {
        const double t = double(plan.ioNs(i));
        double work = 0;
        for (std::size_t j = 0; j < plan.size(); ++j) {
            if (plan.ioNs(j) >= plan.ioNs(i))
                work += nsPerIter * plan.iterations(j);
        }
        bound = std::max({bound, t + work / cores, t + nsPerIter * plan.iterations(i)});
    }
    return bound;
}

TaskPlan uniformPlan(int tasks, int ioMs, std::uint64_t iterations)
{
    WorkloadSpec spec;
    spec.tasks = tasks;
    spec.ioMinMs = spec.ioMaxMs = ioMs;
    spec.cpuMin = spec.cpuMax = iterations;
    return TaskPlan::generate(spec);
}

} // namespace

class TestIdealBound : public QObject
{
    Q_OBJECT
private slots:
    void handComputedUniformCase()
    {
        // 4 tasks released at 100 ms with 1 ms of work each (1e6 iterations at 1 ns):
        // P=1: 100 + 4 = 104 ms; P=2: 100 + 2 = 102 ms; P=4: 101 ms; P=8: still 101 ms, because
        // one task's own work cannot be split (the max_i(io_i + w_i) term).
        const TaskPlan plan = uniformPlan(4, 100, 1'000'000);
        QCOMPARE(idealBoundNs(plan, 1.0, 1), std::int64_t(104'000'000));
        QCOMPARE(idealBoundNs(plan, 1.0, 2), std::int64_t(102'000'000));
        QCOMPARE(idealBoundNs(plan, 1.0, 4), std::int64_t(101'000'000));
        QCOMPARE(idealBoundNs(plan, 1.0, 8), std::int64_t(101'000'000));
        QCOMPARE(idealBoundNs(plan, 2.0, 1), std::int64_t(108'000'000)); // scales with ns/iter
    }

    void matchesBruteForceOnRandomPlans()
    {
        for (std::uint64_t seed : {1ULL, 2ULL, 3ULL}) {
            WorkloadSpec spec;
            spec.tasks = 300;
            spec.ioMinMs = 0;
            spec.ioMaxMs = 50; // few distinct release times as well as many
            spec.cpuMin = 1000;
            spec.cpuMax = 900000;
            spec.seed = seed;
            const TaskPlan plan = TaskPlan::generate(spec);
            for (int p : {1, 2, 3, 16}) {
                const double expected = bruteForceBoundNs(plan, 1.3, p);
                QVERIFY(std::abs(double(idealBoundNs(plan, 1.3, p)) - expected) <= 1.0);
            }
        }
    }

    void moreCoresNeverRaiseTheBound()
    {
        const TaskPlan plan = TaskPlan::generate(WorkloadSpec{});
        std::int64_t previous = INT64_MAX;
        for (int p = 1; p <= 32; p *= 2) {
            const std::int64_t b = idealBoundNs(plan, 1.0, p);
            QVERIFY(b <= previous);
            QVERIFY(b >= plan.maxIoNs());
            previous = b;
        }
    }
};

QTEST_GUILESS_MAIN(TestIdealBound)
#include "tst_idealbound.moc"
