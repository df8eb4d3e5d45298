// SPDX-License-Identifier: MIT
#include "tests/support/controllerfixture.h"
#include "tests/support/syntheticexperiment.h"
#include "ui/config/configpanel.h"
#include "ui/config/presetstore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include <QCoroFuture>
#include <QCoroTask>

// The history kept in step with the store, without a window: runs are saved and then listed with
// their ids in the order they ended, a summary meets its rows, a cancelled experiment never
// replaces a complete one, a clear keeps the experiment in flight, a restart lists what was saved.
// Every store call runs on the store's thread (HistoryFixture forbids this one).
namespace {

// The store ids of the model's rows, in order.
QList<std::int64_t> rowIds(const HistoryModel &model)
{
    QList<std::int64_t> ids;
    for (const HistoryEntry &e : model.entries())
        ids.append(e.runId);
    return ids;
}

template <typename T> T await(QFuture<T> future)
{
    return QCoro::waitFor([](QFuture<T> f) -> QCoro::Task<T> { co_return co_await f; }(future));
}

qsizetype storedRuns(HistoryFixture &h)
{
    return await(h.store.submit([](ResultStore &s) { return s.runCount(); }));
}

QList<std::int64_t> storedIds(HistoryFixture &h)
{
    return await(h.store.submit([](ResultStore &s) {
        QList<std::int64_t> ids;
        for (const StoredRun &r : s.runs())
            ids.append(r.id);
        return ids;
    }));
}

// Records `e` as the window does when the RunController reports it: nothing awaited in between.
void record(HistoryController &control, const ExperimentResult &e, QString kind)
{
    control.beginExperiment(e.spec, std::move(kind));
    for (const RunResult &r : e.runs)
        control.recordRun(r, RunRole::Repeat, 1.5);
    control.finishExperiment(e);
}

} // namespace

class TestHistoryController : public QObject
{
    Q_OBJECT
private slots:
    void storeCallsRunOnTheStoresThread()
    {
        HistoryFixture h;
        QThread *ran =
            await(h.store.submit([](ResultStore &) { return QThread::currentThread(); }));
        QVERIFY(ran != QThread::currentThread());
        QVERIFY(h.control.isOpen()); // opened there, though forbidden here
    }

    void runsAreSavedThenListedInTheOrderTheyEnded()
    {
        HistoryFixture h;
        QSignalSpy problems(&h.control, &HistoryController::problem);
        QSignalSpy recorded(&h.control, &HistoryController::experimentRecorded);
        const ExperimentResult e = synthetic::sweep();
        record(h.control, e, QStringLiteral("sweep"));
        QCoro::waitFor(h.control.settled());
        QCOMPARE(problems.size(), 0);
        QCOMPARE(h.history.rowCount(), int(e.runs.size()));
        QCOMPARE(storedRuns(h), qsizetype(e.runs.size()));
        const std::int64_t experiment = h.history.entry(0).experimentId;
        QVERIFY(experiment > 0);
        for (int row = 0; row < h.history.rowCount(); ++row) {
            const HistoryEntry &entry = h.history.entry(row);
            QCOMPARE(entry.result.wallMs, e.runs[std::size_t(row)].wallMs);
            QCOMPARE(entry.runId, h.history.entry(0).runId + row);
            QCOMPARE(entry.experimentId, experiment);
            QCOMPARE(entry.guiStallP99Ms, 1.5);
            // The summary met the rows (a speedup is NaN until it does).
            QVERIFY(std::isfinite(entry.speedup));
        }
        QCOMPARE(recorded.size(), 1);
        QCOMPARE(recorded[0][1].toString(), QStringLiteral("sweep"));
        QVERIFY(recorded[0][2].toBool());
        QCOMPARE(h.control.shownExperiment(), experiment);
        QCOMPARE(h.stats.result().runs.size(), e.runs.size());
    }

    void aCancelledExperimentDoesNotReplaceACompleteOne()
    {
        HistoryFixture h;
        const ExperimentResult complete = synthetic::sweep();
        record(h.control, complete, QStringLiteral("sweep"));
        QCoro::waitFor(h.control.settled());
        QSignalSpy recorded(&h.control, &HistoryController::experimentRecorded);
        ExperimentResult cancelled = synthetic::experiment();
        cancelled.cancelled = true;
        record(h.control, cancelled, QStringLiteral("repeat"));
        QCoro::waitFor(h.control.settled());
        QCOMPARE(recorded.size(), 1);
        QVERIFY(!recorded[0][2].toBool());
        QCOMPARE(h.stats.result().runs.size(), complete.runs.size());
        QCOMPARE(h.history.rowCount(), int(complete.runs.size() + cancelled.runs.size()));
    }

