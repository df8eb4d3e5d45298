// SPDX-License-Identifier: MIT
#include "core/report/comparisonreport.h"

#include "core/base/messageline.h"
#include "core/base/missingmark.h"
#include "core/base/wholenumber.h"
#include "core/base/wording.h"
#include "core/experiment/plan.h"
#include "core/experiment/plancodec.h"
#include "core/experiment/verdict.h"
#include "core/report/csvwriter.h"
#include "core/report/reportcomparison.h"

#include <QJsonArray>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace {

using State = ComparisonCell::State;

QString group(std::uint64_t n)
{
    return WholeNumber::group(n);
}

QString workloadText(const WorkloadSpec &w)
{
    // A shape is named only when it is not uniform.
    auto shape = [](const Distribution &d) {
        return d.isUniform() ? QString() : QStringLiteral(" ") + d.text();
    };
    return QStringLiteral("%1 tasks, IO %2–%3 ms%4, CPU %5–%6 iterations%7, %8 kernel, seed %9")
        .arg(group(std::uint64_t(w.tasks)), group(std::uint64_t(w.ioMinMs)),
             group(std::uint64_t(w.ioMaxMs)), shape(w.ioDist), group(w.cpuMin), group(w.cpuMax),
             shape(w.cpuDist), kernelName(w.kernel), QString::number(w.seed));
}

// Where and how a report was measured, in one line: what tells two reports apart.
QString reportText(const ComparedReport &r)
{
    const MachineInfo &m = r.result.machine;
    const ExperimentSpec &s = r.result.spec;
    QStringList parts{QStringLiteral("%1 (%2 logical CPUs)")
                          .arg(m.cpuModel.isEmpty() ? QStringLiteral("unknown CPU") : m.cpuModel,
                               QString::number(m.logicalCpus))};
    if (!m.host.isEmpty())
        parts.append(QStringLiteral("host ") + m.host);
    if (!m.timestampUtc.isEmpty())
        parts.append(m.timestampUtc);
    if (!m.gitHash.isEmpty())
        parts.append(QStringLiteral("LoopBench ") + m.gitHash);
    parts.append(
        QStringLiteral("%1 partition%2")
            .arg(partitionName(s.partition), s.pin ? QStringLiteral(", pinned") : QString()));
    // The same plan fetched over sockets is another measurement: say so (timer reads as before).
    if (s.transport.isHttp()) {
        parts.append(QStringLiteral("http, connections %1, %2-byte responses")
                         .arg(s.transport.connectionsText())
                         .arg(s.transport.responseBytes));
    }
    if (r.result.cancelled)
        parts.append(QStringLiteral("cancelled"));
    // The report's own verdict (judgeExperiment(), as its own report says it), machine busy
    // included.
    parts.append(QStringLiteral("verdict: ") + r.result.verdict());
    // Text from the file (CPU model, host): a NUL, a line break or an ESC sequence in it must not
    // cut the table short, split its lines or reach the terminal.
    return escapedText(parts.join(QStringLiteral(", ")));
}

// The shown columns of one cell: median wall, n, change, p with sample sizes, speedup.
struct Shown
{
    QString wall;
    QString n;
    QString change;
    QString p;
    QString speedup;
};

Shown shown(const ComparisonTable &table, std::size_t i)
{
    const ComparisonCell &c = table.cells[i];
    switch (c.state) {
    case State::OtherPlan:
        return {QStringLiteral("different plan"), {}, {}, {}, {}};
    case State::Missing:
        return {missingMark(), missingMark(), missingMark(), missingMark(), missingMark()};
    case State::Measured:
        break;
    }
    // A median with a run on a busy machine in it measured the neighbours too: said in the cell.
    const QString busy = std::isfinite(c.busyFraction)
                             ? QStringLiteral(" (busy %1 %)").arg(std::lround(c.busyFraction * 100))
                             : QString();
    Shown s{fixedOrMissing(c.medianWallMs, 3, " ms") + busy,
            QString::number(c.completedRuns),
            {},
            {},
            fixedOrMissing(c.speedup, 2, kTimes)};
    if (i == table.base) {
        s.change = QStringLiteral("base");
        return s;
    }
    if (!std::isfinite(c.changePercent))
        s.change = missingMark();
    else if (c.significant)
        s.change = (c.changePercent > 0 ? QStringLiteral("+") : QString()) +
                   QString::number(c.changePercent, 'f', 2) + QLatin1Char('%');
    else
        s.change = QStringLiteral("~");
    s.p = std::isfinite(c.vsBase.p) ? QStringLiteral("p=%1 n=%2+%3")
                                          .arg(QString::number(c.vsBase.p, 'f', 3))
                                          .arg(c.baseRuns)
                                          .arg(c.completedRuns)
                                    : missingMark();
    return s;
}

