// SPDX-License-Identifier: MIT
#include "ui/control/runcontroller.h"

#include "core/base/clock.h"
#include "core/workload/taskplan.h"

#include <QThread>

#include <limits>

RunController::RunController(QObject *parent)
    : QObject(parent)
{
    m_pollTimer.setInterval(kPollIntervalMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &RunController::poll);
    m_settleTimer.setSingleShot(true);
    m_settleTimer.setInterval(kSettleMs);
    connect(&m_settleTimer, &QTimer::timeout, this, &RunController::startStep);
}

RunController::~RunController()
{
    shutdown();
}

bool RunController::start(Mode mode, const WorkloadSpec &spec, const RunConfig &config,
                          double nsPerIter)
{
    if (isRunning() || !spec.validate().isEmpty() || !config.validate().isEmpty())
        return false;

    RunConfig one = config;
    one.shards = 1;
    ExperimentSpec experiment;
    experiment.workload = spec;
    experiment.partition = config.partition;
    experiment.pin = config.pin;
    experiment.failTask = config.failTask;
    switch (mode) {
    case Mode::OneLoop:
        m_steps = {{RunRole::OneLoop, one}};
        experiment.shardCounts = {1};
        break;
    case Mode::KLoops:
        m_steps = {{RunRole::KLoops, config}};
        experiment.shardCounts = {config.shards};
        break;
    case Mode::Compare:
        m_steps = {{RunRole::CompareOne, one}, {RunRole::CompareK, config}};
        experiment.shardCounts = {1};
        if (config.shards != 1)
            experiment.shardCounts.append(config.shards);
        break;
    }
    m_isExperiment = false;
    m_experiment = ExperimentResult{};
    m_experiment.spec = experiment;
    return begin(spec, nsPerIter);
}

bool RunController::startExperiment(const ExperimentSpec &spec, double nsPerIter)
{
    if (isRunning() || !spec.validate().isEmpty() || spec.shardCounts.isEmpty())
        return false;
    m_steps.clear();
    if (spec.warmup) {
        // Like runExperiment(): the first configuration, without the injected failure, whose
        // result is thrown away.
        m_steps.push_back(
            {RunRole::Warmup, RunConfig{spec.shardCounts.first(), spec.partition, spec.pin}, 0});
    }
    for (int repeat = 0; repeat < spec.repeats; ++repeat) {
        for (int shards : spec.shardCounts) {
            m_steps.push_back({RunRole::Repeat,
                               RunConfig{shards, spec.partition, spec.pin, spec.failTask}, repeat});
        }
    }
    m_isExperiment = true;
    m_experiment = ExperimentResult{};
    m_experiment.spec = spec;
    return begin(spec.workload, nsPerIter);
}

bool RunController::begin(const WorkloadSpec &spec, double nsPerIter)
{
    m_experiment.machine = MachineInfo::current();
    m_experiment.nsPerIter = nsPerIter;
    m_nsPerIter = nsPerIter;
    m_stepIndex = 0;
    m_results.clear();
    m_cancelRequested = false;
    emit runningChanged(true);

    // One plan for the whole sequence: both halves of a Compare, and every run of an experiment,
    // execute the identical task list.
    // Drawn on a thread of its own: a million tasks take tens of ms, the 50M limit seconds, and
    // the GUI thread must not stall for either.
    const quint64 sequence = ++m_sequence;
    m_planThread.reset(QThread::create([this, spec, sequence] {
        auto plan = std::make_shared<const TaskPlan>(TaskPlan::generate(spec));
        QMetaObject::invokeMethod(
            this, [this, plan, sequence] { onPlanReady(sequence, plan); }, Qt::QueuedConnection);
    }));
    m_planThread->setObjectName(QStringLiteral("plan"));
    m_planThread->start();
    return true;
}

void RunController::onPlanReady(quint64 sequence, std::shared_ptr<const TaskPlan> plan)
{
    if (sequence != m_sequence || !m_planThread)
        return;           // drawn for a sequence that shutdown() abandoned
    m_planThread->wait(); // it has posted its last word; let it end before it is reused
    m_planThread.reset();
    if (!isRunning())
        return;
    if (m_cancelRequested) {
        m_experiment.cancelled = true;
        endSequence();
        return;
    }
    m_plan = std::move(plan);
    startStep();
}

