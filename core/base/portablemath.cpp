// SPDX-License-Identifier: MIT
#include "core/base/portablemath.h"

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

namespace {

// ln 2 split Cody-Waite style: kLn2Hi has its low bits zero, so k * kLn2Hi is exact for every
// exponent k a double can have (fdlibm's constants).
constexpr double kLn2Hi = 6.93147180369123816490e-01;
constexpr double kLn2Lo = 1.90821492927058770002e-10;
constexpr double kInvLn2 = 1.44269504088896338700e+00;
constexpr double kSqrtHalf = 0.70710678118654752440;

// The series' coefficients, folded at compile time (each step exactly rounded, the same on every
// compiler): 1 / (2i + 1) for log, 1 / i! for exp.
constexpr auto kOddReciprocals = [] {
    std::array<double, 13> c{};
    for (std::size_t i = 0; i < c.size(); ++i)
        c[i] = 1.0 / double(2 * i + 1);
    return c;
}();
constexpr auto kInverseFactorials = [] {
    std::array<double, 15> c{};
    c[0] = 1;
    for (std::size_t i = 1; i < c.size(); ++i)
        c[i] = c[i - 1] / double(i);
    return c;
}();

// c[0] + c[1] x + ... + c[N-1] x^(N-1) by Estrin's scheme: pairs, then pairs of pairs. A plain
// Horner chain is one long dependency of multiply-adds; this one is a quarter as deep, which is
// what a plan of 50M shaped tasks waits on. The order of operations is fixed, so the rounding is.
template <std::size_t N> double estrin(const std::array<double, N> &c, double x)
{
    const double x2 = x * x;
    const double x4 = x2 * x2;
    const double x8 = x4 * x4;
    auto at = [&c](std::size_t i) { return i < N ? c[i] : 0.0; };
    auto pair = [&](std::size_t i) { return at(i) + at(i + 1) * x; };
    auto quad = [&](std::size_t i) { return pair(i) + pair(i + 2) * x2; };
    auto oct = [&](std::size_t i) { return quad(i) + quad(i + 4) * x4; };
    static_assert(N <= 16);
    return oct(0) + oct(8) * x8;
}

// 2^k for the exponents of normal doubles: the bits themselves (std::ldexp is a library call).
double powerOfTwo(int k)
{
    return std::bit_cast<double>(std::uint64_t(1023 + k) << 52);
}

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
    const double series = estrin(kOddReciprocals, s * s);
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
    // x = k ln 2 + r with |r| <= ln 2 / 2; e^x = 2^k e^r, and scaling by 2^k is exact.
    const double k = std::floor(x * kInvLn2 + 0.5);
    const double r = (x - k * kLn2Hi) - k * kLn2Lo;
    // Taylor series of e^r to degree 14: the next term is below 2e-19.
    const double sum = estrin(kInverseFactorials, r);
    const int n = static_cast<int>(k);
    return n >= -1022 && n <= 1023 ? sum * powerOfTwo(n) : std::ldexp(sum, n);
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
