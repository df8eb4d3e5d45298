// SPDX-License-Identifier: MIT
#include "core/base/clock.h"
#include "core/load/loadsampler.h"
#include "core/load/loadtimeline.h"

#include <QTest>
#include <QThread>

#include <pthread.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <future>
#include <limits>
#include <random>
#include <thread>

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::int64_t kMs = 1'000'000; // ns

QByteArray fixture(const char *name)
{
    const QString path = QStringLiteral(LOOPBENCH_TEST_DATA "/procstat/") + QLatin1String(name);
    return ProcStatSource(path).read().value_or(QByteArray());
}

// Hands out prepared /proc/stat texts in order; nullopt stands for a failed read.
class FakeStatSource final : public CpuStatSource
{
public:
    explicit FakeStatSource(std::deque<std::optional<QByteArray>> texts)
        : m_texts(std::move(texts))
    {}
    std::optional<QByteArray> read() override
    {
        if (m_next >= m_texts.size())
            return std::nullopt;
        return m_texts[m_next++];
    }

private:
    std::deque<std::optional<QByteArray>> m_texts;
    std::size_t m_next = 0;
};

LoadSampler samplerOver(std::deque<std::optional<QByteArray>> texts)
{
    LoadSampler sampler(std::make_unique<FakeStatSource>(std::move(texts)));
    sampler.restartAt(0);
    return sampler;
}

// QCOMPARE treats NaN as unequal to itself; here NaN is a documented value, so compare it as one.
bool sameValues(const std::vector<double> &actual, const std::vector<double> &expected)
{
    if (actual.size() != expected.size())
        return false;
    for (std::size_t i = 0; i < actual.size(); ++i) {
        if (std::isnan(expected[i]) ? !std::isnan(actual[i]) : actual[i] != expected[i])
            return false;
    }
    return true;
}

QByteArray show(const std::vector<double> &values)
{
    QByteArray out = "[";
    for (const double v : values)
        out += QByteArray::number(v) + ' ';
    return out + ']';
}

#define COMPARE_VALUES(actual, ...)                                                                \
    do {                                                                                           \
        const std::vector<double> a_ = (actual);                                                   \
        const std::vector<double> e_ = __VA_ARGS__;                                                \
        QVERIFY2(sameValues(a_, e_), show(a_) + " != " + show(e_));                                \
    } while (false)

clockid_t currentThreadClock()
{
    clockid_t clock{};
    if (pthread_getcpuclockid(pthread_self(), &clock) != 0)
        return CLOCK_THREAD_CPUTIME_ID;
    return clock;
}

void spinFor(std::int64_t ns)
{
    const std::int64_t until = nowNs() + ns;
    while (nowNs() < until) {
    }
}

LoadSample at(double tSec, std::vector<double> coreBusy)
{
    LoadSample s;
    s.tSec = tSec;
    s.coreBusy = std::move(coreBusy);
    return s;
}

} // namespace

class TestLoadSampler : public QObject
{
    Q_OBJECT

private slots:
    // parseProcStat

    void parsesEveryPerCpuLineButNotTheAggregate()
    {
        const auto cpus = parseProcStat(fixture("4cpu-a.stat"));
        QCOMPARE(cpus.size(), 4u);
        for (const auto &cpu : cpus)
            QVERIFY(cpu.has_value());
        // cpu0 1843922 1203 412877 9876543 23011 0 8812 0 0 0, not the "cpu  7224628 ..." sum.
        QCOMPARE(*cpus[0], (CpuTicks{1843922, 1203, 412877, 9876543, 23011, 0, 8812, 0}));
        QCOMPARE(cpus[3]->user, 1777741u);
    }

    void totalLeavesOutGuestAndExtraColumns()
    {
        const auto cpus = parseProcStat(fixture("guest-extra-columns.stat"));
        QCOMPARE(cpus.size(), 3u);
        // cpu0 1500300 1200 310000 6000000 2500 10 3500 900 | guest 5000 guest_nice 300 | 77 88
        QCOMPARE(*cpus[0], (CpuTicks{1500300, 1200, 310000, 6000000, 2500, 10, 3500, 900}));
        // 1500300 + 1200 + 310000 + 6000000 + 2500 + 10 + 3500 + 900
        QCOMPARE(cpus[0]->total(), 7818410u);
        QCOMPARE(cpus[0]->idleAll(), 6002500u);
    }

