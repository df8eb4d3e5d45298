// SPDX-License-Identifier: MIT
#include "core/report/markdownreport.h"

#include "core/base/missingmark.h"
#include "core/base/wording.h"
#include "core/experiment/experiment.h"
#include "core/experiment/experimentsummary.h"

#include <QStringList>

#include <cmath>

namespace {

QString withError(double value, double error, int decimals)
{
    if (!std::isfinite(value))
        return missingMark();
    if (!std::isfinite(error))
        return fixedOrMissing(value, decimals);
    return fixedOrMissing(value, decimals) + QStringLiteral(" ± ") +
           fixedOrMissing(error, decimals);
}

// A p-value to two significant digits, and "< 0.001" below what R also stops printing digits for.
QString pValue(double p)
{
    if (!std::isfinite(p))
        return missingMark();
    if (p < 0.001)
        return QStringLiteral("< 0.001");
    return QString::number(p, 'g', 2);
}

QString machineLine(const MachineInfo &m)
{
    // One multi-argument arg(): a '%' in a CPU model name cannot be taken for a placeholder.
    return QStringLiteral(
               "**Machine:** %1, %2 logical CPUs · %3 · Qt %4 · QCoro %5 · %6 · %7 build "
               "· LoopBench %8 (%9) · %10")
        .arg(m.cpuModel, QString::number(m.logicalCpus), m.os, m.qtVersion, m.qcoroVersion,
             m.compiler, m.buildType, m.appVersion, m.gitHash, m.timestampUtc);
}

QString workloadLine(const ExperimentResult &result)
{
    const WorkloadSpec &w = result.spec.workload;
    // A shape is named only when it is not uniform: uniform reports read as they always did.
    auto shape = [](const Distribution &d) {
        return d.isUniform() ? QString() : QStringLiteral(" ") + d.text();
    };
    return QStringLiteral("**Workload:** %1 tasks · IO %2–%3 ms%4 · CPU %5–%6 iterations%7 (%8 "
                          "kernel, %9 ns/iteration) · seed %10 · %11 partition%12 · %13 %14")
        .arg(w.tasks)
        .arg(w.ioMinMs)
        .arg(w.ioMaxMs)
        .arg(shape(w.ioDist))
        .arg(w.cpuMin)
        .arg(w.cpuMax)
        .arg(shape(w.cpuDist), kernelName(w.kernel), fixedOrMissing(result.nsPerIter, 3))
        .arg(w.seed)
        .arg(partitionName(result.spec.partition),
             result.spec.pin ? QStringLiteral(", pinned") : QString())
        .arg(result.spec.repeats)
        .arg(result.spec.repeats == 1 ? QStringLiteral("run per configuration")
                                      : QStringLiteral("runs per configuration, interleaved"));
}

// Http only: a timer report reads as it always did.
QString transportLine(const TransportConfig &t)
{
    const QString server = t.target.isEmpty()
                               ? QStringLiteral("own server, %1 loop%2")
                                     .arg(t.serverLoops)
                                     .arg(t.serverLoops == 1 ? QString() : QStringLiteral("s"))
                               : QStringLiteral("server %1").arg(t.target);
    return QStringLiteral("**Transport:** http · connections %1 · %2-byte responses · %3")
        .arg(t.connectionsText(), QString::number(t.responseBytes), server);
}

QString failuresText(const HttpFailureCounts &failures)
{
    QStringList parts;
    for (std::size_t f = 1; f < kHttpFailureKinds; ++f) {
        if (failures[f] > 0)
            parts << QStringLiteral("%1 %2").arg(failures[f]).arg(httpFailureName(HttpFailure(f)));
    }
    return parts.isEmpty() ? QStringLiteral("0") : parts.join(QStringLiteral(", "));
}

// One row per run: whether the server kept up (its lateness and CPU) beside what the client saw.
QStringList httpTable(const ExperimentResult &result)
{
    QStringList lines;
    lines << QStringLiteral("| run | shards | bytes received | connect ms p50 / p99 "
                            "| first byte ms p50 / p99 | server late ms p50 / p99 "
                            "| server CPU ms | failed |");
    lines << QStringLiteral("|---:|---:|---:|---:|---:|---:|---:|---|");
    auto pair = [](const Percentiles &p) {
        return fixedOrMissing(p.p50, 1) + QStringLiteral(" / ") + fixedOrMissing(p.p99, 1);
    };
    for (std::size_t i = 0; i < result.runs.size(); ++i) {
        const RunResult &r = result.runs[i];
        if (!r.http) {
            lines << QStringLiteral("| %1 | %2 | %3 | %3 | %3 | %3 | %3 | %3 |")
                         .arg(i + 1)
                         .arg(r.shards)
                         .arg(missingMark());
            continue;
        }
        const HttpRunStats &h = *r.http;
        lines << QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 |")
                     .arg(QString::number(i + 1), QString::number(r.shards),
                          QString::number(h.bytesReceived), pair(h.connectMs), pair(h.firstByteMs),
                          pair(h.serverLateMs), fixedOrMissing(h.serverCpuMs, 1),
                          failuresText(h.failures));
    }
    return lines;
}

} // namespace

