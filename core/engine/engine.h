// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/runconfig.h"
#include "core/engine/runresult.h"
#include "core/engine/shardset.h"

#include <QObject>

#include <memory>
#include <thread>

class TaskPlan;

// The asynchronous face of a run, for an event-driven caller such as the GUI: start() returns at
// once (the caller's thread only starts threads; it never runs tasks), progress() is cheap to
// poll, and finished() is emitted once, on the caller's thread, with the joined result (which a
// helper thread summarises, so the caller never waits for it). isRunning() stays true until then.
// One run at a time per Engine.
class Engine : public QObject
{
    Q_OBJECT
public:
    explicit Engine(QObject *parent = nullptr);
    ~Engine() override; // cancels a run in flight and joins its threads

    // `plan` must be non-empty and `config` valid. False if a run is already in flight.
    bool start(std::shared_ptr<const TaskPlan> plan, RunConfig config, double nsPerIter);
    void cancel();
    bool isRunning() const { return m_set != nullptr; }
    RunProgress progress() const;
    // The running shards (for the load sampler's per-thread CPU clocks); empty when idle.
    const ShardSet *current() const { return m_set.get(); }

signals:
    void finished(const RunResult &result);

private:
    void onShardFinished();
    void finishRun(const RunResult &result);
    std::unique_ptr<ShardSet> m_set;
    std::thread m_summarizer; // joins the shards and builds the RunResult off the caller's thread
};
