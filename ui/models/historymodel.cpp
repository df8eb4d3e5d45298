// SPDX-License-Identifier: MIT
#include "ui/models/historymodel.h"

#include "core/base/missingmark.h"
#include "core/experiment/experimentsummary.h"
#include "core/experiment/verdict.h"
#include "ui/common/formatting.h"
#include "ui/common/shownname.h"

#include <QBrush>
#include <QColor>
#include <QIcon>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <cmath>

namespace {

// The badge beside a busy run's wall time: an amber warning triangle, drawn (no icon theme is
// sure to have one) once.
QIcon busyBadge()
{
    static const QIcon icon = [] {
        constexpr int kSize = 32; // scaled down by the view; crisp on high-DPI screens
        QImage image(kSize, kSize, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        QPainterPath triangle;
        triangle.moveTo(kSize / 2.0, 2);
        triangle.lineTo(kSize - 2, kSize - 3);
        triangle.lineTo(2, kSize - 3);
        triangle.closeSubpath();
        p.fillPath(triangle, QColor(235, 150, 0));
        p.setPen(QPen(QColor(40, 30, 0), 3.5, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(kSize / 2.0, 11), QPointF(kSize / 2.0, 20));
        p.drawPoint(QPointF(kSize / 2.0, 25));
        p.end();
        return QIcon(QPixmap::fromImage(image));
    }();
    return icon;
}

// Who took the machine during a busy run: the share, then the programs /proc named.
QString busyTip(const RunResult &r)
{
    QString tip = machineBusyNote(r.othersCpuFraction);
    if (!r.busyPrograms.empty())
        tip += HistoryModel::tr("\ntop programs: %1").arg(busyProgramsText(r.busyPrograms));
    return tip;
}

// "timer", "http · per-task", "http · 8 connections": how the run did its IO, in a cell.
QString transportCell(const TransportConfig &t)
{
    if (!t.isHttp())
        return transportName(t.kind);
    return QStringLiteral("%1 · %2").arg(
        transportName(t.kind),
        t.connections == 0
            ? t.connectionsText()
            : HistoryModel::tr("%1 connections").arg(QLocale().toString(t.connections)));
}

// Every http setting, for the cell's tooltip.
QString transportTip(const TransportConfig &t)
{
    if (!t.isHttp())
        return HistoryModel::tr("timer: each task sleeps on its shard's timer queue");
    return HistoryModel::tr("http: connections %1 · %2-byte responses · %3 · timeout %4 ms")
        .arg(t.connectionsText(), QString::number(t.responseBytes),
             t.target.isEmpty() ? HistoryModel::tr("own server, %1 loop(s)").arg(t.serverLoops)
                                : HistoryModel::tr("server %1").arg(t.target),
             QString::number(t.timeoutMs));
}

// "uniform", or the shapes by name: "IO lognormal · CPU pareto".
QString shapesCell(const WorkloadSpec &w)
{
    if (w.ioDist.isUniform() && w.cpuDist.isUniform())
        return shapeName(Distribution::Shape::Uniform);
    return QStringLiteral("IO %1 · CPU %2")
        .arg(shapeName(w.ioDist.shape), shapeName(w.cpuDist.shape));
}

// Each flag of a run in full, one a line, for the Status cell's tooltip.
QString statusTip(const HistoryEntry &e)
{
    const RunResult &r = e.result;
    QStringList lines;
    if (r.status == RunStatus::Failed)
        lines << HistoryModel::tr("failed: %1\nnot in the statistics").arg(r.error);
    else if (r.status == RunStatus::Cancelled)
        lines << HistoryModel::tr("%1: not in the statistics").arg(cancelledText(r));
    else if (e.role == RunRole::Warmup)
        lines << HistoryModel::tr("warm-up: untimed, not in the statistics");
    else
        lines << shownName(runStatusName(r.status));
    if (e.outlier)
        lines << HistoryModel::tr("wall time is a MAD outlier among the runs with K = %1 (modified "
                                  "z-score above 3.5); it stays in the statistics, flagged")
                     .arg(r.shards);
    if (r.machineBusy())
        lines << busyTip(r);
    if (const QString note = protectiveScheduleNote({r}); !note.isEmpty())
        lines << note;
    return lines.join(QLatin1Char('\n'));
}

} // namespace

QString HistoryModel::statusText(const RunResult &r, bool outlier)
{
    // A cancelled run says how far it got in its tooltip: the cell stays one short word.
    QString text = shownName(runStatusName(r.status));
    if (outlier)
        text += tr(" · outlier");
    if (r.machineBusy())
        text += tr(" · busy");
    if (r.schedule == ShardSchedule::Protective)
        text += tr(" · protective");
    return text;
}

QStringList HistoryModel::statusSamples()
{
    QStringList samples;
    for (RunStatus status : {RunStatus::Completed, RunStatus::Failed, RunStatus::Cancelled}) {
        RunResult r;
        r.status = status;
        r.othersCpuFraction = 1.0; // busy
        r.schedule = ShardSchedule::Protective;
        samples << statusText(r, status == RunStatus::Completed);
    }
    return samples;
}

QString HistoryModel::modeText(RunRole role, int repeat)
{
    return role == RunRole::Repeat
               ? QStringLiteral("%1 · #%2").arg(shownName(runRoleName(role))).arg(repeat + 1)
               : shownName(runRoleName(role));
}

QStringList HistoryModel::modeSamples()
{
    QStringList samples;
    for (const auto &name : kRunRoleNames)
        samples << modeText(name.value, 99);
    return samples;
}

QString HistoryModel::timeText(const QDateTime &startedUtc, const QDate &today)
{
    // The history lasts across days: a run of another day shows its date, as the locale writes
    // it.
    if (!startedUtc.isValid())
        return missingMark();
    const QDateTime local = startedUtc.toLocalTime();
    if (local.date() == today)
        return local.toString(QStringLiteral("HH:mm:ss"));
    return QStringLiteral("%1 %2").arg(QLocale().toString(local.date(), QLocale::ShortFormat),
                                       local.toString(QStringLiteral("HH:mm")));
}

int HistoryModel::rowOfRun(std::int64_t runId) const
{
    if (runId == 0)
        return -1;
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries[row].runId == runId)
            return row;
    }
    return -1;
}

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void HistoryModel::load(const QList<StoredRun> &runs)
{
    beginResetModel();
    m_entries.clear();
    std::fill(m_experimentRows.begin(), m_experimentRows.end(), -1);
    for (const StoredRun &run : runs) {
        HistoryEntry e;
        e.result = run.result;
        e.role = run.role;
        e.speedup = run.speedup;
        e.guiStallP99Ms = run.guiStallP99Ms;
        e.outlier = run.outlier;
        e.runId = run.id;
        e.experimentId = run.experimentId;
        e.plan = run.plan;
        e.machine = run.machine;
        m_entries.append(e);
    }
    m_shaded.clear();
    shadeFrom(0);
    endResetModel();
}

