// SPDX-License-Identifier: MIT
// Cancellation latency: time from setting the cancel flag to the cancelled work having returned
// (for a run: runBlocking() returning, every shard thread joined), in the situations where a slow
// cancel would hurt most, and in every phase of a run of ten million tasks.
//
//   bench_cancel [--trials N] [--tasks N]
//
// Prints min / median / max over N trials (default 10; 3 for the large phases) per scenario. The
// target is 200 ms everywhere.
#include "core/analysis/statistics.h"
#include "core/base/clock.h"
#include "core/engine/shardset.h"
#include "core/experiment/experiment.h"
#include "core/experiment/experimentrunner.h"
#include "core/report/csvreport.h"
#include "core/workload/taskplan.h"
#include "tests/support/runblocking.h"
#include "tests/support/testplans.h"

#include <QCoreApplication>
#include <QTimer>

#include <QCoroTask>

#include <cstdio>
#include <functional>
#include <thread>

namespace {

struct Scenario
{
    const char *name;
    WorkloadSpec spec;
    int shards;
    int cancelAfterMs;
};

void printLatencies(const char *name, std::vector<double> latencies, std::size_t trials)
{
    if (latencies.empty()) {
        std::printf("  %-44s finished before the cancel\n", name);
        return;
    }
    const double lo = percentile(latencies, 0), med = percentile(latencies, 0.5),
                 hi = percentile(latencies, 1);
    std::printf("  %-44s min %6.1f ms  median %6.1f ms  max %6.1f ms  (%zu of %zu cancelled)\n",
                name, lo, med, hi, latencies.size(), trials);
    std::fflush(stdout);
}

// Runs `work` on a thread, calls `cancel` once `ready` says the phase is under way (polled every
// millisecond) and returns the ms from the cancel to `work` returning; -1 when `work` returned
// before the cancel, or `cancelled` says it ran to completion.
double cancelLatency(const std::function<void()> &work, const std::function<bool()> &ready,
                     const std::function<void()> &cancel, const std::function<bool()> &cancelled)
{
    std::atomic<bool> done{false};
    std::atomic<std::int64_t> returnedAt{0};
    std::thread worker([&] {
        work();
        returnedAt.store(nowNs());
        done.store(true);
    });
    while (!done.load() && !ready())
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const std::int64_t cancelledAt = nowNs();
    cancel();
    worker.join();
    if (returnedAt.load() < cancelledAt || !cancelled())
        return -1;
    return nsToMs(returnedAt.load() - cancelledAt);
}

// True once `ms` have passed since the first call of the returned function's owner.
std::function<bool()> after(int ms)
{
    const std::int64_t start = nowNs();
    return [start, ms] { return nowNs() - start >= std::int64_t{ms} * 1'000'000; };
}

// True once a shard thread's CPU clock stood still for 30 ms: it is idle in its event loop, so
// every task of its slice exists and sleeps.
bool shardIdle(const ShardSet &set)
{
    if (set.shards().empty())
        return false;
    const clockid_t clock = set.shards().front()->cpuClock();
    auto cpuNs = [clock] {
        timespec ts{};
        clock_gettime(clock, &ts);
        return std::int64_t{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec;
    };
    const std::int64_t before = cpuNs();
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    return cpuNs() - before < 1'000'000;
}

// Every phase of one large run, each cancelled while it is under way.
void phases(int tasks, int trials)
{
    using testplans::workload;
    std::printf("\ncancel latency by phase, %d tasks on 1 shard, %d trials each:\n", tasks, trials);
    const WorkloadSpec sleeping = workload(tasks, 30'000, 60'000, 0, 0);
    const auto plan = std::make_shared<const TaskPlan>(TaskPlan::generate(sleeping));

    std::vector<double> draw, sort, create, run, summary, render;
    auto record = [](std::vector<double> &into, double ms) {
        if (ms >= 0)
            into.push_back(ms);
    };
    for (int t = 0; t < trials; ++t) {
        {
            std::atomic<bool> flag{false};
            TaskPlan drawn;
            record(draw, cancelLatency([&] { drawn = TaskPlan::generate(sleeping, &flag); },
                                       after(100), [&] { flag.store(true); },
                                       [&] { return drawn.size() < plan->size(); }));
        }
        {
            // Sorting happens before t0: a run cancelled then never took one.
            std::atomic<bool> flag{false};
            ShardSet set(plan, RunConfig{1}, 1.0);
            record(sort, cancelLatency(
                             [&] {
                                 set.launch(&flag);
                                 set.join(ULONG_MAX);
                             },
                             after(60), [&] { flag.store(true); },
                             [&] { return set.result().startOverheadMs == 0; }));
        }
        {
            std::atomic<bool> launched{false};
            std::atomic<std::int64_t> launchedAt{0};
            ShardSet set(plan, RunConfig{1}, 1.0);
            record(create,
                   cancelLatency(
                       [&] {
                           set.launch();
                           launchedAt.store(nowNs());
                           launched.store(true);
                           set.join(ULONG_MAX);
                       },
                       [&] { return launched.load() && nowNs() - launchedAt.load() > 100'000'000; },
                       [&] { set.cancel(); },
                       [&] { return set.result().status == RunStatus::Cancelled; }));
        }
        {
            std::atomic<bool> launched{false};
            ShardSet set(plan, RunConfig{1}, 1.0);
            record(run,
                   cancelLatency(
                       [&] {
                           set.launch();
                           launched.store(true);
                           set.join(ULONG_MAX);
                       },
                       [&] { return launched.load() && shardIdle(set); }, [&] { set.cancel(); },
                       [&] { return set.result().status == RunStatus::Cancelled; }));
        }
    }
    // A completed run to summarise and render: every task done at once.
    const auto quick =
        std::make_shared<const TaskPlan>(TaskPlan::generate(workload(tasks, 0, 0, 0, 0)));
    for (int t = 0; t < trials; ++t) {
        ShardSet set(quick, RunConfig{1}, 1.0);
        set.launch();
        set.join(ULONG_MAX);
        // ShardSet::cancel() once every shard has finished is what Engine::cancel() does while
        // the run is being summarised.
        RunResult r;
        record(summary, cancelLatency([&] { r = set.result(); }, after(50), [&] { set.cancel(); },
                                      [&] { return r.status == RunStatus::Cancelled; }));
    }
    {
        ShardSet set(quick, RunConfig{1}, 1.0);
        set.launch();
        set.join(ULONG_MAX);
        ExperimentResult result;
        result.runs.push_back(set.result());
        for (int t = 0; t < trials; ++t) {
            std::atomic<bool> flag{false};
            QByteArray csv;
            record(
                render,
                cancelLatency(
                    [&] { csv = tasksCsv(result, result.runs.front(), CsvMetadata::None, &flag); },
                    after(100), [&] { flag.store(true); }, [&] { return csv.isEmpty(); }));
        }
    }
    const auto n = static_cast<std::size_t>(trials);
    printLatencies("drawing the plan", draw, n);
    printLatencies("sorting the slice (before t0)", sort, n);
    printLatencies("creating the tasks (100 ms after t0)", create, n);
    printLatencies("running (every task sleeping)", run, n);
    printLatencies("summarising a completed run", summary, n);
    printLatencies("rendering tasks.csv", render, n);
}

// The experiment's own waits: a runner destroyed mid-run (what closing the window does through
// RunController::shutdown(): its Engine cancels and joins every shard before the destructor
// returns) and a cancel during the pause between runs (until the experiment's result is back).
// The unit tests only check that these end; their time is this figure.
void experimentRunner(int trials)
{
    std::printf("\nExperimentRunner, %d trials each:\n", trials);
    ExperimentSpec spec;
    spec.workload = testplans::workload(20000, 600'000, 1'200'000, 0, 0);
    spec.shardCounts = {4};
    ExperimentRunner::Options options;
    options.nsPerIter = 1.0;
    std::vector<double> destroy;
    for (int t = 0; t < trials; ++t) {
        auto runner = std::make_unique<ExperimentRunner>();
        QCoro::Task<ExperimentResult> task = runner->run(spec, options);
        const auto started = after(30'000);
        while (runner->progress().run.tasks == 0 && !started())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        const auto settled = after(200); // every task created and sleeping
        while (!settled())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        if (runner->progress().phase != ExperimentPhase::Running)
            continue; // never got under way: nothing to time
        const std::int64_t before = nowNs();
        runner.reset();
        destroy.push_back(nsToMs(nowNs() - before));
    }
    printLatencies("destroying the runner mid-run (window close)", destroy,
                   static_cast<std::size_t>(trials));

    ExperimentSpec paused;
    paused.workload = testplans::workload(100, 0, 1, 0, 0);
    paused.shardCounts = {1, 2};
    ExperimentRunner::Options pausing = options;
    pausing.settleMs = 600'000;
    std::vector<double> pause;
    for (int t = 0; t < trials; ++t) {
        ExperimentRunner runner;
        std::int64_t cancelledAt = 0;
        QObject::connect(&runner, &ExperimentRunner::phaseChanged, &runner,
                         [&](ExperimentPhase phase) {
                             if (phase == ExperimentPhase::Settling && cancelledAt == 0) {
                                 QTimer::singleShot(50, &runner, [&] {
                                     cancelledAt = nowNs();
                                     runner.cancel();
                                 });
                             }
                         });
        const ExperimentResult result = QCoro::waitFor(runner.run(paused, pausing));
        if (result.cancelled && cancelledAt > 0)
            pause.push_back(nsToMs(nowNs() - cancelledAt));
    }
    printLatencies("cancelling the pause between runs", pause, static_cast<std::size_t>(trials));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int trials = 10;
    int largeTrials = 3;
    int tasks = 10'000'000;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--trials"))
            largeTrials = trials = std::max(1, args[++i].toInt());
        else if (args[i] == QLatin1String("--tasks"))
            tasks = std::max(1, args[++i].toInt());
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
        printLatencies(s.name, latencies, static_cast<std::size_t>(trials));
    }
    experimentRunner(trials);
    phases(tasks, largeTrials);
    return 0;
}
