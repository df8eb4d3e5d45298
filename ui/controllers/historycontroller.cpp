// SPDX-License-Identifier: MIT
#include "ui/controllers/historycontroller.h"

#include "core/store/experimentrecorder.h"
#include "ui/models/experimentstatsmodel.h"
#include "ui/models/historymodel.h"

#include <QPointer>
#include <QSysInfo>

#include <QCoroFuture>

#include <algorithm>

HistoryController::Turn::Turn(QFuture<void> previous, std::shared_ptr<QPromise<void>> own)
    : before(std::move(previous))
    , mine(std::move(own))
{}

HistoryController::Turn::~Turn()
{
    mine->finish();
}

HistoryController::HistoryController(StoreThread &store, HistoryModel *history,
                                     ExperimentStatsModel *stats, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_history(history)
    , m_stats(stats)
    , m_last(QtFuture::makeReadyFuture())
{}

HistoryController::~HistoryController() = default;

std::unique_ptr<HistoryController::Turn> HistoryController::nextTurn()
{
    auto mine = std::make_shared<QPromise<void>>();
    mine->start();
    QFuture<void> before = std::exchange(m_last, mine->future());
    return std::make_unique<Turn>(std::move(before), std::move(mine));
}

namespace {

// The store as open() lists it.
struct Listing
{
    bool open = false;
    QString error;
    QString notice;
    QList<StoredRun> runs;
    std::optional<StoredExperiment> newest; // the newest complete experiment
};

Listing list(ResultStore &store, const QString &path)
{
    Listing l;
    l.open = store.open(path);
    l.error = store.error();
    if (!l.open)
        return l;
    l.notice = store.notice();
    l.runs = store.runs();
    l.error = store.error();
    if (!l.error.isEmpty()) // a file this build's queries cannot read
        return l;
    const QList<StoredExperiment> experiments = store.experiments();
    for (auto it = experiments.crbegin(); it != experiments.crend(); ++it) {
        if (it->finished && !it->result.cancelled && !it->result.runs.empty()) {
            l.newest = *it;
            break;
        }
    }
    return l;
}

} // namespace

QCoro::Task<> HistoryController::open(QString path)
{
    const QPointer<HistoryController> self(this);
    const auto turn = nextTurn();
    co_await turn->before;
    if (!self)
        co_return;
    // The future is made outside the co_await expression: GCC 12 destroys temporaries of a
    // co_await operand twice when they own memory.
    QFuture<Listing> listing =
        m_store.submit([path](ResultStore &store) { return list(store, path); });
    const Listing l = co_await listing;
    if (!self)
        co_return;
    m_open = l.open;
    if (!l.open) {
        emit problem(tr("History is not saved: %1").arg(l.error));
        co_return;
    }
    if (!l.notice.isEmpty())
        emit problem(l.notice);
    m_history->load(l.runs);
    if (!l.error.isEmpty()) {
        emit problem(tr("History: %1").arg(l.error));
        co_return;
    }
    if (l.newest) {
        m_stats->setResult(l.newest->result);
        m_shown = l.newest->id;
        emit restored(l.newest->result);
    }
}

void HistoryController::setTaskTimingsLimit(std::int64_t maxTasks)
{
    m_taskTimingsLimit = maxTasks;
    // In line with the records: the runs recorded after this call see it.
    m_store.submit([maxTasks](ResultStore &store) { store.setTaskTimingsLimit(maxTasks); });
}

QCoro::Task<QList<StoredRunTasks>> HistoryController::runTasks(QList<std::int64_t> runIds)
{
    const QPointer<HistoryController> self(this);
    co_await settled();
    if (!self)
        co_return {};
    // A named future, not a temporary lambda inside the co_await: GCC 12 destroys such a
    // temporary's captures twice.
    const QFuture<QList<StoredRunTasks>> reading =
        m_store.submit([runIds](ResultStore &store) { return store.runTasks(runIds); });
    QList<StoredRunTasks> runs = co_await reading;
    co_return runs;
}

QCoro::Task<> HistoryController::beginExperiment(ExperimentSpec spec, QString kind)
{
    const QPointer<HistoryController> self(this);
    const auto turn = nextTurn();
    co_await turn->before;
    if (!self)
        co_return;
    m_spec = spec;
    m_kind = kind;
    m_history->beginExperiment();
    // Made on the store's thread, where it is used: it holds the store's reference.
    QFuture<std::shared_ptr<ExperimentRecorder>> making =
        m_store.submit([spec = std::move(spec), kind = std::move(kind)](ResultStore &store) {
            return std::make_shared<ExperimentRecorder>(store, spec, kind, QStringLiteral("app"));
        });
    std::shared_ptr<ExperimentRecorder> recorder = co_await making;
    if (self)
        m_recorder = std::move(recorder);
}

namespace {

struct Recorded
{
    std::int64_t runId = 0;
    std::int64_t experimentId = 0;
    bool open = false;
    QString error;
};

} // namespace

QCoro::Task<std::int64_t> HistoryController::recordRun(RunResult result, RunRole role,
                                                       double guiStallP99Ms)
{
    const QPointer<HistoryController> self(this);
    const auto turn = nextTurn();
    co_await turn->before;
    if (!self)
        co_return 0;
    HistoryEntry stored;
    if (m_recorder) {
        QFuture<Recorded> recording = m_store.submit(
            [recorder = m_recorder, result, role, guiStallP99Ms](ResultStore &store) {
                Recorded r;
                r.runId = recorder->record(result, role, guiStallP99Ms);
                r.experimentId = recorder->experimentId();
                r.open = store.isOpen();
                r.error = store.error();
                return r;
            });
        const Recorded recorded = co_await recording;
        if (!self)
            co_return 0;
        stored.runId = recorded.runId;
        stored.experimentId = recorded.experimentId;
        if (recorded.runId == 0 && recorded.open)
            emit problem(tr("History is not saved: %1").arg(recorded.error));
    }
    stored.plan = m_spec.plan();
    stored.machine = QSysInfo::machineHostName();
    m_history->append(result, role, guiStallP99Ms, stored);
    co_return stored.runId;
}

QCoro::Task<> HistoryController::finishExperiment(ExperimentResult result)
{
    const QPointer<HistoryController> self(this);
    const auto turn = nextTurn();
    co_await turn->before;
    if (!self)
        co_return;
    std::int64_t id = 0;
    if (const std::shared_ptr<ExperimentRecorder> recorder = std::exchange(m_recorder, {})) {
        QFuture<std::int64_t> finishing = m_store.submit([recorder, result](ResultStore &) {
            recorder->finish(result);
            return recorder->experimentId();
        });
        id = co_await finishing;
        if (!self)
            co_return;
    }
    m_history->applyExperiment(result.summary);
    // A cancelled experiment never replaces the statistics of a complete one; it stays in the
    // history, and selecting its rows shows what it has.
    const bool shown = !(result.cancelled && m_stats->hasResult());
    if (shown) {
        m_stats->setResult(result);
        m_shown = id;
    }
    emit experimentRecorded(result, m_kind, shown);
}

QCoro::Task<> HistoryController::clear()
{
    const QPointer<HistoryController> self(this);
    const auto turn = nextTurn();
    co_await turn->before;
    if (!self)
        co_return;
    QFuture<QString> clearing = m_store.submit([recorder = m_recorder](ResultStore &store) {
        if (!store.isOpen() || store.clear(recorder ? recorder->experimentId() : 0))
            return QString();
        return store.error();
    });
    const QString error = co_await clearing;
    if (!self)
        co_return;
    if (!error.isEmpty())
        emit problem(tr("History not cleared: %1").arg(error));
    m_history->clear();
    m_stats->clear();
    m_shown = 0;
    emit cleared();
}

QCoro::Task<> HistoryController::showExperiment(std::int64_t id)
{
    const QPointer<HistoryController> self(this);
    const auto turn = nextTurn();
    co_await turn->before;
    if (!self)
        co_return;
    // Reopening an experiment of the history: its statistics come from the stored rows, as they
    // would after a restart.
    if (id <= 0 || !m_open || (m_stats->hasResult() && m_shown == id))
        co_return;
    QFuture<std::optional<StoredExperiment>> reading =
        m_store.submit([id](ResultStore &store) { return store.experiment(id); });
    const std::optional<StoredExperiment> experiment = co_await reading;
    if (!self || !experiment || experiment->result.runs.empty())
        co_return;
    m_shown = id;
    m_stats->setResult(experiment->result);
}

struct HistoryController::Deleted
{
    QString error; // empty: deleted
    QList<StoredRun> runs;
    bool shownGone = false;
    std::optional<ExperimentResult> shown; // the statistics page's experiment, read again
};

QCoro::Task<bool> HistoryController::deleteRun(std::int64_t runId)
{
    return remove(runId, 0);
}

QCoro::Task<bool> HistoryController::deleteExperiment(std::int64_t experimentId)
{
    return remove(0, experimentId);
}

QCoro::Task<bool> HistoryController::remove(std::int64_t runId, std::int64_t experimentId)
{
    const QPointer<HistoryController> self(this);
    const auto turn = nextTurn();
    co_await turn->before;
    if (!self)
        co_return false;
    const QString what = runId != 0 ? tr("Run #%1 not deleted: %2").arg(runId)
                                    : tr("Experiment #%1 not deleted: %2").arg(experimentId);
    if (m_recorder) {
        // Its rows in the model wait for its summary: they must stay where they are.
        emit problem(what.arg(tr("an experiment is running; delete when it has ended")));
        co_return false;
    }
    QFuture<Deleted> deleting =
        m_store.submit([runId, experimentId, shown = m_shown](ResultStore &store) {
            Deleted d;
            if (!store.isOpen()) {
                d.error = tr("the history is off (%1)").arg(store.error());
                return d;
            }
            if (!(runId != 0 ? store.deleteRun(runId) : store.deleteExperiment(experimentId))) {
                d.error = store.error();
                return d;
            }
            d.runs = store.runs();
            if (shown > 0) {
                d.shown = std::nullopt;
                if (auto e = store.experiment(shown); e && !e->result.runs.empty())
                    d.shown = std::move(e->result);
                else
                    d.shownGone = true;
            }
            return d;
        });
    Deleted d = co_await deleting;
    if (!self)
        co_return false;
    if (!d.error.isEmpty()) {
        emit problem(what.arg(d.error));
        co_return false;
    }
    m_history->load(d.runs);
    if (d.shownGone) {
        m_stats->clear();
        m_shown = 0;
    } else if (d.shown) {
        m_stats->setResult(*d.shown);
    }
    emit deleted(d.shownGone);
    co_return true;
}

QCoro::Task<std::optional<ExperimentSpec>>
HistoryController::configuration(std::int64_t experimentId, std::int64_t runId,
                                 bool wholeExperiment)
{
    const QPointer<HistoryController> self(this);
    const auto turn = nextTurn();
    co_await turn->before;
    if (!self)
        co_return std::nullopt;
    struct Read
    {
        std::optional<ExperimentSpec> spec;
        QString error;
    };
    QFuture<Read> reading =
        m_store.submit([experimentId, runId, wholeExperiment](ResultStore &store) {
            Read r;
            const std::optional<StoredExperiment> e =
                store.isOpen() ? store.experiment(experimentId) : std::nullopt;
            if (!e) {
                r.error = store.error().isEmpty()
                              ? tr("experiment #%1 is not in the history").arg(experimentId)
                              : store.error();
                return r;
            }
            ExperimentSpec spec = e->result.spec;
            if (!wholeExperiment) {
                const auto at = std::find(e->runIds.begin(), e->runIds.end(), runId);
                if (at == e->runIds.end()) {
                    r.error = tr("run #%1 is not in the history").arg(runId);
                    return r;
                }
                // The run alone: its plan and settings, on its own K and runtime, once.
                const RunResult &run = e->result.runs[std::size_t(at - e->runIds.begin())];
                spec.shardCounts = {run.shards};
                spec.runtimes = {run.runtime};
                spec.repeats = 1;
                spec.warmup = false;
            }
            r.spec = spec;
            return r;
        });
    const Read r = co_await reading;
    if (!self)
        co_return std::nullopt;
    if (!r.spec)
        emit problem(tr("Configuration not loaded: %1").arg(r.error));
    co_return r.spec;
}

namespace {

struct AddedAll
{
    QList<HistoryController::Added> added;
    QList<StoredRun> runs;                 // every run, when one was added
    std::optional<ExperimentResult> shown; // the last one added, as stored
};

} // namespace

QCoro::Task<QList<HistoryController::Added>>
HistoryController::addExperiments(QList<ExperimentResult> results, QString kind,
                                  QStringList sources)
{
    const QPointer<HistoryController> self(this);
    const auto turn = nextTurn();
    co_await turn->before;
    if (!self)
        co_return {};
    QFuture<AddedAll> adding = m_store.submit([results, kind, sources](ResultStore &store) {
        AddedAll all;
        std::int64_t last = 0;
        for (qsizetype i = 0; i < results.size(); ++i) {
            HistoryController::Added a;
            if (!store.isOpen())
                a.error = tr("the history is off (%1)").arg(store.error());
            else if ((a.id = store.addExperiment(results[i], kind, sources.value(i))) == 0)
                a.error = store.error();
            else
                last = i;
            all.added.append(a);
        }
        if (std::none_of(all.added.begin(), all.added.end(), [](const auto &a) { return a.id; }))
            return all;
        all.runs = store.runs();
        // The experiment as stored (its runs' ids and recomputed summary), unless it has none.
        const ExperimentResult &result = results[last];
        if (result.runs.empty())
            all.shown = result;
        else if (auto stored = store.experiment(all.added[last].id))
            all.shown = std::move(stored->result);
        return all;
    });
    AddedAll all = co_await adding;
    if (!self)
        co_return all.added;
    if (all.shown) {
        for (auto it = all.added.crbegin(); it != all.added.crend(); ++it) {
            if (it->id) {
                m_shown = it->id;
                break;
            }
        }
        m_stats->setResult(*all.shown);
        m_history->load(all.runs);
    }
    co_return all.added;
}

QCoro::Task<> HistoryController::settled()
{
    const auto turn = nextTurn();
    co_await turn->before;
}

bool HistoryController::statisticsFromStore() const
{
    // Listed with the store's experiments (after a restart) its runs have no per-shard figures
    // or load samples; every run that ran, or was read in full, has them.
    const auto &runs = m_stats->result().runs;
    return m_stats->hasResult() && m_shown > 0 &&
           std::all_of(runs.begin(), runs.end(), [](const RunResult &r) {
               return r.perShard.empty() && r.load.tSec.empty();
           });
}
