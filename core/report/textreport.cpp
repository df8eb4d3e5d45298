// SPDX-License-Identifier: MIT
#include "core/report/textreport.h"

#include "core/experiment/experiment.h"
#include "core/experiment/experimentsummary.h"

#include <cmath>

#include <QTextStream>

namespace {

// Per configuration, once there is more than one number to summarise: medians with spread, the
// speedup with its error, and the significance and Amdahl figures when they are defined.
QString summaryTable(const ExperimentResult &result)
{
    const ExperimentSummary &summary = result.summary;
    QString out;
    QTextStream s(&out);
    s.setRealNumberNotation(QTextStream::FixedNotation);
    s << "\nper configuration (completed runs only):\n";
    s << qSetFieldWidth(7) << "shards" << qSetFieldWidth(6) << "runs" << qSetFieldWidth(19)
      << "wall s (med ± sd)" << qSetFieldWidth(17) << "speedup ± err" << qSetFieldWidth(8)
      << "ideal" << qSetFieldWidth(11) << "efficiency" << qSetFieldWidth(10) << "p"
      << qSetFieldWidth(10) << "outliers" << qSetFieldWidth(0) << "\n";
    for (const ConfigSummary &c : summary.configs) {
        s.setRealNumberPrecision(3);
        const QString wall =
            QStringLiteral("%1 ± %2")
                .arg(c.wallMs.median / 1000, 0, 'f', 3)
                .arg(std::isnan(c.wallMs.stddev) ? 0 : c.wallMs.stddev / 1000, 0, 'f', 3);
        const QString speedup =
            QStringLiteral("%1 ± %2x")
                .arg(c.speedup.value, 0, 'f', 2)
                .arg(std::isnan(c.speedup.error) ? 0 : c.speedup.error, 0, 'f', 2);
        const QString p = std::isnan(c.vsBaseline.p) ? QStringLiteral("-")
                                                     : QString::number(c.vsBaseline.p, 'g', 2);
        s << qSetFieldWidth(7) << c.shards << qSetFieldWidth(6)
          << QStringLiteral("%1").arg(c.completedRuns) << qSetFieldWidth(19) << wall
          << qSetFieldWidth(17) << speedup;
        s.setRealNumberPrecision(2);
        s << qSetFieldWidth(7) << c.idealSpeedup << qSetFieldWidth(1) << "x" << qSetFieldWidth(11)
          << c.efficiency.median << qSetFieldWidth(10) << p << qSetFieldWidth(10) << c.outliers
          << qSetFieldWidth(0) << "\n";
    }
    if (!std::isnan(summary.amdahl.serialFraction)) {
        s << "Amdahl fit: serial fraction "
          << QString::number(summary.amdahl.serialFraction, 'f', 3) << " (rms residual "
          << QString::number(summary.amdahl.rmse, 'f', 2) << "x)\n";
    }
    return out;
}

} // namespace

QString experimentTable(const ExperimentResult &result)
{
    QString out;
    QTextStream s(&out);
    const bool repeats = result.spec.repeats > 1;
    s << qSetFieldWidth(7) << "shards";
    if (repeats)
        s << qSetFieldWidth(7) << "rep";
    s << qSetFieldWidth(10) << "wall s" << qSetFieldWidth(12) << "tasks/s" << qSetFieldWidth(9)
      << "speedup" << qSetFieldWidth(10) << "ideal s" << qSetFieldWidth(11) << "efficiency"
      << qSetFieldWidth(13) << "lag p99 ms" << qSetFieldWidth(0) << "  status\n";
    s.setRealNumberNotation(QTextStream::FixedNotation);
    for (std::size_t i = 0; i < result.runs.size(); ++i) {
        const RunResult &r = result.runs[i];
        s << qSetFieldWidth(7) << r.shards;
        if (repeats)
            s << qSetFieldWidth(7) << r.repeat + 1;
        s.setRealNumberPrecision(3);
        s << qSetFieldWidth(10) << r.wallMs / 1000;
        s.setRealNumberPrecision(0);
        s << qSetFieldWidth(12) << r.throughputTps;
        s.setRealNumberPrecision(2);
        // No speedup (a run that did not complete) prints as "-", never as a number.
        const double speedup =
            i < result.summary.runSpeedups.size() ? result.summary.runSpeedups[i] : kNaN;
        if (std::isnan(speedup))
            s << qSetFieldWidth(8) << "-" << qSetFieldWidth(1) << " ";
        else
            s << qSetFieldWidth(8) << speedup << qSetFieldWidth(1) << "x";
        s.setRealNumberPrecision(3);
        s << qSetFieldWidth(10) << r.idealMs / 1000;
        s.setRealNumberPrecision(2);
        s << qSetFieldWidth(11) << r.efficiency;
        s.setRealNumberPrecision(1);
        s << qSetFieldWidth(13) << r.lagMs.p99 << qSetFieldWidth(0) << "  "
          << runStatusName(r.status) << "\n";
    }
    if (result.spec.repeats > 1 || result.spec.shardCounts.size() > 2)
        s << summaryTable(result);
    s << result.verdict() << "\n";
    return out;
}
