// SPDX-License-Identifier: MIT
#include "core/engine/engine.h"

#include "core/workload/taskplan.h"

Engine::Engine(QObject *parent)
    : QObject(parent)
{}

Engine::~Engine()
{
    // A summary in flight finishes first (its hand-back event dies with this object); then
    // ShardSet's destructor cancels and joins whatever still runs.
    if (m_summarizer.joinable())
        m_summarizer.join();
    m_set.reset();
}

bool Engine::start(std::shared_ptr<const TaskPlan> plan, RunConfig config, double nsPerIter)
{
    if (m_set)
        return false;
    m_set = std::make_unique<ShardSet>(std::move(plan), config, nsPerIter);
    m_set->launch();
    // QThread::finished is emitted from each shard's own thread; a queued connection brings it to
    // ours. One signal per shard, never one per task.
    for (const auto &shard : m_set->shards())
        connect(shard.get(), &QThread::finished, this, &Engine::onShardFinished,
                Qt::QueuedConnection);
    // A shard may have finished before the connection existed (an empty slice, say).
    QMetaObject::invokeMethod(this, &Engine::onShardFinished, Qt::QueuedConnection);
    return true;
}

void Engine::cancel()
{
    // Once every shard has finished, the run is complete: a late cancel must not relabel it.
    if (m_set && !m_summarizer.joinable())
        m_set->cancel();
}

RunProgress Engine::progress() const
{
    return m_set ? m_set->progress() : RunProgress{};
}

void Engine::onShardFinished()
{
    if (!m_set || !m_set->allFinished() || m_summarizer.joinable())
        return;
    // Summarising sorts the plan for the ideal bound and takes percentiles over every task:
    // ~200 ms for a million tasks, too long for the caller's (GUI) thread. A short-lived thread
    // does it and hands the result back through the caller's event loop.
    m_summarizer = std::thread([this] {
        m_set->join(ULONG_MAX);
        RunResult result = m_set->result();
        QMetaObject::invokeMethod(
            this, [this, result = std::move(result)] { finishRun(result); }, Qt::QueuedConnection);
    });
}

void Engine::finishRun(const RunResult &result)
{
    m_summarizer.join();
    m_set.reset();
    emit finished(result);
}
