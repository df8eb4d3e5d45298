// SPDX-License-Identifier: MIT
#include "tests/support/controllerfixture.h"
#include "tests/support/syntheticexperiment.h"

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

template <typename T> T await(QFuture<T> future)
{
    return QCoro::waitFor([](QFuture<T> f) -> QCoro::Task<T> { co_return co_await f; }(future));
}

qsizetype storedRuns(HistoryFixture &h)
{
    return await(h.store.submit([](ResultStore &s) { return s.runCount(); }));
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
};

QTEST_MAIN(TestHistoryController)
#include "tst_historycontroller.moc"
