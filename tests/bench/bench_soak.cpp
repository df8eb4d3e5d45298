// SPDX-License-Identifier: MIT
// Soak: many back-to-back runs in one process must leave nothing behind.
//
//   bench_soak [--runs N] [--tasks T]
//
// Runs N (default 200) small runs on 1, 2, 4 and 8 loops in turn, every fifth one cancelled
// mid-flight, and prints resident memory, thread count and open file descriptors after the
// 10th run (every K has run once) and after the last. Exits 1 if a thread or a descriptor leaked or
// RSS grew by more than 10%.
#include "core/base/clock.h"
#include "core/engine/shardset.h"
#include "core/workload/taskplan.h"
#include "tests/bench/benchargs.h"
#include "tests/support/runblocking.h"
#include "tests/support/testplans.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cstdio>
#include <thread>
#include <unistd.h>

namespace {

double rssMb()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toDouble() * double(sysconf(_SC_PAGESIZE)) / (1024 * 1024)
                             : 0;
}

qsizetype entries(const char *dir)
{
    return QDir(QString::fromLatin1(dir)).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).size();
}

struct Snapshot
{
    double rss;
    qsizetype threads;
    qsizetype fds;
};

Snapshot snapshot()
{
    // QThread::wait() returns when a thread's function has finished; the kernel reaps the thread
    // a moment later. Give it that moment, or a joined thread is counted as a leak.
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    return {rssMb(), entries("/proc/self/task"), entries("/proc/self/fd")};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const BenchArgs args(app.arguments());
    const int runs = args.integer(QLatin1String("--runs"), 200);
    const int tasks = args.integer(QLatin1String("--tasks"), 5000);
    const auto plan = testplans::makePlan(tasks, 0, 20, 0, 20000);

    constexpr int kWarmupRuns = 10;
    if (runs <= kWarmupRuns) {
        std::fprintf(stderr, "--runs must be above %d\n", kWarmupRuns);
        return 2;
    }
    Snapshot first{};
    int completed = 0, cancelled = 0;
    const std::int64_t start = nowNs();
    for (int i = 0; i < runs; ++i) {
        const int shards = 1 << (i % 4);
        std::atomic<bool> cancel{false};
        std::thread canceller;
        if (i % 5 == 4) {
            canceller = std::thread([&cancel] {
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
                cancel.store(true);
            });
        }
        const RunResult r = runBlocking(plan, RunConfig{shards}, 1.0, &cancel);
        if (canceller.joinable())
            canceller.join();
        completed += r.completed() ? 1 : 0;
        cancelled += r.status == RunStatus::Cancelled ? 1 : 0;
        // The baseline is taken once every K (and a cancel) has run: glibc gives each new thread
        // its own malloc arena, so the first 8-loop run grows RSS once, by design, not by leak.
        if (i == kWarmupRuns - 1)
            first = snapshot();
    }
    const Snapshot last = snapshot();
    std::printf("soak: %d runs of %d tasks (K = 1,2,4,8; every 5th cancelled) in %.1f s: "
                "%d completed, %d cancelled\n",
                runs, tasks, nsToMs(nowNs() - start) / 1000, completed, cancelled);
    std::printf("  after run %d:  RSS %.1f MB, %lld threads, %lld fds\n", kWarmupRuns, first.rss,
                static_cast<long long>(first.threads), static_cast<long long>(first.fds));
    std::printf("  after run %d: RSS %.1f MB, %lld threads, %lld fds\n", runs, last.rss,
                static_cast<long long>(last.threads), static_cast<long long>(last.fds));
    const bool leaked =
        last.threads > first.threads || last.fds > first.fds || last.rss > first.rss * 1.10;
    std::printf("  %s\n", leaked ? "LEAK: something grew" : "flat: nothing left behind");
    return leaked ? 1 : 0;
}
