// SPDX-License-Identifier: MIT
#include "core/load/loadseries.h"

#include "core/load/loadsampler.h"

#include <algorithm>
#include <limits>

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

template <typename Samples> LoadSeries seriesFrom(const Samples &samples)
{
    LoadSeries series;
    std::size_t cores = 0;
    std::size_t shards = 0;
    for (const LoadSample &s : samples) {
        cores = std::max(cores, s.coreBusy.size());
        shards = std::max(shards, s.shardCpu.size());
    }
    series.cores.assign(cores, std::vector<double>(samples.size(), kNaN));
    series.shards.assign(shards, std::vector<double>(samples.size(), kNaN));
    series.tSec.reserve(samples.size());
    std::size_t i = 0;
    for (const LoadSample &s : samples) {
        series.tSec.push_back(s.tSec);
        for (std::size_t c = 0; c < s.coreBusy.size(); ++c)
            series.cores[c][i] = s.coreBusy[c];
        for (std::size_t k = 0; k < s.shardCpu.size(); ++k)
            series.shards[k][i] = s.shardCpu[k];
        ++i;
    }
    return series;
}

} // namespace

LoadSeries LoadSeries::fromSamples(const std::deque<LoadSample> &samples)
{
    return seriesFrom(samples);
}

LoadSeries LoadSeries::fromSamples(const std::vector<LoadSample> &samples)
{
    return seriesFrom(samples);
}
