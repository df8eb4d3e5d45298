// SPDX-License-Identifier: MIT
// A run on a busy machine: 1 loop against K loops of one plan, first quiet, then beside busy
// programs of another process that this bench starts itself (`yes` into /dev/null, the busiest
// ordinary program there is). Prints, for each, the median wall time per K, the speedup, the
// efficiency against the bound (P = min(K, CPUs), measured CPU work) and what the machine load
// check saw, so that a run getting an ordinary program's share of the CPUs, and a bound that
// shows what the others took, can be read off one screen. Also prints what one read of the
// thread CPU clock and of the monotonic clock costs here (Shard reads the first around every
// kernel), and the load average before it starts (how quiet "quiet" was).
//
//   bench_busy [--tasks N] [--io-min A --io-max B] [--cpu-min C --cpu-max D] [--shards K]
//              [--hogs H] [--repeat R]
//
// Default: the original experiment's plan at 4,000 tasks (IO 200-1000 ms, CPU 100k-500k
// iterations), K = 2, H = 1 busy program, R = 3 runs per K, interleaved. Figures only.
#include "core/experiment/experiment.h"
#include "core/experiment/experimentsummary.h"
#include "core/workload/kernel.h"
#include "tests/bench/benchargs.h"
#include "tests/support/runexperiment.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QThread>

#include <time.h>

#include <cstdio>
#include <memory>
#include <vector>

namespace {

// ns of this thread's CPU per clock_gettime(clock), over a million reads: CPU time, so that
// other programs taking the CPU meanwhile do not count.
double readCostNs(clockid_t clock)
{
    constexpr int kReads = 1'000'000;
    timespec ts{};
    long sink = 0;
    timespec start{}, end{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start);
    for (int i = 0; i < kReads; ++i) {
        clock_gettime(clock, &ts);
        sink += ts.tv_nsec;
    }
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end);
    if (sink == 42)
        std::printf(" ");
    return (double(end.tv_sec - start.tv_sec) * 1e9 + double(end.tv_nsec - start.tv_nsec)) / kReads;
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2);
}

void printExperiment(const char *label, const ExperimentResult &result)
{
    const ExperimentSummary &s = result.summary;
    double others = 0;
    int counted = 0;
    for (const RunResult &r : result.runs) {
        if (r.othersCpuFraction >= 0) {
            others += r.othersCpuFraction;
            ++counted;
        }
    }
    std::printf("%s (others used %.0f %% of the CPUs on average):\n", label,
                counted > 0 ? others / counted * 100 : -1.0);
    std::printf("  %5s %5s %11s %9s %11s %11s %9s  %s\n", "K", "runs", "wall s med", "speedup",
                "efficiency", "work s med", "ideal s", "schedule");
    for (const ConfigSummary &c : s.configs) {
        ShardSchedule schedule = ShardSchedule::Fair;
        for (const RunResult &r : result.runs) {
            if (r.shards == c.shards)
                schedule = r.schedule;
        }
        std::printf("  %5d %5d %11.3f %8.2fx %11.3f %11.3f %9.3f  %s\n", c.shards, c.completedRuns,
                    c.wallMs.median / 1000, c.speedup.value, c.efficiency.median,
                    c.workMs.median / 1000, c.idealMs.median / 1000,
                    qPrintable(shardScheduleName(schedule)));
    }
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const BenchArgs args(app.arguments());
    ExperimentSpec spec;
    spec.workload.tasks = args.integer(QLatin1String("--tasks"), 4000);
    spec.workload.ioMinMs = args.integer(QLatin1String("--io-min"), 200);
    spec.workload.ioMaxMs = args.integer(QLatin1String("--io-max"), 1000);
    spec.workload.cpuMin = std::uint64_t(args.number(QLatin1String("--cpu-min"), 100000));
    spec.workload.cpuMax = std::uint64_t(args.number(QLatin1String("--cpu-max"), 500000));
    const int shards = args.integer(QLatin1String("--shards"), 2);
    const int hogs = args.integer(QLatin1String("--hogs"), 1);
    spec.shardCounts = {1, shards};
    spec.repeats = args.integer(QLatin1String("--repeat"), 3);
    if (const FieldErrors errors = spec.validate(); !errors.isEmpty()) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(errors.first().field),
                     qPrintable(errors.first().message));
        return 2;
    }
    std::printf("busy machine: %d tasks, io %d:%d ms, cpu %llu:%llu iterations, K = 1 vs %d, "
                "%d run(s) each, %d logical CPUs, load average %s\n",
                spec.workload.tasks, spec.workload.ioMinMs, spec.workload.ioMaxMs,
                static_cast<unsigned long long>(spec.workload.cpuMin),
                static_cast<unsigned long long>(spec.workload.cpuMax), shards, spec.repeats,
                QThread::idealThreadCount(), qPrintable(loadAverage()));
    std::printf("one clock read: CLOCK_THREAD_CPUTIME_ID %.0f ns, CLOCK_MONOTONIC %.0f ns\n",
                readCostNs(CLOCK_THREAD_CPUTIME_ID), readCostNs(CLOCK_MONOTONIC));
    std::fflush(stdout);

    printExperiment("quiet", testexperiments::runExperiment(spec));

    std::vector<std::unique_ptr<QProcess>> busy;
    for (int i = 0; i < hogs; ++i) {
        auto p = std::make_unique<QProcess>();
        p->setStandardOutputFile(QProcess::nullDevice());
        p->start(QStringLiteral("yes"), {});
        if (!p->waitForStarted()) {
            std::fprintf(stderr, "cannot start yes: %s\n", qPrintable(p->errorString()));
            return 1;
        }
        busy.push_back(std::move(p));
    }
    QThread::msleep(200); // the busy programs are running flat out
    const QString label = QStringLiteral("beside %1 busy program%2 (yes > /dev/null)")
                              .arg(hogs)
                              .arg(hogs == 1 ? QString() : QStringLiteral("s"));
    printExperiment(qPrintable(label), testexperiments::runExperiment(spec));
    for (auto &p : busy) {
        p->kill();
        p->waitForFinished();
    }
    return 0;
}
