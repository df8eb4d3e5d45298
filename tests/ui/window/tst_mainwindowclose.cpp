// SPDX-License-Identifier: MIT
#include "tests/support/uitestsupport.h"
#include "tests/support/windowparts.h"
#include "ui/config/configpanel.h"
#include "ui/window/mainwindow.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

// Closing the window in the middle of a run cancels it and joins every shard thread at once:
// no crash, no hang, no thread left behind.
class TestMainWindowClose : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { isolateSettings(m_settings); }

    void closingMidRunCancelsAndJoins_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("K loops") << int(RunController::Mode::KLoops);
        QTest::newRow("compare, first half") << int(RunController::Mode::Compare);
    }
    void closingMidRunCancelsAndJoins()
    {
        QFETCH(int, mode);
        auto window = std::make_unique<MainWindow>();
        window->show();
        // 20,000 tasks of 10-20 minutes of IO: a close that waited the run out instead of
        // cancelling it would hang the test past ctest's 300 s time-out. How long the cancel and
        // join take is a figure of tests/bench/bench_cancel.
        part<ConfigPanel>(*window)->setConfig(
            WorkloadSpec{20000, 600'000, 1'200'000, 100000, 500000, Kernel::Sum, 3},
            RunConfig{4, Partition::Contiguous, false});
        QTRY_VERIFY_WITH_TIMEOUT(part<WindowActions>(*window)->compare()->isEnabled(), 5000);
        // Counted with the window up (Qt keeps a few helper threads of its own for the process)
        // and after the calibration thread, which posts its last result just before it ends.
        QTest::qWait(200);
        const int threadsBefore = threadCount();

        QAction *action = RunController::Mode(mode) == RunController::Mode::Compare
                              ? part<WindowActions>(*window)->compare()
                              : part<WindowActions>(*window)->runK();
        action->trigger();
        QVERIFY(part<RunController>(*window)->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(part<RunController>(*window)->isRunInFlight(), 2000);
        QTest::qWait(300); // let tasks sleep and kernels run
        QVERIFY(threadCount() > threadsBefore);

        QVERIFY(window->close());
        window.reset();
        QTRY_VERIFY_WITH_TIMEOUT(threadCount() <= threadsBefore, 3000);
    }

private:
    // Threads of this process, from /proc: shard threads included. Qt's thread pool keeps idle
    // workers ("Thread (pooled)") for 30 s after their last job (calibration, joining a run, the
    // summary); they hold no run and are not counted.
    static int threadCount()
    {
        const QDir tasks(QStringLiteral("/proc/self/task"));
        int count = 0;
        for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
            if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == "Thread (pooled)")
                continue;
            ++count;
        }
        return count;
    }

    QTemporaryDir m_settings;
};

QTEST_MAIN(TestMainWindowClose)
#include "tst_mainwindowclose.moc"
