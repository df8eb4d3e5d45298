// SPDX-License-Identifier: MIT
// Cancellation latency: time from setting the cancel flag to runBlocking() returning with every
// shard thread joined, in the situations where a slow cancel would hurt most.
//
//   bench_cancel [--trials N]
//
// Prints min / median / max over N trials (default 10) per scenario. The target is 200 ms.
#include "core/analysis/statistics.h"
#include "core/base/clock.h"
#include "core/engine/shardset.h"
#include "core/workload/taskplan.h"
#include "tests/support/testplans.h"

#include <QCoreApplication>

#include <cstdio>
#include <thread>

namespace {

struct Scenario
{
    const char *name;
    WorkloadSpec spec;
    int shards;
    int cancelAfterMs;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int trials = 10;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--trials"))
            trials = std::max(1, args[++i].toInt());
    }
    using testplans::workload;
    const Scenario scenarios[] = {
        {"during thread start (1024 shards)", workload(2048, 0, 100, 0, 0), 1024, 40},
        {"during 1e9-iteration CPU bursts", workload(8, 0, 0, 1'000'000'000, 1'000'000'000), 2,
         100},
        {"during a million sleeping tasks", workload(1'000'000, 10'000, 20'000, 0, 0), 2, 300},
    };
    std::printf("cancel latency, %d trials each: flag set -> every shard joined\n", trials);
    for (const Scenario &s : scenarios) {
        const auto plan = std::make_shared<const TaskPlan>(TaskPlan::generate(s.spec));
        std::vector<double> latencies;
        for (int t = 0; t < trials; ++t) {
            std::atomic<bool> cancel{false};
            std::atomic<std::int64_t> cancelledAt{0};
            std::thread canceller([&] {
                std::this_thread::sleep_for(std::chrono::milliseconds(s.cancelAfterMs));
                cancelledAt.store(nowNs());
                cancel.store(true);
            });
            const RunResult r = runBlocking(plan, RunConfig{s.shards}, 1.0, &cancel);
            const std::int64_t returned = nowNs();
            canceller.join();
            if (r.status == RunStatus::Cancelled)
                latencies.push_back(nsToMs(returned - cancelledAt.load()));
        }
        if (latencies.empty()) {
            std::printf("  %-36s finished before the cancel\n", s.name);
            continue;
        }
        const double lo = percentile(latencies, 0), med = percentile(latencies, 0.5),
                     hi = percentile(latencies, 1);
        std::printf("  %-36s min %6.1f ms  median %6.1f ms  max %6.1f ms  (%zu cancelled)\n",
                    s.name, lo, med, hi, latencies.size());
    }
    return 0;
}