    void olderKernelsWithFewerFieldsReadMissingOnesAsZero()
    {
        const auto cpus = parseProcStat(fixture("guest-extra-columns.stat"));
        QCOMPARE(cpus.size(), 3u);
        // Before 2.6.11: no steal column.
        QCOMPARE(*cpus[1], (CpuTicks{900000, 800, 200000, 4000000, 1500, 20, 2500, 0}));
        // 2.4: user nice system idle only.
        QCOMPARE(*cpus[2], (CpuTicks{600300, 400, 110000, 2000000, 0, 0, 0, 0}));
        QCOMPARE(cpus[2]->total(), 2710700u);
    }

    void skipsMalformedLinesAndKeepsTheValidOnes()
    {
        const auto cpus = parseProcStat(fixture("malformed.stat"));
        // Valid: cpu0 and cpu6 (last line, no newline). cpu99999999 must not size the result.
        QCOMPARE(cpus.size(), 7u);
        QCOMPARE(*cpus[0], (CpuTicks{100, 0, 50, 800, 10, 0, 5, 0}));
        for (int skipped : {1, 2, 3, 4, 5})
            QVERIFY2(!cpus[skipped].has_value(), QByteArray::number(skipped));
        QCOMPARE(*cpus[6], (CpuTicks{1, 2, 3, 4, 5, 6, 7, 8}));
    }

    void missingCpuLineIsNulloptAtItsIndex()
    {
        const auto cpus = parseProcStat(fixture("4cpu-b-cpu2-offline.stat"));
        QCOMPARE(cpus.size(), 4u);
        QVERIFY(cpus[0] && cpus[1] && cpus[3]);
        QVERIFY(!cpus[2]);
    }

    void textWithoutPerCpuLinesGivesNoCpus()
    {
        QVERIFY(parseProcStat("").empty());
        QVERIFY(parseProcStat("cpu  1 2 3 4 5 6 7 8 0 0\nintr 1 2\n").empty());
    }

    // busyFraction

    void busyFractionMatchesHandComputedDeltas_data()
    {
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<int>("cpu");
        QTest::addColumn<double>("expected");
        // All read after 4cpu-a.stat; the deltas are listed in tests/data/procstat/README.md.
        QTest::newRow("user60 system15 idle20 iowait5: 75 of 100")
            << QByteArray("4cpu-b.stat") << 0 << 0.75;
        QTest::newRow("idle only: 0 of 100") << QByteArray("4cpu-b.stat") << 1 << 0.0;
        QTest::newRow("user only: 100 of 100") << QByteArray("4cpu-b.stat") << 2 << 1.0;
        QTest::newRow("every field moves: 25 of 100") << QByteArray("4cpu-b.stat") << 3 << 0.25;
        QTest::newRow("iowait backwards: 30 of 40")
            << QByteArray("4cpu-b-backwards.stat") << 0 << 0.75;
        QTest::newRow("user backwards: 0 of 50, not negative")
            << QByteArray("4cpu-b-backwards.stat") << 1 << 0.0;
        QTest::newRow("idle backwards: 20 of 20, not above 1")
            << QByteArray("4cpu-b-backwards.stat") << 2 << 1.0;
        QTest::newRow("all backwards (hot-plug): Δtotal 0 is NaN")
            << QByteArray("4cpu-b-backwards.stat") << 3 << kNaN;
    }

    void busyFractionMatchesHandComputedDeltas()
    {
        QFETCH(QByteArray, after);
        QFETCH(int, cpu);
        QFETCH(double, expected);
        const auto before = parseProcStat(fixture("4cpu-a.stat"));
        const auto later = parseProcStat(fixture(after.constData()));
        QCOMPARE(before.size(), 4u);
        QCOMPARE(later.size(), 4u);
        const double busy = busyFraction(*before[cpu], *later[cpu]);
        if (std::isnan(expected))
            QVERIFY2(std::isnan(busy), QByteArray::number(busy));
        else
            QCOMPARE(busy, expected);
    }

    void iowaitCountsAsIdle()
    {
        CpuTicks later;
        later.iowait = 100;
        QCOMPARE(busyFraction(CpuTicks{}, later), 0.0);
        later.steal = 100; // time a hypervisor took: the guest's core was busy for someone
        QCOMPARE(busyFraction(CpuTicks{}, later), 0.5);
    }

    void unchangedCountersGiveNaN()
    {
        const CpuTicks t{10, 20, 30, 40, 50, 60, 70, 80};
        QVERIFY(std::isnan(busyFraction(t, t)));
    }

