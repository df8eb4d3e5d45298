// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/fielderror.h"
#include "core/engine/runconfig.h"
#include "core/experiment/experiment.h"
#include "core/net/transportconfig.h"
#include "core/workload/workloadspec.h"

#include <QList>
#include <QString>

// An experiment as people write it: every value as text, as typed into the config form, stored
// in saved settings or given as CLI option values. Text, not numbers, so that a half-typed or
// out-of-range value can be shown with its message instead of being clamped away. parse()
// (SpecCodec::decode) turns it into the core's value types and reports every problem at once, in
// the one wording of NumberRange and SpecCodec.
struct SpecText
{
    QString tasks;
    QString ioMinMs;
    QString ioMaxMs;
    QString cpuMin;
    QString cpuMax;
    // Shapes inside the IO and CPU ranges, in Distribution's grammar ("lognormal:median=300,...").
    QString ioDist = QStringLiteral("uniform");
    QString cpuDist = QStringLiteral("uniform");
    QString seed;
    QString kernel = kernelName(Kernel::Sum);
    // K: the loops of "Run K loops" and "Compare 1 vs K" (the form's; the CLI has no K).
    QString shards;
    QString partition = partitionName(Partition::Contiguous);
    // The runtimes that run the plan, each at every K: "threads", or a list ("threads,stealing")
    // for "Compare runtimes".
    QString runtime = runtimeName(Runtime::Threads);
    // The asyncio runtimes' interpreter (RunConfig::python); empty: RuntimeCommand's default.
    QString python;
    bool pin = false;
    // Experiment: the shard counts to run ("1,2,4", or "sweep": 1, 2, 4, ... up to twice the
    // logical CPUs), the repeats R of every configuration and the warm-up run.
    QString shardList = QStringLiteral("sweep");
    QString repeats = QStringLiteral("5");
    bool warmup = true;
    QString failTask; // a task id that throws (RunConfig::failTask); empty is off
    // How tasks do their IO (TransportConfig): "timer" or "http". The rest is read only for
    // http (the form disables those fields for timer, and a timer run keeps their defaults).
    QString transport = transportName(Transport::Timer);
    QString connections = QStringLiteral("per-task"); // or a pool size per shard
    QString responseBytes = QString::number(TransportConfig{}.responseBytes);
    QString target; // HOST:PORT of a server started by hand; empty: the run starts its own
    QString serverLoops = QString::number(TransportConfig{}.serverLoops);
    QString httpTimeout = QString::number(TransportConfig{}.timeoutMs);

    struct Parsed
    {
        WorkloadSpec spec;
        RunConfig config; // its runtime: the first of `runtimes`; its python, trimmed
        QList<Runtime> runtimes{Runtime::Threads};
        QList<int> shardCounts{1};
        int repeats = 1;
        bool warmup = false;
        TransportConfig transport;
        // One per field at most, keyed "tasks", "io", "ioDist", "cpu", "cpuDist", "seed",
        // "kernel", "shards" (K), "partition", "runtime", "shardList", "repeat", "failTask",
        // "transport", "connections", "responseBytes", "target", "serverLoops", "httpTimeout";
        // messages never name the field.
        FieldErrors errors;
        bool ok() const { return errors.isEmpty(); }
        // Every K of the shard list, R times each: what Sweep and the CLI run.
        ExperimentSpec sweepSpec() const;
        // 1 and K, R times each: what Repeat compare runs.
        ExperimentSpec repeatCompareSpec() const;
        // The largest shard count any action would start (for the memory guard).
        int maxShards() const;
    };

    Parsed parse() const;
    // The text of valid values (the numbers ungrouped except CPU iterations, written as
    // "100k"); the experiment fields keep their defaults.
    static SpecText from(const WorkloadSpec &spec, const RunConfig &config,
                         const TransportConfig &transport = {});
    // The text of a whole experiment, experiment fields too: parse().sweepSpec() gives `spec`
    // back (K is its largest shard count, for Run and Compare).
    static SpecText of(const ExperimentSpec &spec);

    friend bool operator==(const SpecText &, const SpecText &) = default;
};
