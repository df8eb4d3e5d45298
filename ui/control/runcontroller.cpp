// SPDX-License-Identifier: MIT
#include "ui/control/runcontroller.h"

#include "core/base/clock.h"
#include "core/experiment/speccodec.h"
#include "core/store/experimentkind.h"

#include <QCoreApplication>
#include <QPointer>

#include <limits>

RunController::RunController(QObject *parent)
    : QObject(parent)
{
    m_pollTimer.setInterval(kPollIntervalMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &RunController::poll);
}

RunController::~RunController()
{
    shutdown();
}

bool RunController::start(Mode mode, const WorkloadSpec &spec, const RunConfig &config,
                          double nsPerIter, const TransportConfig &transport)
{
    if (isRunning() || !spec.validate().isEmpty() || !config.validate().isEmpty() ||
        !transport.validate().isEmpty())
        return false;
    QList<int> shardCounts{1};
    if (mode == Mode::KLoops)
        shardCounts = {config.shards};
    else if (mode == Mode::Compare)
        // Two runs even when K is 1: the user asked for a comparison, and gets one (a Repeat
        // compare, SpecCodec::compareShards(), runs K = 1 once per round instead).
        shardCounts = {1, config.shards};
    const ExperimentSpec experiment =
        SpecCodec::experiment(spec, config, shardCounts, 1, false, transport);
    // A failed run ends a Compare: there is nothing left to compare with.
    return begin(experiment, {nsPerIter, kSettleMs, true}, mode);
}

bool RunController::startExperiment(const ExperimentSpec &spec, double nsPerIter)
{
    if (isRunning() || !spec.validate().isEmpty() || spec.shardCounts.isEmpty())
        return false;
    // A failed run does not end an experiment: the CLI records it and goes on, and so must the
    // GUI for the reports to agree.
    return begin(spec, {nsPerIter, kExperimentSettleMs, false}, std::nullopt);
}

bool RunController::begin(const ExperimentSpec &spec, ExperimentRunner::Options options,
                          std::optional<Mode> mode)
{
    if (!m_runner) {
        m_runner = std::make_unique<ExperimentRunner>();
        connect(m_runner.get(), &ExperimentRunner::runStarted, this, &RunController::onRunStarted);
        connect(m_runner.get(), &ExperimentRunner::runFinished, this,
                &RunController::onRunFinished);
    }
    options.serverExecutable = serverExecutable();
    m_mode = mode;
    m_spec = spec;
    m_compared.clear();
    m_running = true;
    emit runningChanged(true);
    sequence(spec, options);
    return true;
}

QString RunController::serverExecutable() const
{
    // app/main.cpp handles --serve before it creates an application that needs a display.
    return m_serverExecutable.isEmpty() ? QCoreApplication::applicationFilePath()
                                        : m_serverExecutable;
}

QString RunController::currentKind() const
{
    // Several runtimes make a Compare runtimes, whichever action started it.
    if (m_spec.runtimes.size() > 1)
        return experimentKindName(ExperimentKind::Runtimes);
    if (m_mode == Mode::Compare)
        return experimentKindName(ExperimentKind::Compare);
    if (m_mode)
        return experimentKindName(ExperimentKind::Run);
    // A Repeat compare is 1 and K; a Sweep more shard counts.
    return experimentKindName(m_spec.shardCounts.size() > 2 ? ExperimentKind::Sweep
                                                            : ExperimentKind::Repeat);
}

QCoro::Task<> RunController::sequence(ExperimentSpec spec, ExperimentRunner::Options options)
{
    // The runner resumes us on this thread; by then the window may have closed (shutdown() drops
    // the runner and bumps the sequence) or this object may be gone.
    const QPointer<RunController> self(this);
    const quint64 sequence = ++m_sequence;
    const ExperimentResult result = co_await m_runner->run(std::move(spec), options);
    if (!self || sequence != m_sequence)
        co_return;
    endSequence(result);
}

RunRole RunController::roleOf(const ExperimentStep &step) const
{
    if (!m_mode)
        return step.warmup() ? RunRole::Warmup : RunRole::Repeat;
    switch (*m_mode) {
    case Mode::OneLoop:
        return RunRole::OneLoop;
    case Mode::KLoops:
        return RunRole::KLoops;
    case Mode::Compare:
        return step.runIndex == 0 ? RunRole::CompareOne : RunRole::CompareK;
    }
    return RunRole::OneLoop;
}

void RunController::onRunStarted(const ExperimentStep &step)
{
    m_stall.start(); // per run, so each history row carries its own figure
    m_pollTimer.start();
    emit runStarted(roleOf(step), step.shards);
    poll();
}

void RunController::onRunFinished(const RunResult &result, const ExperimentStep &step)
{
    m_pollTimer.stop();
    m_stall.stop();
    if (m_mode == Mode::Compare)
        m_compared.push_back(result);
    emit runFinished(result, roleOf(step), m_stall.stats().p99Ms);
}

void RunController::endSequence(const ExperimentResult &result)
{
    m_running = false;
    m_pollTimer.stop();
    m_stall.stop();
    if (m_mode == Mode::Compare && m_compared.size() == 2) {
        if (const auto c =
                Comparison::between(m_compared[0], m_compared[1], m_spec.plan(), m_spec.plan()))
            emit comparisonFinished(*c);
    }
    m_compared.clear();
    if (!result.runs.empty())
        emit experimentFinished(result);
    emit runningChanged(false);
}

bool RunController::isRunInFlight() const
{
    return m_running && m_runner && m_runner->progress().phase == ExperimentPhase::Running;
}

RunProgress RunController::runProgress() const
{
    return m_running && m_runner ? m_runner->progress().run : RunProgress{};
}

qint64 RunController::serverPid() const
{
    return m_running && m_runner ? m_runner->serverPid() : 0;
}

void RunController::poll()
{
    if (!m_running || !m_runner)
        return;
    const ExperimentProgress p = m_runner->progress();
    if (p.phase != ExperimentPhase::Running)
        return;
    RunProgressInfo info;
    info.role = roleOf(p.step);
    info.runIndex = std::max(0, p.step.runIndex);
    info.runCount = p.step.runCount;
    info.experiment = !m_mode.has_value();
    info.shards = p.step.shards;
    info.tasks = p.run.tasks;
    info.finished = p.run.finished;
    info.elapsedMs = nsToMs(p.run.elapsedNs);
    // Tasks finish at a roughly steady rate once the IO delays start expiring; good enough for
    // "how long do I wait", and it corrects itself every poll.
    info.etaMs = p.run.finished > 0
                     ? info.elapsedMs * static_cast<double>(p.run.tasks - p.run.finished) /
                           static_cast<double>(p.run.finished)
                     : std::numeric_limits<double>::quiet_NaN();
    info.guiStall = m_stall.stats();
    emit progressed(info);
}

void RunController::cancel()
{
    if (m_running && m_runner)
        m_runner->cancel();
}

void RunController::shutdown()
{
    ++m_sequence; // the sequence in flight reports nothing more
    m_running = false;
    m_pollTimer.stop();
    m_stall.stop();
    m_compared.clear();
    // ExperimentRunner's destructor cancels, and its Engine's joins the shard threads now; the
    // next start() makes a fresh runner.
    if (m_runner)
        disconnect(m_runner.get(), nullptr, this, nullptr);
    m_runner.reset();
}
