// SPDX-License-Identifier: MIT
#include "core/base/clock.h"
#include "core/runtime/workerset.h"
#include "core/workload/taskplan.h"

#include <QFileInfo>
#include <QTest>

#include <csignal>
#include <thread>

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");
const QString kFake = QStringLiteral(LOOPBENCH_TEST_DATA "/workers/fakeworker.py");

std::shared_ptr<const TaskPlan> smallPlan(int ioMaxMs = 20)
{
    return std::make_shared<const TaskPlan>(
        TaskPlan::generate(WorkloadSpec{6, 0, ioMaxMs, 10, 1000, Kernel::Article, 5}));
}

std::vector<Slice> twoSlices(const TaskPlan &plan)
{
    return {sliceFor(Partition::RoundRobin, plan.size(), 2, 0),
            sliceFor(Partition::RoundRobin, plan.size(), 2, 1)};
}

WorkerSet::Options fakeOptions(const QString &mode, int badWorker = 1)
{
    WorkerSet::Options o;
    o.runtime = QStringLiteral("fake");
    o.command = {kPython, {kFake, mode, QString::number(badWorker)}};
    o.kernel = Kernel::Article;
    // Short limits, so that the hung cases fail in about a second.
    o.silenceLimitNs = 1'000'000'000;
    o.readyBaseNs = 1'500'000'000;
    return o;
}

bool gone(pid_t pid)
{
    return pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH;
}

} // namespace

class TestWorkerSet : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (!QFileInfo(kPython).isExecutable())
            QSKIP("no /usr/bin/python3 to run the fake workers");
    }

    void goodWorkersHandBackEveryTask()
    {
        const auto plan = smallPlan();
        WorkerSet set(plan, twoSlices(*plan), fakeOptions(QStringLiteral("good")));
        std::vector<int> seen(plan->size(), 0);
        set.run(nullptr, [&](int worker, const WorkerProtocol::Record &r) {
            QCOMPARE(int(r.id % 2), worker); // round-robin: worker k has the ids k mod 2
            ++seen[r.id];
        });
        QVERIFY2(set.failure().isEmpty(), qPrintable(set.failure()));
        QCOMPARE(seen, std::vector<int>(plan->size(), 1));
        std::uint64_t expected = 0;
        for (std::size_t i = 0; i < plan->size(); ++i)
            expected += checksumTerm(runKernel(Kernel::Article, plan->iterations(i), 0));
        QCOMPARE(set.outcomes()[0].checksum + set.outcomes()[1].checksum, expected);
        QCOMPARE(set.outcomes()[1].implementation, QStringLiteral("fake good"));
        QVERIFY(set.readyNs() >= set.spawnNs());
        QVERIFY(set.t0Ns() > set.readyNs());
        for (const WorkerSet::Outcome &o : set.outcomes()) {
            QVERIFY(gone(o.pid));
            QVERIFY(o.peakRssKb > 0);
        }
    }

    void aBrokenWorkerFailsTheRunByName_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("error");
        QTest::newRow("dies before ready")
            << "die-before-ready"
            << "fake worker 2 of 2: exited with status 3 before its ready line: ImportError: no "
               "module named 'fake'";
        QTest::newRow("dies mid-run") << "die-mid-run"
                                      << "fake worker 2 of 2: exited with status 4 before its end "
                                         "line";
        QTest::newRow("bad exit") << "bad-exit"
                                  << "fake worker 2 of 2: exited with status 5";
        QTest::newRow("no ready") << "no-ready"
                                  << "fake worker 2 of 2: did not answer the handshake (no ready "
                                     "line within 1.5 s)";
        QTest::newRow("hangs") << "hang"
                               << "fake worker 2 of 2: hangs: no line for 1 s while 3 of its 3 "
                                  "tasks are not done";
        QTest::newRow("garbage") << "garbage"
                                 << "fake worker 2 of 2: line 2: 'Segmentation fault (core "
                                    "dumped)' is not a line of loopbench.worker/1";
        QTest::newRow("wrong id") << "wrong-id"
                                  << "fake worker 2 of 2: line 2: record for task 999999, which is "
                                     "not in its slice";
        QTest::newRow("duplicate") << "duplicate"
                                   << "fake worker 2 of 2: line 8: a second record for task 1";
        QTest::newRow("truncated") << "truncated"
                                   << "fake worker 2 of 2: line 3: the output ends inside a line: "
                                      "'task ";
        QTest::newRow("wrong version")
            << "wrong-version"
            << "fake worker 2 of 2: line 1: the worker speaks loopbench.worker/9, not "
               "loopbench.worker/1";
        QTest::newRow("lies") << "lie"
                              << "fake worker 2 of 2: line 8: its checksum 0x";
    }

    void aBrokenWorkerFailsTheRunByName()
    {
        QFETCH(QString, mode);
        QFETCH(QString, error);
        const auto plan = smallPlan();
        WorkerSet set(plan, twoSlices(*plan), fakeOptions(mode));
        set.run(nullptr, {});
        QVERIFY2(set.failure().startsWith(error),
                 qPrintable(set.failure() + QStringLiteral("\n  expected: ") + error));
        // Nothing is left running: every worker was ended and reaped.
        for (const WorkerSet::Outcome &o : set.outcomes())
            QVERIFY2(o.pid < 0 || gone(o.pid), qPrintable(QString::number(o.pid)));
    }

    void aMissingProgramIsNamed()
    {
        const auto plan = smallPlan();
        WorkerSet::Options o = fakeOptions(QStringLiteral("good"));
        o.command.program = QStringLiteral("/nonexistent/python3");
        WorkerSet set(plan, twoSlices(*plan), o);
        set.run(nullptr, {});
        QCOMPARE(set.failure(),
                 QStringLiteral("fake worker 1 of 2: cannot start: '/nonexistent/python3' does not "
                                "exist"));
    }

    void cancelEndsEveryWorkerEvenOneThatIgnoresSigterm()
    {
        // Worker 2 ignores SIGTERM and never finishes; worker 1 sleeps 60 s per task. A cancel
        // after both are running ends both (SIGKILL after the grace) and run() returns.
        const auto plan = std::make_shared<const TaskPlan>(
            TaskPlan::generate(WorkloadSpec{6, 60000, 60000, 10, 10, Kernel::Article, 5}));
        WorkerSet set(plan, twoSlices(*plan), fakeOptions(QStringLiteral("ignore-term")));
        std::int64_t cancelledAt = 0;
        std::thread canceller([&] {
            while (set.t0Ns() == 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            cancelledAt = nowNs();
            set.cancel();
        });
        set.run(nullptr, {});
        const std::int64_t endedNs = nowNs();
        canceller.join();
        QVERIFY(set.cancelled());
        QVERIFY(set.failure().isEmpty());
        for (const WorkerSet::Outcome &o : set.outcomes())
            QVERIFY(gone(o.pid));
        // By construction: 10 ms poll, 100 ms grace, then SIGKILL and a reap.
        const double ms = double(endedNs - cancelledAt) / 1e6;
        qInfo("cancel to every worker reaped: %.1f ms", ms);
        QVERIFY2(ms < 200, qPrintable(QString::number(ms)));
    }
};

QTEST_GUILESS_MAIN(TestWorkerSet)
#include "tst_workerset.moc"
