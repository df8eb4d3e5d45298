// SPDX-License-Identifier: MIT
#include "core/engine/processrun.h"

#include "core/base/clock.h"
#include "core/engine/runsummary.h"
#include "core/engine/runtimecommand.h"
#include "core/workload/taskplan.h"

#include <QThread>

#include <algorithm>
#include <thread>

namespace {

std::vector<Slice> slicesFor(const RunConfig &config, std::size_t tasks)
{
    std::vector<Slice> slices;
    for (int k = 0; k < config.shards; ++k)
        slices.push_back(sliceFor(config.partition, tasks, config.shards, k));
    return slices;
}

WorkerSet::Options optionsFor(const RunConfig &config, const TaskPlan &plan)
{
    WorkerSet::Options o;
    o.runtime = runtimeName(config.runtime);
    o.command = RuntimeCommand::command(config.runtime, config.python);
    o.kernel = plan.spec().kernel;
    if (config.http) {
        o.http = WorkerProtocol::HttpTarget{
            config.http->server.text().section(u':', 0, 0).toLatin1(), config.http->server.port,
            std::uint32_t(config.http->responseBytes), std::uint32_t(config.http->timeoutMs)};
    }
    return o;
}

} // namespace

ProcessRun::ProcessRun(std::shared_ptr<const TaskPlan> plan, RunConfig config, double nsPerIter)
    : m_plan(std::move(plan))
    , m_config(config)
    , m_nsPerIter(nsPerIter)
    , m_timings(std::make_shared<std::vector<TaskTiming>>(m_plan->size()))
    , m_workers(m_plan, slicesFor(m_config, m_plan->size()), optionsFor(m_config, *m_plan))
{}

void ProcessRun::cancel()
{
    m_cancel.store(true);
    m_workers.cancel();
}

void ProcessRun::run(const std::atomic<bool> *stop)
{
    m_startedUtc = QDateTime::currentDateTimeUtc();
    std::vector<TaskTiming> &timings = *m_timings;
    m_workers.run(stop, [&](int, const WorkerProtocol::Record &r) {
        const std::int64_t t0 = m_workers.t0Ns();
        // Work is CPU time inside the kernel, never more than the kernel's wall time (the
        // thread engine's rule; a CPU clock read a few ns apart from the wall clock can exceed
        // it by that much).
        timings[r.id] = {r.resumedNs - t0, r.doneNs - t0,
                         std::min(r.workNs, r.doneNs - r.resumedNs)};
    });
    if (m_workers.cancelled() || (stop && stop->load()))
        m_cancel.store(true);
}

RunProgress ProcessRun::progress() const
{
    RunProgress p;
    p.tasks = std::int64_t(m_plan->size());
    const std::int64_t t0 = m_workers.t0Ns();
    const std::int64_t now = nowNs();
    p.elapsedNs = t0 && now > t0 ? now - t0 : 0;
    for (int k = 0; k < m_workers.count(); ++k) {
        p.shardFinished.push_back(m_workers.tasksFinished(k));
        p.shardBusyNs.push_back(m_workers.busyNs(k));
        p.shardClocks.push_back(m_workers.cpuClock(k));
        // A worker sends its records in batches: no live lag (0 reads as "none seen").
        p.shardRecentMaxLagNs.push_back(0);
        p.finished += p.shardFinished.back();
    }
    return p;
}

RunResult ProcessRun::result()
{
    RunResult r;
    r.runtime = m_config.runtime;
    r.shards = m_config.shards;
    r.partition = m_config.partition;
    r.pinned = false;
    r.startedUtc = m_startedUtc;
    r.tasks = std::int64_t(m_plan->size());
    r.nsPerIter = m_nsPerIter;
    r.plan = m_plan;
    r.timings = m_timings;
    const std::int64_t t0 = m_workers.t0Ns();
    const bool started = t0 != 0;
    r.startOverheadMs = started ? nsToMs(m_workers.readyNs() - m_workers.spawnNs()) : kNotMeasured;
    if (m_config.http)
        r.http.emplace();
    std::int64_t lastDone = t0;
    QString taskFailure;
    const std::vector<WorkerSet::Outcome> &outcomes = m_workers.outcomes();
    for (std::size_t k = 0; k < outcomes.size(); ++k) {
        const WorkerSet::Outcome &o = outcomes[k];
        r.tasksDone += std::int64_t(o.tasksDone);
        r.tasksFailed += std::int64_t(o.tasksFailed);
        r.checksum += o.checksum;
        if (r.http)
            r.http->bytesReceived += std::int64_t(o.bytesReceived);
        if (taskFailure.isEmpty() && !o.firstTaskFailure.isEmpty())
            taskFailure = QStringLiteral("%1 worker %2 of %3: %4")
                              .arg(runtimeName(m_config.runtime))
                              .arg(k + 1)
                              .arg(outcomes.size())
                              .arg(o.firstTaskFailure);
        lastDone = std::max(lastDone, o.lastDoneNs);
        if (r.implementation.isEmpty())
            r.implementation = o.implementation;
        ShardStats s;
        s.index = int(k);
        s.tasks = std::int64_t(
            sliceFor(m_config.partition, m_plan->size(), m_config.shards, int(k)).size());
        s.tasksDone = std::int64_t(o.tasksDone);
        s.busyMs = nsToMs(m_workers.busyNs(int(k)));
        s.cpuMs = nsToMs(o.cpuNs);
        s.finishMs = o.lastDoneNs > 0 ? nsToMs(o.lastDoneNs - t0) : 0;
        s.checksum = o.checksum;
        s.peakRssKb = o.peakRssKb;
        r.perShard.push_back(s);
    }
    r.joinOverheadMs = started ? nsToMs(m_workers.endedNs() - lastDone) : kNotMeasured;
    r.elapsedMs = started ? nsToMs(m_workers.endedNs() - t0) : kNotMeasured;
    const QString failure = m_workers.failure();
    summariseTasks(r, m_cancel, failure);
    if (r.status == RunStatus::Failed && failure.isEmpty() && !taskFailure.isEmpty())
        r.error = taskFailure;
    return r;
}

FieldErrors checkRuntime(const RunConfig &config, RuntimeCommand::Check *checked)
{
    if (!RuntimeCommand::isOutOfProcess(config.runtime))
        return {};
    const RuntimeCommand::Check check =
        RuntimeCommand::check(config.runtime, config.python, config.http.has_value());
    if (checked)
        *checked = check;
    if (check.problem.isEmpty())
        return {};
    const bool python = config.runtime != Runtime::Processes;
    return {
        {python && !config.python.isEmpty() ? "python" : "runtime",
         QStringLiteral("%1 cannot run here: %2").arg(runtimeName(config.runtime), check.problem)}};
}
