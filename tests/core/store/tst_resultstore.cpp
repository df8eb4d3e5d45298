// SPDX-License-Identifier: MIT
#include "core/experiment/plancodec.h"
#include "core/report/jsonreport.h"
#include "core/store/resultstore.h"
#include "core/store/storecodec.h"
#include "core/store/storeschema.h"
#include "core/workload/taskplan.h"
#include "tests/support/storetestsupport.h"
#include "tests/support/syntheticexperiment.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cstdio>
#include <unistd.h>

#include <cmath>
#include <limits>

// The result store: what goes in comes out the same (a missing number stays missing), every run
// is its own transaction, a damaged file is moved aside and never deleted, a store that cannot be
// written says why and records nothing, and a second process sees committed runs at once.
namespace {

using namespace storetest;

// Starts this test as a child that records two runs into `path` and then holds the store open
// until it is killed; true once it has said so.
bool startRecordingChild(QProcess &child, const QString &path)
{
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("-child"), path});
    return child.waitForReadyRead(30000) && child.readLine().trimmed() == "recorded";
}

} // namespace

class TestResultStore : public QObject
{
    Q_OBJECT
private slots:
    void anExperimentComesBackAsItWent()
    {
        QTemporaryDir dir;
        ExperimentResult e = synthetic::experiment();
        e.runs.back().schedule = ShardSchedule::Protective;
        const std::int64_t id = recordAndClose(dbPath(dir), e);
        QVERIFY(id > 0);
        // A new object on the same file: what a restart of the app sees.
        ResultStore store;
        QVERIFY(store.open(dbPath(dir)));
        const auto back = store.experiment(id);
        QVERIFY(back);
        QVERIFY(back->finished);
        QCOMPARE(back->kind, QStringLiteral("repeat"));
        const ExperimentResult &r = back->result;
        QCOMPARE(r.spec.shardCounts, e.spec.shardCounts);
        QCOMPARE(r.spec.repeats, e.spec.repeats);
        QCOMPARE(r.spec.workload.tasks, e.spec.workload.tasks);
        QCOMPARE(r.spec.workload.seed, e.spec.workload.seed);
        QCOMPARE(r.machine.cpuModel, e.machine.cpuModel);
        QCOMPARE(r.nsPerIter, e.nsPerIter);
        QCOMPARE(r.runs.size(), e.runs.size());
        for (std::size_t i = 0; i < e.runs.size(); ++i) {
            const RunResult &a = e.runs[i];
            const RunResult &b = r.runs[i];
            QCOMPARE(b.status, a.status);
            QCOMPARE(b.error, a.error);
            QCOMPARE(b.shards, a.shards);
            QCOMPARE(b.repeat, a.repeat);
            QCOMPARE(b.schedule, a.schedule);
            QCOMPARE(b.startedUtc, a.startedUtc);
            QCOMPARE(b.tasksDone, a.tasksDone);
            QCOMPARE(b.wallMs, a.wallMs);
            QCOMPARE(b.lagMs.p99, a.lagMs.p99);
            QCOMPARE(b.latencyMs.max, a.latencyMs.max);
            QCOMPARE(b.checksum, a.checksum); // 0x12e4: hex text, not a number 12e4
        }
        // The statistics rebuilt from the rows are the statistics of the experiment.
        QCOMPARE(r.summary.configs.size(), e.summary.configs.size());
        QCOMPARE(r.verdict(), e.verdict());
        // Speedup and outlier columns per run, as the summary had them.
        const QList<StoredRun> runs = store.runs();
        QCOMPARE(runs.size(), qsizetype(e.runs.size()));
        for (qsizetype i = 0; i < runs.size(); ++i) {
            const double expected = e.summary.runSpeedups[std::size_t(i)];
            QVERIFY(std::isnan(expected) ? std::isnan(runs[i].speedup)
                                         : qFuzzyCompare(runs[i].speedup, expected));
            QCOMPARE(runs[i].guiStallP99Ms, 1.5 + double(i));
        }
    }