    void busyFractionStaysInUnitRangeForAnyCounters()
    {
        // Small ranges, so that about half of all field deltas go backwards.
        std::mt19937_64 rng(20240611);
        std::uniform_int_distribution<std::uint64_t> tick(0, 50);
        const auto randomTicks = [&] {
            return CpuTicks{tick(rng), tick(rng), tick(rng), tick(rng),
                            tick(rng), tick(rng), tick(rng), tick(rng)};
        };
        for (int i = 0; i < 10000; ++i) {
            const double busy = busyFraction(randomTicks(), randomTicks());
            QVERIFY2(std::isnan(busy) || (busy >= 0.0 && busy <= 1.0), QByteArray::number(busy));
        }
    }

    // shardShare

    void shardShareIsThreadCpuOverWall()
    {
        // 125 ms of CPU in 250 ms of wall time.
        QCOMPARE(shardShare(1000 * kMs, 1125 * kMs, 5000 * kMs, 5250 * kMs), 0.5);
    }

    void shardShareClampsToUnitRange()
    {
        // 300 ms of CPU in 250 ms of wall: clock skew, never more than one core.
        QCOMPARE(shardShare(0, 300 * kMs, 0, 250 * kMs), 1.0);
        // Thread CPU going backwards (a reused clock): 0, never negative.
        QCOMPARE(shardShare(500 * kMs, 100 * kMs, 0, 250 * kMs), 0.0);
    }

    void shardShareIsNaNWithoutWallTime()
    {
        QVERIFY(std::isnan(shardShare(0, 10 * kMs, 250 * kMs, 250 * kMs)));
        QVERIFY(std::isnan(shardShare(0, 10 * kMs, 250 * kMs, 200 * kMs)));
    }

    // LoadSampler, fed by a fake source

    void firstSamplePrimesWithNaNForEveryCore()
    {
        auto sampler = samplerOver({fixture("4cpu-a.stat")});
        QCOMPARE(sampler.cpuCount(), 0);
        const LoadSample s = sampler.sampleAt(0);
        QCOMPARE(s.tSec, 0.0);
        COMPARE_VALUES(s.coreBusy, {kNaN, kNaN, kNaN, kNaN});
        QVERIFY(s.shardCpu.empty());
        QCOMPARE(sampler.cpuCount(), 4);
    }

    void samplerGivesHandComputedBusyPerCore()
    {
        auto sampler = samplerOver({fixture("4cpu-a.stat"), fixture("4cpu-b.stat")});
        sampler.sampleAt(0);
        const LoadSample s = sampler.sampleAt(250 * kMs);
        QCOMPARE(s.tSec, 0.25);
        // 75/100, 0/100, 100/100, 25/100 (tests/data/procstat/README.md).
        COMPARE_VALUES(s.coreBusy, {0.75, 0.0, 1.0, 0.25});
    }

    void offlineCoreIsNaNAndTheOthersStayCorrect()
    {
        auto sampler = samplerOver(
            {fixture("4cpu-a.stat"), fixture("4cpu-b-cpu2-offline.stat"), fixture("4cpu-b.stat")});
        sampler.sampleAt(0);
        COMPARE_VALUES(sampler.sampleAt(250 * kMs).coreBusy, {0.75, 0.0, kNaN, 0.25});
        // cpu2 back online: no previous reading for it, so one more NaN. The others did not
        // move between the two "b" files: Δtotal 0, NaN as well.
        COMPARE_VALUES(sampler.sampleAt(500 * kMs).coreBusy, {kNaN, kNaN, kNaN, kNaN});
    }

    void countersGoingBackwardsAreClampedInTheSampler()
    {
        auto sampler = samplerOver({fixture("4cpu-a.stat"), fixture("4cpu-b-backwards.stat")});
        sampler.sampleAt(0);
        // 30/40, 0/50, 20/20, hot-plugged cpu3 with Δtotal 0.
        COMPARE_VALUES(sampler.sampleAt(250 * kMs).coreBusy, {0.75, 0.0, 1.0, kNaN});
    }

    void failedReadGivesNaNAndKeepsThePreviousReading()
    {
        auto sampler = samplerOver({fixture("4cpu-a.stat"), std::nullopt, QByteArray("garbage\n"),
                                    fixture("4cpu-b.stat")});
        sampler.sampleAt(0);
        COMPARE_VALUES(sampler.sampleAt(250 * kMs).coreBusy, {kNaN, kNaN, kNaN, kNaN});
        COMPARE_VALUES(sampler.sampleAt(500 * kMs).coreBusy, {kNaN, kNaN, kNaN, kNaN});
        QCOMPARE(sampler.cpuCount(), 4);
        // Measured against 4cpu-a.stat, across the failed intervals.
        COMPARE_VALUES(sampler.sampleAt(750 * kMs).coreBusy, {0.75, 0.0, 1.0, 0.25});
    }

