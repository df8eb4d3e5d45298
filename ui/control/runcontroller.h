// SPDX-License-Identifier: MIT
#pragma once

#include "core/experiment/experiment.h"
#include "core/experiment/experimentrunner.h"
#include "core/experiment/runrole.h"
#include "core/workload/workloadspec.h"
#include "ui/control/stallmeter.h"
#include "ui/models/comparison.h"

#include <QObject>
#include <QTimer>

#include <QCoroTask>

#include <memory>
#include <optional>
#include <vector>

// What the status bar shows while a run is in flight: one poll of the engine.
struct RunProgressInfo
{
    RunRole role = RunRole::OneLoop;
    int runIndex = 0; // 0-based among the measured runs (a Compare has two; the warm-up is 0)
    int runCount = 1; // measured runs of the sequence
    bool experiment = false; // a Sweep or Repeat compare, not a single run or a Compare
    int shards = 1;
    std::int64_t tasks = 0;
    std::int64_t finished = 0;
    double elapsedMs = 0;
    double etaMs = 0; // NaN until the first task is done
    StallMeter::Stats guiStall;
};

// Runs what the user asked for and reports in plain values. Every request is an experiment,
// awaited from the core's ExperimentRunner (the coroutine the CLI runs too): One loop is the shard
// list {1}, K loops {K}, Compare {1, K}, a Sweep or Repeat compare the form's list with its
// repeats and warm-up. So the GUI sequences exactly what the CLI does, and every sequence ends
// with an ExperimentResult whose summary the reports and views share. Polls the run in flight at
// 15 Hz and measures the GUI thread's stall while runs are in flight. No widgets: the window
// connects to its signals.
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
    // Between the runs of an experiment: one load sample (4 Hz) apart, enough for the graph to
    // show the gap, while 100 runs still waste only 25 s.
    static constexpr int kExperimentSettleMs = 250;

    explicit RunController(QObject *parent = nullptr);
    ~RunController() override;

    // `config.shards` is K (ignored for OneLoop). False when busy or when spec/config/transport
    // are invalid.
    bool start(Mode mode, const WorkloadSpec &spec, const RunConfig &config, double nsPerIter,
               const TransportConfig &transport = {});
    // A Sweep or a Repeat compare: `spec.repeats` rounds over `spec.shardCounts` on one plan,
    // after an untimed warm-up run when `spec.warmup`. A failed run is recorded and the rounds go
    // on (as in the CLI); a cancel ends the sequence and marks the result cancelled. False when
    // busy or when the spec is invalid.
    bool startExperiment(const ExperimentSpec &spec, double nsPerIter);
    // What an http run without a target starts as `--serve`: this very executable (the desktop
    // app serves before it creates any window), unless a test names the built loopbench.
    QString serverExecutable() const;
    void setServerExecutable(const QString &path) { m_serverExecutable = path; }
    // Cancels the run in flight and whatever the sequence had left; the signals still report it.
    void cancel();
    // The window is closing: cancel and join every shard thread now (blocks for the cancel
    // latency, ~50 ms). No further signals are emitted for the sequence.
    void shutdown();

    bool isRunning() const { return m_running; }
    // The sequence in flight (or the last one): its spec, and what started it ("run",
    // "compare", "sweep", "repeat"), as the result store files it.
    const ExperimentSpec &currentSpec() const { return m_spec; }
    QString currentKind() const;
    // True while a run (not the plan drawing or a settle pause) is in flight.
    bool isRunInFlight() const;
    // The run in flight as its shards publish it (per-shard CPU clocks and lag, for the load
    // monitor); empty between runs.
    RunProgress runProgress() const;
    // The HTTP server process the experiment in flight started; 0 when none.
    qint64 serverPid() const;
    const StallMeter &stallMeter() const { return m_stall; }

signals:
    void runningChanged(bool running);
    void runStarted(RunRole role, int shards);
    void progressed(const RunProgressInfo &info);
    void runFinished(const RunResult &result, RunRole role, double guiStallP99Ms);
    void comparisonFinished(const Comparison &comparison);
    // Every sequence that ran at least one measured run ends with this, after the last
    // runFinished(): its runs in execution order (warm-up excluded) and their summary.
    void experimentFinished(const ExperimentResult &result);

private:
    bool begin(const ExperimentSpec &spec, ExperimentRunner::Options options,
               std::optional<Mode> mode);
    QCoro::Task<> sequence(ExperimentSpec spec, ExperimentRunner::Options options);
    RunRole roleOf(const ExperimentStep &step) const;
    void onRunStarted(const ExperimentStep &step);
    void onRunFinished(const RunResult &result, const ExperimentStep &step);
    void endSequence(const ExperimentResult &result);
    void poll();

    std::unique_ptr<ExperimentRunner> m_runner; // made by begin(), dropped (joined) by shutdown()
    QTimer m_pollTimer;
    StallMeter m_stall;
    bool m_running = false;
    quint64 m_sequence = 0;     // tells a sequence that shutdown() abandoned from the current one
    std::optional<Mode> m_mode; // nullopt: a Sweep or Repeat compare
    QString m_serverExecutable; // empty: QCoreApplication::applicationFilePath()
    ExperimentSpec m_spec;
    std::vector<RunResult> m_compared; // the halves of a Compare
};
