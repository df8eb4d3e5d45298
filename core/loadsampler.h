#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <ctime>
#include <memory>
#include <optional>
#include <vector>

// One logical CPU's counters from a /proc/stat "cpuN" line, in USER_HZ ticks (1/100 s on x86 and
// Arm; sysconf(_SC_CLK_TCK) says). Only ratios of differences are used, so the unit never matters;
// the tick size only limits how fine one sample can be (see LoadSampler::kDefaultIntervalMs).
struct CpuTicks
{
    std::uint64_t user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0,
                  steal = 0;

    // guest and guest_nice are left out: the kernel already counts them inside user and nice.
    std::uint64_t total() const;
    // iowait is idle too: a core waiting on IO could have run something else.
    std::uint64_t idleAll() const;

    friend bool operator==(const CpuTicks &, const CpuTicks &) = default;
};

// Parses /proc/stat text. Only per-CPU lines ("cpuN ...") count, not the aggregate "cpu " line.
// The result is indexed by CPU number and sized max index + 1; a CPU with no line (offline) is
// std::nullopt. A line with fewer than the 4 fields every kernel prints (user nice system idle),
// or with a field that is not an unsigned number, is skipped; missing later fields (older kernels)
// read as 0 and columns after steal are ignored.
std::vector<std::optional<CpuTicks>> parseProcStat(QByteArrayView text);

// Busy fraction in [0,1] between two readings of one CPU: Δ(total − idle − iowait) / Δtotal.
// Each field's delta is clamped at 0, because counters do go backwards (iowait on tickless
// kernels, everything after a CPU is hot-plugged). NaN when Δtotal is 0: no tick was counted, so
// there is nothing to say, which is not the same as idle.
double busyFraction(const CpuTicks &previous, const CpuTicks &current);

// Share of one core a thread used over an interval: Δ thread CPU time / Δ wall time, clamped to
// [0,1] (the two clocks are read a few ns apart, so a busy thread can show slightly over 1, and a
// reused clock can go backwards). NaN when the wall interval is not positive.
double shardShare(std::int64_t prevCpuNs, std::int64_t curCpuNs, std::int64_t prevWallNs,
                  std::int64_t curWallNs);

// Where /proc/stat text comes from, so the sampler can be fed fixtures in tests and other systems
// can be added beside Linux.
class CpuStatSource
{
public:
    virtual ~CpuStatSource() = default;
    // The whole text, or nullopt when it cannot be read.
    virtual std::optional<QByteArray> read() = 0;
};

// Linux: reads /proc/stat (or another file of the same format, for tests).
class ProcStatSource final : public CpuStatSource
{
public:
    explicit ProcStatSource(QString path = QStringLiteral("/proc/stat"));
    std::optional<QByteArray> read() override;

private:
    QString m_path;
};

// One point of the live load graph. A plain value: copied into LoadTimeline and into exports.
struct LoadSample
{
    double tSec = 0;              // seconds since the sampler was (re)started (steady clock)
    std::vector<double> coreBusy; // per logical CPU, 0..1; NaN = offline / no data this interval
    std::vector<double> shardCpu; // per shard thread, CPU time / wall time, 0..1 (NaN if unknown)
};

// Turns successive readings into per-core busy fractions and per-shard CPU shares, each over the
// interval since the previous call. Not thread-safe: one poller (the GUI timer) owns it.
class LoadSampler
{
public:
    // 250 ms (4 Hz): /proc/stat counts in 1/100 s ticks, so one core yields 25 ticks per sample,
    // a 4% step; at 100 ms a core would jump in 10% steps and the graph would flicker. Much
    // slower (over 500 ms) blurs the phases of a run that lasts only a few seconds.
    static constexpr int kDefaultIntervalMs = 250;

    explicit LoadSampler(
        std::unique_ptr<CpuStatSource> source = std::make_unique<ProcStatSource>());

    // Per-core busy since the previous call (the first call primes and gives NaN for every core),
    // and each shard thread's CPU share since the previous call. shardClocks are thread CPU-time
    // clocks (pthread_getcpuclockid, Shard::cpuClock()). When the list changes size (a new run)
    // all shard state resets; when one entry changes, that shard's does. A clock that fails
    // clock_gettime (thread ended) gives NaN, and so does CLOCK_THREAD_CPUTIME_ID itself: it is
    // what Shard::cpuClock() returns before the thread runs, and would measure the caller.
    LoadSample sample(const std::vector<clockid_t> &shardClocks = {});

    // sample() with the clocks already read: wallNs on the nowNs() clock, and each shard's thread
    // CPU time in ns (nullopt = could not be read). For tests and replays; needs no real threads.
    LoadSample sampleAt(std::int64_t wallNs,
                        const std::vector<std::optional<std::int64_t>> &shardCpuNs = {});

    // Forget previous readings; tSec restarts at 0 now (or at wallNs).
    void restart();
    void restartAt(std::int64_t wallNs);

    // Logical CPUs in the last successful reading (highest index + 1); 0 before the first. Kept
    // across restart(), so a chart can be sized before the first sample of a new run.
    int cpuCount() const { return m_cpuCount; }

private:
    std::unique_ptr<CpuStatSource> m_source;
    std::int64_t m_startNs = 0;
    int m_cpuCount = 0;
    std::vector<std::optional<CpuTicks>> m_prevCores;
    std::optional<std::int64_t> m_prevWallNs;
    std::vector<clockid_t> m_prevClocks;
    std::vector<std::optional<std::int64_t>> m_prevShardCpuNs;
};
