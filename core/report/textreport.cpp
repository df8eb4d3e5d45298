// SPDX-License-Identifier: MIT
#include "core/report/textreport.h"

#include "core/base/missingmark.h"
#include "core/base/wording.h"
#include "core/experiment/experiment.h"
#include "core/experiment/experimentsummary.h"

#include <cmath>

#include <QStringList>
#include <QTextStream>

#include <algorithm>

namespace {

// The runtime column, right-aligned like the others: the longest name ("asyncio-uvloop") and two
// spaces, so that no name pushes its row out of line.
int runtimeColumnWidth()
{
    qsizetype longest = 0;
    for (const QString &name : runtimeNames())
        longest = std::max(longest, name.size());
    return int(longest) + 2;
}

// Per configuration, once there is more than one number to summarise: medians with spread, the
// speedup with its error, and the significance and Amdahl figures when they are defined.
QString summaryTable(const ExperimentResult &result)
{
    const ExperimentSummary &summary = result.summary;
    QString out;
    QTextStream s(&out);
    s.setRealNumberNotation(QTextStream::FixedNotation);
    s << "\nper configuration (completed runs only):\n";
    const bool runtimes = !result.spec.threadsOnly();
    const int runtimeWidth = runtimeColumnWidth();
    if (runtimes)
        s << qSetFieldWidth(runtimeWidth) << "runtime";
    s << qSetFieldWidth(7) << "shards" << qSetFieldWidth(6) << "runs" << qSetFieldWidth(19)
      << "wall s (med ± sd)" << qSetFieldWidth(17) << "speedup ± err" << qSetFieldWidth(8)
      << "ideal" << qSetFieldWidth(11) << "efficiency" << qSetFieldWidth(10) << "p"
      << qSetFieldWidth(10) << "outliers" << qSetFieldWidth(0) << "\n";
    for (const ConfigSummary &c : summary.configs) {
        // A spread or error that is not defined (one run) is left out, not printed as 0.
        QString wall = fixedOrMissing(c.wallMs.median / 1000, 3);
        if (std::isfinite(c.wallMs.median) && std::isfinite(c.wallMs.stddev))
            wall += QStringLiteral(" ± ") + fixedOrMissing(c.wallMs.stddev / 1000, 3);
        QString speedup = fixedOrMissing(c.speedup.value, 2);
        if (std::isfinite(c.speedup.value) && std::isfinite(c.speedup.error))
            speedup += QStringLiteral(" ± ") + fixedOrMissing(c.speedup.error, 2);
        if (std::isfinite(c.speedup.value))
            speedup += QChar(0x00d7);
        const QString p =
            std::isnan(c.vsBaseline.p) ? missingMark() : QString::number(c.vsBaseline.p, 'g', 2);
        if (runtimes)
            s << qSetFieldWidth(runtimeWidth) << runtimeName(c.runtime);
        s << qSetFieldWidth(7) << c.shards << qSetFieldWidth(6)
          << QStringLiteral("%1").arg(c.completedRuns) << qSetFieldWidth(19) << wall
          << qSetFieldWidth(17) << speedup << qSetFieldWidth(8)
          << fixedOrMissing(c.idealSpeedup, 2, kTimes) << qSetFieldWidth(11)
          << fixedOrMissing(c.efficiency.median, 2) << qSetFieldWidth(10) << p << qSetFieldWidth(10)
          << c.outliers << qSetFieldWidth(0) << "\n";
    }
    if (!std::isnan(summary.amdahl.serialFraction)) {
        s << "Amdahl fit: serial fraction "
          << QString::number(summary.amdahl.serialFraction, 'f', 3) << " (rms residual "
          << QString::number(summary.amdahl.rmse, 'f', 2) << QString::fromUtf8(kTimes) << ")\n";
    }
    return out;
}

// Transport http: what the sockets and the server did, per run, beside the table's lag.
void httpLines(QTextStream &s, const ExperimentResult &result)
{
    const TransportConfig &t = result.spec.transport;
    if (!t.isHttp())
        return;
    s << "transport http: connections " << t.connectionsText() << ", " << t.responseBytes
      << "-byte responses, "
      << (t.target.isEmpty() ? QStringLiteral("%1 server loop%2")
                                   .arg(t.serverLoops)
                                   .arg(t.serverLoops == 1 ? "" : "s")
                             : QStringLiteral("server %1").arg(t.target))
      << "\n";
    auto pair = [](const Percentiles &p) {
        return fixedOrMissing(p.p50, 2) + QLatin1Char('/') + fixedOrMissing(p.p99, 2);
    };
    for (const RunResult &r : result.runs) {
        if (!r.http)
            continue;
        const HttpRunStats &h = *r.http;
        s << "  " << r.shards << " shard" << (r.shards == 1 ? "" : "s") << ": "
          << QString::number(double(h.bytesReceived) / 1e6, 'f', 1) << " MB received, connect "
          << pair(h.connectMs) << " ms, first byte " << pair(h.firstByteMs)
          << " ms (p50/p99), server late p99 " << fixedOrMissing(h.serverLateMs.p99, 2)
          << " ms, server CPU "
          << (std::isfinite(h.serverCpuMs) ? QString::number(h.serverCpuMs, 'f', 0) + " ms"
                                           : QStringLiteral("unknown"));
        QStringList failed;
        for (std::size_t f = 0; f < kHttpFailureKinds; ++f) {
            if (h.failures[f] > 0)
                failed << httpFailureName(HttpFailure(f)) + QLatin1Char(' ') +
                              QString::number(h.failures[f]);
        }
        if (!failed.isEmpty())
            s << "; failed: " << failed.join(QStringLiteral(", "));
        s << "\n";
    }
}

} // namespace

