// SPDX-License-Identifier: MIT
#include "ui/control/loadmonitor.h"

#include "core/base/clock.h"
#include "core/load/processcpu.h"

#include <algorithm>
#include <cmath>
#include <limits>

LoadMonitor::LoadMonitor(std::unique_ptr<CpuStatSource> source, QObject *parent)
    : QObject(parent)
    , m_sampler(std::move(source))
    , m_timeline(kWindowSec)
{
    // Coarse is fine here: /proc/stat counts in 10 ms ticks anyway.
    connect(&m_timer, &QTimer::timeout, this, &LoadMonitor::sampleNow);
}

void LoadMonitor::setRunSource(std::function<RunProgress()> source)
{
    m_runSource = std::move(source);
}

void LoadMonitor::setServerSource(std::function<qint64()> source)
{
    m_serverSource = std::move(source);
}

void LoadMonitor::start(int intervalMs)
{
    m_sampler.restart();
    m_timeline.clear();
    m_spans.clear();
    m_sampler.sample(); // primes the counters, so the first plotted sample is a real interval
    m_timer.start(intervalMs);
}

void LoadMonitor::stop()
{
    m_timer.stop();
}

void LoadMonitor::sampleNow()
{
    const RunProgress run = m_runSource ? m_runSource() : RunProgress{};
    m_shardLag.clear();
    for (std::int64_t lagNs : run.shardRecentMaxLagNs)
        m_shardLag.push_back(nsToMs(lagNs));
    LoadSample s = m_sampler.sample(run.shardClocks);
    sampleServer(s);
    m_shardCpu.clear();
    for (double share : s.shardCpu)
        m_shardCpu.push_back(std::isnan(share) ? 0.0 : share * 100.0);
    m_timeline.append(std::move(s));

    const double oldest = newestSec() - kWindowSec;
    while (!m_spans.empty() && m_spans.front().endSec >= 0 && m_spans.front().endSec < oldest)
        m_spans.pop_front();
    emit sampled();
}

void LoadMonitor::sampleServer(LoadSample &s)
{
    const qint64 pid = m_serverSource ? m_serverSource() : 0;
    const auto cpu = ProcessCpu::read(pid);
    const std::int64_t wallNs = nowNs();
    if (!cpu) {
        m_serverPid = 0;
        return;
    }
    // A new server (or the first reading of one) primes: its CPU so far is not this interval's.
    if (pid == m_serverPid)
        s.serverCpu = machineShare(m_serverCpuMs, cpu->ms(), m_serverWallNs, wallNs, cpuCount());
    m_serverPid = pid;
    m_serverCpuMs = cpu->ms();
    m_serverWallNs = wallNs;
}

double LoadMonitor::newestSec() const
{
    return m_timeline.samples().empty() ? 0.0 : m_timeline.samples().back().tSec;
}

quint64 LoadMonitor::markRunStart(int shards)
{
    markRunEnd();
    m_spans.push_back({newestSec(), -1, shards, 0, ++m_serials});
    return m_serials;
}

void LoadMonitor::setSpanRun(quint64 serial, std::int64_t runId)
{
    for (RunSpan &span : m_spans) {
        if (span.serial == serial)
            span.runId = runId;
    }
}

void LoadMonitor::markRunEnd()
{
    if (!m_spans.empty() && m_spans.back().endSec < 0)
        m_spans.back().endSec = newestSec();
}

QList<QList<QPointF>> LoadMonitor::corePoints() const
{
    QList<QList<QPointF>> cores(cpuCount());
    const double newest = newestSec();
    for (const LoadSample &s : m_timeline.samples()) {
        for (std::size_t c = 0; c < s.coreBusy.size() && c < std::size_t(cores.size()); ++c) {
            if (!std::isnan(s.coreBusy[c]))
                cores[qsizetype(c)].append({s.tSec - newest, s.coreBusy[c] * 100.0});
        }
    }
    return cores;
}

QList<QPointF> LoadMonitor::meanPoints() const
{
    QList<QPointF> points;
    const double newest = newestSec();
    for (const LoadSample &s : m_timeline.samples()) {
        double sum = 0;
        int n = 0;
        for (double b : s.coreBusy) {
            if (!std::isnan(b)) {
                sum += b;
                ++n;
            }
        }
        if (n > 0)
            points.append({s.tSec - newest, sum / n * 100.0});
    }
    return points;
}

QList<QPointF> LoadMonitor::serverPoints() const
{
    QList<QPointF> points;
    const double newest = newestSec();
    for (const LoadSample &s : m_timeline.samples()) {
        if (!std::isnan(s.serverCpu))
            points.append({s.tSec - newest, s.serverCpu * 100.0});
    }
    return points;
}

std::vector<RunSpan> LoadMonitor::spans() const
{
    std::vector<RunSpan> out;
    const double newest = newestSec();
    for (RunSpan span : m_spans) {
        span.endSec = (span.endSec < 0 ? newest : span.endSec) - newest;
        span.startSec = std::max(span.startSec - newest, -kWindowSec);
        if (span.endSec > -kWindowSec)
            out.push_back(span);
    }
    return out;
}
