// SPDX-License-Identifier: MIT
#include "ui/controllers/exportcontroller.h"

#include "core/experiment/experimentsummary.h"
#include "ui/common/formatting.h"
#include "ui/controllers/historycontroller.h"
#include "ui/export/exportsettings.h"
#include "ui/models/experimentstatsmodel.h"
#include "ui/models/historymodel.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>

#include <QCoroFuture>

#include <algorithm>

ExportController::ExportController(HistoryController &history, QObject *parent)
    : QObject(parent)
    , m_history(history)
{}

QString ExportController::experimentScope() const
{
    const ExperimentStatsModel *stats = m_history.statistics();
    if (!stats->hasResult())
        return {};
    const ExperimentResult &r = stats->result();
    QStringList shards;
    for (const int k : r.spec.shardCounts)
        shards.append(QString::number(k));
    const QString when =
        r.runs.empty()
            ? QString()
            : r.runs.front().startedUtc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    const std::int64_t shown = m_history.shownExperiment();
    // The dialog's radio button names the scope; this says which runs it holds.
    return tr("%1 of %2 on K = %3, %4%5")
        .arg(Formatting::counted(qint64(r.runs.size()), tr("run"), tr("runs")),
             Formatting::counted(r.spec.workload.tasks, tr("task"), tr("tasks")),
             shards.join(QStringLiteral(", ")), when,
             shown > 0 ? tr(" (#%1)").arg(shown) : QString());
}

ExportChoices ExportController::choices(const QList<int> &selectedRows,
                                        const std::optional<QSet<std::int64_t>> &withTimings) const
{
    const HistoryModel *history = m_history.model();
    const ExperimentStatsModel *stats = m_history.statistics();
    ExportChoices choices;
    choices.experiment = experimentScope();
    auto describe = [](const QList<HistoryEntry> &entries) {
        QSet<std::int64_t> experiments;
        int runs = 0;
        for (const HistoryEntry &e : entries) {
            if (e.runId > 0 && e.role != RunRole::Warmup) {
                ++runs;
                experiments.insert(e.experimentId);
            }
        }
        if (runs == 0)
            return QString();
        return tr("%1 of %2")
            .arg(Formatting::counted(runs, tr("run"), tr("runs")),
                 Formatting::counted(experiments.size(), tr("experiment"), tr("experiments")));
    };
    QList<HistoryEntry> selected;
    for (const int row : selectedRows)
        selected.append(history->entry(row));
    choices.selectedRuns = describe(selected);
    choices.history = describe(history->entries());
    // tasks.csv holds the times of the last run that kept them. The statistics page's runs in
    // memory say it themselves; stored experiments are named by `withTimings` (read off this
    // thread before the dialog), or, when that could not be read, the rule is said.
    const QString none = tr("Per-task timings were not kept for these runs: tasks.csv lists the "
                            "plan (io, iterations, due) without resumed and done times. Run > "
                            "Keep per-task timings keeps them for the next runs.");
    const bool fromStore = m_history.statisticsFromStore();
    if (stats->hasResult()) {
        const auto &runs = stats->result().runs;
        const bool kept = fromStore
                              ? withTimings && withTimings->contains(m_history.shownExperiment())
                              : std::any_of(runs.begin(), runs.end(),
                                            [](const RunResult &r) { return r.timings; });
        if (!kept && (withTimings || !fromStore))
            choices.noTimings[int(ExportScope::Experiment)] = none;
    }
    auto note = [&](const QList<HistoryEntry> &entries) {
        if (!withTimings)
            return m_history.keepsTaskTimings()
                       ? QString()
                       : tr("Per-task timings are kept only for runs recorded with Run > Keep "
                            "per-task timings on (it is off): for other runs tasks.csv lists the "
                            "plan without resumed and done times.");
        QList<std::int64_t> without;
        int experiments = 0;
        QSet<std::int64_t> seen;
        for (const HistoryEntry &e : entries) {
            if (e.runId <= 0 || e.role == RunRole::Warmup || seen.contains(e.experimentId))
                continue;
            seen.insert(e.experimentId);
            ++experiments;
            if (!withTimings->contains(e.experimentId))
                without.append(e.experimentId);
        }
        if (without.isEmpty())
            return QString();
        if (without.size() == experiments)
            return none;
        QStringList ids;
        for (const std::int64_t id : without.mid(0, 5))
            ids.append(QStringLiteral("#%1").arg(id));
        if (without.size() > 5)
            ids.append(QStringLiteral("…"));
        return tr("Per-task timings were not kept for %1 (%2): their tasks.csv lists the plan "
                  "without resumed and done times.")
            .arg(Formatting::counted(without.size(), tr("experiment"), tr("experiments")),
                 ids.join(QStringLiteral(", ")));
    };
    choices.noTimings[int(ExportScope::SelectedRuns)] = note(selected);
    choices.noTimings[int(ExportScope::History)] = note(history->entries());
    return choices;
}

