// SPDX-License-Identifier: MIT
#include "core/store/storethread.h"
#include "tests/support/syntheticexperiment.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTest>
#include <QThread>

#include <QCoroFuture>
#include <QCoroTask>

#include <vector>

// The result store on a thread of its own: every call runs on one thread that is not the
// caller's, in the order submitted, and the store refuses to open on a thread that must not wait
// on it (the window's).
namespace {

// The answer of a call, awaited as the window awaits it (the caller's loop keeps running).
template <typename T> T await(QFuture<T> future)
{
    return QCoro::waitFor([](QFuture<T> f) -> QCoro::Task<T> { co_return co_await f; }(future));
}

} // namespace

class TestStoreThread : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        // Qt refuses a connection on any thread but the one that opened it, with this warning:
        // a call that ran on the wrong thread fails the test.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("does not belong to the calling")));
    }

    void everyCallRunsOnOneThreadThatIsNotTheCallers()
    {
        StoreThread store;
        std::vector<QThread *> threads;
        for (int i = 0; i < 3; ++i) {
            threads.push_back(
                await(store.submit([](ResultStore &) { return QThread::currentThread(); })));
            QTest::qWait(20); // idle between calls: the thread stays
        }
        QVERIFY(threads[0] != QThread::currentThread());
        QCOMPARE(threads[1], threads[0]);
        QCOMPARE(threads[2], threads[0]);
    }

    void callsRunInTheOrderSubmitted()
    {
        StoreThread store;
        QVERIFY(
            await(store.submit([](ResultStore &s) { return s.open(QStringLiteral(":memory:")); })));
        const ExperimentResult e = synthetic::sweep();
        // Not awaited in between: the writes are queued behind each other, the read behind them.
        auto added = store.submit([e](ResultStore &s) {
            return s.addExperiment(e, QStringLiteral("imported"), QStringLiteral("a.json"));
        });
        auto again = store.submit([e](ResultStore &s) {
            return s.addExperiment(e, QStringLiteral("imported"), QStringLiteral("b.json"));
        });
        const qsizetype runs = await(store.submit([](ResultStore &s) { return s.runCount(); }));
        QCOMPARE(runs, 2 * qsizetype(e.runs.size()));
        QVERIFY(await(added) > 0);
        QCOMPARE(await(again), await(added) + 1);
    }

    void theStoreRefusesToOpenOnAForbiddenThread()
    {
        ResultStore::forbidThread(QThread::currentThread());
        {
            ResultStore here;
            QTest::ignoreMessage(QtWarningMsg,
                                 "ResultStore::open() on a thread that must not wait on the store");
            QVERIFY(!here.open(QStringLiteral(":memory:")));
            QVERIFY2(here.error().contains(QLatin1String("window's thread")),
                     qPrintable(here.error()));
            QVERIFY(!here.isOpen());
            QCOMPARE(here.runCount(), qsizetype(0));
            // On its own thread it opens all the same.
            StoreThread store;
            QVERIFY(await(
                store.submit([](ResultStore &s) { return s.open(QStringLiteral(":memory:")); })));
        }
        ResultStore::forbidThread(nullptr);
        ResultStore here;
        QVERIFY2(here.open(QStringLiteral(":memory:")), qPrintable(here.error()));
    }
};

QTEST_GUILESS_MAIN(TestStoreThread)
#include "tst_storethread.moc"
