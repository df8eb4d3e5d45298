// SPDX-License-Identifier: MIT
#include "ui/control/stallmeter.h"

#include "core/base/clock.h"

#include <algorithm>
#include <cmath>

StallMeter::StallMeter(QObject *parent)
    : QObject(parent)
{
    // Precise: a coarse timer may fire up to 5 % of its interval late by design, which would
    // read as a stall that is not there.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StallMeter::beat);
}

void StallMeter::start()
{
    reset();
    m_lastNs = nowNs();
    m_timer.start();
}

void StallMeter::stop()
{
    m_timer.stop();
}

void StallMeter::reset()
{
    m_histogram.fill(0);
    m_beats = 0;
    m_maxMs = 0;
    m_lastNs = nowNs();
}

void StallMeter::beat()
{
    const std::int64_t now = nowNs();
    record(nsToMs(now - m_lastNs) - kIntervalMs);
    m_lastNs = now;
}

void StallMeter::record(double latenessMs)
{
    // Early beats (a precise timer can fire a fraction of a ms early) are not stalls.
    const double ms = std::max(0.0, latenessMs);
    const auto bucket = std::min(kBuckets, static_cast<std::size_t>(ms / kBucketMs));
    ++m_histogram[bucket];
    ++m_beats;
    m_maxMs = std::max(m_maxMs, ms);
}

StallMeter::Stats StallMeter::stats() const
{
    Stats s;
    s.beats = m_beats;
    s.maxMs = m_maxMs;
    if (m_beats == 0)
        return s;
    // A percentile reads as the upper edge of its bucket: never better than the truth.
    auto quantile = [this](double q) {
        const auto rank = static_cast<std::int64_t>(std::ceil(q * static_cast<double>(m_beats)));
        std::int64_t seen = 0;
        for (std::size_t i = 0; i < m_histogram.size(); ++i) {
            seen += m_histogram[i];
            if (seen >= std::max<std::int64_t>(rank, 1))
                return std::min(m_maxMs, static_cast<double>(i + 1) * kBucketMs);
        }
        return m_maxMs;
    };
    s.p50Ms = quantile(0.50);
    s.p99Ms = quantile(0.99);
    return s;
}
