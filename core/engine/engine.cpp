// SPDX-License-Identifier: MIT
#include "core/engine/engine.h"

#include "core/base/workpool.h"
#include "core/engine/runtimecommand.h"
#include "core/workload/taskplan.h"

#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <QCoroFuture>

#include <climits>
#include <new>

Engine::Engine(QObject *parent)
    : QObject(parent)
{}

Engine::~Engine()
{
    // The join job holds a raw pointer to m_set: it ends first (cancelled, within ~50 ms), then the
    // set goes. A coroutine still waiting for the job resumes later, sees this object gone and
    // returns without touching it.
    if (m_set)
        m_set->cancel();
    if (m_process)
        m_process->cancel();
    if (m_joined.isValid())
        m_joined.waitForFinished();
    m_set.reset();
    m_process.reset();
}

void Engine::launch(std::shared_ptr<const TaskPlan> plan, RunConfig config, double nsPerIter,
                    const std::atomic<bool> *stop)
{
    // The dispatch on the runtime: out of process (ProcessRun), else K loops in this process
    // (ShardSet: threads and stealing).
    if (RuntimeCommand::isOutOfProcess(config.runtime)) {
        // The pool thread forks the workers and supervises them until every one is reaped: it
        // outlives them, as their death signal (tied to the forking thread) needs.
        m_process = std::make_unique<ProcessRun>(plan, config, nsPerIter);
        ProcessRun *run = m_process.get();
        m_joined = QtConcurrent::run(&workPool(), [run, stop] {
            run->run(stop);
            return run->result();
        });
        return;
    }
    const auto tasks = static_cast<std::int64_t>(plan->size());
    try {
        m_set = std::make_unique<ShardSet>(plan, config, nsPerIter);
    } catch (const std::bad_alloc &) {
        m_set.reset();
        m_joined = QtFuture::makeReadyFuture(failedRun(
            plan, config, nsPerIter, outOfMemoryMessage(tasks, config.shards, "setting up")));
        return;
    }
    // One pool thread starts the shards, waits for them (it sleeps in QThread::wait, so it costs
    // no CPU the run could use) and summarises, all off the caller's thread: the caller stays
    // free to poll, to cancel and, in the CLI, to see a Ctrl-C while 1,024 threads start.
    ShardSet *set = m_set.get();
    m_joined = QtConcurrent::run(&workPool(), [set, plan, config, nsPerIter, tasks, stop] {
        try {
            set->launch(stop);
            set->join(ULONG_MAX);
            return set->result();
        } catch (const std::bad_alloc &) {
            set->cancel();
            set->join(ULONG_MAX);
            return failedRun(plan, config, nsPerIter,
                             outOfMemoryMessage(tasks, config.shards, "running"));
        }
    });
}

QCoro::Task<RunResult> Engine::run(std::shared_ptr<const TaskPlan> plan, RunConfig config,
                                   double nsPerIter, const std::atomic<bool> *stop)
{
    if (isRunning()) {
        RunResult busy;
        busy.status = RunStatus::Failed;
        busy.error = QStringLiteral("another run is in flight on this engine");
        co_return busy;
    }
    launch(std::move(plan), config, nsPerIter, stop);
    co_return co_await joined();
}

QCoro::Task<RunResult> Engine::joined()
{
    const QPointer<Engine> self(this);
    RunResult result = co_await m_joined;
    if (self) {
        m_set.reset();
        m_process.reset();
    }
    co_return result;
}

void Engine::cancel()
{
    // Also once every shard has finished: summarising ten million tasks takes seconds, and a
    // cancel ends that too (the run is then reported cancelled, without statistics). A run whose
    // result is complete is not relabelled: m_set is gone by then.
    if (m_set)
        m_set->cancel();
    if (m_process)
        m_process->cancel();
}

RunProgress Engine::progress() const
{
    if (m_process)
        return m_process->progress();
    return m_set ? m_set->progress() : RunProgress{};
}
