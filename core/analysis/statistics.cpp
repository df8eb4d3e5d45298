// SPDX-License-Identifier: MIT
#include "core/analysis/statistics.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

double percentile(std::vector<double> &values, double q)
{
    if (values.empty())
        return 0;
    q = std::clamp(q, 0.0, 1.0);
    const double rank = q * static_cast<double>(values.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(rank));
    const double frac = rank - static_cast<double>(lo);
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(lo),
                     values.end());
    const double low = values[lo];
    if (frac == 0 || lo + 1 >= values.size())
        return low;
    // The next order statistic is the minimum of the upper part after nth_element.
    const double high =
        *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(lo) + 1, values.end());
    return low + frac * (high - low);
}

namespace {

double medianOf(std::vector<double> values)
{
    return values.empty() ? kNaN : percentile(values, 0.5);
}

} // namespace

Summary summarize(const std::vector<double> &values)
{
    Summary s;
    s.n = values.size();
    if (values.empty())
        return s;
    const auto n = static_cast<double>(values.size());
    s.median = medianOf(values);
    s.mean = std::accumulate(values.begin(), values.end(), 0.0) / n;
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    s.min = *lo;
    s.max = *hi;
    if (values.size() >= 2) {
        // Two passes (mean first, then squared deviations): the one-pass sum-of-squares formula
        // cancels catastrophically for wall times of ~1e4 ms that differ by ~1 ms.
        double ss = 0;
        for (double v : values)
            ss += (v - s.mean) * (v - s.mean);
        s.stddev = std::sqrt(ss / (n - 1));
        if (s.mean != 0)
            s.cv = s.stddev / s.mean;
    }
    return s;
}

std::vector<bool> madOutliers(const std::vector<double> &values, double threshold)
{
    std::vector<bool> flags(values.size(), false);
    // Below 5 values the MAD rests on one or two deviations: with 3 it is simply the smaller of
    // the two, so a run 0.6 % off the median was flagged beside one 0.06 % off (seen with R = 3
    // on a quiet machine). Too few runs to call any of them an outlier.
    if (values.size() < kMinValuesForOutliers)
        return flags;
    const double median = medianOf(values);
    std::vector<double> deviations;
    deviations.reserve(values.size());
    for (double v : values)
        deviations.push_back(std::abs(v - median));
    // 0.6745 = the 0.75 quantile of the standard normal: MAD / 0.6745 estimates sigma.
    double scale = medianOf(deviations) / 0.6745;
    if (scale == 0) {
        const double meanAd = std::accumulate(deviations.begin(), deviations.end(), 0.0) /
                              static_cast<double>(deviations.size());
        scale = meanAd * std::sqrt(std::numbers::pi / 2);
    }
    if (scale == 0)
        return flags;
    for (std::size_t i = 0; i < values.size(); ++i)
        flags[i] = deviations[i] / scale > threshold;
    return flags;
}

Ratio ratioOfMedians(const Summary &numerator, const Summary &denominator)
{
    Ratio r;
    const double a = numerator.median;
    const double b = denominator.median;
    if (!std::isfinite(a) || !std::isfinite(b) || b == 0)
        return r;
    r.value = a / b;
    if (numerator.n < 2 || denominator.n < 2 || a == 0)
        return r;
    auto relativeSe = [](const Summary &s) {
        const double se =
            std::sqrt(std::numbers::pi / 2) * s.stddev / std::sqrt(static_cast<double>(s.n));
        return se / s.median;
    };
    r.error = std::abs(r.value) * std::hypot(relativeSe(numerator), relativeSe(denominator));
    return r;
}

MannWhitney mannWhitneyU(const std::vector<double> &a, const std::vector<double> &b)
{
    MannWhitney result;
    if (a.empty() || b.empty())
        return result;
    struct Tagged
    {
        double value;
        bool fromA;
    };
    std::vector<Tagged> all;
    all.reserve(a.size() + b.size());
    for (double v : a)
        all.push_back({v, true});
    for (double v : b)
        all.push_back({v, false});
    std::sort(all.begin(), all.end(),
              [](const Tagged &x, const Tagged &y) { return x.value < y.value; });

    // Midranks for ties; sum(t^3 - t) over tie groups enters the variance.
    double rankSumA = 0;
    double tieTerm = 0;
    for (std::size_t i = 0; i < all.size();) {
        std::size_t j = i;
        while (j < all.size() && all[j].value == all[i].value)
            ++j;
        const double midrank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2;
        for (std::size_t k = i; k < j; ++k) {
            if (all[k].fromA)
                rankSumA += midrank;
        }
        const auto t = static_cast<double>(j - i);
        tieTerm += t * t * t - t;
        i = j;
    }

    const auto na = static_cast<double>(a.size());
    const auto nb = static_cast<double>(b.size());
    const double n = na + nb;
    result.u = rankSumA - na * (na + 1) / 2;
    const double variance = na * nb / 12 * ((n + 1) - tieTerm / (n * (n - 1)));
    if (!(variance > 0))
        return result;
    const double d = result.u - na * nb / 2;
    // As R: the correction moves the statistic 0.5 towards its mean (U and the mean are multiples
    // of 0.5, so it never overshoots); p = 2 min(Phi(z), 1 - Phi(z)) = erfc(|z| / sqrt 2).
    const double correction = d > 0 ? 0.5 : (d < 0 ? -0.5 : 0);
    const double z = (d - correction) / std::sqrt(variance);
    result.p = std::min(1.0, std::erfc(std::abs(z) / std::numbers::sqrt2));
    return result;
}

AmdahlFit amdahlFit(const std::vector<double> &shardCounts, const std::vector<double> &speedups)
{
    AmdahlFit fit;
    double sxy = 0;
    double sxx = 0;
    std::vector<std::size_t> used;
    const std::size_t n = std::min(shardCounts.size(), speedups.size());
    for (std::size_t i = 0; i < n; ++i) {
        const double k = shardCounts[i];
        const double s = speedups[i];
        if (!(k > 1) || !(s > 0) || !std::isfinite(s) || !std::isfinite(k))
            continue;
        const double x = 1 - 1 / k;
        const double y = 1 / s - 1 / k;
        sxy += x * y;
        sxx += x * x;
        used.push_back(i);
    }
    if (used.empty())
        return fit;
    fit.serialFraction = std::clamp(sxy / sxx, 0.0, 1.0);
    double sse = 0;
    for (std::size_t i : used) {
        const double residual = speedups[i] - fit.speedup(shardCounts[i]);
        sse += residual * residual;
    }
    fit.rmse = std::sqrt(sse / static_cast<double>(used.size()));
    return fit;
}