    void aMissingNumberStaysMissing()
    {
        QTemporaryDir dir;
        ResultStore store;
        QVERIFY(store.open(dbPath(dir)));
        ExperimentResult e = synthetic::experiment();
        RunResult cancelled = e.runs.front();
        cancelled.status = RunStatus::Cancelled;
        cancelled.idealMs = std::nan("");
        cancelled.efficiency = std::nan("");
        const std::int64_t id = store.beginExperiment(e.spec, e.machine, e.nsPerIter,
                                                      QStringLiteral("run"), QStringLiteral("app"));
        QVERIFY(store.recordRun(id, 0, RunRole::OneLoop, cancelled) > 0);
        const StoredRun back = store.runs().front();
        QVERIFY(std::isnan(back.result.idealMs));
        QVERIFY(std::isnan(back.result.efficiency));
        QVERIFY(std::isnan(back.guiStallP99Ms));
        QCOMPARE(back.result.status, RunStatus::Cancelled);
        QVERIFY(scalar(store.path(), QStringLiteral("SELECT ideal_ms FROM runs")).isNull());
    }

    // Each role is stored as the word older builds wrote (their files must keep reading the same)
    // and reads back as itself; a word this build does not know reads as a CLI run.
    void everyRunRoleIsStoredAsItsWordAndComesBack()
    {
        const QList<QPair<RunRole, QString>> words = {
            {RunRole::OneLoop, QStringLiteral("one loop")},
            {RunRole::KLoops, QStringLiteral("K loops")},
            {RunRole::CompareOne, QStringLiteral("compare · 1")},
            {RunRole::CompareK, QStringLiteral("compare · K")},
            {RunRole::Warmup, QStringLiteral("warm-up")},
            {RunRole::Repeat, QStringLiteral("experiment")},
            {RunRole::Cli, QStringLiteral("cli")},
            {RunRole::Imported, QStringLiteral("imported")},
        };
        QCOMPARE(qsizetype(std::size(kRunRoleNames)), words.size());
        QTemporaryDir dir;
        ResultStore store;
        QVERIFY(store.open(dbPath(dir)));
        const ExperimentResult e = synthetic::experiment();
        const std::int64_t id = store.beginExperiment(e.spec, e.machine, e.nsPerIter,
                                                      QStringLiteral("run"), QStringLiteral("app"));
        for (int i = 0; i < words.size(); ++i) {
            const std::int64_t run = store.recordRun(id, i, words[i].first, e.runs.front());
            QVERIFY(run > 0);
            QCOMPARE(
                scalar(store.path(), QStringLiteral("SELECT role FROM runs WHERE id = %1").arg(run))
                    .toString(),
                words[i].second);
        }
        const QList<StoredRun> back = store.runs();
        QCOMPARE(back.size(), words.size());
        for (int i = 0; i < words.size(); ++i)
            QCOMPARE(back[i].role, words[i].first);
        QCOMPARE(runRoleFromName(u"a role of a newer build"), RunRole::Cli);
    }

