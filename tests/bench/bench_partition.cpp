// SPDX-License-Identifier: MIT
// How evenly each partition deals a plan's CPU work to K loops, by shape; and what a shaped draw
// costs.
//
//   bench_partition [--tasks N] [--seeds S] [--draw N]
//
// For each shape (same total work within a few %) and K = 2 and 4, over seeds 1..S (default 4,000
// tasks, 20 seeds): the imbalance of the slowest loop, max over shards of its iterations divided
// by the mean, for contiguous and round-robin; a K-loop run cannot finish before its most loaded
// loop, so this is the wall-time cost of the deal on a CPU-bound plan. Deterministic: no run, no
// clock. |c - rr| is the median gap between the two deals of one plan. Then the time to draw an
// N-task plan (default 10M) per shape.
#include "core/workload/partition.h"
#include "core/workload/taskplan.h"
#include "tests/bench/benchargs.h"

#include <QCoreApplication>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

namespace {

struct Shape
{
    const char *name;
    std::uint64_t cpuMin;
    std::uint64_t cpuMax;
    Distribution dist;
};

// A plan's spec: `tasks` tasks of the shape's CPU work, IO uniform in ioMin..ioMax ms.
WorkloadSpec shapedSpec(const Shape &shape, int tasks, int ioMin, int ioMax, std::uint64_t seed)
{
    WorkloadSpec spec;
    spec.tasks = tasks;
    spec.ioMinMs = ioMin;
    spec.ioMaxMs = ioMax;
    spec.cpuMin = shape.cpuMin;
    spec.cpuMax = shape.cpuMax;
    spec.cpuDist = shape.dist;
    spec.seed = seed;
    return spec;
}

double imbalance(const TaskPlan &plan, Partition partition, int k)
{
    std::vector<double> work(std::size_t(k), 0);
    for (int s = 0; s < k; ++s) {
        const Slice slice = sliceFor(partition, plan.size(), k, s);
        for (std::size_t i = 0; i < slice.size(); ++i)
            work[std::size_t(s)] += plan.iterations(slice.at(i));
    }
    double sum = 0;
    for (double w : work)
        sum += w;
    return *std::max_element(work.begin(), work.end()) / (sum / k);
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const BenchArgs args(app.arguments());
    const int tasks = args.integer(QLatin1String("--tasks"), 4000);
    const int seeds = args.integer(QLatin1String("--seeds"), 20);
    const int drawTasks = args.integer(QLatin1String("--draw"), 10'000'000);

    // About 2.6G iterations in all for every shape at 4,000 tasks.
    const Shape shapes[] = {
        {"uniform", 100000, 1200000, Distribution::uniform()},
        {"lognormal:median=300k,p99=5M", 10000, 50000000, Distribution::logNormal(300000, 5000000)},
        {"pareto:median=100k,p99=10M", 10000, 50000000, Distribution::pareto(100000, 10000000)},
        {"bimodal:heavy=0.02", 100000, 20000000, Distribution::bimodal(0.02)},
    };
    std::printf("%d tasks, io 0:100 ms, seeds 1..%d; slowest loop's work / mean (1.00 = even)\n",
                tasks, seeds);
    std::printf("%-30s %2s  %-26s %-26s %-10s %s\n", "cpu shape", "K", "contiguous median (worst)",
                "round-robin median (worst)", "|c - rr|", "seeds won c/rr");
    for (const Shape &shape : shapes) {
        for (int k : {2, 4}) {
            std::vector<double> contiguous, roundRobin, gap;
            int contiguousWins = 0, roundRobinWins = 0;
            for (int seed = 1; seed <= seeds; ++seed) {
                const TaskPlan plan =
                    TaskPlan::generate(shapedSpec(shape, tasks, 0, 100, std::uint64_t(seed)));
                const double c = imbalance(plan, Partition::Contiguous, k);
                const double r = imbalance(plan, Partition::RoundRobin, k);
                contiguous.push_back(c);
                roundRobin.push_back(r);
                gap.push_back(std::abs(c - r));
                contiguousWins += c < r;
                roundRobinWins += r < c;
            }
            std::printf("%-30s %2d  %.3f (%.3f)%13s %.3f (%.3f)%13s %.3f %6s %d/%d\n", shape.name,
                        k, median(contiguous),
                        *std::max_element(contiguous.begin(), contiguous.end()), "",
                        median(roundRobin), *std::max_element(roundRobin.begin(), roundRobin.end()),
                        "", median(gap), "", contiguousWins, roundRobinWins);
        }
    }

    std::printf("\ndrawing a %d-task plan (IO and CPU both in the shape):\n", drawTasks);
    // Once untimed: the first plan pays the page faults of fresh memory, the later ones reuse it.
    (void)TaskPlan::generate(WorkloadSpec{drawTasks, 1, 10000, 1, 2, Kernel::Sum, 1});
    for (const Shape &shape : shapes) {
        WorkloadSpec spec = shapedSpec(shape, drawTasks, 1, 10000, WorkloadSpec{}.seed);
        if (shape.dist.shape == Distribution::Shape::LogNormal ||
            shape.dist.shape == Distribution::Shape::Pareto)
            spec.ioDist = Distribution::logNormal(300, 3000);
        else if (shape.dist.shape == Distribution::Shape::Bimodal)
            spec.ioDist = Distribution::bimodal(0.02);
        const auto start = std::chrono::steady_clock::now();
        const TaskPlan plan = TaskPlan::generate(spec);
        const double s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("  %-30s %.2f s (%.0f ns per task)\n", shape.name, s, s * 1e9 / drawTasks);
        if (plan.size() != std::size_t(drawTasks))
            return 1;
    }
    return 0;
}
