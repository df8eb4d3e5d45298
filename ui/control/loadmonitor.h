// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/shardset.h"
#include "core/load/loadsampler.h"
#include "core/load/loadtimeline.h"

#include <QList>
#include <QObject>
#include <QPointF>
#include <QTimer>

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <vector>

// Span of the load timeline during which a run was in flight: the core chart shades it, so
// "one loop" and "K loops" can be told apart on the graph.
struct RunSpan
{
    double startSec = 0;
    double endSec = -1; // < 0: still running
    int shards = 1;
    // The run's id in the result store once it is saved (0 before, or when the store is off):
    // what a click on its band selects in the history.
    std::int64_t runId = 0;
    // Which run this is, counted from the monitor's start (markRunStart()'s answer).
    quint64 serial = 0;
};

// The live load behind the charts: samples /proc/stat per core and every shard thread's CPU
// clock at 4 Hz on the GUI thread (one read is ~50 us: not benchmark work, and no thread to
// synchronise), keeps the last 60 s, and turns it into the point lists the views replace() in
// one go. What it knows of the shards comes from the progress the engine publishes (their CPU
// clocks and recent lag): it never reaches into the engine.
class LoadMonitor : public QObject
{
    Q_OBJECT
public:
    static constexpr double kWindowSec = 60.0;

    explicit LoadMonitor(std::unique_ptr<CpuStatSource> source = std::make_unique<ProcStatSource>(),
                         QObject *parent = nullptr);

    // Where the progress of the run in flight comes from (the RunController); empty while idle.
    void setRunSource(std::function<RunProgress()> source);
    // The pid of the HTTP server process in use (0: none): its CPU is sampled with the cores.
    void setServerSource(std::function<qint64()> source);
    void start(int intervalMs = LoadSampler::kDefaultIntervalMs);
    void stop();
    void sampleNow();

    // A run starts: its span opens; returns the span's serial, for setSpanRun().
    quint64 markRunStart(int shards);
    void markRunEnd();
    // The run of span `serial` was saved as `runId` (it may have scrolled out of the window).
    void setSpanRun(quint64 serial, std::int64_t runId);

    int cpuCount() const { return m_sampler.cpuCount(); }
    const LoadTimeline &timeline() const { return m_timeline; }
    // Per core, busy % against seconds relative to the newest sample (x <= 0), NaN skipped.
    QList<QList<QPointF>> corePoints() const;
    // Mean over all cores, same axes.
    QList<QPointF> meanPoints() const;
    // The HTTP server process's share of the machine, same axes and unit as the mean; empty when
    // no run in the window used a server.
    QList<QPointF> serverPoints() const;
    // Run spans on the same relative axis, clipped to the window.
    std::vector<RunSpan> spans() const;
    // The newest figures per shard of the run in flight (empty while idle): CPU share 0..100 %
    // over the last interval, and the largest event-loop lag seen in it, ms.
    const std::vector<double> &shardCpuPercent() const { return m_shardCpu; }
    const std::vector<double> &shardLagMs() const { return m_shardLag; }

signals:
    void sampled();

private:
    double newestSec() const;
    void sampleServer(LoadSample &s);

    LoadSampler m_sampler;
    LoadTimeline m_timeline;
    QTimer m_timer;
    std::function<RunProgress()> m_runSource;
    std::function<qint64()> m_serverSource;
    // The previous reading of the server's CPU: pid, CPU ms, wall ns.
    qint64 m_serverPid = 0;
    double m_serverCpuMs = 0;
    std::int64_t m_serverWallNs = 0;
    std::deque<RunSpan> m_spans;
    quint64 m_serials = 0;
    std::vector<double> m_shardCpu;
    std::vector<double> m_shardLag;
};
