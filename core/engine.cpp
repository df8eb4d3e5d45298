#include "engine.h"

#include "taskplan.h"

Engine::Engine(QObject *parent)
    : QObject(parent)
{}

Engine::~Engine()
{
    // ShardSet's destructor cancels and joins.
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
    if (m_set)
        m_set->cancel();
}

RunProgress Engine::progress() const
{
    return m_set ? m_set->progress() : RunProgress{};
}

void Engine::onShardFinished()
{
    if (!m_set || !m_set->allFinished())
        return;
    m_set->join(ULONG_MAX);
    auto set = std::move(m_set);
    const RunResult result = set->result();
    set.reset();
    emit finished(result);
}