    void aClearKeepsTheExperimentInFlight()
    {
        HistoryFixture h;
        record(h.control, synthetic::sweep(), QStringLiteral("sweep"));
        const ExperimentResult e = synthetic::experiment();
        h.control.beginExperiment(e.spec, QStringLiteral("repeat"));
        h.control.recordRun(e.runs[0], RunRole::Repeat, 1);
        h.control.clear();
        h.control.recordRun(e.runs[1], RunRole::Repeat, 1);
        QCoro::waitFor(h.control.settled());
        QCOMPARE(h.history.rowCount(), 1);
        QCOMPARE(h.history.entry(0).result.wallMs, e.runs[1].wallMs);
        QVERIFY(h.history.entry(0).runId > 0);
        QCOMPARE(storedRuns(h), qsizetype(1));
        QVERIFY(!h.stats.hasResult());
    }

    void aRestartListsWhatWasSaved()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        const ExperimentResult e = synthetic::sweep();
        {
            HistoryFixture h(path);
            record(h.control, e, QStringLiteral("sweep"));
            QCoro::waitFor(h.control.settled());
        }
        HistoryFixture restarted(path);
        QCOMPARE(restarted.history.rowCount(), int(e.runs.size()));
        QVERIFY(restarted.stats.hasResult());
        QVERIFY(restarted.control.shownExperiment() > 0);
        // Listed without its runs' details: an export reads them from the store.
        QVERIFY(restarted.control.statisticsFromStore());
    }

    void aStoreThatCannotOpenSaysWhyAndTheRunsStillShow()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("a-file")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        // A file stands where the store's folder would be.
        StoreThread store;
        HistoryModel history;
        ExperimentStatsModel stats;
        HistoryController control(store, &history, &stats);
        QSignalSpy problems(&control, &HistoryController::problem);
        QCoro::waitFor(control.open(dir.filePath(QStringLiteral("a-file/h.sqlite"))));
        QVERIFY(!control.isOpen());
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems[0][0].toString().startsWith(QLatin1String("History is not saved: ")),
                 qPrintable(problems[0][0].toString()));
        const ExperimentResult e = synthetic::sweep();
        record(control, e, QStringLiteral("sweep"));
        QCoro::waitFor(control.settled());
        QCOMPARE(history.rowCount(), int(e.runs.size()));
        QCOMPARE(history.entry(0).runId, std::int64_t(0));
        QCOMPARE(problems.size(), 1); // a store that is off is said once, not per run
    }

    // A deleted run leaves the history and the store, and only it; a deleted experiment takes
    // its runs and no other's; a delete the store refuses changes nothing and says why.
    void deletesLeaveTheOtherRowsInTheHistoryAndTheStore()
    {
        QTemporaryDir dir;
        HistoryFixture h(dir.filePath(QStringLiteral("results.sqlite")));
        QSignalSpy problems(&h.control, &HistoryController::problem);
        QSignalSpy deleted(&h.control, &HistoryController::deleted);
        const QList<std::int64_t> ids = h.add({synthetic::sweep(), synthetic::experiment()});
        QCOMPARE(ids.size(), 2);
        const QList<std::int64_t> before = rowIds(h.history);
        QCOMPARE(before.size(), 9 + 16);
        QCOMPARE(storedIds(h), before);

        const std::int64_t gone = before[4];
        QVERIFY(QCoro::waitFor(h.control.deleteRun(gone)));
        QList<std::int64_t> left = before;
        left.removeAt(4);
        QCOMPARE(rowIds(h.history), left);
        QCOMPARE(storedIds(h), left);
        QCOMPARE(deleted.size(), 1);

        // The second experiment is on the statistics page: deleting it empties the page.
        QCOMPARE(h.control.shownExperiment(), ids[1]);
        QVERIFY(QCoro::waitFor(h.control.deleteExperiment(ids[1])));
        left = left.mid(0, 8);
        QCOMPARE(rowIds(h.history), left);
        QCOMPARE(storedIds(h), left);
        QVERIFY(!h.stats.hasResult());
        QCOMPARE(deleted.last().first().toBool(), true);

        QVERIFY(problems.isEmpty());
        QVERIFY(!QCoro::waitFor(h.control.deleteRun(gone))); // gone already
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().first().toString().startsWith(
                     QStringLiteral("Run #%1 not deleted: ").arg(gone)),
                 qPrintable(problems.first().first().toString()));
        QCOMPARE(rowIds(h.history), left);
        QCOMPARE(storedIds(h), left);
    }

    void nothingIsDeletedWhileAnExperimentIsRecorded()
    {
        QTemporaryDir dir;
        HistoryFixture h(dir.filePath(QStringLiteral("results.sqlite")));
        const QList<std::int64_t> ids = h.add({synthetic::sweep()});
        const QList<std::int64_t> before = rowIds(h.history);
        QSignalSpy problems(&h.control, &HistoryController::problem);
        h.control.beginExperiment(synthetic::sweep().spec, QStringLiteral("sweep"));
        QVERIFY(!QCoro::waitFor(h.control.deleteExperiment(ids[0])));
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().first().toString().contains(QStringLiteral("running")));
        QCOMPARE(rowIds(h.history), before);
        QCOMPARE(storedIds(h), before);
    }

    // Load: the form holds the stored configuration exactly (what Sweep would run is the stored
    // spec), through SpecText as saved settings are; a run alone is its K and runtime, once.
    void aStoredConfigurationLoadsIntoTheFormWhole()
    {
        QTemporaryDir dir;
        HistoryFixture h(dir.filePath(QStringLiteral("results.sqlite")));
        ExperimentResult e = synthetic::sweep();
        e.spec.workload = WorkloadSpec{2500, 150, 900, 20'000, 300'000, Kernel::Hash, 77};
        e.spec.workload.ioDist = Distribution::logNormal(300, 800);
        e.spec.shardCounts = {1, 2, 4};
        e.spec.repeats = 3;
        e.spec.warmup = true;
        e.spec.partition = Partition::RoundRobin;
        e.spec.transport.kind = Transport::Http;
        e.spec.transport.connections = 8;
        e.spec.transport.responseBytes = 2048;
        const std::int64_t id = h.add({e}).value(0);
        QVERIFY(id > 0);
        PresetStore presets;
        ConfigPanel form(presets);

        const std::optional<ExperimentSpec> whole =
            QCoro::waitFor(h.control.configuration(id, 0, true));
        QVERIFY(whole);
        QCOMPARE(*whole, e.spec);
        form.setInput(SpecText::of(*whole));
        QVERIFY2(form.isValid(), qPrintable(form.parsed().errors.value(0).message));
        QCOMPARE(form.parsed().sweepSpec(), e.spec);
        const ConfigInput in = form.input();
        QCOMPARE(in.tasks, QStringLiteral("2500"));
        QCOMPARE(in.ioDist, QStringLiteral("lognormal:median=300,p99=800"));
        QCOMPARE(in.kernel, QStringLiteral("hash"));
        QCOMPARE(in.partition, QStringLiteral("round-robin"));
        QCOMPARE(in.shardList, QStringLiteral("1,2,4"));
        QCOMPARE(in.repeats, QStringLiteral("3"));
        QVERIFY(in.warmup);
        QCOMPARE(in.transport, QStringLiteral("http"));
        QCOMPARE(in.connections, QStringLiteral("8"));
        QCOMPARE(in.responseBytes, QStringLiteral("2048"));

        // The fifth row is the second run on K = 2.
        const HistoryEntry &run = h.history.entry(4);
        QCOMPARE(run.result.shards, 2);
        const std::optional<ExperimentSpec> one =
            QCoro::waitFor(h.control.configuration(id, run.runId, false));
        QVERIFY(one);
        form.setInput(SpecText::of(*one));
        ExperimentSpec expected = e.spec;
        expected.shardCounts = {2};
        expected.repeats = 1;
        expected.warmup = false;
        QCOMPARE(form.parsed().sweepSpec(), expected);
        QCOMPARE(form.input().shards, QStringLiteral("2"));
        QCOMPARE(form.input().shardList, QStringLiteral("2"));

        QSignalSpy problems(&h.control, &HistoryController::problem);
        QVERIFY(!QCoro::waitFor(h.control.configuration(id + 100, 0, true)));
        QCOMPARE(problems.size(), 1);
    }
};

QTEST_MAIN(TestHistoryController)
#include "tst_historycontroller.moc"
