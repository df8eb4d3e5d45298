// SPDX-License-Identifier: MIT
#include "core/workload/distributionsampler.h"

#include "core/base/portablemath.h"

#include <algorithm>

DistributionSampler::DistributionSampler(const Distribution &d, std::uint64_t lo, std::uint64_t hi,
                                         std::uint64_t scale)
    : m_shape(d.shape)
    , m_lo(lo)
    , m_hi(hi)
{
    const double logRatio = d.median > 0 && d.p99 > 0 ? PortableMath::log(double(d.p99)) -
                                                            PortableMath::log(double(d.median))
                                                      : 0;
    m_median = double(d.median) * double(scale);
    switch (d.shape) {
    case Distribution::Shape::Uniform:
        break;
    case Distribution::Shape::LogNormal:
        // ln X ~ N(ln median, sigma^2): the 99th percentile sits at z = Phi^-1(0.99) sigmas.
        m_spread = logRatio / PortableMath::normalQuantile(0.99);
        break;
    case Distribution::Shape::Pareto:
        // P(X > x) = (x_m / x)^alpha, so median = x_m 2^(1/alpha) and p99 = x_m 100^(1/alpha):
        // p99 / median = 50^(1/alpha).
        m_spread = logRatio / PortableMath::log(50.0);
        break;
    case Distribution::Shape::Bimodal:
        m_heavy = d.heavy;
        m_band = (hi - lo) / Distribution::kBimodalBandDivisor;
        break;
    }
}

std::uint64_t DistributionSampler::rounded(double x) const
{
    // Written so that NaN lands on lo and +inf on hi.
    if (!(x > double(m_lo)))
        return m_lo;
    if (!(x < double(m_hi)))
        return m_hi;
    return std::min(m_hi, static_cast<std::uint64_t>(x + 0.5));
}

std::uint64_t DistributionSampler::at(double u) const
{
    switch (m_shape) {
    case Distribution::Shape::Uniform:
        return rounded(double(m_lo) + u * (double(m_hi - m_lo) + 1) - 0.5);
    case Distribution::Shape::LogNormal:
        return rounded(m_median * PortableMath::exp(m_spread * PortableMath::normalQuantile(u)));
    case Distribution::Shape::Pareto:
        // The quantile x_m (1 - u)^(-1/alpha) with x_m = median 2^(-1/alpha).
        return rounded(m_median * PortableMath::exp(-m_spread * PortableMath::log(2 * (1 - u))));
    case Distribution::Shape::Bimodal: {
        const bool heavy = u < m_heavy;
        // Where inside its band: u rescaled to [0, 1) within its mode.
        const double v = heavy ? u / m_heavy : (u - m_heavy) / (1 - m_heavy);
        const auto offset = std::min(m_band, static_cast<std::uint64_t>(v * double(m_band + 1)));
        return heavy ? m_hi - m_band + offset : m_lo + offset;
    }
    }
    return m_lo;
}

double DistributionSampler::mean() const
{
    if (m_shape == Distribution::Shape::Uniform)
        return (double(m_lo) + double(m_hi)) / 2;
    constexpr int kPoints = 1 << 14;
    double sum = 0;
    for (int i = 0; i < kPoints; ++i)
        sum += double(at((i + 0.5) / kPoints));
    return sum / kPoints;
}
