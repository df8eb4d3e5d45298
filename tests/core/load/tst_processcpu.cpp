// SPDX-License-Identifier: MIT
#include "core/load/processcpu.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTest>

#include <cmath>

// Another process's CPU time as /proc/<pid>/stat gives it, and its share of the machine: what
// the live chart draws for the HTTP server and what keeps the server from counting as a busy
// neighbour.
class TestProcessCpu : public QObject
{
    Q_OBJECT
private slots:
    void fieldsAreCountedAfterTheLastParenthesis()
    {
        // A command name may hold spaces and parentheses: "a) (b" must not shift the fields.
        const QByteArray stat = "4242 (a) (b c) S 1 4242 4242 0 -1 4194560 500 0 0 0 "
                                "123 45 0 0 20 0 3 0 100 1000 10 18446744073709551615\n";
        const auto cpu = ProcessCpu::parse(stat);
        QVERIFY(cpu);
        QCOMPARE(cpu->ticks, std::uint64_t(168));
        QCOMPARE(cpu->state, 'S');
        QVERIFY(cpu->alive());
    }

    void aZombieIsNotAlive()
    {
        const auto cpu = ProcessCpu::parse("7 (srv) Z 1 7 7 0 -1 0 0 0 0 0 9 1 0 0 20 0 1 0\n");
        QVERIFY(cpu);
        QCOMPARE(cpu->ticks, std::uint64_t(10));
        QVERIFY(!cpu->alive());
    }

    void malformedLinesGiveNothing()
    {
        QVERIFY(!ProcessCpu::parse(""));
        QVERIFY(!ProcessCpu::parse("12 (no closing S 1 2 3"));
        QVERIFY(!ProcessCpu::parse("12 (short) S 1 2 3\n"));
        QVERIFY(!ProcessCpu::parse("1 (x) R 1 1 1 0 -1 0 0 0 0 0 ab 1 0 0\n"));
    }

    void theShareIsOfEveryCpusWallTime()
    {
        // 250 ms of CPU in 250 ms of wall on 2 CPUs: half the machine.
        QCOMPARE(machineShare(1000, 1250, 0, 250'000'000, 2), 0.5);
        QCOMPARE(machineShare(0, 500, 0, 250'000'000, 1), 1.0);   // tick rounding: clamped
        QCOMPARE(machineShare(900, 800, 0, 250'000'000, 2), 0.0); // a reused pid
        QVERIFY(std::isnan(machineShare(0, 10, 5, 5, 2)));
        QVERIFY(std::isnan(machineShare(0, 10, 0, 5, 0)));
    }

    void thisProcessReadsAliveAndItsTimeGrows()
    {
        const qint64 pid = QCoreApplication::applicationPid();
        const auto before = ProcessCpu::read(pid);
        QVERIFY(before);
        QCOMPARE(before->state, 'R'); // it is reading its own stat right now
        QElapsedTimer t;
        t.start();
        volatile double x = 1;
        while (ProcessCpu::read(pid)->ticks < before->ticks + 2 && t.elapsed() < 5000)
            x = std::sqrt(x + 1);
        QVERIFY(ProcessCpu::read(pid)->ms() > before->ms());
        QVERIFY(!ProcessCpu::read(0));
        QVERIFY(!ProcessCpu::read(-1));
    }
};

QTEST_GUILESS_MAIN(TestProcessCpu)
#include "tst_processcpu.moc"
