// SPDX-License-Identifier: MIT
#include "ui/common/formatting.h"

#include "core/base/missingmark.h"
#include "core/base/wholenumber.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <utility>

// Numbers are written the way of QLocale() (%L1): the system's in the window ("2,75 s" under
// pt_BR), the C locale's in tests. Reports never come here: core/report writes fixed formats.
namespace Formatting {

namespace {

// `value` rounded to three significant digits, and the decimals that show exactly those three
// (2.75 -> 2, 27.5 -> 1, 275 -> 0). Rounding first keeps 9.996 from printing as "10.00".
std::pair<double, int> threeDigits(double value)
{
    if (!(value > 0))
        return {0.0, 2};
    const int magnitude = int(std::floor(std::log10(value)));
    const double scale = std::pow(10.0, 2 - magnitude);
    const double rounded = std::round(value * scale) / scale;
    return {rounded, std::max(0, 2 - int(std::floor(std::log10(rounded))))};
}

} // namespace

QString duration(double ms)
{
    if (std::isnan(ms))
        return missingMark();
    const auto [roundedMs, msDecimals] = threeDigits(ms);
    if (roundedMs < 1000.0)
        return QStringLiteral("%L1 ms").arg(roundedMs, 0, 'f', msDecimals);
    const auto [s, decimals] = threeDigits(ms / 1000.0);
    if (s < 60.0)
        return QStringLiteral("%L1 s").arg(s, 0, 'f', decimals);
    const auto total = static_cast<long long>(std::llround(ms / 1000.0));
    return QStringLiteral("%1 min %2 s").arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'));
}

QString axisLabelFormat(double step, const QString &unit)
{
    // Decimals enough to tell two ticks apart, the same for every tick: "0.5 s", "1.0 s".
    int decimals = 0;
    for (double scaled = step; decimals < 6 && step > 0 &&
                               std::abs(scaled - std::round(scaled)) > 1e-6 * std::max(1.0, scaled);
         scaled *= 10)
        ++decimals;
    const QString number = QStringLiteral("%.%1f").arg(decimals);
    return unit.isEmpty() ? number : number + QLatin1Char(' ') + unit;
}

QString speedup(double factor)
{
    if (std::isnan(factor) || std::isinf(factor))
        return missingMark();
    return QStringLiteral("%L1×").arg(factor, 0, 'f', 2);
}

QString speedup(double factor, double error)
{
    if (std::isnan(error) || std::isinf(error) || std::isnan(factor) || std::isinf(factor))
        return speedup(factor);
    return QStringLiteral("%L1 ± %L2×").arg(factor, 0, 'f', 2).arg(error, 0, 'f', 2);
}

QString percent(double fraction)
{
    if (std::isnan(fraction))
        return missingMark();
    return QStringLiteral("%L1 %").arg(fraction * 100.0, 0, 'f', 0);
}

QString percentPrecise(double fraction)
{
    if (std::isnan(fraction))
        return missingMark();
    return QStringLiteral("%L1 %").arg(fraction * 100.0, 0, 'f', 1);
}

QString counted(qint64 n, const QString &one, const QString &many)
{
    return QStringLiteral("%1 %2").arg(QLocale().toString(n), n == 1 ? one
                                                              : many.isEmpty()
                                                                  ? one + QLatin1Char('s')
                                                                  : many);
}

QString count(std::uint64_t n)
{
    return WholeNumber::abbreviated(n);
}

} // namespace Formatting
