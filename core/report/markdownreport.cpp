// SPDX-License-Identifier: MIT
#include "core/report/markdownreport.h"

#include "core/experiment/experiment.h"
#include "core/experiment/experimentsummary.h"
#include "core/report/missingmark.h"

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

} // namespace

QString experimentMarkdown(const ExperimentResult &result)
{
    const ExperimentSummary &summary = result.summary;
    QStringList lines;
    lines << QStringLiteral("## LoopBench report") << QString();
    lines << machineLine(result.machine) << QString();
    lines << workloadLine(result) << QString();
    lines << QStringLiteral(
        "| shards | runs | outliers | wall ms (median ± sd) | speedup ± error "
        "| ideal speedup | efficiency | work inflation | lag p99 ms | p vs baseline |");
    lines << QStringLiteral("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const ConfigSummary &c : summary.configs) {
        const bool base = c.shards == summary.baselineShards;
        const QString runs = c.completedRuns == c.runs
                                 ? QString::number(c.runs)
                                 : QStringLiteral("%1 of %2").arg(c.completedRuns).arg(c.runs);
        lines << QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 | %10 |")
                     .arg(base ? QStringLiteral("%1 (baseline)").arg(c.shards)
                               : QString::number(c.shards),
                          runs, QString::number(c.outliers),
                          withError(c.wallMs.median, c.wallMs.stddev, 1),
                          withError(c.speedup.value, c.speedup.error, 2),
                          fixedOrMissing(c.idealSpeedup, 2), fixedOrMissing(c.efficiency.median, 2),
                          fixedOrMissing(c.workInflation, 2, kTimes),
                          fixedOrMissing(c.lagP99Ms.median, 1), pValue(c.vsBaseline.p));
    }
    lines << QString();
    lines << QStringLiteral("Speedup error: one sigma, propagated from the standard errors of both "
                            "median wall times. Outliers: modified z-score above %1 (Iglewicz & "
                            "Hoaglin), from %2 runs on. p: two-sided Mann-Whitney U, normal "
                            "approximation, from %3 runs per configuration on.")
                 .arg(kMadOutlierThreshold)
                 .arg(kMinValuesForOutliers)
                 .arg(kMinRunsForMannWhitney);
    if (std::isfinite(summary.amdahl.serialFraction)) {
        lines << QString();
        lines << QStringLiteral("Amdahl fit: serial fraction %1 (rms residual %2x).")
                     .arg(fixedOrMissing(summary.amdahl.serialFraction, 3),
                          fixedOrMissing(summary.amdahl.rmse, 2));
    }
    lines << QString();
    lines << QStringLiteral("**Verdict:** ") + result.verdict();
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}
