#pragma once

#include "comparison.h"
#include "engine.h"
#include "runrole.h"
#include "stallmeter.h"
#include "workloadspec.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <vector>

class QThread;
class TaskPlan;

// What the status bar shows while a run is in flight: one poll of the engine.
struct RunProgressInfo
{
    RunRole role = RunRole::OneLoop;
    int runIndex = 0; // 0-based, within the sequence (a Compare has two runs)
    int runCount = 1;
    int shards = 1;
    std::int64_t tasks = 0;
    std::int64_t finished = 0;
    double elapsedMs = 0;
    double etaMs = 0; // NaN until the first task is done
    StallMeter::Stats guiStall;
};

// Runs what the user asked for, off the GUI thread, and reports in plain values. Owns the Engine
// (whose shard threads do all the work), polls it at 15 Hz, sequences a Compare (one plan, run on
// 1 loop and then on K) and measures the GUI thread's stall while runs are in flight. No
// widgets: the window connects to its signals.
class RunController : public QObject
{
    Q_OBJECT
public:
    enum class Mode { OneLoop, KLoops, Compare };

    // 15 Hz: inside the 10-20 Hz the design asks for; smooth for a progress bar, and one poll
    // reads K relaxed atomics, so it costs the GUI thread microseconds.
    static constexpr int kPollIntervalMs = 66;
    // Pause between the two halves of a Compare: the first run's threads are gone from the load
    // graph before the second starts, so the two pictures do not blur into each other.
    static constexpr int kSettleMs = 750;

    explicit RunController(QObject *parent = nullptr);
    ~RunController() override;

    // Draws the plan once (off the GUI thread) and then starts the first run. `config.shards` is K
    // (ignored for OneLoop). False when busy or when spec/config are invalid.
    bool start(Mode mode, const WorkloadSpec &spec, const RunConfig &config, double nsPerIter);
    // Cancels the run in flight and whatever the sequence had left; finished() still reports it.
    void cancel();
    // The window is closing: cancel and join every thread now (blocks for the cancel latency,
    // ~50 ms). No further signals are emitted for the run.
    void shutdown();

    bool isRunning() const { return !m_steps.empty(); }
    // The shards of the run in flight (for the load monitor); null between runs.
    const ShardSet *shards() const { return m_engine ? m_engine->current() : nullptr; }
    const StallMeter &stallMeter() const { return m_stall; }

signals:
    void runningChanged(bool running);
    void runStarted(RunRole role, int shards);
    void progressed(const RunProgressInfo &info);
    void runFinished(const RunResult &result, RunRole role, double guiStallP99Ms);
    void comparisonFinished(const Comparison &comparison);

private:
    struct Step
    {
        RunRole role;
        RunConfig config;
    };

    void onPlanReady(quint64 sequence, std::shared_ptr<const TaskPlan> plan);
    void startStep();
    void poll();
    void onEngineFinished(const RunResult &result);
    void endSequence();

    std::unique_ptr<Engine> m_engine; // made by the first run, dropped (joined) by shutdown()
    QTimer m_pollTimer;
    QTimer m_settleTimer;
    StallMeter m_stall;

    std::unique_ptr<QThread> m_planThread; // drawing the plan of the sequence being started
    bool m_cancelRequested = false;
    quint64 m_sequence = 0; // tells a plan drawn for an abandoned sequence from the current one
    std::shared_ptr<const TaskPlan> m_plan;
    double m_nsPerIter = 0;
    std::vector<Step> m_steps;
    std::size_t m_stepIndex = 0;
    std::vector<RunResult> m_results; // of this sequence, for the Compare
};
