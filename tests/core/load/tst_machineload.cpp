// SPDX-License-Identifier: MIT
#include "core/load/machineload.h"

#include <QTest>

#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <ctime>

// Other processes' share of the machine: busy ticks of all CPUs minus this process's own CPU
// time, over every CPU's wall time.
class TestMachineLoad : public QObject
{
    Q_OBJECT
private slots:
    void othersAreTheMachinesBusyTimeLessOurOwn()
    {
        // 2 CPUs for 10 s = 20 CPU-seconds; the machine was busy 12 s (1200 ticks at 100 Hz), we
        // used 8 s of it: others used 4 s, a fifth of the machine.
        QCOMPARE(MachineLoad::othersFraction(1000, 2200, 1.0, 9.0, 10.0, 2, 100), 0.2);
        // Only our own work: nothing left for others.
        QCOMPARE(MachineLoad::othersFraction(0, 800, 0.0, 8.0, 10.0, 2, 100), 0.0);
    }

    void tickRoundingNeverGoesBelowZeroOrAboveOne()
    {
        QCOMPARE(MachineLoad::othersFraction(0, 790, 0.0, 8.0, 10.0, 2, 100), 0.0);
        QCOMPARE(MachineLoad::othersFraction(0, 5000, 0.0, 0.0, 10.0, 2, 100), 1.0);
        // A counter that went backwards (CPU hot-plug) counts as no busy time.
        QCOMPARE(MachineLoad::othersFraction(900, 100, 0.0, 0.0, 10.0, 2, 100), 0.0);
    }

    void tooShortToCountATickIsUnknown()
    {
        QVERIFY(std::isnan(MachineLoad::othersFraction(0, 1, 0.0, 0.0, 0.01, 2, 100)));
        QVERIFY(std::isnan(MachineLoad::othersFraction(0, 1, 0.0, 0.0, 10.0, 0, 100)));
    }

    void aReapedWorkersCpuIsOurOwn()
    {
        // A child (a worker process) that burns 300 ms of its own CPU and is waited for adds
        // those 300 ms to the benchmark's own CPU, however busy the machine is meanwhile.
        const double before = MachineLoad::selfCpuSeconds();
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            timespec t{};
            volatile std::uint64_t sink = 0;
            do {
                for (int i = 0; i < 100000; ++i)
                    sink = sink + std::uint64_t(i);
                ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
            } while (double(t.tv_sec) + double(t.tv_nsec) / 1e9 < 0.3);
            ::_exit(0);
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        const double used = MachineLoad::selfCpuSeconds() - before;
        // rusage rounds to the scheduler's tick; the child's loop overshoots by at most one pass.
        QVERIFY2(used >= 0.28 && used < 1.0, qPrintable(QString::number(used)));
    }

    void thisMachineGivesAFractionOrNothing()
    {
        const MachineLoad load;
        QTest::qWait(50);
        const double f = load.othersFraction();
        QVERIFY(std::isnan(f) || (f >= 0 && f <= 1));
    }
};

QTEST_GUILESS_MAIN(TestMachineLoad)
#include "tst_machineload.moc"
