// SPDX-License-Identifier: MIT
#pragma once

#include "core/experiment/experiment.h"
#include "core/experiment/runrole.h"
#include "core/store/storethread.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QPromise>
#include <QStringList>

#include <QCoroTask>

#include <cstdint>
#include <memory>
#include <optional>

class ExperimentRecorder;
class ExperimentStatsModel;
class HistoryModel;

// The history the window shows, kept in step with the result store: opens the store and lists its
// runs, records each run as the RunController reports it, applies an experiment's summary when it
// ends, reopens a stored experiment on the statistics page, adds imported experiments, clears.
// Every store call runs on the StoreThread, and each operation waits for the ones called before it
// to reach the models, so a row appears once its run is saved and shows what was saved, and an
// experiment's summary meets its rows. Without widgets: the window connects its pages to the
// signals, and a test drives it with plain models.
class HistoryController : public QObject
{
    Q_OBJECT
public:
    // Neither `store` nor the models are owned; `store` must outlive this object.
    HistoryController(StoreThread &store, HistoryModel *history, ExperimentStatsModel *stats,
                      QObject *parent = nullptr);
    ~HistoryController() override;

    StoreThread &store() const { return m_store; }
    HistoryModel *model() const { return m_history; }
    ExperimentStatsModel *statistics() const { return m_stats; }

    // Opens the store at `path`, lists its runs and puts its newest complete experiment on the
    // statistics page (restored()). A store that cannot be opened leaves a history of this session
    // only, and problem() says why.
    QCoro::Task<> open(QString path);
    // As the store last answered.
    bool isOpen() const { return m_open; }
    // Per-task timings are kept for the runs of at most `maxTasks` tasks recorded after this
    // (ResultStore::setTaskTimingsLimit(); Run > Keep per-task timings).
    void setTaskTimingsLimit(std::int64_t maxTasks);
    bool keepsTaskTimings() const { return m_taskTimingsLimit == ResultStore::kEveryRun; }

    // A sequence starts (`kind` as the store files it: "run", "compare", "sweep", "repeat"): its
    // experiment row is written when its first run ends.
    QCoro::Task<> beginExperiment(ExperimentSpec spec, QString kind);
    // A run ended: saved, then appended to the history with its store ids; its run id (0: not
    // saved).
    QCoro::Task<std::int64_t> recordRun(RunResult result, RunRole role, double guiStallP99Ms);
    // The sequence ended: its summary saved and applied to its rows, and on the statistics page
    // unless it was cancelled while a complete one is shown; then experimentRecorded().
    QCoro::Task<> finishExperiment(ExperimentResult result);
    // Deletes every stored run and every row; the experiment in flight keeps its row in the store
    // and its place in the model, so its runs to come are still recorded.
    QCoro::Task<> clear();
    // Puts stored experiment `id` on the statistics page, read in full from the store.
    QCoro::Task<> showExperiment(std::int64_t id);
    // Deletes stored run `runId` (and its experiment when it was the last run), or experiment
    // `experimentId` with all its runs; the history lists the store's runs again, the statistics
    // page follows. Refused while an experiment is being recorded. False with problem() saying
    // why when nothing was deleted: the history is then as it was.
    QCoro::Task<bool> deleteRun(std::int64_t runId);
    QCoro::Task<bool> deleteExperiment(std::int64_t experimentId);
    // What stored run `runId` ran (its experiment's plan and settings, on its K and runtime,
    // once, no warm-up), or with `wholeExperiment` its experiment as it was stored; nullopt with
    // problem() saying why when the store cannot say.
    QCoro::Task<std::optional<ExperimentSpec>>
    configuration(std::int64_t experimentId, std::int64_t runId, bool wholeExperiment);

    // What addExperiments() did with each experiment: its store id, or 0 and why not.
    struct Added
    {
        std::int64_t id = 0;
        QString error;
    };
    // Whole experiments (reports read from files, `sources` their paths) into the store in one
    // transaction each, then the history lists them and the last one added is shown.
    QCoro::Task<QList<Added>> addExperiments(QList<ExperimentResult> results, QString kind,
                                             QStringList sources);
    // Runs `runIds` with their per-task timings where kept (ResultStore::runTasks()), read on the
    // store's thread after every operation called before (a run just recorded is there).
    QCoro::Task<QList<StoredRunTasks>> runTasks(QList<std::int64_t> runIds);
    // Resumes once every operation called before it has reached the store and the models.
    QCoro::Task<> settled();

    // The store id of the statistics page's experiment; 0 when it is not stored.
    std::int64_t shownExperiment() const { return m_shown; }
    // The statistics page shows an experiment listed from the store without its runs' details
    // (per-shard figures, load samples): one restored at start.
    bool statisticsFromStore() const;

signals:
    // Something the user must read (the history is not saved, a damaged file was moved aside).
    void problem(const QString &message);
    // open() put a stored experiment on the statistics page.
    void restored(const ExperimentResult &shown);
    // finishExperiment() is done; `shown`: it is now on the statistics page.
    void experimentRecorded(const ExperimentResult &result, const QString &kind, bool shown);
    void cleared();
    // deleteRun() or deleteExperiment() removed rows; `shownDeleted`: the statistics page's
    // experiment is gone with them.
    void deleted(bool shownDeleted);

private:
    struct Deleted;
    QCoro::Task<bool> remove(std::int64_t runId, std::int64_t experimentId);

    // An operation's place in line: it waits for `before`, and the next one waits for it until
    // this object is gone (its promise finishes then).
    struct Turn
    {
        QFuture<void> before;
        std::shared_ptr<QPromise<void>> mine;
        Turn(QFuture<void> previous, std::shared_ptr<QPromise<void>> own);
        Turn(const Turn &) = delete;
        Turn &operator=(const Turn &) = delete;
        ~Turn();
    };
    std::unique_ptr<Turn> nextTurn();

    StoreThread &m_store;
    HistoryModel *m_history;
    ExperimentStatsModel *m_stats;
    QFuture<void> m_last; // finishes when the last operation called has
    bool m_open = false;
    std::int64_t m_taskTimingsLimit = 0;
    std::int64_t m_shown = 0;
    // The sequence in flight; used on the store's thread only.
    std::shared_ptr<ExperimentRecorder> m_recorder;
    ExperimentSpec m_spec; // the sequence in flight's (its rows' plan)
    QString m_kind;
};
