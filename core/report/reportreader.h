// SPDX-License-Identifier: MIT
#pragma once

#include "core/experiment/experiment.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

// Reads LoopBench's own JSON reports (jsonreport.h, schema loopbench.report/1) back into an
// ExperimentResult, for File > Open and `loopbench compare`. A report file is untrusted input: it
// may come from another machine, another build, a full disk or a text editor. So it is read
// within UntrustedJson's limits, every field the result is built from is checked for its type and
// range (shard counts within RunConfig's, a run's tasks within its workload's, times finite and
// not negative, status, kernel and partition among the known names), and the first problem is
// refused with the file and the field: "old.json: runs[3].wall_ms: expected a number (got text)".
// Another schema, or another version of this one, is refused as a whole. Keys this reader does not
// know are skipped: later builds may add fields to version 1 without breaking older readers.
//
// What comes back:
// - spec, machine, nsPerIter, cancelled and every run's figures as the report holds them. A
//   number the writer wrote as null (a run that did not complete has no bound or efficiency)
//   comes back as NaN. Each run's nsPerIter is the experiment's calibration.
// - Not in a report, so left at their defaults: spec.failTask (-1), and each run's plan and
//   per-task timings (null).
// - summary: summarizeExperiment() of the runs read. The report's own "statistics" are checked and
//   then dropped: taking them would let a file claim a speedup its runs do not show.
class ReportReader
{
public:
    // Errors name the file as `path` spells it: "old.json: truncated: ...".
    static std::optional<ExperimentResult> readFile(const QString &path, QString *error);
    // A report already in memory; `name` stands for the file in messages.
    static std::optional<ExperimentResult> read(const QByteArray &bytes, const QString &name,
                                                QString *error);
    // A parsed report; errors start with the field ("runs[3].shards: ...").
    static std::optional<ExperimentResult> fromJson(const QJsonObject &report, QString *error);
    // A run's "http" object as httpRunToJson() writes it, checked like the rest of a report;
    // errors start with the field ("connect_ms.p50: ...").
    static std::optional<HttpRunStats> httpFromJson(const QJsonObject &http, QString *error);

    // Text fields: machine info, names and dates are short; a run's error message may quote a
    // path or an exception. Longer text is no LoopBench report and would flood every view.
    static constexpr qsizetype kMaxShortText = 1000;
    static constexpr qsizetype kMaxLongText = 10000;
    // Logical CPUs a machine may report: far above any machine Linux runs on today.
    static constexpr int kMaxLogicalCpus = 1 << 20;
};
