// SPDX-License-Identifier: MIT
#include "core/experiment/experimentrunner.h"

#include "core/base/workpool.h"
#include "core/experiment/resourcelimits.h"
#include "core/load/busyprograms.h"
#include "core/load/machineload.h"
#include "core/net/serverprocess.h"
#include "core/system/systemlimits.h"
#include "core/workload/kernel.h"
#include "core/workload/taskplan.h"

#include <QCoreApplication>
#include <QThread>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <QCoroFuture>
#include <QCoroTimer>

#include <unistd.h>

std::vector<ExperimentStep> experimentSteps(const ExperimentSpec &spec)
{
    std::vector<ExperimentStep> steps;
    if (spec.shardCounts.isEmpty() || spec.runtimes.isEmpty())
        return steps;
    const int runCount = spec.repeats * static_cast<int>(spec.shardCounts.size()) *
                         static_cast<int>(spec.runtimes.size());
    if (spec.warmup)
        steps.push_back({-1, runCount, spec.runtimes.first(), spec.shardCounts.first(), 0});
    int runIndex = 0;
    for (int repeat = 0; repeat < spec.repeats; ++repeat) {
        for (Runtime runtime : spec.runtimes) {
            for (int shards : spec.shardCounts)
                steps.push_back({runIndex++, runCount, runtime, shards, repeat});
        }
    }
    return steps;
}

ExperimentRunner::ExperimentRunner(QObject *parent)
    : QObject(parent)
{}

ExperimentRunner::~ExperimentRunner()
{
    // m_server's destructor ends the server process after the run has been joined.
    // m_engine's destructor then joins the run in flight. The coroutine itself resumes later (its
    // pool job or settle timer still ends), finds this object gone and returns what it has.
    cancel();
}

std::optional<HttpTarget> ExperimentRunner::prepareHttp(const ExperimentSpec &spec,
                                                        const Options &options, QString *error)
{
    const TransportConfig &t = spec.transport;
    HttpTarget target;
    target.connections = t.connections;
    target.responseBytes = t.responseBytes;
    target.timeoutMs = t.timeoutMs;
    if (!t.target.isEmpty()) {
        const auto endpoint = Endpoint::read(t.target, error, false);
        if (!endpoint)
            return std::nullopt;
        target.server = *endpoint;
        return target;
    }
    if (options.serverExecutable.isEmpty()) {
        *error = QStringLiteral("transport http needs --target or an executable to start as the "
                                "server");
        return std::nullopt;
    }
    m_server = std::make_unique<ServerProcess>();
    ServerProcess::Options server;
    server.executable = options.serverExecutable;
    server.loops = t.serverLoops;
    server.responseBytes = t.responseBytes;
    if (!m_server->start(server, error)) {
        m_server.reset();
        return std::nullopt;
    }
    target.server = m_server->endpoint();
    return target;
}

qint64 ExperimentRunner::serverPid() const
{
    return m_server ? m_server->pid() : 0;
}

void ExperimentRunner::setPhase(ExperimentPhase phase)
{
    m_phase = phase;
    emit phaseChanged(phase);
}

ExperimentProgress ExperimentRunner::progress() const
{
    ExperimentProgress p;
    p.phase = m_phase;
    p.step = m_step;
    if (m_phase == ExperimentPhase::Running)
        p.run = m_engine.progress();
    return p;
}

bool ExperimentRunner::cancelled() const
{
    if (m_interrupt && m_interrupt->load() && !m_cancel->load())
        m_cancel->store(true); // the plan draw and the summary look at m_cancel only
    return m_cancel->load();
}

void ExperimentRunner::cancel()
{
    if (!m_running)
        return;
    m_cancel->store(true);
    m_engine.cancel();
    if (m_settle)
        m_settle->start(0); // the pause ends now; the loop then sees the cancel
}