QCoro::Task<std::optional<QSet<std::int64_t>>> ExportController::experimentsWithTimings()
{
    QFuture<std::optional<QSet<std::int64_t>>> reading =
        m_history.store().submit([](ResultStore &store) {
            std::optional<QSet<std::int64_t>> ids;
            if (store.isOpen()) {
                ids = store.experimentsWithTaskTimings();
                if (!store.error().isEmpty())
                    ids.reset();
            }
            return ids;
        });
    co_return co_await reading;
}

namespace {

// Which stored runs an export of history rows describes: their experiments in the order they
// first appear in the history, and the runs themselves.
struct StoredSelection
{
    QList<std::int64_t> experiments;
    QSet<std::int64_t> runs;
};

// The experiments of `selection`, each with only its chosen runs (summary recomputed for them),
// each in a folder of its own unless there is one; the reason when one cannot be read.
ExportController::Collected readSelection(ResultStore &store, const StoredSelection &selection)
{
    ExportController::Collected out;
    if (!store.isOpen()) {
        out.error = store.error();
        return out;
    }
    for (const std::int64_t id : selection.experiments) {
        std::optional<StoredExperiment> stored = store.experiment(id);
        if (!stored)
            return {{},
                    ExportController::tr("experiment #%1 could not be read from the history%2")
                        .arg(id)
                        .arg(store.error().isEmpty() ? QString()
                                                     : QStringLiteral(": ") + store.error())};
        ExperimentResult &r = stored->result;
        std::vector<RunResult> kept;
        for (std::size_t i = 0; i < r.runs.size(); ++i) {
            if (selection.runs.contains(stored->runIds[i]))
                kept.push_back(std::move(r.runs[i]));
        }
        if (kept.empty())
            continue; // only its warm-up was chosen
        // The runs were moved out: they go back whether or not all were chosen.
        const bool all = kept.size() == r.runs.size();
        r.runs = std::move(kept);
        if (!all)
            r.summary = summarizeExperiment(r);
        out.experiments.append(
            {QStringLiteral("experiment-%1-%2").arg(id).arg(stored->kind), std::move(r)});
    }
    if (out.experiments.size() == 1)
        out.experiments.front().folder.clear();
    return out;
}

} // namespace

QCoro::Task<ExportController::Collected> ExportController::collect(ExportScope scope,
                                                                   QList<int> selectedRows)
{
    const HistoryModel *history = m_history.model();
    QList<int> rows;
    if (scope == ExportScope::Experiment) {
        // The statistics page's experiment as it is in memory, unless it was listed from the
        // store without its runs' details (the one shown after a restart): then from the store,
        // with its load samples, per-shard figures and kept task timings.
        if (!m_history.statisticsFromStore()) {
            Collected shown;
            if (m_history.statistics()->hasResult())
                shown.experiments.append({QString(), m_history.statistics()->result()});
            co_return shown;
        }
        for (int row = 0; row < history->rowCount(); ++row) {
            if (history->entry(row).experimentId == m_history.shownExperiment())
                rows.append(row);
        }
    } else if (scope == ExportScope::SelectedRuns) {
        rows = selectedRows;
        std::sort(rows.begin(), rows.end());
    } else {
        for (int row = 0; row < history->rowCount(); ++row)
            rows.append(row);
    }
    StoredSelection selection;
    for (const int row : std::as_const(rows)) {
        const HistoryEntry &e = history->entry(row);
        if (e.runId <= 0)
            continue;
        selection.runs.insert(e.runId);
        if (!selection.experiments.contains(e.experimentId))
            selection.experiments.append(e.experimentId);
    }
    QFuture<Collected> reading = m_history.store().submit(
        [selection](ResultStore &store) { return readSelection(store, selection); });
    co_return co_await reading;
}