void RunController::startStep()
{
    const Step &step = m_steps.at(m_stepIndex);
    if (!m_engine) {
        m_engine = std::make_unique<Engine>();
        connect(m_engine.get(), &Engine::finished, this, &RunController::onEngineFinished);
    }
    if (!m_engine->start(m_plan, step.config, m_nsPerIter)) {
        endSequence();
        return;
    }
    m_stall.start(); // per run, so each history row carries its own figure
    m_pollTimer.start();
    emit runStarted(step.role, step.config.shards);
    poll();
}

void RunController::poll()
{
    if (!isRunning() || !m_engine || !m_engine->isRunning())
        return;
    const RunProgress p = m_engine->progress();
    const Step &step = m_steps.at(m_stepIndex);
    RunProgressInfo info;
    info.role = step.role;
    info.runIndex = static_cast<int>(m_stepIndex);
    info.runCount = static_cast<int>(m_steps.size());
    info.experiment = m_isExperiment;
    info.shards = step.config.shards;
    info.tasks = p.tasks;
    info.finished = p.finished;
    info.elapsedMs = nsToMs(p.elapsedNs);
    // Tasks finish at a roughly steady rate once the IO delays start expiring; good enough for
    // "how long do I wait", and it corrects itself every poll.
    info.etaMs = p.finished > 0 ? info.elapsedMs * static_cast<double>(p.tasks - p.finished) /
                                      static_cast<double>(p.finished)
                                : std::numeric_limits<double>::quiet_NaN();
    info.guiStall = m_stall.stats();
    emit progressed(info);
}

void RunController::onEngineFinished(const RunResult &finished)
{
    m_pollTimer.stop();
    m_stall.stop();
    if (!isRunning())
        return;
    const Step step = m_steps.at(m_stepIndex);
    RunResult result = finished;
    result.repeat = step.repeat;
    m_results.push_back(result);
    if (result.status == RunStatus::Cancelled)
        m_experiment.cancelled = true;
    if (step.role != RunRole::Warmup) {
        // Per-task arrays of every run would add up over many repeats; the reports need them for
        // one run at most (tasks.csv), and like runExperiment() the last one is kept.
        if (!m_experiment.runs.empty())
            m_experiment.runs.back().timings.reset();
        m_experiment.runs.push_back(result);
    }
    emit runFinished(result, step.role, m_stall.stats().p99Ms);

    // A failed run ends a Compare (there is nothing left to compare with) but not an experiment:
    // the CLI records it and goes on, and so must the GUI for the reports to agree.
    const bool stop =
        result.status == RunStatus::Cancelled || (!m_isExperiment && !result.completed());
    if (stop || m_stepIndex + 1 >= m_steps.size()) {
        endSequence();
        return;
    }
    ++m_stepIndex;
    m_settleTimer.start(m_isExperiment ? kExperimentSettleMs : kSettleMs);
}

void RunController::endSequence()
{
    const bool compared = !m_isExperiment && m_steps.size() == 2 && m_results.size() == 2;
    m_steps.clear();
    m_settleTimer.stop();
    m_pollTimer.stop();
    m_stall.stop();
    m_plan.reset();
    if (compared) {
        if (const auto c = Comparison::between(m_results[0], m_results[1]))
            emit comparisonFinished(*c);
    }
    m_results.clear();
    if (!m_experiment.runs.empty())
        emit experimentFinished(m_experiment);
    m_experiment.runs.clear();
    emit runningChanged(false);
}

void RunController::cancel()
{
    if (!isRunning())
        return;
    if (m_planThread) {
        m_cancelRequested = true; // the plan is still being drawn; the sequence ends when it is
    } else if (m_engine && m_engine->isRunning()) {
        // The engine reports the cancelled run through finished(); the sequence ends there.
        m_steps.resize(m_stepIndex + 1);
        m_engine->cancel();
    } else {
        m_experiment.cancelled = true; // the runs left are skipped: the sequence is incomplete
        endSequence();                 // between two runs of a sequence
    }
}

void RunController::shutdown()
{
    if (m_planThread) {
        m_planThread->wait(); // drawing a plan cannot be interrupted; it is bounded by kMaxTasks
        m_planThread.reset();
    }
    ++m_sequence;
    m_steps.clear();
    m_settleTimer.stop();
    m_pollTimer.stop();
    m_stall.stop();
    // Engine's destructor cancels and joins; the next start() makes a fresh one.
    if (m_engine)
        disconnect(m_engine.get(), nullptr, this, nullptr);
    m_engine.reset();
}