QString experimentTable(const ExperimentResult &result)
{
    // English whatever the window's language: programs read reports (core/base/wording.h).
    const Wording::EnglishScope english;
    QString out;
    QTextStream s(&out);
    const bool repeats = result.spec.repeats > 1;
    const bool runtimes = !result.spec.threadsOnly();
    const int runtimeWidth = runtimeColumnWidth();
    if (runtimes)
        s << qSetFieldWidth(runtimeWidth) << "runtime";
    s << qSetFieldWidth(7) << "shards";
    if (repeats)
        s << qSetFieldWidth(7) << "rep";
    s << qSetFieldWidth(10) << "wall s" << qSetFieldWidth(12) << "tasks/s" << qSetFieldWidth(9)
      << "speedup" << qSetFieldWidth(10) << "ideal s" << qSetFieldWidth(11) << "efficiency"
      << qSetFieldWidth(13) << "lag p99 ms";
    if (runtimes)
        s << qSetFieldWidth(8) << "moved";
    s << qSetFieldWidth(0) << "  status\n";
    s.setRealNumberNotation(QTextStream::FixedNotation);
    for (std::size_t i = 0; i < result.runs.size(); ++i) {
        const RunResult &r = result.runs[i];
        if (runtimes)
            s << qSetFieldWidth(runtimeWidth) << runtimeName(r.runtime);
        s << qSetFieldWidth(7) << r.shards;
        if (repeats)
            s << qSetFieldWidth(7) << r.repeat + 1;
        // What a run did not measure (a cancelled run's wall time) prints as missingMark().
        s << qSetFieldWidth(10) << fixedOrMissing(r.wallMs / 1000, 3) << qSetFieldWidth(12)
          << fixedOrMissing(r.throughputTps, 0);
        // No speedup, bound or efficiency (a run that did not complete) prints as missingMark().
        const double speedup = result.summary.speedupOfRun(i);
        s << qSetFieldWidth(9) << fixedOrMissing(speedup, 2, kTimes) << qSetFieldWidth(10)
          << fixedOrMissing(r.completed() ? r.idealMs / 1000 : kNaN, 3) << qSetFieldWidth(11)
          << fixedOrMissing(r.completed() ? r.efficiency : kNaN, 2);
        s << qSetFieldWidth(13) << fixedOrMissing(r.lagMs.p99, 1);
        if (runtimes)
            s << qSetFieldWidth(8) << r.tasksMoved;
        s << qSetFieldWidth(0) << "  " << runStatusName(r.status)
          << (r.machineBusy() ? " (machine busy)" : "") << "\n";
    }
    // A run that shared the machine measured its neighbours too: say how much and who, once
    // (the programs of the busiest run).
    const RunResult *busiest = nullptr;
    int busyRuns = 0;
    for (const RunResult &r : result.runs) {
        if (r.machineBusy()) {
            ++busyRuns;
            if (!busiest || r.othersCpuFraction > busiest->othersCpuFraction)
                busiest = &r;
        }
    }
    if (busiest) {
        s << "machine busy: other processes used up to "
          << QString::number(busiest->othersCpuFraction * 100, 'f', 0) << " % of the CPUs during "
          << busyRuns << " run" << (busyRuns == 1 ? "" : "s") << "; their times include that load";
        if (!busiest->busyPrograms.empty())
            s << " (top: " << busyProgramsText(busiest->busyPrograms) << ")";
        s << "\n";
    }
    if (const QString note = protectiveScheduleNote(result.runs); !note.isEmpty())
        s << note << "\n";
    // The bound is built from each run's own measured work, so efficiency cannot show the work
    // itself growing with K: say how much it grew against the baseline, once per K.
    QStringList inflation;
    for (const ConfigSummary &c : result.summary.configs) {
        if (c.shards != result.summary.baselineShards && std::isfinite(c.workInflation))
            inflation << QStringLiteral("%1 at %2 shards%3")
                             .arg(fixedOrMissing(c.workInflation, 3, kTimes))
                             .arg(c.shards)
                             .arg(runtimes ? QStringLiteral(" (%1)").arg(runtimeName(c.runtime))
                                           : QString());
    }
    if (!inflation.isEmpty()) {
        s << "work inflation (kernel time vs " << result.summary.baselineShards << " shard"
          << (result.summary.baselineShards == 1 ? "" : "s")
          << "): " << inflation.join(QStringLiteral(", ")) << "\n";
    }
    httpLines(s, result);
    if (result.spec.repeats > 1 || result.spec.shardCounts.size() > 2 || runtimes)
        s << summaryTable(result);
    s << result.verdict() << "\n";
    return out;
}
