// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/runresult.h"

#include <QString>

#include <atomic>
#include <vector>

// p50, p90, p99 and max of `valuesNs`, in ms (reorders the values); all missing when empty.
Percentiles percentilesMs(std::vector<double> &valuesNs);

// The figures every runtime's run gets from its per-task records, computed one way whatever ran
// the tasks (threads, processes, CPython): wall time, lag and latency percentiles, throughput,
// the status, the ideal bound on the measured work and the efficiency. On entry `r` holds the
// plan, the timings (indexed by task id, relative to t0), shards, tasks, tasksDone, tasksFailed
// and nsPerIter; `failure` (non-empty) fails the run with that message, `cancel` set marks it
// cancelled and is looked at while summarising (ten million tasks take seconds).
void summariseTasks(RunResult &r, const std::atomic<bool> &cancel, const QString &failure);
