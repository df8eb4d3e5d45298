// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/engine.h"
#include "core/experiment/experiment.h"
#include "core/experiment/experimentprogress.h"
#include "core/experiment/runloadrecorder.h"

#include <QObject>
#include <QPointer>

#include <QCoroTask>

#include <atomic>
#include <memory>
#include <optional>

class QTimer;
class ServerProcess;

// The one implementation of an experiment, for the CLI (QCoro::waitFor) and the GUI (co_await):
// calibration, the plan drawn once, an optional warm-up, the runs in interleaved order with a
// settle pause between two, and the summary. The caller's thread only sequences: calibration, plan
// drawing and the summary are `co_await QtConcurrent::run(...)`, runs execute on the Engine's
// shard threads, and every co_await resumes on this object's thread (QCoro 0.8 resumes where the
// awaited object lives, and all of them live here). One experiment at a time.
class ExperimentRunner : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        // > 0: the kernel is already calibrated (the GUI does it at start); else run() calibrates.
        double nsPerIter = 0;
        // Pause between two runs, so the load graph shows a gap between them. The CLI has none.
        int settleMs = 0;
        // A failed run ends the experiment (a Compare has nothing left to compare). Otherwise it
        // is recorded and the rounds go on, as the CLI does.
        bool stopOnFailure = false;
        // A cancel flag set from outside this object's thread (the CLI's signal handler): it
        // cancels like cancel() does, and also where this thread is blocked (while the shard
        // threads start and sort their slices).
        const std::atomic<bool> *interrupt = nullptr;
        // Transport http without a --target: the executable started as `--serve` (the app's
        // own file; tests name the built one). Empty: such an experiment's runs fail, saying so.
        QString serverExecutable = QString();
    };

    explicit ExperimentRunner(QObject *parent = nullptr);
    ~ExperimentRunner() override; // cancels, and joins the run in flight

    // Runs `spec` (valid, at least one shard count). The result lists the measured runs in
    // execution order (warm-up excluded; per-task timings kept for the last run only), carries
    // the summary, and says `cancelled` when cancel() cut it short. A second call while one is in
    // flight returns a cancelled, empty result at once.
    QCoro::Task<ExperimentResult> run(ExperimentSpec spec, Options options);
    QCoro::Task<ExperimentResult> run(ExperimentSpec spec) { return run(std::move(spec), {}); }
    // Ends the experiment at the next step: the run in flight is cancelled (it stays in the result,
    // marked so), a settle pause ends at once, and no further run starts. A cancel during the
    // summary changes nothing: every run has completed by then.
    void cancel();
    bool isRunning() const { return m_running; }
    ExperimentProgress progress() const;
    // The HTTP server process this experiment started (transport http without --target), 0 when
    // there is none: the live chart shows its CPU beside the cores'.
    qint64 serverPid() const;

signals:
    // Once per phase change and once per run: never per task.
    void phaseChanged(ExperimentPhase phase);
    void runStarted(const ExperimentStep &step);
    void runFinished(const RunResult &result, const ExperimentStep &step);

private:
    void setPhase(ExperimentPhase phase);
    // Transport http: starts the server (or resolves --target) and says where runs fetch;
    // nullopt with *error when there is none to fetch from.
    std::optional<HttpTarget> prepareHttp(const ExperimentSpec &spec, const Options &options,
                                          QString *error);
    bool cancelled() const;

    Engine m_engine;
    RunLoadRecorder m_load;
    // Shared with the pool job that draws the plan, which may outlive this object.
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
    bool m_running = false;
    ExperimentPhase m_phase = ExperimentPhase::Idle;
    ExperimentStep m_step;
    QPointer<QTimer> m_settle; // the pause in flight, which cancel() ends early
    const std::atomic<bool> *m_interrupt = nullptr; // Options::interrupt of the run in flight
    // The HTTP server of the experiment in flight, started for it and ended with it.
    std::unique_ptr<ServerProcess> m_server;
};
