// SPDX-License-Identifier: MIT
#pragma once

// Hand-made ExperimentResults for report, summary, model and export tests. No engine involved, so
// every expected number is known. experiment(): three shard counts, five interleaved repeats, one
// wild run, one failed run, fixed machine info. sweep(): three clean repeats of K = 1, 2, 4.

#include "core/experiment/experiment.h"

#include <QTimeZone>

namespace synthetic {

inline const std::vector<double> kBaseWallMs{10512.3, 10498.7, 10533.1, 10490.2, 10507.9};
// The last 2-loop run is an outlier: 6400 is far outside the other four's spread.
inline const std::vector<double> kTwoWallMs{5400.1, 5390.2, 5411.7, 5388.0, 6400.0};
inline const std::vector<double> kFourWallMs{3712.4, 3698.0, 3755.9, 3701.3, 3720.8};
inline const QString kFailure =
    QStringLiteral("kernel said \"no\", then, well,\nit stopped\r\nhere");

inline MachineInfo machine()
{
    MachineInfo m;
    m.appVersion = QStringLiteral("0.1.0");
    m.gitHash = QStringLiteral("0123456789ab");
    m.cpuModel = QStringLiteral("Test CPU, \"fast\" edition");
    m.logicalCpus = 4;
    m.os = QStringLiteral("Debian GNU/Linux 12");
    m.qtVersion = QStringLiteral("6.4.2");
    m.qcoroVersion = QStringLiteral("0.8.0");
    m.compiler = QStringLiteral("gcc 12.2.0");
    m.buildType = QStringLiteral("Release");
    m.timestampUtc = QStringLiteral("2024-06-01T12:00:00.000Z");
    return m;
}

inline RunResult run(int shards, int repeat, double wallMs, double idealMs)
{
    RunResult r;
    r.shards = shards;
    r.repeat = repeat;
    r.startedUtc = QDateTime(QDate(2024, 6, 1), QTime(12, 0, repeat), QTimeZone::utc());
    r.tasks = 1000;
    r.tasksDone = 1000;
    r.nsPerIter = 1.25;
    r.wallMs = wallMs;
    r.idealMs = idealMs;
    r.efficiency = idealMs / wallMs;
    r.throughputTps = 1000 / (wallMs / 1000);
    r.startOverheadMs = 0.5;
    r.joinOverheadMs = 0.25;
    r.lagMs = {10.5 / shards, 20.25 / shards, 1234.8 / shards, 1500.0 / shards};
    r.latencyMs = {wallMs / 2, wallMs * 0.9, wallMs * 0.99, wallMs};
    r.checksum = 0x00000000000012e4ULL; // all digits and an 'e': a reader must not see 12e4
    return r;
}

inline ExperimentResult experiment()
{
    ExperimentResult e;
    e.spec.shardCounts = {1, 2, 4};
    e.spec.repeats = 5;
    e.spec.workload.tasks = 1000;
    e.machine = machine();
    e.nsPerIter = 1.25;
    for (int rep = 0; rep < 5; ++rep) {
        const auto i = static_cast<std::size_t>(rep);
        e.runs.push_back(run(1, rep, kBaseWallMs[i], 9000));
        e.runs.push_back(run(2, rep, kTwoWallMs[i], 4600));
        e.runs.push_back(run(4, rep, kFourWallMs[i], 2500));
    }
    // A failed 4-loop run with a slow wall time: it must not move any statistic.
    RunResult failed = run(4, 5, 99999, 2500);
    failed.status = RunStatus::Failed;
    failed.error = kFailure;
    failed.tasksDone = 10;
    failed.tasksFailed = 990;
    e.runs.push_back(failed);
    // What ExperimentRunner does when an experiment ends: the summary every writer reads.
    e.summary = summarizeExperiment(e);
    return e;
}

// K = 1, 2, 4, three completed runs each, no failure and no outlier: the shape of a small sweep
// as the GUI shows and exports it. The machine is this one, except for a fixed CPU count, so the
// Amdahl fit (capped at the logical CPUs) is the same everywhere.
inline ExperimentResult sweep()
{
    ExperimentResult r;
    r.spec.workload = WorkloadSpec{1000, 0, 100, 1000, 5000, Kernel::Sum, 1};
    r.spec.shardCounts = {1, 2, 4};
    r.spec.repeats = 3;
    r.machine = MachineInfo::current();
    r.machine.logicalCpus = 8;
    r.nsPerIter = 0.8;
    const double wall[3][3] = {{1000, 1010, 990}, {540, 560, 530}, {330, 350, 320}};
    const double ideal[3] = {950, 480, 250};
    for (int rep = 0; rep < 3; ++rep) {
        for (int i = 0; i < 3; ++i) {
            RunResult run;
            run.shards = r.spec.shardCounts[i];
            run.repeat = rep;
            run.tasks = run.tasksDone = 1000;
            run.wallMs = wall[i][rep];
            run.idealMs = ideal[i];
            run.efficiency = ideal[i] / wall[i][rep];
            run.throughputTps = 1000 / (wall[i][rep] / 1000);
            run.lagMs = {1, 2, 3, 4};
            run.startedUtc = QDateTime::currentDateTimeUtc();
            r.runs.push_back(run);
        }
    }
    r.summary = summarizeExperiment(r);
    return r;
}

// The figures of an http run, distinct per `seed` so that a swapped run shows.
inline HttpRunStats httpStats(int seed)
{
    HttpRunStats h;
    h.bytesReceived = 4096 * 1000 + seed;
    h.connectMs = {0.125 * seed, 0.5, 1.75 + seed, 3.0 + seed};
    h.firstByteMs = {300.5 + seed, 600.25, 990.75, 1001.5 + seed};
    h.serverLateMs = {0.0625, 0.25 * seed, 2.5 + seed, 7.0 + seed};
    h.serverCpuMs = 123.5 + seed;
    h.failures[std::size_t(HttpFailure::Refused)] = seed;
    h.failures[std::size_t(HttpFailure::Timeout)] = 2 * seed + 1;
    return h;
}

// experiment() over http (per-task connections, 4 KiB responses, its own server): every run
// has http figures but the failed one, which ended before it fetched.
inline ExperimentResult httpExperiment()
{
    ExperimentResult e = experiment();
    e.spec.transport.kind = Transport::Http;
    for (std::size_t i = 0; i + 1 < e.runs.size(); ++i)
        e.runs[i].http = httpStats(int(i));
    return e;
}

} // namespace synthetic