QStringList headerOf(const ReportComparison &comparison, const ComparisonTable &table)
{
    return {QStringLiteral("report"), QStringLiteral("median wall"),
            QStringLiteral("n"),      QStringLiteral("vs ") + comparison.reports[table.base].name,
            QStringLiteral("p"),      QStringLiteral("speedup vs 1 loop")};
}

QList<QStringList> rowsOf(const ReportComparison &comparison, const ComparisonTable &table)
{
    QList<QStringList> rows;
    for (std::size_t i = 0; i < table.cells.size(); ++i) {
        const Shown s = shown(table, i);
        rows.append({comparison.reports[i].name, s.wall, s.n, s.change, s.p, s.speedup});
    }
    return rows;
}

QString titleOf(const ComparisonTable &table)
{
    const Plan &p = table.plan;
    return workloadText(p.workload) +
           (p.transport.isHttp() ? QStringLiteral(", over http") : QString()) +
           QStringLiteral(" · ") + configLabel(table.runtime, table.shards);
}

// "different plans (transport, connections): each table compares the reports that ran its plan"
QString differentPlans(const ReportComparison &comparison)
{
    return differentPlansText(comparison.planDifferences) +
           QStringLiteral(": each table compares the reports that ran its plan");
}

// Columns padded to their widest cell: names left-aligned, figures right-aligned.
QString aligned(const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (widths.size() <= c)
                widths.append(0);
            widths[c] = std::max(widths[c], row[c].size());
        }
    }
    QString out;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (c > 0)
                line += QStringLiteral("  ");
            line += c == 0 ? row[c].leftJustified(widths[c]) : row[c].rightJustified(widths[c]);
        }
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        out += line;
        out += QLatin1Char('\n');
    }
    return out;
}

QString markdownCell(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return text;
}

QString markdownRow(const QStringList &cells)
{
    QStringList escaped;
    for (const QString &c : cells)
        escaped.append(markdownCell(c));
    return QStringLiteral("| ") + escaped.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
}

QString stateName(State state)
{
    switch (state) {
    case State::Measured:
        return QStringLiteral("measured");
    case State::Missing:
        return QStringLiteral("missing");
    case State::OtherPlan:
        break;
    }
    return QStringLiteral("different_plan");
}

QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

} // namespace

QString comparisonText(const ReportComparison &comparison)
{
    // English whatever the window's language: programs read reports (core/base/wording.h).
    const Wording::EnglishScope english;
    QString out;
    for (const ComparedReport &r : comparison.reports)
        out += r.name + QStringLiteral(": ") + reportText(r) + QLatin1Char('\n');
    if (!comparison.samePlan())
        out += differentPlans(comparison) + QLatin1Char('\n');
    for (const ComparisonTable &table : comparison.tables) {
        out += QLatin1Char('\n') + titleOf(table) + QLatin1Char('\n');
        out += aligned(QList<QStringList>{headerOf(comparison, table)} + rowsOf(comparison, table));
    }
    return out;
}

QString comparisonMarkdown(const ReportComparison &comparison)
{
    const Wording::EnglishScope english;
    QString out = QStringLiteral("# LoopBench comparison\n\n");
    out += markdownRow({QStringLiteral("report"), QStringLiteral("measured on")});
    out += QStringLiteral("|---|---|\n");
    for (const ComparedReport &r : comparison.reports)
        out += markdownRow({r.name, reportText(r)});
    if (!comparison.samePlan()) {
        QString line = differentPlans(comparison);
        line[0] = line[0].toUpper();
        out += QLatin1Char('\n') + markdownCell(line) + QStringLiteral(".\n");
    }
    for (const ComparisonTable &table : comparison.tables) {
        out += QStringLiteral("\n## ") + markdownCell(titleOf(table)) + QStringLiteral("\n\n");
        out += markdownRow(headerOf(comparison, table));
        out += QStringLiteral("|---|--:|--:|--:|--:|--:|\n");
        for (const QStringList &row : rowsOf(comparison, table))
            out += markdownRow(row);
    }
    out += QStringLiteral("\nChanges are against the first report that ran the configuration; "
                          "\"~\" marks a change whose Mann-Whitney p is above %1 (n = runs of the "
                          "base + runs of this report).\n")
               .arg(kSignificanceLevel);
    return out;
}

