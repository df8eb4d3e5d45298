// SPDX-License-Identifier: MIT
#pragma once

#include "core/load/loadsampler.h"

#include <cstddef>
#include <deque>
#include <vector>

// Rolling history of LoadSample for the live charts and a later load.csv export.
//
// Optimised for appending at the sampler's rate and dropping from the front: a deque, so neither
// end moves the samples in between, and memory is bounded twice, by time (windowSec) and by
// count (maxSamples), so a forgotten sampler cannot grow it without limit. Samples are kept in
// tSec order, which lets window() find its start by binary search.
class LoadTimeline
{
public:
    // 60 s: the span the live chart shows, enough to watch a default run start to end. Pass
    // infinity to keep a whole run for export; maxSamples still bounds it. 100000 samples is
    // about 7 hours at 4 Hz, and tens of MB even on a 64-core machine.
    explicit LoadTimeline(double windowSec = 60.0, std::size_t maxSamples = 100000);

    // Drops samples older than windowSec before the newest, then the oldest beyond maxSamples. A
    // sample earlier than the newest one means the sampler was restarted: the history starts
    // over, because two time origins on one axis would draw lines backwards.
    void append(LoadSample s);
    void clear();

    const std::deque<LoadSample> &samples() const { return m_samples; } // oldest first
    // Samples with tSec >= newest tSec - lastSec, oldest first.
    std::vector<LoadSample> window(double lastSec) const;
    // Mean busy per core over the samples in the last `lastSec` seconds, skipping NaN (offline or
    // priming samples). NaN for a core with no value at all; sized by the widest sample.
    std::vector<double> meanCoreBusy(double lastSec) const;

    double windowSec() const { return m_windowSec; }
    std::size_t maxSamples() const { return m_maxSamples; }

private:
    std::deque<LoadSample>::const_iterator windowBegin(double lastSec) const;

    double m_windowSec;
    std::size_t m_maxSamples;
    std::deque<LoadSample> m_samples;
};