    void restartForgetsReadingsAndRestartsTime()
    {
        auto sampler = samplerOver({fixture("4cpu-a.stat"), fixture("4cpu-b.stat")});
        sampler.sampleAt(0, {0});
        sampler.restartAt(1000 * kMs);
        const LoadSample s = sampler.sampleAt(1250 * kMs, {100 * kMs});
        QCOMPARE(s.tSec, 0.25);
        COMPARE_VALUES(s.coreBusy, {kNaN, kNaN, kNaN, kNaN});
        COMPARE_VALUES(s.shardCpu, {kNaN});
        QCOMPARE(sampler.cpuCount(), 4);
    }

    void shardCpuIsThreadCpuOverWallSinceThePreviousSample()
    {
        auto sampler = samplerOver({});
        COMPARE_VALUES(sampler.sampleAt(0, {0, 0}).shardCpu, {kNaN, kNaN});
        // 125 ms and 250 ms of CPU in 250 ms.
        COMPARE_VALUES(sampler.sampleAt(250 * kMs, {125 * kMs, 250 * kMs}).shardCpu, {0.5, 1.0});
        // Shard 0's clock failed (its thread ended); shard 1 used 50 ms of 250 ms.
        COMPARE_VALUES(sampler.sampleAt(500 * kMs, {std::nullopt, 300 * kMs}).shardCpu,
                       {kNaN, 0.2});
    }

    void shardStateResetsWhenTheListChangesSize()
    {
        auto sampler = samplerOver({});
        sampler.sampleAt(0, {0, 0});
        // A new run with three shards: nothing to compare with yet.
        COMPARE_VALUES(sampler.sampleAt(250 * kMs, {100 * kMs, 100 * kMs, 100 * kMs}).shardCpu,
                       {kNaN, kNaN, kNaN});
        // 25 ms, 125 ms and 250 ms in 250 ms.
        COMPARE_VALUES(sampler.sampleAt(500 * kMs, {125 * kMs, 225 * kMs, 350 * kMs}).shardCpu,
                       {0.1, 0.5, 1.0});
    }

    // LoadSampler with real thread clocks

    void busyThreadShowsCpuShareFromItsClock()
    {
        auto sampler = samplerOver({});
        const std::vector<clockid_t> clocks{currentThreadClock()};
        COMPARE_VALUES(sampler.sample(clocks).shardCpu, {kNaN});
        spinFor(50 * kMs);
        const double share = sampler.sample(clocks).shardCpu.at(0);
        // This thread spun the whole interval; only preemption by other processes lowers it.
        QVERIFY2(share > 0.0 && share <= 1.0, QByteArray::number(share));
    }

    void callerClockIsNotMistakenForAShard()
    {
        // What Shard::cpuClock() returns before its thread runs: it would measure this thread.
        auto sampler = samplerOver({});
        const std::vector<clockid_t> clocks{CLOCK_THREAD_CPUTIME_ID};
        sampler.sample(clocks);
        spinFor(10 * kMs);
        COMPARE_VALUES(sampler.sample(clocks).shardCpu, {kNaN});
    }

    void endedThreadClockGivesNaN()
    {
        clockid_t ended{};
        std::thread([&ended] { ended = currentThreadClock(); }).join();
        QVERIFY(ended != CLOCK_THREAD_CPUTIME_ID);
        auto sampler = samplerOver({});
        const std::vector<clockid_t> clocks{currentThreadClock(), ended};
        sampler.sample(clocks);
        spinFor(10 * kMs);
        const LoadSample s = sampler.sample(clocks);
        QVERIFY(!std::isnan(s.shardCpu.at(0)));
        QVERIFY(std::isnan(s.shardCpu.at(1)));
    }

    void changedClockAtTheSamePositionRestartsThatShard()
    {
        std::promise<void> release;
        std::promise<clockid_t> clockOf;
        std::thread other([&] {
            clockOf.set_value(currentThreadClock());
            release.get_future().wait();
        });
        const clockid_t otherClock = clockOf.get_future().get();

        auto sampler = samplerOver({});
        const clockid_t mine = currentThreadClock();
        sampler.sample({mine, mine});
        spinFor(10 * kMs);
        QVERIFY(!std::isnan(sampler.sample({mine, mine}).shardCpu.at(1)));
        // Position 1 is now another thread: its CPU time is not comparable with the old one.
        const LoadSample swapped = sampler.sample({mine, otherClock});
        QVERIFY(!std::isnan(swapped.shardCpu.at(0)));
        QVERIFY(std::isnan(swapped.shardCpu.at(1)));
        spinFor(10 * kMs);
        const double waiting = sampler.sample({mine, otherClock}).shardCpu.at(1);
        // The other thread is blocked on a future: close to 0, and a real number again.
        QVERIFY2(waiting >= 0.0 && waiting < 0.5, QByteArray::number(waiting));

        release.set_value();
        other.join();
    }

