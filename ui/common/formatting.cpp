// SPDX-License-Identifier: MIT
#include "ui/common/formatting.h"

#include "core/base/missingmark.h"
#include "core/base/wholenumber.h"

#include <QLocale>

#include <cmath>

// Numbers are written the way of QLocale() (%L1): the system's in the window ("2,75 s" under
// pt_BR), the C locale's in tests. Reports never come here: core/report writes fixed formats.
namespace Formatting {

QString duration(double ms)
{
    if (std::isnan(ms))
        return missingMark();
    if (ms < 1.0)
        return QStringLiteral("%L1 ms").arg(ms, 0, 'f', 2);
    if (ms < 1000.0)
        return QStringLiteral("%L1 ms").arg(ms, 0, 'f', ms < 10.0 ? 1 : 0);
    const double s = ms / 1000.0;
    if (s < 60.0)
        return QStringLiteral("%L1 s").arg(s, 0, 'f', s < 10.0 ? 2 : 1);
    const auto total = static_cast<long long>(std::llround(s));
    return QStringLiteral("%1 min %2 s").arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'));
}

QString speedup(double factor)
{
    if (std::isnan(factor) || std::isinf(factor))
        return missingMark();
    return QStringLiteral("%L1×").arg(factor, 0, 'f', 2);
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