QByteArray comparisonCsv(const ReportComparison &comparison)
{
    const Wording::EnglishScope english;
    QByteArray out;
    CsvWriter csv(&out);
    for (const ComparedReport &r : comparison.reports)
        csv.comment(QStringLiteral("report"), r.name + QStringLiteral(": ") + reportText(r));
    // Every field of the plan (empty where it has none: an http field of a timer plan), then
    // the table's K and the row's figures.
    for (const PlanField &f : PlanCodec::fields())
        csv.field(QString::fromLatin1(f.key));
    for (const char *name : {"runtime", "shards", "report", "state", "completed_runs",
                             "median_wall_ms", "base_report", "base_runs", "change_percent",
                             "p_value", "significant", "speedup_vs_1_loop", "others_cpu_fraction"})
        csv.field(name);
    csv.endRow();
    for (const ComparisonTable &table : comparison.tables) {
        for (std::size_t i = 0; i < table.cells.size(); ++i) {
            const ComparisonCell &c = table.cells[i];
            if (c.state == State::OtherPlan)
                continue; // a row per report that belongs to the table
            for (const PlanField &f : PlanCodec::fields()) {
                if (PlanCodec::applies(f, table.plan))
                    csv.field(PlanCodec::text(f, table.plan));
                else
                    csv.empty();
            }
            csv.field(runtimeName(table.runtime)).field(table.shards);
            csv.field(comparison.reports[i].name).field(stateName(c.state));
            if (c.state == State::Measured)
                csv.field(c.completedRuns);
            else
                csv.empty();
            csv.field(c.medianWallMs).field(comparison.reports[table.base].name);
            if (c.state == State::Measured && i != table.base)
                csv.field(c.baseRuns);
            else
                csv.empty();
            csv.field(c.changePercent).field(c.vsBase.p);
            if (c.state == State::Measured && i != table.base)
                csv.field(c.significant);
            else
                csv.empty();
            csv.field(c.speedup).field(c.busyFraction); // NaN (a quiet machine): empty
            csv.endRow();
        }
    }
    return out;
}

QJsonObject comparisonToJson(const ReportComparison &comparison)
{
    const Wording::EnglishScope english;
    QJsonArray reports;
    for (const ComparedReport &r : comparison.reports) {
        const ExperimentSpec &s = r.result.spec;
        reports.append(QJsonObject{{QStringLiteral("name"), r.name},
                                   {QStringLiteral("meta"), r.result.machine.toJson()},
                                   {QStringLiteral("workload"), PlanCodec::toJson(s)},
                                   {QStringLiteral("partition"), partitionName(s.partition)},
                                   {QStringLiteral("pin"), s.pin},
                                   {QStringLiteral("cancelled"), r.result.cancelled},
                                   {QStringLiteral("verdict"), r.result.verdict()}});
    }
    QJsonArray tables;
    for (const ComparisonTable &table : comparison.tables) {
        QJsonArray rows;
        for (std::size_t i = 0; i < table.cells.size(); ++i) {
            const ComparisonCell &c = table.cells[i];
            QJsonObject row{{QStringLiteral("report"), comparison.reports[i].name},
                            {QStringLiteral("state"), stateName(c.state)}};
            if (c.state == State::Measured) {
                row.insert(QStringLiteral("completed_runs"), c.completedRuns);
                row.insert(QStringLiteral("median_wall_ms"), number(c.medianWallMs));
                row.insert(QStringLiteral("speedup_vs_1_loop"), number(c.speedup));
                // null on a quiet machine; else the largest share other programs took.
                row.insert(QStringLiteral("others_cpu_fraction"), number(c.busyFraction));
                if (i != table.base) {
                    row.insert(QStringLiteral("base_runs"), c.baseRuns);
                    row.insert(QStringLiteral("change_percent"), number(c.changePercent));
                    row.insert(QStringLiteral("mann_whitney_u"), number(c.vsBase.u));
                    row.insert(QStringLiteral("mann_whitney_p"), number(c.vsBase.p));
                    row.insert(QStringLiteral("significant"), c.significant);
                }
            }
            rows.append(row);
        }
        tables.append(QJsonObject{{QStringLiteral("workload"), PlanCodec::toJson(table.plan)},
                                  {QStringLiteral("runtime"), runtimeName(table.runtime)},
                                  {QStringLiteral("shards"), table.shards},
                                  {QStringLiteral("base"), comparison.reports[table.base].name},
                                  {QStringLiteral("rows"), rows}});
    }
    return {{QStringLiteral("schema"), QString::fromLatin1(kComparisonSchema)},
            {QStringLiteral("same_plan"), comparison.samePlan()},
            {QStringLiteral("plan_differences"),
             QJsonArray::fromStringList(comparison.planDifferences)},
            {QStringLiteral("significance_level"), kSignificanceLevel},
            {QStringLiteral("reports"), reports},
            {QStringLiteral("tables"), tables}};
}
