// SPDX-License-Identifier: MIT
#include "ui/models/experimentstatsmodel.h"

#include "core/base/missingmark.h"
#include "ui/common/formatting.h"
#include "ui/models/comparison.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace {

// In the window's locale, as Formatting writes every other number ("0,01" under pt_BR).
QString fixed(double v, int decimals)
{
    return std::isnan(v) ? QString() : QLocale().toString(v, 'f', decimals);
}

} // namespace

ExperimentStatsModel::ExperimentStatsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ExperimentStatsModel::setResult(const ExperimentResult &result)
{
    beginResetModel();
    m_result = result;
    m_summary = m_result.summary;
    m_hasResult = true;
    endResetModel();
}

void ExperimentStatsModel::clear()
{
    beginResetModel();
    m_result = ExperimentResult{};
    m_summary = ExperimentSummary{};
    m_hasResult = false;
    endResetModel();
}

int ExperimentStatsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_summary.configs.size());
}

int ExperimentStatsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExperimentStatsModel::raw(const ConfigSummary &c, int column) const
{
    switch (column) {
    case Shards:
        return c.shards;
    case Runs:
        return c.completedRuns;
    case Outliers:
        return c.outliers;
    case WallMedian:
        return c.wallMs.median;
    case WallSd:
        return c.wallMs.stddev;
    case WallCv:
        return c.wallMs.cv;
    case WallMin:
        return c.wallMs.min;
    case WallMax:
        return c.wallMs.max;
    case Speedup:
        return c.speedup.value;
    case IdealSpeedup:
        return c.idealSpeedup;
    case AmdahlSpeedup:
        return c.amdahlSpeedup;
    case Efficiency:
        return c.efficiency.median;
    case WorkInflation:
        return c.workInflation;
    case LagP99:
        return c.lagP99Ms.median;
    case PValue:
        return c.vsBaseline.p;
    }
    return {};
}

QString ExperimentStatsModel::text(const ConfigSummary &c, int column) const
{
    switch (column) {
    case Shards:
        // With several runtimes ("Compare runtimes") a K appears once per runtime: say whose.
        return m_result.spec.threadsOnly()
                   ? QString::number(c.shards)
                   : QStringLiteral("%1 · %2").arg(c.shards).arg(runtimeName(c.runtime));
    case Runs:
        return c.completedRuns == c.runs ? QString::number(c.runs)
                                         : tr("%1 of %2").arg(c.completedRuns).arg(c.runs);
    case Outliers:
        return QString::number(c.outliers);
    case WallMedian:
        return Formatting::duration(c.wallMs.median);
    case WallSd:
        return std::isnan(c.wallMs.stddev) ? missingMark() : Formatting::duration(c.wallMs.stddev);
    case WallCv:
        return Formatting::percentPrecise(c.wallMs.cv);
    case WallMin:
        return Formatting::duration(c.wallMs.min);
    case WallMax:
        return Formatting::duration(c.wallMs.max);
    case Speedup:
        return Formatting::speedup(c.speedup.value, c.speedup.error);
    case IdealSpeedup:
        return Formatting::speedup(c.idealSpeedup);
    case AmdahlSpeedup:
        return Formatting::speedup(c.amdahlSpeedup);
    case Efficiency:
        return Formatting::percent(c.efficiency.median);
    case WorkInflation:
        return Formatting::speedup(c.workInflation);
    case LagP99:
        return Formatting::duration(c.lagP99Ms.median);
    case PValue:
        if (std::isnan(c.vsBaseline.p))
            return missingMark();
        return c.vsBaseline.p < 0.001 ? QStringLiteral("< ") + fixed(0.001, 3)
                                      : fixed(c.vsBaseline.p, 3);
    }
    return {};
}

