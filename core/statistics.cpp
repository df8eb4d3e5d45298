#include "statistics.h"

#include <algorithm>
#include <cmath>

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
