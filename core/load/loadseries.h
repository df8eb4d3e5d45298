// SPDX-License-Identifier: MIT
#pragma once

#include <deque>
#include <vector>

struct LoadSample;

// Load over a run, column by column. Fractions of one core: cores[c][i] is logical CPU c's busy
// share at tSec[i] (cpuC_busy_frac), shards[k][i] shard k's thread CPU time over wall time
// (shardK_cpu_frac); 0.5 = half of one core. Series shorter than tSec, and NaN values, are written
// as empty fields.
struct LoadSeries
{
    std::vector<double> tSec;                // sample times from the sampler's start, seconds
    std::vector<std::vector<double>> cores;  // cores[c][i]
    std::vector<std::vector<double>> shards; // shards[k][i]

    // From the load sampler's rows (LoadTimeline::samples()), as wide as the widest sample; a
    // sample narrower than that leaves NaN in the missing columns.
    static LoadSeries fromSamples(const std::deque<LoadSample> &samples);
    static LoadSeries fromSamples(const std::vector<LoadSample> &samples);
};
