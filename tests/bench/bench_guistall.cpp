// SPDX-License-Identifier: MIT
// GUI-thread stalls while the engine runs a CPU-heavy plan: the GUI's own StallMeter beats on
// this (main) thread every 10 ms while K shard threads burn every core, and the lateness of its
// beats is printed per K. The target is p99 <= 16 ms (one 60 Hz frame) at any K.
//
//   bench_guistall [--shards K] [--tasks N] [--seconds S] [--frame-ms F] [--io-min A --io-max B]
//                  [--no-window-group] [--schedule fair|protective]
//
// Beside each K's stall it prints what this thread did meanwhile: its own CPU time per second
// (the beats, the redraws, the engine's resumption) and how often it woke (voluntary context
// switches per second), the two things that decide how long a thread of ordinary weight waits
// among K busy ones. This thread joins the window's cpu group, as the app's GUI thread does
// (ShardCpuGroup::window()); --no-window-group leaves it in the process's group. --schedule runs
// every K at that shard schedule instead of the one ThreadSchedule::forRun() picks.
//
// Default K = 1, 2, 4, 8, 16, 64, 128 and 1,024; S seconds of CPU in all (default 6) over N tasks
// (default 4,000), A-B ms of IO each (default 0-20; the original experiment's 200-1000 is the hard
// case: long sleeps, so shards come and go on the run queues). --frame-ms F spends F ms of CPU on
// this thread every 250 ms, as the live charts do when they redraw (default 2). Also prints the
// policy, nice value, slice and cpu cgroup of the shard threads, read while they run, and why there
// is no shard group where there is none. Figures only; nothing fails on a time.
#include "core/engine/engine.h"
#include "core/engine/runresult.h"
#include "core/system/shardcpugroup.h"
#include "core/system/threadschedule.h"
#include "core/workload/kernel.h"
#include "tests/bench/benchargs.h"
#include "tests/support/testplans.h"
#include "ui/control/stallmeter.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>
#include <QTimer>

#include <QCoroTask>

#include <sched.h>
#include <time.h>

#include <cstdio>
#include <future>
#include <optional>
#include <set>

namespace {

// "nice 19 SCHED_BATCH slice 10 ms, cpu cgroup /loopbench-123": the distinct schedules and cpu
// cgroups of this process's shard threads.
QString shardSchedules()
{
    std::set<QString> seen;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        if (!comm.open(QIODevice::ReadOnly) || !comm.readAll().startsWith("shard-"))
            continue;
        const auto s = ThreadSchedule::readThread(tid.toInt());
        if (!s)
            continue;
        const char *name = s->policy == SCHED_BATCH  ? "SCHED_BATCH"
                           : s->policy == SCHED_IDLE ? "SCHED_IDLE"
                                                     : "SCHED_OTHER";
        const QString slice = s->sliceNs > 0
                                  ? QStringLiteral("slice %1 ms").arg(double(s->sliceNs) / 1e6)
                                  : QStringLiteral("default slice");
        seen.insert(QStringLiteral("nice %1 %2 %3, cpu cgroup %4")
                        .arg(s->nice)
                        .arg(QLatin1String(name), slice, ShardCpuGroup::pathOfThread(tid.toInt())));
    }
    return seen.empty() ? QStringLiteral("(no shard thread seen)")
                        : QStringList(seen.begin(), seen.end()).join(QStringLiteral(", "));
}

