// SPDX-License-Identifier: MIT
#include "core/load/loadtimeline.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

LoadTimeline::LoadTimeline(double windowSec, std::size_t maxSamples)
    : m_windowSec(windowSec)
    // At least one sample, so samples().back() is always the one just appended.
    , m_maxSamples(std::max<std::size_t>(maxSamples, 1))
{}

void LoadTimeline::append(LoadSample s)
{
    if (!m_samples.empty() && s.tSec < m_samples.back().tSec)
        m_samples.clear();
    m_samples.push_back(std::move(s));

    const double oldest = m_samples.back().tSec - m_windowSec;
    while (m_samples.front().tSec < oldest)
        m_samples.pop_front();
    while (m_samples.size() > m_maxSamples)
        m_samples.pop_front();
}

void LoadTimeline::clear()
{
    m_samples.clear();
}

std::deque<LoadSample>::const_iterator LoadTimeline::windowBegin(double lastSec) const
{
    if (m_samples.empty())
        return m_samples.end();
    const double from = m_samples.back().tSec - lastSec;
    return std::partition_point(m_samples.begin(), m_samples.end(),
                                [from](const LoadSample &s) { return s.tSec < from; });
}

std::vector<LoadSample> LoadTimeline::window(double lastSec) const
{
    return {windowBegin(lastSec), m_samples.end()};
}

std::vector<double> LoadTimeline::meanCoreBusy(double lastSec) const
{
    std::vector<double> sum;
    std::vector<int> count;
    for (auto it = windowBegin(lastSec); it != m_samples.end(); ++it) {
        if (it->coreBusy.size() > sum.size()) {
            sum.resize(it->coreBusy.size(), 0.0);
            count.resize(it->coreBusy.size(), 0);
        }
        for (std::size_t core = 0; core < it->coreBusy.size(); ++core) {
            if (!std::isnan(it->coreBusy[core])) {
                sum[core] += it->coreBusy[core];
                ++count[core];
            }
        }
    }
    std::vector<double> mean(sum.size(), std::numeric_limits<double>::quiet_NaN());
    for (std::size_t core = 0; core < sum.size(); ++core) {
        if (count[core] > 0)
            mean[core] = sum[core] / count[core];
    }
    return mean;
}