QString experimentMarkdown(const ExperimentResult &result)
{
    // English whatever the window's language: programs read reports (core/base/wording.h).
    const Wording::EnglishScope english;
    const ExperimentSummary &summary = result.summary;
    QStringList lines;
    lines << QStringLiteral("## LoopBench report") << QString();
    lines << machineLine(result.machine) << QString();
    lines << workloadLine(result) << QString();
    if (result.spec.transport.isHttp())
        lines << transportLine(result.spec.transport) << QString();
    // Runtimes other than threads add a column of the tasks moved between loops, and name each
    // configuration's runtime.
    const bool runtimes = !result.spec.threadsOnly();
    lines << QStringLiteral(
                 "| shards | runs | outliers | wall ms (median ± sd) | speedup ± error "
                 "| ideal speedup | efficiency | work inflation | lag p99 ms | p vs baseline |") +
                 (runtimes ? QStringLiteral(" tasks moved (median) |") : QString());
    lines << QStringLiteral("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|") +
                 (runtimes ? QStringLiteral("---:|") : QString());
    for (const ConfigSummary &c : summary.configs) {
        const bool base = c.shards == summary.baselineShards;
        const QString shards =
            runtimes ? QStringLiteral("%1 %2").arg(runtimeName(c.runtime)).arg(c.shards)
                     : QString::number(c.shards);
        const QString runs = c.completedRuns == c.runs
                                 ? QString::number(c.runs)
                                 : QStringLiteral("%1 of %2").arg(c.completedRuns).arg(c.runs);
        lines << QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 | %10 |")
                         .arg(base ? QStringLiteral("%1 (baseline)").arg(shards) : shards, runs,
                              QString::number(c.outliers),
                              withError(c.wallMs.median, c.wallMs.stddev, 1),
                              withError(c.speedup.value, c.speedup.error, 2),
                              fixedOrMissing(c.idealSpeedup, 2),
                              fixedOrMissing(c.efficiency.median, 2),
                              fixedOrMissing(c.workInflation, 2, kTimes),
                              fixedOrMissing(c.lagP99Ms.median, 1), pValue(c.vsBaseline.p)) +
                     (runtimes ? QStringLiteral(" %1 |").arg(fixedOrMissing(c.tasksMoved.median, 0))
                               : QString());
    }
    lines << QString();
    lines << QStringLiteral("Speedup error: one sigma, propagated from the standard errors of both "
                            "median wall times. Outliers: modified z-score above %1 (Iglewicz & "
                            "Hoaglin), from %2 runs on. p: two-sided Mann-Whitney U, normal "
                            "approximation, from %3 runs per configuration on.")
                 .arg(kMadOutlierThreshold)
                 .arg(kMinValuesForOutliers)
                 .arg(kMinRunsForMannWhitney);
    if (const QString note = protectiveScheduleNote(result.runs); !note.isEmpty())
        lines << QString() << QStringLiteral("**Schedule:** ") + note + QLatin1Char('.');
    if (std::isfinite(summary.amdahl.serialFraction)) {
        lines << QString();
        lines << QStringLiteral("Amdahl fit: serial fraction %1 (rms residual %2x).")
                     .arg(fixedOrMissing(summary.amdahl.serialFraction, 3),
                          fixedOrMissing(summary.amdahl.rmse, 2));
    }
    if (result.spec.transport.isHttp()) {
        lines << QString() << QStringLiteral("HTTP per run (in execution order):") << QString();
        lines << httpTable(result);
    }
    // A run that shared the machine measured its neighbours too: which runs, and who took it.
    QStringList busy;
    for (std::size_t i = 0; i < result.runs.size(); ++i) {
        const RunResult &r = result.runs[i];
        if (!r.machineBusy())
            continue;
        busy << QStringLiteral("| %1 | %2 | %3 % | %4 |")
                    .arg(QString::number(i + 1), QString::number(r.shards),
                         QString::number(std::lround(r.othersCpuFraction * 100)),
                         r.busyPrograms.empty()
                             ? missingMark()
                             : busyProgramsText(r.busyPrograms)
                                   .replace(QLatin1Char('|'), QStringLiteral("\\|")));
    }
    if (!busy.isEmpty()) {
        lines << QString() << QStringLiteral("Machine busy (other programs' share of all CPUs):")
              << QString() << QStringLiteral("| run | shards | others | top programs |")
              << QStringLiteral("|---:|---:|---:|---|") << busy;
    }
    lines << QString();
    lines << QStringLiteral("**Verdict:** ") + result.verdict();
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}