QCoro::Task<ExperimentResult> ExperimentRunner::run(ExperimentSpec spec, Options options)
{
    ExperimentResult result;
    result.spec = spec;
    if (m_running) {
        result.cancelled = true;
        co_return result;
    }
    // Every co_await below may resume after this object is gone (the window closed mid-run): the
    // guard is checked before `this` is touched again.
    const QPointer<ExperimentRunner> self(this);
    m_running = true;
    m_cancel->store(false);
    m_interrupt = options.interrupt;
    m_step = {};
    result.machine = MachineInfo::current();

    if (options.nsPerIter > 0) {
        result.nsPerIter = options.nsPerIter;
    } else {
        setPhase(ExperimentPhase::Calibrating);
        const Kernel kernel = spec.workload.kernel;
        // Each future is named before it is awaited: GCC 12 destroys a lambda's captures twice
        // when the QtConcurrent::run() call is a temporary inside the co_await expression.
        const QFuture<double> calibrating =
            QtConcurrent::run(&workPool(), [kernel] { return calibrateNsPerIteration(kernel); });
        result.nsPerIter = co_await calibrating;
        if (!self)
            co_return result;
    }

    // What the CLI and the form refuse, refused here too (a spec from a preset file or a test
    // reaches this without either): before the plan is drawn, which is what might not fit.
    QString limitError;
    if (const auto tooMuch =
            checkResourceLimits(spec, SystemLimits::descriptors(), SystemLimits::memory()))
        limitError = tooMuch->field + QStringLiteral(": ") + tooMuch->message;

    std::shared_ptr<const TaskPlan> plan;
    if (limitError.isEmpty() && !cancelled()) {
        // A million tasks take tens of ms to draw, the 50M limit seconds: never on this thread,
        // and a cancel stops the draw (it returns an empty plan, which no run gets to see).
        setPhase(ExperimentPhase::DrawingPlan);
        const QFuture<std::shared_ptr<const TaskPlan>> drawing =
            QtConcurrent::run(&workPool(), [workload = spec.workload, cancel = m_cancel] {
                return std::make_shared<const TaskPlan>(TaskPlan::generate(workload, cancel.get()));
            });
        plan = co_await drawing;
        if (!self)
            co_return result;
    }

    // Transport http: one server for every run of the experiment, ended with it.
    std::optional<HttpTarget> http;
    QString httpError;
    if (spec.transport.isHttp() && plan && !cancelled())
        http = prepareHttp(spec, options, &httpError);

    const std::vector<ExperimentStep> steps = experimentSteps(spec);
    for (std::size_t i = 0; i < steps.size() && !cancelled(); ++i) {
        const ExperimentStep &step = steps[i];
        if (i > 0 && options.settleMs > 0) {
            setPhase(ExperimentPhase::Settling);
            if (cancelled()) // by a slot of phaseChanged, before there was a pause to end
                break;
            QTimer settle;
            settle.setSingleShot(true);
            settle.start(options.settleMs);
            m_settle = &settle;
            co_await settle;
            if (!self)
                co_return result;
            m_settle.clear();
            if (cancelled())
                break;
        }
        // Which other programs take the CPUs during the run: every process's CPU time now and
        // after it, read off this thread (the GUI's, in the app).
        const ProgramCpuSnapshot programsBefore =
            co_await QtConcurrent::run(&workPool(), &ProgramCpuSnapshot::take);
        if (!self)
            co_return result;
        if (cancelled())
            break;
        // The warm-up runs the first configuration without the injected failure, and its result
        // is thrown away.
        RunConfig config{step.shards, spec.partition, spec.pin, step.warmup() ? -1 : spec.failTask,
                         http};
        config.runtime = step.runtime;
        config.python = spec.python;
        m_step = step;
        setPhase(ExperimentPhase::Running);
        if (cancelled()) // by a slot of phaseChanged: nothing was launched
            break;
        emit runStarted(step);
        // What the rest of the machine did meanwhile: a run that shared its cores is flagged.
        const MachineLoad machine;
        RunResult run;
        if (!limitError.isEmpty()) {
            run = failedRun(plan, config, result.nsPerIter, limitError);
            run.tasks = spec.workload.tasks;
        } else if (spec.transport.isHttp() && !http) {
            run = failedRun(plan, config, result.nsPerIter, httpError);
            run.http.emplace();
        } else if (m_server && !m_server->isRunning()) {
            run =
                failedRun(plan, config, result.nsPerIter, m_server->goneMessage(u"before the run"));
            run.http.emplace();
        } else {
            const std::optional<double> serverCpuBefore =
                m_server ? m_server->cpuMs() : std::nullopt;
            m_load.start([this] { return m_engine.progress(); });
            run = co_await m_engine.run(plan, config, result.nsPerIter, options.interrupt);
            if (!self)
                co_return result;
            run.load = m_load.stop();
            if (m_server && run.http) {
                // A killed server's sockets are reset while the kernel tears it down, before
                // /proc shows it dead: a run that saw failed exchanges gives it up to 200 ms to
                // be seen gone, or the run would blame its tasks ("response truncated").
                for (int wait = 0; wait < 20 && run.tasksFailed > 0 && m_server->isRunning();
                     ++wait) {
                    QTimer poll;
                    poll.setSingleShot(true);
                    poll.start(10);
                    co_await poll;
                    if (!self)
                        co_return result;
                }
                if (const auto after = m_server->cpuMs(); after && serverCpuBefore)
                    run.http->serverCpuMs = *after - *serverCpuBefore;
                if (!m_server->isRunning() && run.status != RunStatus::Cancelled) {
                    // Its sockets were reset, so the tasks failed and the run ended; say why.
                    run.status = RunStatus::Failed;
                    run.error = m_server->goneMessage(u"during the run", run.error);
                }
            }
        }
        // The server this experiment started is part of the benchmark, not a busy neighbour.
        run.othersCpuFraction = machine.othersFraction(run.http ? run.http->serverCpuMs : 0.0);
        const ProgramCpuSnapshot programsAfter =
            co_await QtConcurrent::run(&workPool(), &ProgramCpuSnapshot::take);
        if (!self)
            co_return result;
        run.busyPrograms = ProgramCpuSnapshot::top(
            programsBefore, programsAfter, std::max(1, QThread::idealThreadCount()),
            ::sysconf(_SC_CLK_TCK),
            {QCoreApplication::applicationPid(), m_server ? std::int64_t(m_server->pid()) : 0});
        run.repeat = step.repeat;
        emit runFinished(run, step);
        if (run.status == RunStatus::Cancelled)
            result.cancelled = true;
        const bool failed = run.status == RunStatus::Failed;
        if (!step.warmup()) {
            // The per-task arrays of every run would add up over many repeats; a report needs
            // them for one run at most (tasks.csv), and the last one is kept.
            if (!result.runs.empty())
                result.runs.back().timings.reset();
            result.runs.push_back(std::move(run));
        }
        if (failed && options.stopOnFailure)
            break;
    }
    // Runs that were never started because of a cancel make the experiment incomplete too.
    if (cancelled())
        result.cancelled = true;

    if (m_server) {
        m_server->stop();
        m_server.reset();
    }
    setPhase(ExperimentPhase::Summarizing);
    // On a copy of the result, which shares the per-task arrays instead of copying them.
    const QFuture<ExperimentSummary> summarizing =
        QtConcurrent::run(&workPool(), [copy = result] { return summarizeExperiment(copy); });
    result.summary = co_await summarizing;
    if (!self)
        co_return result;
    m_running = false;
    setPhase(ExperimentPhase::Idle);
    co_return result;
}
