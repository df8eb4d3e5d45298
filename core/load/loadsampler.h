// SPDX-License-Identifier: MIT
#pragma once

#include "core/load/procstat.h"
#include "core/load/procstatsource.h"

#include <cstdint>
#include <ctime>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

// Share of one core a thread used over an interval: Δ thread CPU time / Δ wall time, clamped to
// [0,1] (the two clocks are read a few ns apart, so a busy thread can show slightly over 1, and a
// reused clock can go backwards). NaN when the wall interval is not positive.
double shardShare(std::int64_t prevCpuNs, std::int64_t curCpuNs, std::int64_t prevWallNs,
                  std::int64_t curWallNs);

// One point of the live load graph. A plain value: copied into LoadTimeline and into exports.
struct LoadSample
{
    double tSec = 0;              // seconds since the sampler was (re)started (steady clock)
    std::vector<double> coreBusy; // per logical CPU, 0..1; NaN = offline / no data this interval
    std::vector<double> shardCpu; // per shard thread, CPU time / wall time, 0..1 (NaN if unknown)
    // The HTTP server process a run started, as a share of the whole machine (machineShare());
    // NaN when there is none.
    double serverCpu = std::numeric_limits<double>::quiet_NaN();
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
    // CPU time in ns (nullopt = could not be read): the arithmetic of sample(), with no clock read.
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
