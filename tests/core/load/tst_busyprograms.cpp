// SPDX-License-Identifier: MIT
#include "core/load/busyprograms.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QTest>

#include <unistd.h>

namespace {

bool same(const BusyProgram &a, const BusyProgram &b)
{
    return a.name == b.name && a.pid == b.pid && qFuzzyCompare(a.share, b.share);
}

} // namespace

// Who took the CPUs during a run: /proc/[pid]/stat read and two snapshots subtracted.
class TestBusyPrograms : public QObject
{
    Q_OBJECT
private slots:
    void parsesACommWithSpacesAndParentheses()
    {
        // comm "a) (b c" ends at the last ')'; utime 1200, stime 34, its reaped children's 5 and
        // 1, starttime 98765.
        const QByteArray line = "4242 (a) (b c) R 1 4242 4242 0 -1 4194304 100 0 0 0 1200 34 5 1 "
                                "20 0 1 0 98765 1000000 100 18446744073709551615\n";
        const auto e = ProgramCpuSnapshot::parseStat(line);
        QVERIFY(e);
        QCOMPARE(e->pid, std::int64_t(4242));
        QCOMPARE(e->ppid, std::int64_t(1));
        QCOMPARE(e->name, QStringLiteral("a) (b c"));
        QCOMPARE(e->cpuTicks, std::uint64_t(1240));
        QCOMPARE(e->startTicks, std::uint64_t(98765));
        QVERIFY(!ProgramCpuSnapshot::parseStat("4242 (short) R 1 2 3"));
        QVERIFY(!ProgramCpuSnapshot::parseStat("no pid here"));
    }

    void topProgramsBySharedOfAllCpus()
    {
        // 10 s on 2 CPUs at 100 ticks/s: 2000 ticks of CPU in all.
        const ProgramCpuSnapshot start({{1, 0, "yes", 100, 5},
                                        {2, 0, "self", 0, 5},
                                        {3, 0, "cc1plus", 0, 7},
                                        {4, 0, "idle", 50, 5},
                                        {5, 0, "reused", 900, 1}},
                                       0);
        const ProgramCpuSnapshot end({{1, 0, "yes", 1060, 5},
                                      {2, 0, "self", 1500, 5},
                                      {3, 0, "cc1plus", 200, 7},
                                      {4, 0, "idle", 50, 5},
                                      {5, 0, "reused", 40, 900},
                                      {6, 0, "new", 100, 950}},
                                     10'000'000'000);
        const std::vector<BusyProgram> top = ProgramCpuSnapshot::top(start, end, 2, 100, {2}, 3);
        QCOMPARE(top.size(), std::size_t(3));
        QVERIFY(same(top[0], {QStringLiteral("yes"), 1, 0.48}));
        QVERIFY(same(top[1], {QStringLiteral("cc1plus"), 3, 0.1}));
        // Pid 5 is another process now (another start time): all its 40 ticks are new; 6 is new.
        QVERIFY(same(top[2], {QStringLiteral("new"), 6, 0.05}));
        QVERIFY(same(ProgramCpuSnapshot::top(start, end, 2, 100, {2}, 5).back(),
                     {QStringLiteral("reused"), 5, 0.02}));
        // No time between the two, or no CPUs: nothing to say.
        QVERIFY(ProgramCpuSnapshot::top(start, start, 2, 100, {}).empty());
        QVERIFY(ProgramCpuSnapshot::top(start, end, 0, 100, {}).empty());
    }

    void aReapedChildCountsForItsParentFromTheStartOnly()
    {
        // make (pid 10) waited for cc1 (pid 11), which had used 500 ticks at the start and 550
        // when it ended: 50 of them were in the run, and they are make's.
        const ProgramCpuSnapshot start({{10, 1, "make", 20, 3}, {11, 10, "cc1", 500, 4}}, 0);
        const ProgramCpuSnapshot end({{10, 1, "make", 20 + 550, 3}}, 1'000'000'000);
        const std::vector<BusyProgram> top = ProgramCpuSnapshot::top(start, end, 1, 100, {});
        QCOMPARE(top.size(), std::size_t(1));
        QVERIFY(same(top[0], {QStringLiteral("make"), 10, 0.5}));
    }

    void aSnapshotSeesThisProcess()
    {
        volatile double sink = 0;
        const ProgramCpuSnapshot before = ProgramCpuSnapshot::take();
        // Burn a little CPU so this process has ticks to show.
        for (int i = 0; i < 60'000'000; ++i)
            sink = sink + i * 0.5;
        const ProgramCpuSnapshot after = ProgramCpuSnapshot::take();
        const auto top =
            ProgramCpuSnapshot::top(before, after, 1, ::sysconf(_SC_CLK_TCK), {}, 1000);
        const qint64 self = QCoreApplication::applicationPid();
        const auto me = std::find_if(top.begin(), top.end(),
                                     [&](const BusyProgram &p) { return p.pid == self; });
        QVERIFY(me != top.end());
        QCOMPARE(me->name, QStringLiteral("tst_busyprogram")); // comm keeps 15 characters
        // ... and leaves it out when told to.
        const auto without =
            ProgramCpuSnapshot::top(before, after, 1, ::sysconf(_SC_CLK_TCK), {self}, 1000);
        QVERIFY(std::none_of(without.begin(), without.end(),
                             [&](const BusyProgram &p) { return p.pid == self; }));
    }

    void jsonRoundTripsAndRefusesBadShares()
    {
        const std::vector<BusyProgram> programs{{QStringLiteral("yes"), 4242, 0.48},
                                                {QStringLiteral("x|y"), 7, 0.015}};
        QCOMPARE(busyProgramsFromJson(busyProgramsToJson(programs)), programs);
        QJsonArray bad = busyProgramsToJson(programs);
        bad.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("z")},
                               {QStringLiteral("share"), 1.5}});
        QCOMPARE(busyProgramsFromJson(bad).size(), std::size_t(2));
        QCOMPARE(busyProgramsText(programs),
                 QStringLiteral("yes (pid 4242) 48 %, x|y (pid 7) 2 %"));
    }
};

QTEST_GUILESS_MAIN(TestBusyPrograms)
#include "tst_busyprograms.moc"