// This thread's voluntary context switches so far: each is a sleep, so each wake-up follows one.
long long wakeUps()
{
    QFile status(QStringLiteral("/proc/thread-self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("voluntary_ctxt_switches:"))
            return line.mid(24).trimmed().toLongLong();
    }
    return -1;
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

void burn(double ms)
{
    QElapsedTimer t;
    t.start();
    volatile double x = 0;
    while (double(t.nsecsElapsed()) < ms * 1e6)
        x = x + 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const BenchArgs args(app.arguments());
    const int only = args.integer(QLatin1String("--shards"), 0);
    const int tasks = args.integer(QLatin1String("--tasks"), 4000);
    const double seconds = args.number(QLatin1String("--seconds"), 6.0);
    const double frameMs = args.number(QLatin1String("--frame-ms"), 2.0);
    const int ioMin = args.integer(QLatin1String("--io-min"), 0);
    const int ioMax = args.integer(QLatin1String("--io-max"), 20);
    const int at = int(app.arguments().indexOf(QStringLiteral("--schedule")));
    const std::optional<ShardSchedule> schedule =
        at > 0 && at + 1 < app.arguments().size()
            ? shardScheduleFromName(app.arguments().at(at + 1))
            : std::nullopt;
    const QList<int> shardCounts =
        only > 0 ? QList<int>{only} : QList<int>{1, 2, 4, 8, 16, 64, 128, 1024};

    const double nsPerIter = calibrateNsPerIteration(Kernel::Sum);
    const auto meanIters = static_cast<std::uint64_t>(seconds * 1e9 / tasks / nsPerIter);
    const auto plan = testplans::makePlan(tasks, ioMin, ioMax, meanIters / 2, meanIters * 3 / 2);
    std::printf("gui stall: %d tasks, io %d:%d ms, ~%.1f s of CPU, %d logical CPUs, %.1f ms of "
                "GUI work every 250 ms\n",
                tasks, ioMin, ioMax, seconds, QThread::idealThreadCount(), frameMs);
    // As the app does (ui/window/gui.cpp), unless --no-window-group.
    if (!args.flag(QLatin1String("--no-window-group")) && !ShardCpuGroup::window().joinThisThread())
        std::printf("no cpu cgroup for the window: %s\n",
                    qPrintable(ShardCpuGroup::window().why()));
    if (!ShardCpuGroup::instance().available())
        std::printf("no cpu cgroup for the shards: %s\n",
                    qPrintable(ShardCpuGroup::instance().why()));
    std::printf("  %5s %9s %9s %9s %7s %9s %10s %9s %11s  %s\n", "K", "p50 ms", "p99 ms", "max ms",
                "beats", "wall ms", "schedule", "gui ms/s", "wake-ups/s", "shard threads");

    for (int k : shardCounts) {
        Engine engine;
        StallMeter meter;
        QString priorities;
        QTimer frame; // the redraws the live charts cost
        frame.setInterval(250);
        QObject::connect(&frame, &QTimer::timeout, &frame, [&] { burn(frameMs); });
        // Read the shard threads' priorities off this thread: at K = 1024 the scan of /proc takes
        // ~50 ms, which on this thread would be a stall of the bench's own making.
        std::future<QString> seenPriorities = std::async(std::launch::async, [] {
            QThread::msleep(500);
            return shardSchedules();
        });
        RunConfig config{k, Partition::Contiguous, false};
        config.schedule = schedule;
        QCoro::Task<RunResult> running = engine.run(plan, config, nsPerIter);
        QElapsedTimer elapsed;
        elapsed.start();
        const double cpuBefore = threadCpuMs();
        const long long wokenBefore = wakeUps();
        meter.start();
        frame.start();
        // Spins this thread's event loop (the beats, the redraws) until the run has joined.
        const RunResult result = QCoro::waitFor(running);
        meter.stop();
        frame.stop();
        const double spanS = double(elapsed.nsecsElapsed()) / 1e9;
        const double guiMsPerS = (threadCpuMs() - cpuBefore) / spanS;
        const double wakeUpsPerS = double(wakeUps() - wokenBefore) / spanS;
        priorities = seenPriorities.get();
        const StallMeter::Stats s = meter.stats();
        std::printf("  %5d %9.2f %9.2f %9.2f %7lld %9.0f %10s %9.1f %11.0f  %s\n", k, s.p50Ms,
                    s.p99Ms, s.maxMs, static_cast<long long>(s.beats), result.wallMs,
                    qPrintable(shardScheduleName(result.schedule)), guiMsPerS, wakeUpsPerS,
                    qPrintable(priorities));
        std::fflush(stdout);
    }
    return 0;
}
