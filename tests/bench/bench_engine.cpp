// SPDX-License-Identifier: MIT
// Engine timing on an idle machine: event-loop lag of a shard that does no CPU work, how far the
// last shard's finish stamp trails the run's wall time, and thread start/join overhead.
//
//   bench_engine [--rounds N]
//
// Figures only, for resources/doc/performance.md and for spotting regressions by eye; nothing here
// fails on a time. Expected on an idle 2-core VM: idle-shard lag p50 < 2 ms and p99 < 15 ms, wall
// within a few ms of the longest IO (200 ms), last finish a few us after wall, start/join well
// under 10 ms.
#include "core/analysis/statistics.h"
#include "core/base/clock.h"
#include "core/engine/shardset.h"
#include "tests/bench/benchargs.h"
#include "tests/support/runblocking.h"
#include "tests/support/testplans.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdio>

namespace {

struct Range
{
    std::vector<double> values;
    void add(double v) { values.push_back(v); }
    void print(const char *name, const char *unit)
    {
        std::printf("  %-28s min %8.3f  median %8.3f  max %8.3f %s\n", name, percentile(values, 0),
                    percentile(values, 0.5), percentile(values, 1), unit);
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int rounds =
        std::max(1, BenchArgs(app.arguments()).integer(QLatin1String("--rounds"), 5));

    // One loop, 2000 sleeps of 0-200 ms and no CPU work: all lag is the loop's own.
    const auto idle = testplans::makePlan(2000, 0, 200, 0, 0);
    Range lagP50, lagP99, lagMax, wallOverIo;
    for (int r = 0; r < rounds; ++r) {
        const RunResult run = runBlocking(idle, RunConfig{1, Partition::Contiguous, false}, 1.0);
        lagP50.add(run.lagMs.p50);
        lagP99.add(run.lagMs.p99);
        lagMax.add(run.lagMs.max);
        wallOverIo.add(run.wallMs - nsToMs(idle->maxIoNs()));
    }
    std::printf("idle shard: 2000 tasks, io 0:200 ms, cpu 0, 1 loop, %d rounds\n", rounds);
    lagP50.print("lag p50", "ms");
    lagP99.print("lag p99", "ms");
    lagMax.print("lag max", "ms");
    wallOverIo.print("wall - longest io", "ms");

    // The checksum test's plan on 1-8 loops: where the finish stamps and overheads fall.
    const auto mixed = testplans::makePlan(3000, 0, 30, 1000, 20000);
    std::printf("mixed: 3000 tasks, io 0:30 ms, cpu 1k:20k, %d rounds per K\n", rounds);
    for (int k : {1, 2, 4, 8}) {
        Range finishAfterWall, start, join;
        for (int r = 0; r < rounds; ++r) {
            const RunResult run = runBlocking(mixed, RunConfig{k}, 1.0);
            double lastFinish = 0;
            for (const ShardStats &s : run.perShard)
                lastFinish = std::max(lastFinish, s.finishMs);
            finishAfterWall.add((lastFinish - run.wallMs) * 1000);
            start.add(run.startOverheadMs);
            join.add(run.joinOverheadMs);
        }
        std::printf(" K = %d\n", k);
        finishAfterWall.print("last shard finish - wall", "us");
        start.print("thread start", "ms");
        join.print("thread join", "ms");
    }
    return 0;
}
