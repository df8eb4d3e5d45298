// SPDX-License-Identifier: MIT
#include "core/experiment/runloadrecorder.h"

#include "core/base/clock.h"

RunLoadRecorder::RunLoadRecorder(std::unique_ptr<CpuStatSource> source, QObject *parent)
    : QObject(parent)
    , m_sampler(std::move(source))
{
    connect(&m_timer, &QTimer::timeout, this, &RunLoadRecorder::sampleNow);
}

void RunLoadRecorder::start(std::function<RunProgress()> progress, int intervalMs)
{
    m_progress = std::move(progress);
    m_samples.clear();
    m_t0Ns = 0;
    m_intervalMs = intervalMs;
    // Until the run has a t0, look often: the first reading at t0 primes the counters of the
    // cores and of the shard threads (whose clocks exist by then), so that the first sample
    // kept, one interval later, already has every shard's share.
    m_timer.start(kWaitForT0Ms);
}

void RunLoadRecorder::sampleNow()
{
    const RunProgress p = m_progress ? m_progress() : RunProgress{};
    const std::int64_t now = nowNs();
    if (m_t0Ns == 0) {
        if (p.elapsedNs <= 0)
            return; // no t0 yet: the threads are starting, nothing of the run to describe
        m_t0Ns = now - p.elapsedNs;
        m_sampler.restart();
        m_sampler.sample(p.shardClocks);
        m_timer.setInterval(m_intervalMs);
        return;
    }
    LoadSample s = m_sampler.sample(p.shardClocks);
    s.tSec = static_cast<double>(now - m_t0Ns) / 1e9;
    m_samples.push_back(std::move(s));
}

LoadSeries RunLoadRecorder::stop()
{
    m_timer.stop();
    // The shards are joined by now: their clocks read as NaN, the cores still count.
    if (m_t0Ns != 0) {
        m_progress = {};
        sampleNow();
    }
    m_progress = {};
    LoadSeries series = LoadSeries::fromSamples(m_samples);
    m_samples.clear();
    return series;
}
