// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/fielderror.h"
#include "core/base/numberrange.h"
#include "core/experiment/experiment.h"
#include "core/experiment/spectext.h"

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

// The one codec from text (CLI option values, form fields, saved settings) to WorkloadSpec /
// RunConfig / ExperimentSpec; a plan in JSON is PlanCodec's, with the readers below. Numbers follow
// WholeNumber's grammar and NumberRange's wording everywhere; the rest of the wording is here.
// Every message is a sentence without the option or field name: the CLI prints "--io: " before it,
// the form shows it beside the field, presets and settings put their key before it.
class SpecCodec
{
public:
    // "MIN:MAX" (the CLI's --io and --cpu) into its two texts, each then read like a form field.
    // nullopt on success; else "'200-1000' is not MIN:MAX, each from 0 to 3,600,000 ms".
    static std::optional<QString> splitPair(QStringView text, const NumberRange &range,
                                            QString &min, QString &max);
    // Both ends of a pair in `range`, then min <= max; the message says which end is wrong.
    static std::optional<std::pair<std::uint64_t, std::uint64_t>>
    readPair(QStringView min, QStringView max, const NumberRange &range, QString *error);
    // "1,2,4" (each in RunConfig::kShardRange; repeats dropped, order kept) or "sweep" (any
    // case): sweepShardCounts(logicalCpus). Inside a list the comma separates counts, so no
    // thousands separators there.
    static std::optional<QList<int>> readShardList(QStringView text, int logicalCpus,
                                                   QString *error);
    static std::optional<Kernel> readKernel(QStringView text, QString *error);
    static std::optional<Partition> readPartition(QStringView text, QString *error);
    // "threads" or a list "threads,stealing" (repeats dropped, order kept): "'fibers' is not one
    // of threads, ...", or "no runtime given" for none. Whether this machine can run each (Python,
    // its modules) is the run's.
    static std::optional<QList<Runtime>> readRuntimes(QStringView text, QString *error);
    // A shape in Distribution's grammar ("lognormal:median=300,p99=3000", "bimodal:heavy=0.1",
    // "uniform"); median and p99 are whole numbers in `range`'s unit and grammar (a comma inside
    // a number, "median=10,000", stays part of it), heavy a decimal fraction. Checks the syntax
    // and each number alone; Distribution::check() then relates them to the MIN:MAX range.
    static std::optional<Distribution> readDistribution(QStringView text, const NumberRange &range,
                                                        QString *error);

    // "timer" or "http" (any case): "'udp' is not timer or http".
    static std::optional<Transport> readTransport(QStringView text, QString *error);
    // The http fields of a transport (connections, responseBytes, target, serverLoops,
    // httpTimeout; an empty target is none) into `into`, every problem at once, keyed by those
    // names. Connections are "per-task" or a pool size; the rest numbers in TransportConfig's
    // ranges; a target is HOST:PORT, not resolved (it may name another machine).
    struct TransportText
    {
        QString connections;
        QString responseBytes;
        QString target;
        QString serverLoops;
        QString httpTimeout;
    };
    static FieldErrors readHttp(const TransportText &text, TransportConfig &into);

    // Every field of `text`, every problem at once (one per field); a field that fails keeps
    // the default of its value type. Fields, in order: tasks, io, ioDist, cpu, cpuDist, seed,
    // kernel, shards (K), partition, runtime, shardList, repeat, failTask, transport, then for http
    // connections, responseBytes, target, serverLoops, httpTimeout.
    static SpecText::Parsed decode(const SpecText &text, int logicalCpus);
    static SpecText::Parsed decode(const SpecText &text);

    // The one place an ExperimentSpec is put together from its parts (the CLI, the form's Sweep
    // and Repeat compare, and Run/Compare's single runs). No `runtimes`: config.runtime alone.
    static ExperimentSpec experiment(const WorkloadSpec &workload, const RunConfig &config,
                                     const QList<int> &shardCounts, int repeats = 1,
                                     bool warmup = false, const TransportConfig &transport = {},
                                     const QList<Runtime> &runtimes = {});
    // What "Compare 1 vs K" runs: 1, then K unless K is 1.
    static QList<int> compareShards(int k);

    // A JSON value as it was written, for messages: 2.5, "lots" -> lots, true, [1,2].
    static QString jsonText(const QJsonValue &value);
    // A whole number from JSON: a JSON number, or a string read like typed text ("10,000",
    // "100k"). JSON numbers are doubles: a fraction, a bool or 1e300 is refused, never
    // truncated, and a number past 2^53 (where JSON numbers lose digits) must be a string.
    static std::optional<std::uint64_t> readJsonNumber(const QJsonValue &value,
                                                       const NumberRange &range, QString *error,
                                                       QStringView label = {});
};
