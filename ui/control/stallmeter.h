// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QTimer>

#include <array>
#include <cstdint>

// How late the GUI thread's event loop is: a heartbeat timer on this thread, and the lateness of
// each beat (time since the previous beat minus the interval). A frozen GUI shows up here first;
// the target is a p99 of at most one 60 Hz frame (16 ms) while every core is busy.
//
// Optimised for costing nothing per beat: a fixed histogram (0.25 ms buckets up to 250 ms), so
// recording is O(1) and a percentile is one pass over 1000 counters, however long the run.
class StallMeter : public QObject
{
    Q_OBJECT
public:
    struct Stats
    {
        std::int64_t beats = 0;
        double p50Ms = 0;
        double p99Ms = 0;
        double maxMs = 0;
    };

    // 10 ms: fine enough to see a 16 ms stall, cheap enough (100 wake-ups/s) to leave running.
    static constexpr int kIntervalMs = 10;

    explicit StallMeter(QObject *parent = nullptr);

    void start(); // resets and starts beating
    void stop();
    void reset();
    bool isActive() const { return m_timer.isActive(); }
    Stats stats() const;

    // Adds one beat's lateness, ms (what each beat does; an early beat counts as 0).
    void record(double latenessMs);

private:
    void beat();

    static constexpr double kBucketMs = 0.25;
    static constexpr std::size_t kBuckets = 1000;
    QTimer m_timer;
    std::int64_t m_lastNs = 0;
    std::array<std::int64_t, kBuckets + 1> m_histogram{}; // last bucket: >= 250 ms
    std::int64_t m_beats = 0;
    double m_maxMs = 0;
};
