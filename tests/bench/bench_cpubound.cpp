// SPDX-License-Identifier: MIT
// CPU-bound scaling: how close K loops come to K times one loop, and to the ideal bound.
//
//   bench_cpubound [--tasks N] [--seconds S] [--shards K] [--repeat R]
//
// Sizes the CPU work from the calibration so that the whole plan is about S seconds of CPU
// (default 4,000 tasks and 8 s: 2 ms per task on average, iterations uniform in [0.5, 1.5] x mean),
// with the original 200-1000 ms IO in front. Runs 1 loop and K loops (default: logical CPUs) on
// the same plan, R times interleaved, and prints wall, speedup and efficiency against T*.
#include "core/experiment/experiment.h"
#include "core/report/textreport.h"
#include "core/workload/kernel.h"
#include "tests/bench/benchargs.h"
#include "tests/support/runexperiment.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const BenchArgs args(app.arguments());
    const int tasks = args.integer(QLatin1String("--tasks"), 4000);
    const double seconds = args.number(QLatin1String("--seconds"), 8.0);
    const int shards = args.integer(QLatin1String("--shards"), QThread::idealThreadCount());
    const int repeats = args.integer(QLatin1String("--repeat"), 1);
    const double nsPerIter = calibrateNsPerIteration(Kernel::Sum);
    const double meanIters = seconds * 1e9 / tasks / nsPerIter;

    ExperimentSpec spec;
    spec.workload.tasks = tasks;
    spec.workload.cpuMin = static_cast<std::uint64_t>(meanIters * 0.5);
    spec.workload.cpuMax = static_cast<std::uint64_t>(meanIters * 1.5);
    spec.shardCounts = shards == 1 ? QList<int>{1} : QList<int>{1, shards};
    spec.repeats = repeats;
    if (const FieldErrors errors = spec.validate(); !errors.isEmpty()) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(errors.first().field),
                     qPrintable(errors.first().message));
        return 2;
    }
    std::printf("cpu-bound: %d tasks, io 200:1000 ms, cpu %llu:%llu iterations (~%.1f s of CPU at "
                "%.3f ns/iter), %d logical CPUs\n",
                tasks, static_cast<unsigned long long>(spec.workload.cpuMin),
                static_cast<unsigned long long>(spec.workload.cpuMax), seconds, nsPerIter,
                QThread::idealThreadCount());
    const ExperimentResult result = testexperiments::runExperiment(spec);
    std::printf("%s", qPrintable(experimentTable(result)));
    return 0;
}
