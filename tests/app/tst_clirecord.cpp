// SPDX-License-Identifier: MIT
#include "core/store/resultstore.h"
#include "tests/support/cliprocess.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// `--record` puts the CLI's runs into the store the desktop app reads (found through
// XDG_DATA_HOME, as the app finds it); without it, no database is created or touched.
namespace {

const QStringList kTiny{QStringLiteral("--tasks"), QStringLiteral("50"),    QStringLiteral("--io"),
                        QStringLiteral("0:2"),     QStringLiteral("--cpu"), QStringLiteral("0:100"),
                        QStringLiteral("--quiet")};

QProcessEnvironment withDataHome(const QString &dir)
{
    QProcessEnvironment env = cli::headlessEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir);
    env.remove(QLatin1String(ResultStore::kPathVariable)); // the suite's ":memory:" would win
    return env;
}

// Opens, in this process, the store a CLI run given withDataHome(dir) wrote.
bool openStoreOf(const QString &dir, ResultStore &store)
{
    qputenv("XDG_DATA_HOME", dir.toLocal8Bit());
    qunsetenv(ResultStore::kPathVariable);
    return store.open(ResultStore::defaultPath());
}

} // namespace

class TestCliRecord : public QObject
{
    Q_OBJECT
private slots:
    void recordAddsEveryRunToTheStore()
    {
        QTemporaryDir dir;
        const QProcessEnvironment env = withDataHome(dir.path());
        cli::Outcome o = cli::run(
            kTiny + QStringList{"--shards", "1,2", "--repeat", "2", "--warmup", "--record"}, env);
        QVERIFY2(o.exitCode == 0, o.err.constData());
        o = cli::run(kTiny + QStringList{"--shards", "4", "--record"}, env);
        QVERIFY2(o.exitCode == 0, o.err.constData());

        ResultStore store;
        QVERIFY2(openStoreOf(dir.path(), store), qPrintable(store.error()));
        QVERIFY(store.path().startsWith(dir.path()));
        const QList<StoredExperiment> experiments = store.experiments();
        QCOMPARE(experiments.size(), 2);
        QCOMPARE(experiments[0].kind, QStringLiteral("cli"));
        QVERIFY(experiments[0].finished);
        // The warm-up is listed as a run but is not part of the experiment's statistics.
        QCOMPARE(experiments[0].result.runs.size(), std::size_t(4));
        QCOMPARE(store.runCount(), qsizetype(4 + 1 + 1));
        QCOMPARE(experiments[0].result.summary.configs.size(), std::size_t(2));
        QCOMPARE(experiments[1].result.runs.front().shards, 4);
        QCOMPARE(experiments[1].result.spec.workload.tasks, 50);
    }

    void recordTasksKeepsEveryRunsTaskTimings()
    {
        // --record-tasks implies --record and keeps the per-task times; a plain --record keeps
        // none of them. Either way the experiment reopens with its per-shard figures.
        QTemporaryDir dir;
        const QProcessEnvironment env = withDataHome(dir.path());
        cli::Outcome o = cli::run(kTiny + QStringList{"--shards", "1,2", "--record-tasks"}, env);
        QVERIFY2(o.exitCode == 0, o.err.constData());
        o = cli::run(kTiny + QStringList{"--shards", "2", "--record"}, env);
        QVERIFY2(o.exitCode == 0, o.err.constData());

        ResultStore store;
        QVERIFY2(openStoreOf(dir.path(), store), qPrintable(store.error()));
        const QList<StoredExperiment> experiments = store.experiments();
        QCOMPARE(experiments.size(), 2);
        const auto withTasks = store.experiment(experiments[0].id);
        QVERIFY(withTasks);
        const RunResult &last = withTasks->result.runs.back();
        QVERIFY(last.timings);
        QCOMPARE(last.timings->size(), std::size_t(50));
        QVERIFY(last.plan);
        for (const TaskTiming &t : *last.timings)
            QVERIFY(t.doneNs >= t.resumedNs && t.resumedNs >= 0);
        QCOMPARE(last.perShard.size(), std::size_t(2));
        const auto without = store.experiment(experiments[1].id);
        QVERIFY(without);
        QVERIFY(!without->result.runs.back().timings);
        QCOMPARE(without->result.runs.back().perShard.size(), std::size_t(2));
    }

    void withoutRecordNoDatabaseIsCreated()
    {
        QTemporaryDir dir;
        const cli::Outcome o = cli::run(kTiny, withDataHome(dir.path()));
        QVERIFY2(o.exitCode == 0, o.err.constData());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("LoopBench"))));
    }

    void aStoreThatCannotBeOpenedIsRefusedBeforeTheRun()
    {
        QTemporaryDir dir;
        // A file where the store's folder would go: no database can be created there.
        QFile blocker(dir.filePath(QStringLiteral("LoopBench")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const cli::Outcome o = cli::run(kTiny + QStringList{"--record"}, withDataHome(dir.path()));
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.startsWith("--record: history is off"), o.err.constData());
        QVERIFY2(o.out.isEmpty(), o.out.constData()); // nothing ran
    }
};

QTEST_GUILESS_MAIN(TestCliRecord)
#include "tst_clirecord.moc"
