// SPDX-License-Identifier: MIT
// Work stealing against static partitions: the efficiency of threads (contiguous, round-robin)
// and stealing on one plan, and what stealing costs where the deal is already even.
//
//   bench_stealing [--loops K] [--seeds S] [--repeat R] [--tasks N]
//
// Skewed: the plan, N tasks (default 2,000), io 0:1000 ms, cpu 100k:200M iterations,
// pareto:median=500k,p99=20M, seeds 1..S (default 3), at K loops (default 2): each runtime R times
// (default 3), interleaved, and the median efficiency (ideal bound over wall) and wall of each.
// Uniform: the original experiment (4,000 tasks, io 200:1000 ms, cpu 100k:500k), threads against
// stealing at K, R interleaved pairs: median walls and stealing's over threads'.
// Prints the load average before and after: figures taken beside other work are not figures.
#include "core/engine/shardset.h"
#include "core/workload/kernel.h"
#include "core/workload/taskplan.h"
#include "tests/bench/benchargs.h"
#include "tests/support/runblocking.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

struct Variant
{
    const char *name;
    Runtime runtime;
    Partition partition;
};

constexpr Variant kVariants[] = {
    {"threads contiguous", Runtime::Threads, Partition::Contiguous},
    {"threads round-robin", Runtime::Threads, Partition::RoundRobin},
    {"stealing", Runtime::Stealing, Partition::Contiguous},
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

QByteArray loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed() : QByteArray("unknown");
}

RunResult runOnce(const std::shared_ptr<const TaskPlan> &plan, const Variant &v, int loops,
                  double nsPerIter)
{
    RunConfig config{loops, v.partition};
    config.runtime = v.runtime;
    RunResult r = runBlocking(plan, config, nsPerIter);
    if (!r.completed())
        std::fprintf(stderr, "%s: %s\n", v.name, qPrintable(r.error));
    return r;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const BenchArgs args(app.arguments());
    const int loops = args.integer(QLatin1String("--loops"), 2);
    const int seeds = args.integer(QLatin1String("--seeds"), 3);
    const int repeats = args.integer(QLatin1String("--repeat"), 3);
    const int tasks = args.integer(QLatin1String("--tasks"), 2000);
    const double nsPerIter = calibrateNsPerIteration(Kernel::Sum);
    std::printf("load average before: %s\n", loadAverage().constData());
    std::printf("skewed: %d tasks, io 0:1000 ms, cpu 100k:200M pareto:median=500k,p99=20M, "
                "K = %d, median of %d\n",
                tasks, loops, repeats);
    std::printf("%-5s %-20s %9s %9s %7s %7s\n", "seed", "runtime", "wall ms", "bound ms", "eff",
                "moved");
    for (int seed = 1; seed <= seeds; ++seed) {
        WorkloadSpec spec;
        spec.tasks = tasks;
        spec.ioMinMs = 0;
        spec.ioMaxMs = 1000;
        spec.cpuMin = 100'000;
        spec.cpuMax = 200'000'000;
        spec.cpuDist = Distribution::pareto(500'000, 20'000'000);
        spec.seed = std::uint64_t(seed);
        const auto plan = std::make_shared<const TaskPlan>(TaskPlan::generate(spec));
        std::vector<double> wall[3], bound[3], eff[3], moved[3];
        for (int rep = 0; rep < repeats; ++rep) {
            for (int v = 0; v < 3; ++v) {
                const RunResult r = runOnce(plan, kVariants[v], loops, nsPerIter);
                wall[v].push_back(r.wallMs);
                bound[v].push_back(r.idealMs);
                eff[v].push_back(r.efficiency);
                moved[v].push_back(double(r.tasksMoved));
            }
        }
        for (int v = 0; v < 3; ++v) {
            std::printf("%-5d %-20s %9.0f %9.0f %7.3f %7.0f\n", seed, kVariants[v].name,
                        median(wall[v]), median(bound[v]), median(eff[v]), median(moved[v]));
        }
    }

    WorkloadSpec uniform;
    uniform.tasks = 4000;
    uniform.ioMinMs = 200;
    uniform.ioMaxMs = 1000;
    uniform.cpuMin = 100'000;
    uniform.cpuMax = 500'000;
    const auto plan = std::make_shared<const TaskPlan>(TaskPlan::generate(uniform));
    std::vector<double> threadsWall, stealingWall;
    for (int rep = 0; rep < std::max(repeats, 5); ++rep) {
        threadsWall.push_back(runOnce(plan, kVariants[0], loops, nsPerIter).wallMs);
        stealingWall.push_back(runOnce(plan, kVariants[2], loops, nsPerIter).wallMs);
    }
    const double t = median(threadsWall);
    const double s = median(stealingWall);
    std::printf("uniform: 4000 tasks, io 200:1000 ms, cpu 100k:500k, K = %d, median of %zu: "
                "threads %.0f ms, stealing %.0f ms, stealing/threads %.3f\n",
                loops, threadsWall.size(), t, s, s / t);
    std::printf("load average after: %s\n", loadAverage().constData());
    return 0;
}
