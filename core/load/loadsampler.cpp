// SPDX-License-Identifier: MIT
#include "core/load/loadsampler.h"

#include "core/base/clock.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::optional<std::int64_t> readThreadCpuNs(clockid_t clock)
{
    // CLOCK_THREAD_CPUTIME_ID means "the calling thread": Shard::cpuClock() before the shard's
    // thread has published its own clock. Reading it would measure the poller, not the shard.
    if (clock == CLOCK_THREAD_CPUTIME_ID)
        return std::nullopt;
    timespec ts{};
    if (clock_gettime(clock, &ts) != 0)
        return std::nullopt;
    return std::int64_t{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec;
}

} // namespace

double shardShare(std::int64_t prevCpuNs, std::int64_t curCpuNs, std::int64_t prevWallNs,
                  std::int64_t curWallNs)
{
    const std::int64_t wall = curWallNs - prevWallNs;
    if (wall <= 0)
        return kNaN;
    const std::int64_t cpu = curCpuNs > prevCpuNs ? curCpuNs - prevCpuNs : 0;
    return std::min(1.0, static_cast<double>(cpu) / static_cast<double>(wall));
}

LoadSampler::LoadSampler(std::unique_ptr<CpuStatSource> source)
    : m_source(std::move(source))
{
    restart();
}

void LoadSampler::restart()
{
    restartAt(nowNs());
}

void LoadSampler::restartAt(std::int64_t wallNs)
{
    m_startNs = wallNs;
    m_prevCores.clear();
    m_prevWallNs.reset();
    m_prevClocks.clear();
    m_prevShardCpuNs.clear();
}

LoadSample LoadSampler::sample(const std::vector<clockid_t> &shardClocks)
{
    // A changed clock at the same position is a new thread: its CPU time starts over.
    if (shardClocks.size() == m_prevClocks.size()) {
        for (std::size_t i = 0; i < shardClocks.size() && i < m_prevShardCpuNs.size(); ++i) {
            if (shardClocks[i] != m_prevClocks[i])
                m_prevShardCpuNs[i].reset();
        }
    }
    m_prevClocks = shardClocks;

    const std::int64_t wallNs = nowNs();
    std::vector<std::optional<std::int64_t>> cpuNs;
    cpuNs.reserve(shardClocks.size());
    for (const clockid_t clock : shardClocks)
        cpuNs.push_back(readThreadCpuNs(clock));
    return sampleAt(wallNs, cpuNs);
}

LoadSample LoadSampler::sampleAt(std::int64_t wallNs,
                                 const std::vector<std::optional<std::int64_t>> &shardCpuNs)
{
    LoadSample s;
    s.tSec = static_cast<double>(wallNs - m_startNs) / 1e9;

    std::vector<std::optional<CpuTicks>> cores;
    if (const auto text = m_source->read())
        cores = parseProcStat(*text);
    if (cores.empty()) {
        // Nothing usable this time: keep the previous reading, so the next sample still has a
        // baseline and covers both intervals.
        s.coreBusy.assign(m_prevCores.size(), kNaN);
    } else {
        s.coreBusy.assign(cores.size(), kNaN);
        for (std::size_t i = 0; i < cores.size() && i < m_prevCores.size(); ++i) {
            if (cores[i] && m_prevCores[i])
                s.coreBusy[i] = busyFraction(*m_prevCores[i], *cores[i]);
        }
        m_prevCores = std::move(cores);
        m_cpuCount = static_cast<int>(m_prevCores.size());
    }

    if (shardCpuNs.size() != m_prevShardCpuNs.size())
        m_prevShardCpuNs.assign(shardCpuNs.size(), std::nullopt);
    s.shardCpu.assign(shardCpuNs.size(), kNaN);
    for (std::size_t i = 0; i < shardCpuNs.size(); ++i) {
        if (m_prevWallNs && m_prevShardCpuNs[i] && shardCpuNs[i])
            s.shardCpu[i] = shardShare(*m_prevShardCpuNs[i], *shardCpuNs[i], *m_prevWallNs, wallNs);
        m_prevShardCpuNs[i] = shardCpuNs[i];
    }
    m_prevWallNs = wallNs;
    return s;
}
