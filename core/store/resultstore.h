// SPDX-License-Identifier: MIT
#pragma once

#include "core/experiment/experiment.h"
#include "core/experiment/runrole.h"
#include "core/store/storedrun.h"

#include <QList>
#include <QSet>
#include <QSqlError>
#include <QString>

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

class QThread;

// Every run and experiment, from the app and from `--record` CLI runs, in one SQLite database
// (Qt SQL's QSQLITE driver). Schema-versioned (PRAGMA user_version, migrations applied in order),
// WAL mode; every run is committed in its own transaction when it ends, so killing the process
// loses at most the run in flight. Views (history, statistics, exports) read these rows.
//
// One object per thread (a QSqlDatabase connection belongs to the thread that opened it). A store
// that could not be opened is a store that records nothing: every call returns an empty or
// failed answer and error() says why, so the app keeps running with history off.
class ResultStore
{
public:
    ResultStore();
    ~ResultStore();
    ResultStore(const ResultStore &) = delete;
    ResultStore &operator=(const ResultStore &) = delete;

    // $LOOPBENCH_STORE when set, else ~/.local/share/LoopBench/results.sqlite
    // ($XDG_DATA_HOME/LoopBench/results.sqlite).
    static constexpr const char *kPathVariable = "LOOPBENCH_STORE";
    static QString defaultPath();

    // Opens (creating it and its folder when missing) and migrates the database. A file SQLite
    // itself says is not a database or is corrupt (SQLITE_NOTADB, SQLITE_CORRUPT, a failed
    // integrity check) is moved aside to "<path>.corrupt-<UTC time>" (never deleted) and a new one
    // is created; notice() then says so. Anything else leaves the file as it is and returns false
    // with error() saying why: something other than a regular file at the path, a read-only
    // filesystem, file or folder, a full disk, another process holding its lock for longer than
    // the busy timeout (named by pid when /proc/locks shows it), tables changed by hand, a schema
    // version that is negative or newer than this build knows.
    bool open(const QString &path);
    // A thread that must never wait on the store: open() on it fails from now on, with error()
    // saying so, and Qt refuses a connection opened elsewhere on any thread but its own. The
    // desktop window names its GUI thread (a query on a long history takes seconds; StoreThread
    // runs them), so a path that would freeze the window fails its tests instead. nullptr lifts it.
    static void forbidThread(const QThread *thread);
    bool isOpen() const { return m_open; }
    QString path() const { return m_path; }
    // Why the store is off, or why the last write failed; empty when all is well.
    QString error() const { return m_error; }
    // Something the user should know that is not an error (a corrupted file moved aside).
    QString notice() const { return m_notice; }

    // A new experiment row (before its first run ends); 0 when the store is off or the write
    // failed.
    std::int64_t beginExperiment(const ExperimentSpec &spec, const MachineInfo &machine,
                                 double nsPerIter, const QString &kind, const QString &source);
    // One run, with its per-shard figures and load samples, in one transaction; the run's id,
    // or 0. Its per-task timings too when setKeepTaskTimings(true) and the run has them.
    std::int64_t recordRun(std::int64_t experimentId, int sequence, RunRole role,
                           const RunResult &run, double guiStallP99Ms = kNoValue);
    // Per-task timings are StoreCodec::kTimingBytesPerTask a task (240 MB for ten million): kept
    // for the runs of at most `maxTasks` tasks (0: none, kEveryRun: all) recorded after this.
    void setTaskTimingsLimit(std::int64_t maxTasks) { m_taskTimingsLimit = maxTasks; }
    std::int64_t taskTimingsLimit() const { return m_taskTimingsLimit; }
    void setKeepTaskTimings(bool keep) { m_taskTimingsLimit = keep ? kEveryRun : 0; }
    bool keepsTaskTimings() const { return m_taskTimingsLimit == kEveryRun; }
    static constexpr std::int64_t kEveryRun = std::numeric_limits<std::int64_t>::max();
    // The desktop app keeps the timings of runs up to this many tasks unless told otherwise:
    // 2.4 MB a run, under a second to read back and a timeline that still pans smoothly
    // (bench_timeline), while a sweep of 24 such runs adds ~58 MB to the history at most.
    static constexpr std::int64_t kSmallRunTasks = 100'000;
    // The experiment ended: its cancelled flag and verdict, and each run's speedup and outlier
    // flag from `result.summary` (runs matched by sequence, warm-up excluded as the summary does).
    bool finishExperiment(std::int64_t experimentId, const ExperimentResult &result);
    // A whole experiment (a report read from a file, a CLI run) in one transaction; its id, or 0.
    std::int64_t addExperiment(const ExperimentResult &result, const QString &kind,
                               const QString &source);

    // Every run, oldest first.
    QList<StoredRun> runs() const;
    // Every experiment with its runs, oldest first.
    QList<StoredExperiment> experiments() const;
    // One experiment in full: its runs with their per-shard figures and load samples, and the
    // per-task timings (with the plan they index, drawn again from the spec) of its last run
    // that kept them.
    std::optional<StoredExperiment> experiment(std::int64_t id) const;
    qsizetype runCount() const;
    // Runs `runIds` (in that order; ids not in the store are left out), each with its plan and
    // its per-task timings (and, for the stealing runtime, the loop of each task's CPU part) when
    // they were kept, and its load samples: what a timeline draws.
    QList<StoredRunTasks> runTasks(const QList<std::int64_t> &runIds) const;
    // The experiments that have a run with its per-task timings stored (their tasks.csv has
    // resumed and done times): what the export dialog says before anything is read in full.
    QSet<std::int64_t> experimentsWithTaskTimings() const;
    // Deletes every run and experiment (one transaction), except the row of the experiment
    // `keepExperimentId` (in flight: its runs so far are deleted, the ones to come are kept).
    bool clear(std::int64_t keepExperimentId = 0);
    // Deletes run `runId` with its per-shard figures, load samples and task timings. An
    // experiment left without runs goes with it; a finished one that keeps runs has its summary
    // (each run's speedup and outlier flag, its verdict) derived again from the runs left, as
    // finishExperiment() would. False with error() when the run is not stored or the delete
    // failed: then nothing was deleted.
    bool deleteRun(std::int64_t runId);
    // Deletes experiment `id` and every run of it, in one transaction; false (nothing deleted)
    // with error() when it is not stored or the delete failed.
    bool deleteExperiment(std::int64_t id);

    static constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

private:
    // Every run / experiment when the id is 0, else those of one experiment.
    QList<StoredRun> readRuns(std::int64_t experimentId) const;
    QList<StoredExperiment> readExperiments(std::int64_t id) const;
    bool writeRunDetails(std::int64_t runId, const RunResult &run);
    // Per-shard figures, load samples and task timings of `result`'s runs, whose store ids are
    // `runIds` in the same order.
    void readRunDetails(ExperimentResult &result, const std::vector<std::int64_t> &runIds) const;
    bool fail(const QString &what, const QString &why) const;
    bool fail(const QString &what, const QSqlError &error) const;

    QString m_connection; // the QSqlDatabase connection name, unique per object
    QString m_path;
    bool m_open = false;
    mutable QString m_error;
    QString m_notice;
    std::int64_t m_taskTimingsLimit = 0;
};