QCoro::Task<ExportOutcome> ExportController::exportTo(ExportOptions options,
                                                      QList<int> selectedRows, QWidget *parent)
{
    const QPointer<ExportController> self(this);
    QCoro::Task<Collected> collecting = collect(options.scope, selectedRows);
    const Collected collected = co_await collecting;
    if (!self)
        co_return ExportOutcome{false, {}, tr("the window closed"), {}};
    if (!collected.error.isEmpty())
        co_return ExportOutcome{false, {}, collected.error, {}};
    QCoro::Task<ExportOutcome> exporting =
        exportInBackground(collected.experiments, options, parent);
    co_return co_await exporting;
}

QCoro::Task<> ExportController::askAndExport(QWidget *parent, QList<int> selectedRows)
{
    ExportOptions defaults = m_options;
    if (defaults.directory.isEmpty()) {
        defaults.directory =
            QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                .filePath(QStringLiteral("loopbench-export"));
    }
    const QPointer<ExportController> self(this);
    const QPointer<QWidget> window(parent);
    QCoro::Task<std::optional<QSet<std::int64_t>>> reading = experimentsWithTimings();
    const std::optional<QSet<std::int64_t>> withTimings = co_await reading;
    if (!self || !window)
        co_return;
    ExportDialog dialog(defaults, choices(selectedRows, withTimings), parent);
    if (dialog.exec() != QDialog::Accepted)
        co_return;
    m_options = dialog.options();
    {
        QSettings settings;
        ExportSettings::save(settings, m_options);
    }
    QCoro::Task<ExportOutcome> exporting = exportTo(m_options, selectedRows, parent);
    const ExportOutcome outcome = co_await exporting;
    if (!self || !window)
        co_return;
    if (!outcome.ok) {
        QMessageBox::warning(
            parent, tr("Export failed"),
            tr("<p>Nothing more was written.</p><p>%1</p>%2")
                .arg(outcome.error.toHtmlEscaped(),
                     outcome.written.isEmpty()
                         ? QString()
                         : tr("<p>Written before the failure: %1</p>")
                               .arg(outcome.written.join(QStringLiteral(", ")).toHtmlEscaped())));
        co_return;
    }
    QStringList names;
    for (const QString &path : outcome.written)
        names.append(QFileInfo(path).fileName());
    const QString folder = QDir::toNativeSeparators(m_options.directory);
    emit message(tr("Exported to %1: %2").arg(folder, names.join(QStringLiteral(", "))));
    // Not modal: the window stays usable, and the box offers the one thing people do next.
    auto *done = new QMessageBox(
        QMessageBox::Information, tr("Export finished"),
        tr("%1 written to %2.%3")
            .arg(Formatting::counted(names.size(), tr("file"), tr("files")), folder,
                 outcome.notes.isEmpty()
                     ? QString()
                     : QStringLiteral("\n\n") + outcome.notes.join(QLatin1Char('\n'))),
        QMessageBox::Close, parent);
    done->setObjectName(QStringLiteral("exportFinished"));
    done->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *open = done->addButton(tr("&Open folder"), QMessageBox::ActionRole);
    const QString directory = m_options.directory;
    connect(open, &QPushButton::clicked, done,
            [directory] { QDesktopServices::openUrl(QUrl::fromLocalFile(directory)); });
    done->open();
}
