// SPDX-License-Identifier: MIT
// How late a bare TimerQueue wakes its sleeps on an idle event loop (no engine, no shards):
//
//   bench_timerqueue [--rounds N]
//
// 1. 400 sleeps pushed out of order over 200 ms: median and max lateness per round.
// 2. One sleep due at 100 ms and one at 500 ms: when each wakes, relative to its deadline.
// Figures only; nothing here fails on a time. Expected on an idle machine: median < 2 ms (the
// PreciseTimer counts whole milliseconds), max < 30 ms, and the 500 ms sleep still pending when
// the 100 ms one has woken.
#include "core/analysis/statistics.h"
#include "core/base/clock.h"
#include "core/engine/timerqueue.h"
#include "tests/bench/benchargs.h"

#include <QCoreApplication>
#include <QCoroTask>

#include <cstdio>
#include <vector>

namespace {

constexpr std::int64_t kMs = 1'000'000;

struct Wakes
{
    std::vector<std::int64_t> lateNs;
    std::size_t target = 0;
};

QCoro::Task<> sleeper(TimerQueue &queue, std::int64_t dueNs, Wakes &wakes)
{
    co_await queue.sleepUntil(dueNs);
    wakes.lateNs.push_back(nowNs() - dueNs);
    if (wakes.lateNs.size() == wakes.target)
        QCoreApplication::quit();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int rounds =
        std::max(1, BenchArgs(app.arguments()).integer(QLatin1String("--rounds"), 5));

    std::printf("400 unordered sleeps over 200 ms on one idle loop, %d rounds\n", rounds);
    for (int r = 0; r < rounds; ++r) {
        TimerQueue queue;
        Wakes wakes;
        wakes.target = 400;
        const std::int64_t t0 = nowNs() + 5 * kMs;
        for (int i = 0; i < 400; ++i)
            (void)sleeper(queue, t0 + (i % 200) * kMs + (i * 7919 % 1000) * 1000, wakes);
        app.exec();
        std::vector<double> lateMs;
        for (std::int64_t ns : wakes.lateNs)
            lateMs.push_back(nsToMs(ns));
        std::printf("  round %d: median %6.3f ms  p99 %6.3f ms  max %6.3f ms\n", r + 1,
                    percentile(lateMs, 0.5), percentile(lateMs, 0.99), percentile(lateMs, 1));
    }

    std::printf("a 100 ms and a 500 ms sleep, %d rounds\n", rounds);
    for (int r = 0; r < rounds; ++r) {
        TimerQueue queue;
        Wakes wakes;
        wakes.target = 2;
        const std::int64_t t0 = nowNs();
        (void)sleeper(queue, t0 + 500 * kMs, wakes);
        (void)sleeper(queue, t0 + 100 * kMs, wakes);
        app.exec();
        std::printf("  round %d: 100 ms sleep woke %6.3f ms late, 500 ms sleep %6.3f ms late\n",
                    r + 1, nsToMs(wakes.lateNs[0]), nsToMs(wakes.lateNs[1]));
    }
    return 0;
}
