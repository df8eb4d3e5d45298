// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/shardset.h"
#include "core/load/loadsampler.h"
#include "core/load/loadseries.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

// The load of one run as reports and the store keep it: every core's busy share and every
// shard's CPU share, sampled at the load sampler's 4 Hz on the thread that sequences the
// experiment (never a shard's), with times from the run's t0. Samples start one interval after t0;
// one more is taken at stop(), so the last fraction of a second is not lost (the shard threads
// are gone by then: that sample has the cores only).
class RunLoadRecorder : public QObject
{
    Q_OBJECT
public:
    explicit RunLoadRecorder(
        std::unique_ptr<CpuStatSource> source = std::make_unique<ProcStatSource>(),
        QObject *parent = nullptr);

    // Starts sampling `progress` (the engine's live view) once it reports a t0.
    void start(std::function<RunProgress()> progress,
               int intervalMs = LoadSampler::kDefaultIntervalMs);
    // Stops, and hands over what was sampled since start().
    LoadSeries stop();
    // One sample now: the timer's work, and a caller's that wants a sample at a moment of its own.
    void sampleNow();

private:
    LoadSampler m_sampler;
    QTimer m_timer;
    std::function<RunProgress()> m_progress;
    std::vector<LoadSample> m_samples;
    std::int64_t m_t0Ns = 0; // on the nowNs() clock; 0 until the run has one
    int m_intervalMs = LoadSampler::kDefaultIntervalMs;
    static constexpr int kWaitForT0Ms = 5;
};
