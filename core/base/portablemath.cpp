// SPDX-License-Identifier: MIT
#include "core/base/portablemath.h"

#include <cmath>
#include <limits>

namespace {

// ln 2 split Cody-Waite style: kLn2Hi has its low bits zero, so k * kLn2Hi is exact for every
// exponent k a double can have (fdlibm's constants).
constexpr double kLn2Hi = 6.93147180369123816490e-01;
constexpr double kLn2Lo = 1.90821492927058770002e-10;
constexpr double kInvLn2 = 1.44269504088896338700e+00;
constexpr double kSqrtHalf = 0.70710678118654752440;

} // namespace

namespace PortableMath {

double log(double x)
{
    if (std::isnan(x) || x < 0)
        return std::numeric_limits<double>::quiet_NaN();
    if (x == 0)
        return -std::numeric_limits<double>::infinity();
    if (std::isinf(x))
        return x;
    int e = 0;
    double m = std::frexp(x, &e); // x = m * 2^e, m in [0.5, 1): exact
    if (m < kSqrtHalf) {
        m *= 2;
        --e;
    }
    // log m = 2 atanh(s), s = (m - 1) / (m + 1), |s| <= 0.1716: the odd series converges by a
    // factor s^2 <= 0.0295 per term, 13 terms reach 1e-20.
    const double s = (m - 1) / (m + 1);
    const double s2 = s * s;
    double series = 1.0 / 25;
    for (int n = 23; n >= 1; n -= 2)
        series = 1.0 / n + s2 * series;
    const double k = e;
    return k * kLn2Hi + (k * kLn2Lo + 2 * s * series);
}

double exp(double x)
{
    if (std::isnan(x))
        return x;
    if (x > 709.782712893384)
        return std::numeric_limits<double>::infinity();
    if (x < -745.1332191019412)
        return 0;
    // x = k ln 2 + r with |r| <= ln 2 / 2; e^x = 2^k e^r, and 2^k is exact (ldexp).
    const double k = std::floor(x * kInvLn2 + 0.5);
    const double r = (x - k * kLn2Hi) - k * kLn2Lo;
    // Taylor series of e^r to degree 14 in Horner form: the next term is below 2e-19.
    double sum = 1;
    for (int n = 14; n >= 1; --n)
        sum = 1 + r * sum / n;
    return std::ldexp(sum, static_cast<int>(k));
}

double normalQuantile(double p)
{
    // P. J. Acklam, "An algorithm for computing the inverse normal cumulative distribution
    // function" (2003): rational approximations in a central region and two tails.
    static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                                   -2.759285104469687e+02, 1.383577518672690e+02,
                                   -3.066479806614716e+01, 2.506628277459239e+00};
    static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                                   -1.556989798598866e+02, 6.680131188771972e+01,
                                   -1.328068155288572e+01};
    static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                                   -2.400758277161838e+00, -2.549732539343734e+00,
                                   4.374664141464968e+00,  2.938163982698783e+00};
    static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
                                   2.445134137142996e+00, 3.754408661907416e+00};
    constexpr double kLow = 0.02425;
    if (!(p > 0 && p < 1))
        return std::numeric_limits<double>::quiet_NaN();
    auto tail = [&](double q) {
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    };
    if (p < kLow)
        return tail(std::sqrt(-2 * log(p)));
    if (p > 1 - kLow)
        return -tail(std::sqrt(-2 * log(1 - p)));
    const double q = p - 0.5;
    const double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
           (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

} // namespace PortableMath
