// SPDX-License-Identifier: MIT
// Timer-queue throughput and memory: a million concurrent IO sleeps on one event loop.
//
//   bench_timers [--tasks N] [--shards K] [--qtimer]
//
// Default: 1,000,000 tasks, io 200:1000 ms, no CPU work, one loop. Ideal wall time is the longest
// IO delay (1.0 s): everything above it is timer and coroutine overhead. Prints wall, lag
// percentiles, peak RSS, bytes per task and the rate at which each loop created its tasks. --qtimer
// runs the same sleeps with one QTimer per task (QCoro::sleepFor) for comparison; keep --tasks at
// 100000 or less there, it is O(n^2).
#include "core/base/clock.h"
#include "core/engine/shardset.h"
#include "core/workload/taskplan.h"
#include "tests/bench/benchargs.h"

#include <QCoreApplication>
#include <QCoroTimer>
#include <QTimer>

#include <sys/resource.h>

#include <cstdio>

namespace {

long peakRssKb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

QCoro::Task<> qtimerTask(std::chrono::milliseconds delay, int &remaining)
{
    co_await QCoro::sleepFor(delay);
    if (--remaining == 0)
        QCoreApplication::quit();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const BenchArgs args(app.arguments());
    const int tasks = args.integer(QLatin1String("--tasks"), 1'000'000);
    const int shards = args.integer(QLatin1String("--shards"), 1);
    const bool qtimer = args.flag(QLatin1String("--qtimer"));
    WorkloadSpec spec;
    spec.tasks = tasks;
    spec.cpuMin = spec.cpuMax = 0;
    if (!spec.validate().isEmpty() || shards < 1) {
        std::fprintf(stderr, "bad --tasks or --shards\n");
        return 2;
    }
    const long rssBeforeKb = peakRssKb();
    const auto plan = std::make_shared<const TaskPlan>(TaskPlan::generate(spec));

    if (qtimer) {
        int remaining = tasks;
        const std::int64_t start = nowNs();
        for (std::size_t i = 0; i < plan->size(); ++i)
            (void)qtimerTask(std::chrono::milliseconds(plan->ioUs(i) / 1000), remaining);
        app.exec();
        std::printf("qtimer-per-task: %d tasks, wall %.3f s (ideal %.3f s), peak RSS %.1f MB\n",
                    tasks, nsToMs(nowNs() - start) / 1000, nsToMs(plan->maxIoNs()) / 1000,
                    double(peakRssKb()) / 1024);
        return 0;
    }

    ShardSet set(plan, RunConfig{shards}, 1.0);
    set.launch();
    set.join(ULONG_MAX);
    // Creation: from t0 to the last coroutine of a slice created; the slowest loop is quoted.
    std::int64_t createdNs = 0;
    std::int64_t createdTasks = 0;
    for (const auto &shard : set.shards()) {
        const ShardReport report = shard->report();
        if (report.createdNs > createdNs) {
            createdNs = report.createdNs;
            createdTasks = report.tasks;
        }
    }
    const RunResult r = set.result();
    const long peakKb = peakRssKb();
    std::printf("timer queue: %d tasks on %d loop%s, io 200:1000 ms, cpu 0\n", tasks, shards,
                shards == 1 ? "" : "s");
    std::printf("  wall          %.3f s   (longest io %.3f s; overhead %.3f s)\n", r.wallMs / 1000,
                nsToMs(plan->maxIoNs()) / 1000, (r.wallMs - nsToMs(plan->maxIoNs())) / 1000);
    std::printf("  throughput    %.0f tasks/s\n", r.throughputTps);
    std::printf("  creation      %.1f M tasks/s per loop (%lld tasks in %.1f ms after t0)\n",
                createdNs > 0 ? double(createdTasks) * 1e3 / double(createdNs) : 0.0,
                static_cast<long long>(createdTasks), nsToMs(createdNs));
    std::printf("  lag           p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", r.lagMs.p50, r.lagMs.p99,
                r.lagMs.max);
    std::printf("  thread start  %.3f ms, join %.3f ms\n", r.startOverheadMs, r.joinOverheadMs);
    std::printf("  peak RSS      %.1f MB   (%.0f bytes per task above the %.1f MB baseline)\n",
                double(peakKb) / 1024, double(peakKb - rssBeforeKb) * 1024 / tasks,
                double(rssBeforeKb) / 1024);
    std::printf("  status        %s, %lld/%lld tasks\n", qPrintable(runStatusName(r.status)),
                static_cast<long long>(r.tasksDone), static_cast<long long>(r.tasks));
    return r.completed() ? 0 : 1;
}
