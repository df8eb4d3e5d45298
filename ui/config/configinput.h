// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/fielderror.h"
#include "core/engine/runconfig.h"
#include "core/experiment/experiment.h"
#include "core/workload/workloadspec.h"

#include <QString>
#include <QStringView>

#include <cstdint>
#include <optional>

// The config form's contents as typed: text for every number, so that a half-typed or
// out-of-range value is shown with its message beside the field instead of being clamped away
// by a spin box. parse() turns it into the core's value types and reports every problem at once;
// the range checks themselves are the core's (WorkloadSpec / RunConfig::validate()).
struct ConfigInput
{
    QString tasks;
    QString ioMinMs;
    QString ioMaxMs;
    QString cpuMin;
    QString cpuMax;
    QString shards;
    QString seed;
    Kernel kernel = Kernel::Sum;
    Partition partition = Partition::Contiguous;
    bool pin = false;
    // Experiment: the shard counts of a Sweep ("1,2,4" or "sweep": 1, 2, 4, ... up to twice the
    // logical CPUs), the repeats R of every configuration and the warm-up run.
    QString shardList = QStringLiteral("sweep");
    QString repeats = QStringLiteral("5");
    bool warmup = true;

    struct Parsed
    {
        WorkloadSpec spec;
        RunConfig config;
        QList<int> shardCounts{1};
        int repeats = 1;
        bool warmup = false;
        // keys: "tasks", "io", "cpu", "shards", "seed", "shardList", "repeat"
        FieldErrors errors;
        bool ok() const { return errors.isEmpty(); }
        // Every K of the shard list, R times each: what Sweep runs.
        ExperimentSpec sweepSpec() const;
        // 1 and K, R times each: what Repeat compare runs.
        ExperimentSpec repeatCompareSpec() const;
        // The largest shard count any action would start (for the memory guard).
        int maxShards() const;
    };

    Parsed parse() const;
    static ConfigInput from(const WorkloadSpec &spec, const RunConfig &config);

    friend bool operator==(const ConfigInput &, const ConfigInput &) = default;
};

// A whole number as people type it: "10000", "10,000", "10 000", "100k", "2.5M", "1G", "-3".
// nullopt when it is not one (or does not fit 64 bits).
std::optional<std::int64_t> parseWholeNumber(QStringView text);