void HistoryModel::shadeFrom(int row)
{
    m_shaded.resize(std::size_t(m_entries.size()));
    for (int i = row; i < m_entries.size(); ++i) {
        const bool sameGroup = i > 0 && m_entries[i].experimentId != 0 &&
                               m_entries[i].experimentId == m_entries[i - 1].experimentId;
        m_shaded[std::size_t(i)] = i == 0      ? false
                                   : sameGroup ? m_shaded[std::size_t(i - 1)]
                                               : !m_shaded[std::size_t(i - 1)];
    }
}

int HistoryModel::append(const RunResult &result, RunRole role, double guiStallP99Ms,
                         const HistoryEntry &stored)
{
    HistoryEntry e = stored;
    e.result = result;
    e.role = role;
    e.guiStallP99Ms = guiStallP99Ms;
    const int row = static_cast<int>(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(e);
    shadeFrom(row);
    endInsertRows();
    if (role != RunRole::Warmup)
        m_experimentRows.push_back(row);
    return row;
}

void HistoryModel::beginExperiment()
{
    m_experimentRows.clear();
}

void HistoryModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_shaded.clear();
    std::fill(m_experimentRows.begin(), m_experimentRows.end(), -1);
    endResetModel();
}

void HistoryModel::applyExperiment(const ExperimentSummary &summary)
{
    for (std::size_t i = 0; i < m_experimentRows.size(); ++i) {
        const int row = m_experimentRows[i];
        if (row < 0 || row >= m_entries.size())
            continue;
        HistoryEntry &e = m_entries[row];
        e.outlier = summary.isOutlier(i);
        e.speedup = summary.speedupOfRun(i);
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    m_experimentRows.clear();
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HistoryEntry &e = m_entries.at(index.row());
    const RunResult &r = e.result;

    // The text columns sort by the text they show.
    if (role == SortRole || role == Qt::DisplayRole) {
        switch (index.column()) {
        case Transport:
            return transportCell(e.plan.transport);
        case Shapes:
            return shapesCell(e.plan.workload);
        case Machine:
            return e.machine;
        case Runtime:
            return runtimeName(r.runtime);
        case Checksum:
            if (role == SortRole)
                return QVariant::fromValue<quint64>(r.checksum);
            return r.tasksDone > 0 ? checksumText(r.checksum) : missingMark();
        default:
            break;
        }
    }
    if (role == SortRole) {
        switch (index.column()) {
        case Experiment:
            return qint64{e.experimentId};
        case Time:
            return r.startedUtc;
        case Mode:
            return modeText(e.role, r.repeat);
        case Shards:
            return r.shards;
        case Tasks:
            return qint64{r.tasks};
        case Wall:
            return r.wallMs;
        case Speedup:
            return e.speedup;
        case Efficiency:
            return r.efficiency;
        case LagP99:
            return r.lagMs.p99;
        case GuiStall:
            return e.guiStallP99Ms;
        case Status:
            return statusText(r, e.outlier);
        case IdealBound:
            return r.idealMs;
        }
    } else if (role == Qt::DisplayRole) {
        const QLocale locale;
        switch (index.column()) {
        case Experiment:
            return e.experimentId > 0 ? QStringLiteral("#%1").arg(e.experimentId) : missingMark();
        case Time:
            return timeText(r.startedUtc, QDate::currentDate());
        case Mode:
            return modeText(e.role, r.repeat);
        case IdealBound:
            return Formatting::duration(r.idealMs);
        case Shards:
            return locale.toString(r.shards);
        case Tasks:
            return r.tasksDone == r.tasks
                       ? locale.toString(qint64{r.tasks})
                       : QStringLiteral("%1 / %2").arg(locale.toString(qint64{r.tasksDone}),
                                                       locale.toString(qint64{r.tasks}));
        case Wall:
            return Formatting::duration(r.wallMs);
        case Speedup:
            return Formatting::speedup(e.speedup);
        case Efficiency:
            return Formatting::percent(r.efficiency); // "—" for a run that did not complete
        case LagP99:
            return Formatting::duration(r.lagMs.p99);
        case GuiStall:
            return Formatting::duration(e.guiStallP99Ms);
        case Status:
            return statusText(r, e.outlier);
        }
    } else if (role == Qt::BackgroundRole) {
        // Rows that do not enter the statistics, or stand out in them, are tinted: failed red,
        // cancelled grey, outlier amber; the runs of every second experiment are shaded. All
        // translucent, so the text stays readable on a light and on a dark base.
        if (r.status == RunStatus::Failed)
            return QBrush(QColor(230, 40, 40, 70));
        if (r.status == RunStatus::Cancelled || e.role == RunRole::Warmup)
            return QBrush(QColor(128, 128, 128, 70));
        if (e.outlier)
            return QBrush(QColor(255, 160, 0, 70));
        if (isShadedGroup(index.row()))
            return QBrush(QColor(70, 130, 220, 32));
        return {};
    } else if (role == Qt::DecorationRole) {
        // Seen at a glance, whatever the width of the Status column.
        if (index.column() == Wall && r.machineBusy())
            return busyBadge();
        return {};
    } else if (role == Qt::ForegroundRole) {
        return {};
    } else if (role == Qt::TextAlignmentRole) {
        const bool numeric = index.column() != Mode && index.column() != Status &&
                             index.column() != Machine && index.column() != Experiment &&
                             index.column() != Transport && index.column() != Shapes &&
                             index.column() != Runtime && index.column() != Checksum;
        return QVariant::fromValue(Qt::AlignVCenter | (numeric ? Qt::AlignRight : Qt::AlignLeft));
    } else if (role == Qt::ToolTipRole) {
        if (index.column() == Status)
            return statusTip(e);
        if (index.column() == Mode)
            return e.role == RunRole::Repeat
                       ? tr("run %1 of its configuration in an experiment (Sweep or Repeat "
                            "compare)")
                             .arg(r.repeat + 1)
                       : shownName(runRoleName(e.role));
        if (index.column() == Runtime)
            return r.implementation.isEmpty()
                       ? runtimeName(r.runtime)
                       : QStringLiteral("%1 (%2)").arg(runtimeName(r.runtime), r.implementation);
        if (index.column() == IdealBound)
            return tr("T*, the ideal bound: no schedule of this run's measured work on %1 could "
                      "finish before it")
                .arg(loopsLabel(r.shards));
        if (index.column() == Checksum)
            return tr("Checksum of every kernel result: equal for every K and runtime on one plan");
        if (index.column() == Time)
            return QLocale().toString(r.startedUtc.toLocalTime(), QLocale::LongFormat);
        if (index.column() == Tasks)
            return tr("%1 of %2 tasks done · checksum %3%4")
                .arg(QLocale().toString(qint64{r.tasksDone}), QLocale().toString(qint64{r.tasks}),
                     checksumText(r.checksum), QStringLiteral("\n") + e.plan.workload.describe());
        if (index.column() == Transport)
            return transportTip(e.plan.transport);
        if (index.column() == Shapes)
            return QStringLiteral("IO %1 · CPU %2")
                .arg(e.plan.workload.ioDist.text(), e.plan.workload.cpuDist.text());
        if (index.column() == Wall) {
            const QString figures =
                r.completed()
                    ? tr("wall %1 · ideal bound %2 · %3 tasks/s")
                          .arg(Formatting::duration(r.wallMs), Formatting::duration(r.idealMs),
                               std::isfinite(r.throughputTps)
                                   ? QLocale().toString(r.throughputTps, 'f', 0)
                                   : missingMark())
                    : tr("no wall time: %1")
                          .arg(r.status == RunStatus::Cancelled
                                   ? cancelledText(r)
                                   : shownName(runStatusName(r.status)));
            QString tip = r.machineBusy() ? figures + QStringLiteral("\n") + busyTip(r) : figures;
            if (const QString note = protectiveScheduleNote({r}); !note.isEmpty())
                tip += QStringLiteral("\n") + note;
            return tip;
        }
        if (index.column() == LagP99)
            return tr("event-loop lag p50 %1 · p90 %2 · p99 %3 · max %4")
                .arg(Formatting::duration(r.lagMs.p50), Formatting::duration(r.lagMs.p90),
                     Formatting::duration(r.lagMs.p99), Formatting::duration(r.lagMs.max));
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Experiment:
            return tr("Exp.");
        case Time:
            return tr("Time");
        case Mode:
            return tr("Mode");
        case Shards:
            return tr("K");
        case Tasks:
            return tr("Tasks");
        case Wall:
            return tr("Wall");
        case Speedup:
            return tr("Speedup");
        case Efficiency:
            return tr("Efficiency");
        case LagP99:
            return tr("Lag p99");
        case GuiStall:
            return tr("GUI stall p99");
        case Status:
            return tr("Status");
        case Transport:
            return tr("Transport");
        case Shapes:
            return tr("Shapes");
        case Machine:
            return tr("Machine");
        case Runtime:
            return tr("Runtime");
        case IdealBound:
            return tr("T*");
        case Checksum:
            return tr("Checksum");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case Experiment:
            return tr("The experiment the run belongs to (its runs share a shade); selecting a "
                      "run shows its experiment on the Sweep page");
        case Shards:
            return tr("Shard count K: event loops, one thread each");
        case Wall:
            return tr("Last task done minus start (t0)");
        case Speedup:
            return tr("Median wall time of the experiment's baseline (1 loop when it ran) "
                      "divided by this run's; shown once the experiment has ended");
        case Efficiency:
            return tr("Ideal bound / wall time: 100 % means no schedule on these "
                      "cores could have finished sooner");
        case LagP99:
            return tr("Event-loop lag (resumed minus due), 99th percentile");
        case GuiStall:
            return tr("Lateness of the GUI thread's heartbeat timer during the run, "
                      "99th percentile");
        case Transport:
            return tr("How each task did its IO: a timer sleep, or an HTTP request");
        case Shapes:
            return tr("Where the IO delays and CPU work fall inside their ranges");
        case Runtime:
            return tr("What ran the loops: threads, processes, stealing or asyncio");
        case IdealBound:
            return tr("T*, the ideal bound: the shortest wall time any schedule of the run's "
                      "measured work on its cores could reach");
        case Checksum:
            return tr(
                "Checksum of every kernel result: one plan has one checksum, whatever ran it");
        default:
            break;
        }
    }
    return {};
}