    void detailsOfARunComeBackWithItsExperiment()
    {
        // Per-shard figures and load samples are kept for every run; per-task timings only when
        // asked for, and then with the plan they index drawn again from the spec.
        QTemporaryDir dir;
        ExperimentResult e = synthetic::experiment();
        e.spec.workload.tasks = 4;
        RunResult &first = e.runs[0];
        first.perShard = {{0, 1, 4, 4, 12.5, 13.25, 99.5, 0xabcULL}};
        first.load.tSec = {0.25, 0.5};
        first.load.cores = {{0.5, 1.0}, {0.25, std::nan("")}};
        first.load.shards = {{0.75, 0.125}};
        first.workMs = 8123.5;
        first.estimatedIdealMs = 9100.25;
        first.timings = std::make_shared<const std::vector<TaskTiming>>(
            std::vector<TaskTiming>{{1, 2}, {3, 4}, {-1, -1}, {5'000'000'000LL, 6'000'000'000LL}});
        RunResult &second = e.runs[1];
        second.timings = first.timings;
        second.load.tSec = {0.25}; // a sample with cores only (the last one of a run)
        second.load.cores = {{0.5}};
        second.load.shards = {{std::nan("")}}; // its one shard's share unknown: ""

        ResultStore store;
        QVERIFY(store.open(dbPath(dir)));
        QVERIFY(!store.keepsTaskTimings());
        const std::int64_t without = record(store, e);
        store.setKeepTaskTimings(true);
        const std::int64_t with = record(store, e);
        QCOMPARE(scalar(store.path(), QStringLiteral("SELECT COUNT(*) FROM task_timings")).toInt(),
                 2); // the two runs of the second experiment that had timings
        QCOMPARE(scalar(store.path(), QStringLiteral("SELECT COUNT(*) FROM load_samples")).toInt(),
                 6);

        const auto a = store.experiment(without);
        QVERIFY(a);
        const RunResult &back = a->result.runs[0];
        QCOMPARE(back.workMs, 8123.5);
        QCOMPARE(back.estimatedIdealMs, 9100.25);
        QCOMPARE(back.perShard.size(), std::size_t{1});
        QCOMPARE(back.perShard[0].cpu, 1);
        QCOMPARE(back.perShard[0].busyMs, 12.5);
        QCOMPARE(back.perShard[0].finishMs, 99.5);
        QCOMPARE(back.perShard[0].checksum, 0xabcULL);
        QCOMPARE(back.load.tSec, first.load.tSec);
        QCOMPARE(back.load.cores.size(), std::size_t{2});
        QCOMPARE(back.load.cores[0], first.load.cores[0]);
        QCOMPARE(back.load.cores[1][0], 0.25);
        QVERIFY(std::isnan(back.load.cores[1][1]));
        QCOMPARE(back.load.shards, first.load.shards);
        QVERIFY(!back.timings);
        QVERIFY(a->result.runs[1].load.shards.empty());
        QCOMPARE(a->result.runs[1].load.cores, second.load.cores);
        QVERIFY(a->result.runs[2].load.tSec.empty());
        QCOMPARE(a->runIds.size(), a->result.runs.size());

        const auto b = store.experiment(with);
        QVERIFY(b);
        // Like a fresh experiment: the last run that kept them has them.
        QVERIFY(!b->result.runs[0].timings);
        const RunResult &kept = b->result.runs[1];
        QVERIFY(kept.timings);
        QCOMPARE(kept.timings->size(), std::size_t{4});
        QCOMPARE((*kept.timings)[1].resumedNs, 3);
        QCOMPARE((*kept.timings)[2].doneNs, -1);
        QCOMPARE((*kept.timings)[3].doneNs, 6'000'000'000LL);
        QVERIFY(kept.plan);
        QCOMPARE(*kept.plan, TaskPlan::generate(e.spec.workload));
        // The history list reads no details: it stays fast at 10,000 runs.
        QVERIFY(store.runs().front().result.load.tSec.empty());
    }

    void aRunsTimelineComesBackWithItsCpuTimeAndLoops()
    {
        // What a timeline draws: per task resumed, done, its kernel's CPU time, and for the
        // stealing runtime the loop that ran its CPU part, which is not its slice's loop.
        QTemporaryDir dir;
        ExperimentResult e = synthetic::experiment();
        e.spec.workload.tasks = 4;
        e.runs.resize(2);
        RunResult &stealing = e.runs[0];
        stealing.runtime = Runtime::Stealing;
        stealing.shards = 2;
        stealing.timings = std::make_shared<const std::vector<TaskTiming>>(
            std::vector<TaskTiming>{{10, 20, 9}, {30, 40, 8}, {50, 60, 7}, {-1, -1, -1}});
        // Contiguous slices give tasks 0, 1 to loop 0 and 2, 3 to loop 1.
        stealing.cpuLoops = std::make_shared<const std::vector<std::uint16_t>>(
            std::vector<std::uint16_t>{1, 0, 0, 0});
        RunResult &threads = e.runs[1];
        threads.shards = 2;
        threads.timings = std::make_shared<const std::vector<TaskTiming>>(
            std::vector<TaskTiming>{{1, 2, 1}, {3, 4, 1}, {5, 6, 1}, {7, 8'000'000'000LL, 5}});

        ResultStore store;
        QVERIFY(store.open(dbPath(dir)));
        store.setTaskTimingsLimit(4);
        record(store, e);
        const QList<StoredRun> runs = store.runs();
        QCOMPARE(runs.size(), 2);
        const QList<StoredRunTasks> back = store.runTasks({runs[1].id, 999999, runs[0].id});
        QCOMPARE(back.size(), 2); // in the order asked, the unknown id left out
        QCOMPARE(back[0].run.id, runs[1].id);
        QVERIFY(!back[0].imported);

        const RunResult &t = back[0].run.result;
        QVERIFY(t.timings && t.plan);
        QVERIFY(!t.cpuLoops);
        QCOMPARE((*t.timings)[3].doneNs, 8'000'000'000LL);
        QCOMPARE((*t.timings)[3].workNs, 5);
        QCOMPARE(loopOfTask(t, 1), 0);
        QCOMPARE(loopOfTask(t, 2), 1);

        const RunResult &s = back[1].run.result;
        QCOMPARE(s.runtime, Runtime::Stealing);
        QVERIFY(s.timings && s.cpuLoops);
        QCOMPARE((*s.timings)[2].workNs, 7);
        QCOMPARE(*s.cpuLoops, *stealing.cpuLoops);
        QCOMPARE(loopOfTask(s, 0), 1); // stolen by loop 1
        QCOMPARE(loopOfTask(s, 2), 0); // stolen by loop 0
        QCOMPARE(loopOfTask(s, 3), 1); // never ran: its slice's loop
        QCOMPARE(*s.plan, TaskPlan::generate(e.spec.workload));
    }

    void onlyRunsUpToTheLimitKeepTheirTimings()
    {
        QTemporaryDir dir;
        ExperimentResult e = synthetic::experiment();
        e.spec.workload.tasks = 4;
        e.runs.resize(1);
        e.runs[0].timings = std::make_shared<const std::vector<TaskTiming>>(
            std::vector<TaskTiming>{{1, 2, 1}, {3, 4, 1}, {5, 6, 1}, {7, 8, 1}});
        ResultStore store;
        QVERIFY(store.open(dbPath(dir)));
        store.setTaskTimingsLimit(3); // one task short
        record(store, e);
        store.setTaskTimingsLimit(ResultStore::kEveryRun);
        QVERIFY(store.keepsTaskTimings());
        record(store, e);
        QCOMPARE(scalar(store.path(), QStringLiteral("SELECT COUNT(*) FROM task_timings")).toInt(),
                 1);
        // 16 B resumed and done, 8 B CPU time a task; no loops for the threads runtime.
        QCOMPARE(scalar(store.path(), QStringLiteral("SELECT length(resumed_done_ns) + "
                                                     "length(work_ns) FROM task_timings"))
                     .toInt(),
                 4 * StoreCodec::kTimingBytesPerTask);
        QVERIFY(
            scalar(store.path(), QStringLiteral("SELECT cpu_loops FROM task_timings")).isNull());
        const QList<StoredRun> runs = store.runs();
        const QList<StoredRunTasks> back = store.runTasks({runs[0].id, runs[1].id});
        QCOMPARE(back.size(), 2);
        QVERIFY(!back[0].run.result.timings);
        QVERIFY(!back[0].imported);
        QVERIFY(back[1].run.result.timings);

        // A report read from a file has none, and says why.
        e.runs[0].timings.reset();
        const std::int64_t imported =
            store.addExperiment(e, QStringLiteral("import"), QStringLiteral("/tmp/report.json"));
        QVERIFY(imported > 0);
        const QList<StoredRun> all = store.runs();
        const QList<StoredRunTasks> fromFile = store.runTasks({all.back().id});
        QCOMPARE(fromFile.size(), 1);
        QVERIFY(fromFile[0].imported);
        QVERIFY(!fromFile[0].run.result.timings);
    }

    void aRunIsCommittedWhenItEnds()
    {
        // Another connection (another process: the app, sqlite3) sees each run as soon as
        // recordRun() returns, before the experiment ends.
        QTemporaryDir dir;
        ResultStore store;
        QVERIFY(store.open(dbPath(dir)));
        const ExperimentResult e = synthetic::experiment();
        const std::int64_t id = store.beginExperiment(
            e.spec, e.machine, e.nsPerIter, QStringLiteral("repeat"), QStringLiteral("app"));
        for (int i = 0; i < 3; ++i) {
            QVERIFY(store.recordRun(id, i, RunRole::Repeat, e.runs[std::size_t(i)]) > 0);
            QCOMPARE(scalar(store.path(), QStringLiteral("SELECT COUNT(*) FROM runs")).toInt(),
                     i + 1);
        }
        QCOMPARE(scalar(store.path(), QStringLiteral("SELECT finished FROM experiments")).toInt(),
                 0);
    }

    void aKilledWriterLosesNothingCommitted()
    {
        // A child process records two runs and is killed with SIGKILL while it holds the store
        // open: both runs are there for the next open.
        QTemporaryDir dir;
        const QString path = dbPath(dir);
        QProcess child;
        QVERIFY(startRecordingChild(child, path));
        child.kill();
        QVERIFY(child.waitForFinished(10000));
        ResultStore store;
        QVERIFY2(store.open(path), qPrintable(store.error()));
        QCOMPARE(store.runCount(), qsizetype(2));
    }

    void aDamagedFileIsMovedAsideNotDeleted()
    {
        QTemporaryDir dir;
        const QString path = dbPath(dir);
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        const QByteArray garbage(8192, 'x');
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(garbage);
        }
        ResultStore store;
        QVERIFY2(store.open(path), qPrintable(store.error()));
        QVERIFY2(store.notice().contains(QLatin1String("moved to")), qPrintable(store.notice()));
        const QStringList aside = QDir(QFileInfo(path).absolutePath())
                                      .entryList({QStringLiteral("results.sqlite.corrupt-*")});
        QCOMPARE(aside.size(), 1);
        QFile kept(QFileInfo(path).absolutePath() + QLatin1Char('/') + aside.front());
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), garbage);
        // And the new store works.
        const ExperimentResult e = synthetic::experiment();
        QVERIFY(record(store, e) > 0);
    }

    void aFileReplacedUnderALiveInstanceNeitherCrashesNorLosesItsLog()
    {
        // Another instance holds the store open in WAL mode; its file is deleted (its log and
        // shared index stay) and a new instance opens the path. That crashed: the schema version
        // read as -1 and migrations()[-1] was run. Now the new instance either works or says why,
        // and the other instance's log is kept, beside the file it belongs to or moved aside.
        QTemporaryDir dir;
        const QString path = dbPath(dir);
        QProcess child;
        QVERIFY(startRecordingChild(child, path));
        const QString folder = QFileInfo(path).absolutePath();
        QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
        QVERIFY(QFile::remove(path));
        {
            ResultStore store;
            if (store.open(path)) {
                QVERIFY(record(store, synthetic::experiment()) > 0);
                QCOMPARE(store.runCount(), qsizetype(synthetic::experiment().runs.size()));
            } else {
                QVERIFY2(store.error().startsWith(QLatin1String("history is off")),
                         qPrintable(store.error()));
            }
        }
        child.kill();
        QVERIFY(child.waitForFinished(10000));
        QVERIFY2(!QDir(folder).entryList({QStringLiteral("*-wal")}).isEmpty(),
                 qPrintable(QDir(folder).entryList().join(QLatin1Char(' '))));
    }

    void aStoreThatCannotBeWrittenSaysWhyAndRecordsNothing()
    {
        if (::geteuid() == 0)
            QSKIP("root writes to read-only folders: run the suite unprivileged to check this");
        QTemporaryDir dir;
        const QString readOnly = dir.filePath(QStringLiteral("ro"));
        QVERIFY(QDir().mkdir(readOnly));
        QVERIFY(QFile::setPermissions(readOnly, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        ResultStore store;
        QVERIFY(!store.open(readOnly + QStringLiteral("/sub/results.sqlite")));
        QVERIFY2(store.error().startsWith(QLatin1String("history is off")),
                 qPrintable(store.error()));
        const ExperimentResult e = synthetic::experiment();
        QCOMPARE(record(store, e), 0);
        QVERIFY(store.runs().isEmpty());
    }

    void shapesComeBackAndNameTheSpec()
    {
        QTemporaryDir dir;
        ExperimentResult e = synthetic::experiment();
        e.spec.workload.ioDist = Distribution::logNormal(300, 900);
        e.spec.workload.cpuDist = Distribution::bimodal(0.125);
        ResultStore store;
        QVERIFY(store.open(dbPath(dir)));
        const std::int64_t id = record(store, e);
        QVERIFY2(id > 0, qPrintable(store.error()));
        const auto back = store.experiment(id);
        QVERIFY(back);
        QCOMPARE(back->result.spec.workload, e.spec.workload);
        // Each run carries its experiment's plan, which the history compares and shows.
        QVERIFY(store.runs().first().plan == e.spec.plan());
    }

    // Every field of the plan has its column, under its PlanCodec key, and comes back: a field
    // added to the plan without a migration fails here.
    void everyPlanFieldHasAColumnAndComesBack()
    {
        QTemporaryDir dir;
        ExperimentResult e = synthetic::experiment();
        Plan &plan = e.spec;
        plan.workload.ioDist = Distribution::pareto(300, 900);
        plan.workload.cpuDist = Distribution::bimodal(0.25);
        plan.workload.kernel = Kernel::Hash;
        plan.workload.seed = std::numeric_limits<std::uint64_t>::max();
        plan.transport.kind = Transport::Http;
        plan.transport.connections = 16;
        plan.transport.responseBytes = 65536;
        plan.transport.target = QStringLiteral("127.0.0.1:8123");
        plan.transport.serverLoops = 3;
        plan.transport.timeoutMs = 2500;
        ResultStore store;
        QVERIFY(store.open(dbPath(dir)));
        const std::int64_t id = record(store, e);
        QVERIFY2(id > 0, qPrintable(store.error()));
        QVERIFY(store.experiment(id)->result.spec.plan() == e.spec.plan());
        QVERIFY(store.experiments().last().result.spec.plan() == e.spec.plan());
        QVERIFY(store.runs().last().plan == e.spec.plan());
        // Per-task connections: "per-task" in the column, 0 in the rows of schema 3.
        plan.transport.connections = 0;
        const std::int64_t perTask = record(store, e);
        QCOMPARE(store.experiment(perTask)->result.spec.transport.connections, 0);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                        QStringLiteral("plan-columns"));
            db.setDatabaseName(dbPath(dir));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("UPDATE experiments SET connections = 0")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA table_info(experiments)")));
            QStringList columns;
            while (q.next())
                columns.append(q.value(1).toString());
            for (const PlanField &f : PlanCodec::fields())
                QVERIFY2(columns.contains(QLatin1String(f.key)), f.key);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("plan-columns"));
        QCOMPARE(store.experiment(id)->result.spec.transport.connections, 0);
    }

    void anHttpExperimentComesBackWithEachRunsFigures()
    {
        QTemporaryDir dir;
        ExperimentResult e = synthetic::httpExperiment();
        e.spec.transport.connections = 32;
        e.spec.transport.responseBytes = 100'000;
        e.spec.transport.target = QStringLiteral("10.0.0.2:8080");
        e.spec.transport.timeoutMs = 2500;
        e.runs[1].http->serverCpuMs = ResultStore::kNoValue; // unknown stays unknown
        const std::int64_t id = recordAndClose(dbPath(dir), e);
        QVERIFY(id > 0);
        ResultStore store;
        QVERIFY(store.open(dbPath(dir)));
        const auto back = store.experiment(id);
        QVERIFY(back);
        QCOMPARE(back->result.spec.transport, e.spec.transport);
        QCOMPARE(back->result.runs.size(), e.runs.size());
        const QList<StoredRun> runs = store.runs();
        QCOMPARE(runs.size(), qsizetype(e.runs.size()));
        for (std::size_t i = 0; i < e.runs.size(); ++i) {
            const std::optional<HttpRunStats> &http = e.runs[i].http;
            QCOMPARE(back->result.runs[i].http.has_value(), http.has_value());
            QCOMPARE(runs[qsizetype(i)].result.http.has_value(), http.has_value());
            if (!http)
                continue; // the failed run: NULL, not an empty object
            for (const HttpRunStats &got :
                 {*back->result.runs[i].http, *runs[qsizetype(i)].result.http}) {
                QCOMPARE(got.bytesReceived, http->bytesReceived);
                for (const auto &[a, b] : {std::pair{got.connectMs, http->connectMs},
                                           std::pair{got.firstByteMs, http->firstByteMs},
                                           std::pair{got.serverLateMs, http->serverLateMs}}) {
                    QCOMPARE(a.p50, b.p50);
                    QCOMPARE(a.p90, b.p90);
                    QCOMPARE(a.p99, b.p99);
                    QCOMPARE(a.max, b.max);
                }
                QCOMPARE(got.failures, http->failures);
                QVERIFY(i == 1 ? std::isnan(got.serverCpuMs)
                               : got.serverCpuMs == http->serverCpuMs);
            }
        }
        // The column holds the JSON report's own object: one format for both.
        QCOMPARE(
            scalar(dbPath(dir), QStringLiteral("SELECT http FROM runs WHERE seq = 0")).toString(),
            QString::fromUtf8(
                QJsonDocument(httpRunToJson(*e.runs[0].http)).toJson(QJsonDocument::Compact)));
        QVERIFY(
            scalar(dbPath(dir), QStringLiteral("SELECT http FROM runs WHERE seq = 15")).isNull());
        QCOMPARE(
            scalar(dbPath(dir), QStringLiteral("SELECT transport FROM experiments")).toString(),
            QStringLiteral("http"));
    }

    void clearRemovesRunsWithTheirExperiments()
    {
        QTemporaryDir dir;
        ResultStore store;
        QVERIFY(store.open(dbPath(dir)));
        record(store, synthetic::experiment());
        QVERIFY(store.runCount() > 0);
        QVERIFY(store.clear());
        QCOMPARE(store.runCount(), qsizetype(0));
        QVERIFY(store.experiments().isEmpty());
        QCOMPARE(scalar(store.path(), QStringLiteral("SELECT COUNT(*) FROM shard_stats")).toInt(),
                 0);
    }

    // A deleted run leaves with its details; its experiment's figures are derived again from
    // the runs left, and the last run takes its experiment with it.
    void aDeletedRunLeavesItsExperimentDerivedFromTheRest()
    {
        QTemporaryDir dir;
        ResultStore store;
        QVERIFY(store.open(dbPath(dir)));
        const ExperimentResult e = synthetic::experiment();
        const std::int64_t id = record(store, e);
        const auto before = store.experiment(id);
        QVERIFY(before);
        const qsizetype runs = qsizetype(before->runIds.size());
        QVERIFY(runs >= 3);
        // The experiment's slowest K-loop run is an outlier (6400 ms among ~5400): deleting it
        // takes its flag away and moves the median.
        const QList<StoredRun> all = store.runs();
        const auto outlier =
            std::find_if(all.begin(), all.end(), [](const StoredRun &r) { return r.outlier; });
        QVERIFY(outlier != all.end());
        const std::int64_t gone = outlier->id;
        QVERIFY2(store.deleteRun(gone), qPrintable(store.error()));
        QCOMPARE(store.runCount(), runs - 1);
        QCOMPARE(
            scalar(store.path(),
                   QStringLiteral("SELECT COUNT(*) FROM shard_stats WHERE run_id = %1").arg(gone))
                .toInt(),
            0);
        const auto after = store.experiment(id);
        QVERIFY(after);
        QVERIFY(!after->runIds.empty());
        QVERIFY(std::find(after->runIds.begin(), after->runIds.end(), gone) == after->runIds.end());
        // The stored speedups and flags are the summary of the runs left, not of the runs before.
        const QList<StoredRun> left = store.runs();
        const ExperimentSummary &summary = after->result.summary;
        for (qsizetype i = 0; i < left.size(); ++i) {
            QCOMPARE(left[i].outlier, summary.isOutlier(std::size_t(i)));
            const double expected = summary.speedupOfRun(std::size_t(i));
            QVERIFY(std::isnan(expected) ? std::isnan(left[i].speedup)
                                         : qFuzzyCompare(left[i].speedup, expected));
        }
        QVERIFY(
            std::none_of(left.begin(), left.end(), [](const StoredRun &r) { return r.outlier; }));

        QVERIFY(!store.deleteRun(gone)); // already gone: says so, deletes nothing
        QVERIFY(store.error().contains(QStringLiteral("not in the history")));
        QCOMPARE(store.runCount(), runs - 1);

        for (const StoredRun &r : left)
            QVERIFY2(store.deleteRun(r.id), qPrintable(store.error()));
        QCOMPARE(store.runCount(), qsizetype(0));
        QVERIFY(store.experiments().isEmpty());
    }

    void aDeletedExperimentTakesItsRunsAndNoOther()
    {
        QTemporaryDir dir;
        ResultStore store;
        QVERIFY(store.open(dbPath(dir)));
        const std::int64_t first = record(store, synthetic::experiment());
        const std::int64_t second = record(store, synthetic::sweep());
        const qsizetype secondRuns = qsizetype(store.experiment(second)->runIds.size());
        QVERIFY(store.deleteExperiment(first));
        QCOMPARE(store.runCount(), secondRuns);
        QCOMPARE(store.experiments().size(), qsizetype(1));
        QCOMPARE(store.experiments().first().id, second);
        QVERIFY(!store.deleteExperiment(first));
        QVERIFY(store.error().contains(QStringLiteral("not in the history")));
        QCOMPARE(store.runCount(), secondRuns);
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The child of aKilledWriterLosesNothingCommitted: records two runs, says so, and waits to
    // be killed.
    if (argc == 3 && QByteArray(argv[1]) == "-child") {
        ResultStore store;
        if (!store.open(QString::fromLocal8Bit(argv[2])))
            return 1;
        const ExperimentResult e = synthetic::experiment();
        const std::int64_t id = store.beginExperiment(
            e.spec, e.machine, e.nsPerIter, QStringLiteral("repeat"), QStringLiteral("app"));
        store.recordRun(id, 0, RunRole::Repeat, e.runs[0]);
        store.recordRun(id, 1, RunRole::Repeat, e.runs[1]);
        std::printf("recorded\n");
        std::fflush(stdout);
        for (;;)
            QThread::sleep(1);
    }
    TestResultStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_resultstore.moc"
