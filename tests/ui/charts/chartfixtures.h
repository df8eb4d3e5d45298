// SPDX-License-Identifier: MIT
#pragma once

// Data for the chart tests: the charts as a user sees them after a Compare and a Sweep, and the
// live views fed from a monitor whose "run" is this thread's own CPU clock.

#include "core/engine/shardset.h"
#include "tests/support/syntheticexperiment.h"
#include "ui/control/loadmonitor.h"
#include "ui/models/comparison.h"

#include <pthread.h>
#include <time.h>

namespace chartfixtures {

inline Comparison comparison()
{
    return *Comparison::between(synthetic::run(1, 0, 10512.3, 9800.0),
                                synthetic::run(2, 0, 5400.1, 4900.0), Plan{}, Plan{});
}

// A run source of `shards` shards whose CPU clocks are this thread's and whose recent lag is
// 1, 2, 3, ... ms per shard.
inline std::function<RunProgress()> fakeRun(int shards)
{
    return [shards] {
        RunProgress p;
        clockid_t clock;
        pthread_getcpuclockid(pthread_self(), &clock);
        p.shardClocks.assign(std::size_t(shards), clock);
        for (int i = 0; i < shards; ++i)
            p.shardRecentMaxLagNs.push_back(std::int64_t{i + 1} * 1'000'000);
        return p;
    };
}

} // namespace chartfixtures
