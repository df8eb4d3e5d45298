// SPDX-License-Identifier: MIT
#include "ui/controllers/importcontroller.h"

#include "core/base/workpool.h"
#include "core/report/reportreader.h"
#include "core/store/experimentkind.h"
#include "ui/common/formatting.h"
#include "ui/controllers/historycontroller.h"
#include "ui/models/historymodel.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHash>
#include <QMessageBox>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <QCoroFuture>

#include <algorithm>
#include <optional>

ImportController::ImportController(HistoryController &history, QObject *parent)
    : QObject(parent)
    , m_history(history)
{}

namespace {

// A report file as read: the experiment, or why it is not one.
using ReportRead = std::pair<std::optional<ExperimentResult>, QString>;

QList<ReportRead> readReports(const QStringList &paths)
{
    QList<ReportRead> out;
    for (const QString &path : paths) {
        QString error;
        std::optional<ExperimentResult> result = ReportReader::readFile(path, &error);
        out.append({std::move(result), error});
    }
    return out;
}

// A run is the same run when it started at the same millisecond on as many loops with the same
// checksum.
QString runKey(const RunResult &r)
{
    return QStringLiteral("%1|%2|%3")
        .arg(r.startedUtc.toMSecsSinceEpoch())
        .arg(r.shards)
        .arg(r.checksum);
}

} // namespace

QCoro::Task<ImportController::Outcome> ImportController::open(QStringList paths)
{
    const QPointer<ImportController> self(this);
    // Reading is checked and bounded (64 MB), but a large file still takes a second: not on the
    // GUI thread. (The future is made outside the co_await expression: GCC 12 destroys
    // temporaries of a co_await operand twice when they own memory.)
    QFuture<QList<ReportRead>> reading = QtConcurrent::run(&workPool(), readReports, paths);
    const QList<ReportRead> reads = co_await reading;
    if (!self)
        co_return Outcome{};
    Outcome outcome;
    QHash<QString, std::int64_t> known; // run key -> its experiment's id (0: in this batch)
    for (const HistoryEntry &e : m_history.model()->entries()) {
        if (e.result.startedUtc.isValid())
            known.insert(runKey(e.result), e.experimentId);
    }
    QList<ExperimentResult> fresh;
    QStringList sources;
    for (qsizetype i = 0; i < reads.size(); ++i) {
        const std::optional<ExperimentResult> &result = reads[i].first;
        if (!result) {
            outcome.refused.append(reads[i].second);
            continue;
        }
        const QString name = QFileInfo(paths[i]).fileName();
        const bool seen =
            !result->runs.empty() &&
            std::all_of(result->runs.begin(), result->runs.end(), [&](const RunResult &r) {
                return r.startedUtc.isValid() && known.contains(runKey(r));
            });
        if (seen) {
            const std::int64_t in = known.value(runKey(result->runs.front()));
            outcome.refused.append(
                tr("%1: already in the history%2, nothing added")
                    .arg(name, in > 0 ? tr(" (experiment #%1)").arg(in) : QString()));
            continue;
        }
        for (const RunResult &r : result->runs) {
            if (r.startedUtc.isValid())
                known.insert(runKey(r), 0);
        }
        fresh.append(*result);
        sources.append(paths[i]);
    }
    if (fresh.isEmpty())
        co_return outcome;
    QCoro::Task<QList<HistoryController::Added>> adding =
        m_history.addExperiments(fresh, experimentKindName(ExperimentKind::Imported), sources);
    const QList<HistoryController::Added> added = co_await adding;
    for (qsizetype i = 0; i < added.size(); ++i) {
        if (added[i].id > 0)
            ++outcome.added;
        else
            outcome.refused.append(
                tr("%1: %2").arg(QFileInfo(sources[i]).fileName(), added[i].error));
    }
    co_return outcome;
}

QCoro::Task<> ImportController::askAndOpen(QWidget *parent)
{
    const QStringList paths =
        QFileDialog::getOpenFileNames(parent, tr("Open LoopBench reports"), QString(),
                                      tr("LoopBench reports (*.json);;All files (*)"));
    if (paths.isEmpty())
        co_return;
    const QPointer<ImportController> self(this);
    const QPointer<QWidget> window(parent);
    // Not inside co_await: GCC 12 destroys temporaries of a co_await operand twice.
    QCoro::Task<Outcome> opening = open(paths);
    const Outcome outcome = co_await opening;
    if (!self || !window)
        co_return;
    if (!outcome.refused.isEmpty()) {
        QStringList lines;
        for (const QString &line : outcome.refused)
            lines.append(line.toHtmlEscaped());
        QMessageBox::warning(
            parent, tr("Open reports"),
            tr("<p>Not opened:</p><p>%1</p>").arg(lines.join(QStringLiteral("<br>"))));
    }
    if (outcome.added > 0)
        emit message(
            tr("Added %1 to the history")
                .arg(Formatting::counted(outcome.added, tr("experiment"), tr("experiments"))));
}

QCoro::Task<> ImportController::openDropped(QStringList paths)
{
    const QPointer<ImportController> self(this);
    QCoro::Task<Outcome> opening = open(paths);
    const Outcome outcome = co_await opening;
    if (!self)
        co_return;
    if (outcome.refused.isEmpty())
        emit message(
            tr("Added %1 to the history")
                .arg(Formatting::counted(outcome.added, tr("experiment"), tr("experiments"))));
    else
        emit notice(tr("Added %L1; not opened: %2")
                        .arg(outcome.added)
                        .arg(outcome.refused.join(QStringLiteral("; "))));
}
