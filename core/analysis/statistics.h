// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <limits>
#include <vector>

// Descriptive and inferential statistics over plain vectors of doubles. Undefined values (the
// mean of nothing, the spread of one value, a test without data) are NaN, never a made-up 0, so
// that reports can show "no value" instead of a wrong one.

// Percentile by linear interpolation between closest ranks (NIST / Excel PERCENTILE.INC,
// "type 7" in Hyndman & Fan 1996). q in [0, 1]. Reorders `values`. 0 for an empty vector.
double percentile(std::vector<double> &values, double q);

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The usual description of a sample. `stddev` is the sample standard deviation (divisor n - 1);
// `cv` is stddev / mean as a fraction (0.02 = 2 %). NaN where undefined: everything for n = 0,
// stddev and cv for n = 1, cv for a zero mean.
struct Summary
{
    std::size_t n = 0;
    double median = kNaN;
    double mean = kNaN;
    double stddev = kNaN;
    double min = kNaN;
    double max = kNaN;
    double cv = kNaN;
};

Summary summarize(const std::vector<double> &values);

// Outliers by the modified z-score of Iglewicz & Hoaglin (1993, "How to Detect and Handle
// Outliers"): M_i = 0.6745 (x_i - median) / MAD, flagged where |M_i| > threshold. Median and MAD
// are robust, so one wild run cannot hide itself by inflating the spread as it does with a
// mean/sd rule. Returns one flag per value, in order.
//
// 3.5 is Iglewicz & Hoaglin's recommended cut-off. When more than half the values are equal the
// MAD is 0 and M is undefined; then the mean absolute deviation stands in for it, scaled to sigma
// like the MAD (x sqrt(pi / 2) = 1.2533, since E|X - mu| = sigma sqrt(2 / pi) for normal data);
// when that is 0 too, all values are equal and none is an outlier. Fewer than 5 values flag
// nothing: the MAD of 3 values is just the smaller of two deviations.
inline constexpr double kMadOutlierThreshold = 3.5;
inline constexpr std::size_t kMinValuesForOutliers = 5;
std::vector<bool> madOutliers(const std::vector<double> &values,
                              double threshold = kMadOutlierThreshold);

// A ratio of two measured quantities with its one-sigma error.
struct Ratio
{
    double value = kNaN;
    double error = kNaN;
};

// numerator.median / denominator.median, the speedup when numerator is the baseline wall time.
// The error is first-order propagation of the standard errors of the two medians:
// rel. error = sqrt((se_a / a)^2 + (se_b / b)^2), with se = sqrt(pi / 2) * sd / sqrt(n), the
// large-sample standard error of a median, 1 / (2 f(median) sqrt(n)), for normal data. Standard
// errors, not standard deviations: the error says how well R runs pin down the speedup, and
// shrinks as R grows. NaN error when either side has fewer than 2 values; NaN value when either
// median is missing or the denominator is 0.
Ratio ratioOfMedians(const Summary &numerator, const Summary &denominator);

// Mann-Whitney U test (Wilcoxon rank-sum), two-sided, by the normal approximation with the tie
// correction of the variance and a continuity correction of 0.5, i.e. what R computes with
// wilcox.test(a, b, exact = FALSE, correct = TRUE). `u` is the statistic of `a` (R's W): the
// number of pairs (a_i, b_j) with a_i > b_j, ties counting one half. p is NaN when a side is empty
// or every value is tied (no variance).
struct MannWhitney
{
    double u = kNaN;
    double p = kNaN;
};

MannWhitney mannWhitneyU(const std::vector<double> &a, const std::vector<double> &b);

// Amdahl's law S(K) = 1 / (s + (1 - s) / K) fitted to measured speedups by least squares on
// 1/S - 1/K = s (1 - 1/K): in 1/S the model is linear in 1/K with intercept s and slope 1 - s, so
// the one-parameter fit has a closed form, s = sum(x y) / sum(x^2) with x = 1 - 1/K,
// y = 1/S - 1/K, clamped to [0, 1]. K = 1 points carry no information (S(1) = 1 by definition)
// and points with a non-positive or non-finite speedup are skipped. `rmse` is the root mean square
// residual of the fitted S(K) against the measured S over the points used, in speedup units. Both
// NaN when no point has K > 1.
struct AmdahlFit
{
    double serialFraction = kNaN;
    double rmse = kNaN;
    // K loops run on at most this many cores: beyond it Amdahl's law sees no more parallelism.
    // Infinity when unknown.
    double cores = std::numeric_limits<double>::infinity();

    double speedup(double shards) const
    {
        return 1 / (serialFraction + (1 - serialFraction) / std::min(shards, cores));
    }
};

AmdahlFit amdahlFit(const std::vector<double> &shardCounts, const std::vector<double> &speedups);
