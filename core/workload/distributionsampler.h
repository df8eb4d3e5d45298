// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/splitmix64.h"
#include "core/workload/distribution.h"

#include <cstdint>

// Draws values of one Distribution inside [lo, hi] from a SplitMix64 stream: the per-task draw
// of TaskPlan::generate. Every shape but uniform maps one 52-bit uniform u in (0, 1) through its
// quantile function (inverse CDF), written with PortableMath only, then rounds to the nearest
// whole unit and clamps to [lo, hi]: one seed gives the same values on every compiler, standard
// library and CPU (std::*_distribution differ between standard libraries).
//
// Uniform is SplitMix64::between(lo, hi), exactly as plans were drawn before shapes existed, so
// every published uniform plan and checksum stays what it was.
//
// The parameters are precomputed here once per plan: a draw is one random number, one quantile
// and a rounding.
class DistributionSampler
{
public:
    // `lo` and `hi` in the plan's unit (microseconds for IO, iterations for CPU); `scale` converts
    // the distribution's parameters into it (1000 for IO, whose parameters are in ms). The
    // distribution must pass check() for this range.
    DistributionSampler(const Distribution &distribution, std::uint64_t lo, std::uint64_t hi,
                        std::uint64_t scale = 1);

    std::uint64_t draw(SplitMix64 &rng) const
    {
        if (m_shape == Distribution::Shape::Uniform)
            return rng.between(m_lo, m_hi);
        return at(uniformOpen(rng.next()));
    }

    // The value a draw maps u in (0, 1) to: the clamped, rounded quantile function.
    std::uint64_t at(double u) const;
    // The expected value of a draw (uniform: the midpoint; other shapes: the quantile function
    // integrated at 16,384 midpoints, within a fraction of a percent): for estimates before a run.
    double mean() const;

    // u in (0, 1), never 0 or 1 (a logarithm of either would be infinite): the top 52 bits and a
    // half, exact in a double.
    static double uniformOpen(std::uint64_t bits)
    {
        return (static_cast<double>(bits >> 12) + 0.5) * 0x1p-52;
    }

private:
    std::uint64_t rounded(double x) const;

    Distribution::Shape m_shape;
    std::uint64_t m_lo;
    std::uint64_t m_hi;
    double m_median = 0; // in the plan's unit
    double m_spread = 0; // lognormal: sigma; pareto: 1 / alpha
    double m_heavy = 0;
    std::uint64_t m_band = 0; // bimodal: width of each mode's band
};
