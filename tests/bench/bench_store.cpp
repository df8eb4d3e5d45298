// SPDX-License-Identifier: MIT
// The result store's costs: committing one run (its own transaction, with per-shard rows), and
// opening a history of many runs as the app does at start (every run, then every experiment).
//
//   bench_store [--runs N] [--shards K] [--dir PATH]
//
// Runs are made-up but full-sized (K shards each); the database is a file in --dir (default: a
// temporary folder), so the figures include the file system's fsync behaviour in WAL mode.
#include "core/analysis/statistics.h"
#include "core/base/clock.h"
#include "core/store/resultstore.h"
#include "tests/bench/benchargs.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>

namespace {

RunResult madeUpRun(int shards, int i)
{
    RunResult r;
    r.shards = shards;
    r.repeat = i % 5;
    r.startedUtc = QDateTime::currentDateTimeUtc();
    r.tasks = r.tasksDone = 10000;
    r.nsPerIter = 1.1;
    r.wallMs = 2000 + i % 97;
    r.idealMs = 1900;
    r.efficiency = r.idealMs / r.wallMs;
    r.throughputTps = 5000;
    r.lagMs = {1, 2, 3, 4};
    r.latencyMs = {500, 900, 990, 1000};
    r.checksum = 0x1234567890abcdefULL;
    for (int k = 0; k < shards; ++k)
        r.perShard.push_back({k, k % 2, 10000 / shards, 10000 / shards, 900, 950, 1990, 42});
    return r;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const BenchArgs args(app.arguments());
    const int runs = args.integer(QLatin1String("--runs"), 10000);
    const int shards = args.integer(QLatin1String("--shards"), 2);
    QTemporaryDir tmp;
    const QString dir = app.arguments().contains(QStringLiteral("--dir"))
                            ? app.arguments().value(app.arguments().indexOf("--dir") + 1)
                            : tmp.path();
    const QString path = dir + QStringLiteral("/bench.sqlite");
    QFile::remove(path);

    ResultStore store;
    if (!store.open(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error()));
        return 1;
    }
    ExperimentSpec spec;
    spec.shardCounts = {1, shards};
    spec.repeats = 5;
    std::vector<double> commitMs;
    commitMs.reserve(std::size_t(runs));
    std::int64_t experiment = 0;
    for (int i = 0; i < runs; ++i) {
        if (i % 10 == 0)
            experiment = store.beginExperiment(spec, MachineInfo::current(), 1.1,
                                               QStringLiteral("repeat"), QStringLiteral("bench"));
        const std::int64_t t0 = nowNs();
        if (store.recordRun(experiment, i % 10, RunRole::Repeat,
                            madeUpRun(i % 2 ? shards : 1, i)) == 0) {
            std::fprintf(stderr, "%s\n", qPrintable(store.error()));
            return 1;
        }
        commitMs.push_back(double(nowNs() - t0) / 1e6);
    }
    std::printf("commit one run (%d shards, own transaction, WAL): median %.3f ms, p99 %.3f ms, "
                "max %.3f ms over %d runs\n",
                shards, percentile(commitMs, 0.5), percentile(commitMs, 0.99),
                percentile(commitMs, 1.0), runs);

    // What the app does at start: a fresh connection, every run for the history, every
    // experiment (with its runs and recomputed statistics) for the statistics page.
    ResultStore reopened;
    const std::int64_t t0 = nowNs();
    if (!reopened.open(path))
        return 1;
    const std::int64_t t1 = nowNs();
    const QList<StoredRun> all = reopened.runs();
    const std::int64_t t2 = nowNs();
    const QList<StoredExperiment> experiments = reopened.experiments();
    const std::int64_t t3 = nowNs();
    std::printf("open a history of %lld runs (%lld experiments, %.1f MB): open+check %.1f ms, "
                "all runs %.1f ms, all experiments %.1f ms, total %.1f ms\n",
                static_cast<long long>(all.size()), static_cast<long long>(experiments.size()),
                double(QFileInfo(path).size()) / 1e6, double(t1 - t0) / 1e6, double(t2 - t1) / 1e6,
                double(t3 - t2) / 1e6, double(t3 - t0) / 1e6);
    // Selecting a run of the history reopens its experiment: its rows only.
    const std::int64_t t4 = nowNs();
    const auto one = reopened.experiment(experiments[experiments.size() / 2].id);
    std::printf("reopen one experiment (%zu runs) of that history: %.2f ms\n",
                one ? one->result.runs.size() : std::size_t(0), double(nowNs() - t4) / 1e6);
    return 0;
}