QVariant ExperimentStatsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConfigSummary &c = m_summary.configs.at(std::size_t(index.row()));
    switch (role) {
    case SortRole:
        return raw(c, index.column());
    case Qt::DisplayRole:
        return text(c, index.column());
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignVCenter | Qt::AlignRight);
    case Qt::ForegroundRole:
        // Outliers and runs left out of the statistics deserve a second look.
        if ((index.column() == Outliers && c.outliers > 0) ||
            (index.column() == Runs && c.completedRuns < c.runs))
            return QBrush(QColor(190, 100, 0));
        if (index.column() == PValue && c.vsBaseline.p < kSignificance)
            return QBrush(QColor(30, 130, 60));
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Speedup)
            return tr("median wall of %1 / median wall of K = %2; ± one standard error, "
                      "propagated from both medians")
                .arg(loopsLabel(m_summary.baselineShards))
                .arg(c.shards);
        if (index.column() == WallMedian)
            return tr("median %1 · mean %2 · sd %3 over %4")
                .arg(Formatting::duration(c.wallMs.median), Formatting::duration(c.wallMs.mean),
                     Formatting::duration(c.wallMs.stddev),
                     Formatting::counted(c.completedRuns, tr("completed run"),
                                         tr("completed runs")));
        if (index.column() == PValue) {
            if (std::isnan(c.vsBaseline.p))
                return c.shards == m_summary.baselineShards
                           ? tr("the baseline itself")
                           : tr("needs at least %1 completed runs on each side")
                                 .arg(kMinRunsForMannWhitney);
            return c.vsBaseline.p < kSignificance
                       ? tr("green: p below %1, a difference this large is unlikely to be noise")
                             .arg(kSignificance)
                       : tr("p of %1 or more: the wall times of K = %2 and the baseline may "
                            "differ by noise alone")
                             .arg(kSignificance)
                             .arg(c.shards);
        }
        if (index.column() == Runs && c.completedRuns < c.runs)
            return tr("%1 cancelled or failed: listed in the history and runs.csv, "
                      "left out of every statistic")
                .arg(Formatting::counted(c.runs - c.completedRuns, tr("run"), tr("runs")));
        return {};
    default:
        return {};
    }
}

QVariant ExperimentStatsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    // Marked for lupdate: tr() of a variable is out of its sight, and these were shown in English
    // under pt_BR.
    static const char *const names[ColumnCount] = {
        QT_TR_NOOP("K"),           QT_TR_NOOP("Runs"),    QT_TR_NOOP("Outliers"),
        QT_TR_NOOP("Wall median"), QT_TR_NOOP("sd"),      QT_TR_NOOP("CV"),
        QT_TR_NOOP("Min"),         QT_TR_NOOP("Max"),     QT_TR_NOOP("Speedup"),
        QT_TR_NOOP("Ideal"),       QT_TR_NOOP("Amdahl"),  QT_TR_NOOP("Efficiency"),
        QT_TR_NOOP("Work"),        QT_TR_NOOP("Lag p99"), QT_TR_NOOP("p (M-W)"),
    };
    static const char *const tips[ColumnCount] = {
        QT_TR_NOOP("Shard count: event loops, one thread each"),
        QT_TR_NOOP("Completed runs that enter the statistics (of all runs with this K)"),
        QT_TR_NOOP("Completed runs whose wall time is a MAD outlier (modified z-score above 3.5)"),
        QT_TR_NOOP("Median wall time (last task done minus t0)"),
        QT_TR_NOOP("Sample standard deviation of the wall time"),
        QT_TR_NOOP("Coefficient of variation: sd / mean"),
        QT_TR_NOOP("Fastest run"),
        QT_TR_NOOP("Slowest run"),
        QT_TR_NOOP("Baseline median wall / this median wall, ± propagated standard error"),
        QT_TR_NOOP("Speedup the release-time bound T* allows: baseline T* / this T*"),
        QT_TR_NOOP("The Amdahl fit evaluated at this K"),
        QT_TR_NOOP(
            "Median of T* / wall per run: 100 % means no schedule could have finished sooner"),
        QT_TR_NOOP(
            "Work inflation: this K's measured kernel time over the baseline's. Above 1x the same "
            "work itself grew when run side by side (shared caches, SMT, a lower all-core clock), "
            "which T* and efficiency do not show"),
        QT_TR_NOOP("Median over runs of each run's 99th percentile event-loop lag"),
        QT_TR_NOOP(
            "Mann-Whitney U two-sided p-value of this K's wall times against the baseline's (needs "
            "at least 5 completed runs on each side); green below 0.05"),
    };
    if (section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole)
        return tr(names[section]);
    if (role == Qt::ToolTipRole)
        return tr(tips[section]);
    return {};
}

QString ExperimentStatsModel::headline() const
{
    return m_hasResult ? m_result.verdict() : QString();
}