    // ProcStatSource on this machine

    void procStatSourceParsesThisMachine()
    {
        const auto text = ProcStatSource().read();
        QVERIFY(text.has_value());
        const auto cpus = parseProcStat(*text);
        QVERIFY(!cpus.empty());
        QVERIFY(std::any_of(cpus.begin(), cpus.end(), [](const auto &c) { return c.has_value(); }));

        LoadSampler sampler;
        sampler.sample();
        QThread::msleep(50); // five 10 ms ticks per core, so Δtotal is rarely 0
        const LoadSample s = sampler.sample();
        QVERIFY(sampler.cpuCount() >= 1);
        QCOMPARE(s.coreBusy.size(), std::size_t(sampler.cpuCount()));
        QVERIFY(s.tSec > 0.0);
        for (const double busy : s.coreBusy)
            QVERIFY2(std::isnan(busy) || (busy >= 0.0 && busy <= 1.0), QByteArray::number(busy));
    }

    void unreadableFileIsNotAReading()
    {
        QVERIFY(!ProcStatSource(QStringLiteral("/nonexistent/loopbench/stat")).read());
    }

    // LoadTimeline

    void timelineDropsSamplesOlderThanItsWindow()
    {
        LoadTimeline timeline(10.0);
        for (int t = 0; t <= 20; ++t)
            timeline.append(at(t, {0.5}));
        // Kept: tSec >= 20 - 10.
        QCOMPARE(timeline.samples().size(), 11u);
        QCOMPARE(timeline.samples().front().tSec, 10.0);
        QCOMPARE(timeline.samples().back().tSec, 20.0);
    }

    void timelineNeverHoldsMoreThanMaxSamples()
    {
        LoadTimeline timeline(std::numeric_limits<double>::infinity(), 5);
        for (int t = 0; t < 20; ++t)
            timeline.append(at(t, {}));
        QCOMPARE(timeline.samples().size(), 5u);
        QCOMPARE(timeline.samples().front().tSec, 15.0);
    }

    void windowReturnsTheLastSecondsOldestFirst()
    {
        LoadTimeline timeline;
        QVERIFY(timeline.window(5.0).empty());
        for (int t = 0; t <= 20; ++t)
            timeline.append(at(t * 0.5, {}));
        // Newest is 10.0: tSec >= 8.5 gives 8.5, 9.0, 9.5, 10.0.
        const auto last = timeline.window(1.5);
        QCOMPARE(last.size(), 4u);
        QCOMPARE(last.front().tSec, 8.5);
        QCOMPARE(last.back().tSec, 10.0);
        QCOMPARE(timeline.window(0.0).size(), 1u);
        QCOMPARE(timeline.window(100.0).size(), 21u);
    }

    void meanCoreBusySkipsNaNAndCoversTheWidestSample()
    {
        LoadTimeline timeline;
        timeline.append(at(0.0, {kNaN, kNaN})); // priming sample
        timeline.append(at(0.25, {0.5, 1.0}));
        timeline.append(at(0.5, {0.25, kNaN}));       // cpu1 offline
        timeline.append(at(0.75, {0.75, 0.0, kNaN})); // cpu2 appeared, no data yet
        // All: cpu0 (0.5 + 0.25 + 0.75) / 3, cpu1 (1.0 + 0.0) / 2, cpu2 none.
        COMPARE_VALUES(timeline.meanCoreBusy(10.0), {0.5, 0.5, kNaN});
        // Last 0.25 s: the samples at 0.5 and 0.75 s.
        COMPARE_VALUES(timeline.meanCoreBusy(0.25), {0.5, 0.0, kNaN});
        QVERIFY(LoadTimeline().meanCoreBusy(1.0).empty());
    }

    void restartedSamplerStartsTheTimelineOver()
    {
        LoadTimeline timeline;
        timeline.append(at(5.0, {0.1}));
        timeline.append(at(5.25, {0.2}));
        timeline.append(at(0.0, {0.3}));
        QCOMPARE(timeline.samples().size(), 1u);
        QCOMPARE(timeline.samples().front().coreBusy.at(0), 0.3);
        timeline.clear();
        QVERIFY(timeline.samples().empty());
    }
};

QTEST_GUILESS_MAIN(TestLoadSampler)
#include "tst_loadsampler.moc"
