// SPDX-License-Identifier: MIT
#include "core/base/wholenumber.h"

#include <QList>

#include <algorithm>
#include <limits>

namespace {

constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();

bool isGroupSeparator(QChar c)
{
    return c == QLatin1Char(',') || c == QLatin1Char('_') || c == QLatin1Char('\'') ||
           c == QLatin1Char(' ') || c == QChar(0x00A0) || c == QChar(0x202F);
}

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

// value = value * base + digit, false on overflow.
bool append(std::uint64_t &value, unsigned base, unsigned digit)
{
    if (value > (kMax - digit) / base)
        return false;
    value = value * base + digit;
    return true;
}

// Separators group the digits by three from the right, "10,000", or as in India, "1,00,000"
// (three, then twos): "10,0000" is a slip of the finger that must not read as 100,000.
bool isGrouped(const QList<qsizetype> &groups)
{
    if (groups.size() == 1)
        return true;
    if (groups.back() != 3 || groups.front() > 3)
        return false;
    const QList<qsizetype> middle = groups.mid(1, groups.size() - 2);
    const bool byThree =
        std::all_of(middle.begin(), middle.end(), [](qsizetype g) { return g == 3; });
    const bool indian =
        groups.front() <= 2 && !middle.isEmpty() &&
        std::all_of(middle.begin(), middle.end(), [](qsizetype g) { return g == 2; });
    return byThree || indian;
}

} // namespace

WholeNumber WholeNumber::parse(QStringView text)
{
    WholeNumber out;
    QStringView s = text.trimmed();
    if (!s.isEmpty() && (s.front() == QLatin1Char('+') || s.front() == QLatin1Char('-'))) {
        out.negative = s.front() == QLatin1Char('-');
        s = s.mid(1);
    }
    if (s.isEmpty())
        return out;

    bool tooLarge = false;
    if (s.size() > 2 && s[0] == QLatin1Char('0') && s[1].toLower() == QLatin1Char('x')) {
        for (QChar c : s.mid(2)) {
            const QChar lower = c.toLower();
            unsigned digit = 0;
            if (isDigit(c))
                digit = unsigned(c.digitValue());
            else if (lower >= QLatin1Char('a') && lower <= QLatin1Char('f'))
                digit = 10u + unsigned(lower.unicode() - u'a');
            else
                return out;
            tooLarge = tooLarge || !append(out.magnitude, 16, digit);
        }
    } else {
        std::uint64_t multiplier = 1;
        switch (s.back().toLower().unicode()) {
        case 'k':
            multiplier = 1'000;
            break;
        case 'm':
            multiplier = 1'000'000;
            break;
        case 'g':
            multiplier = 1'000'000'000;
            break;
        default:
            break;
        }
        if (multiplier != 1)
            s.chop(1);
        const qsizetype dot = s.indexOf(QLatin1Char('.'));
        const QStringView whole = dot < 0 ? s : s.left(dot);
        const QStringView fraction = dot < 0 ? QStringView() : s.mid(dot + 1);
        if (whole.isEmpty() && fraction.isEmpty())
            return out;
        // Where '.' groups thousands (de, it, es, ...), "1.000" is one thousand: without a suffix
        // to say it is a fraction, a dot before three digits is read as neither (it read as 1).
        if (multiplier == 1 && dot >= 0 && fraction.size() == 3)
            return out;
        QList<qsizetype> groups{0}; // digits between separators, left to right
        QChar separator;
        for (qsizetype i = 0; i < whole.size(); ++i) {
            const QChar c = whole[i];
            if (isDigit(c)) {
                ++groups.back();
                tooLarge = tooLarge || !append(out.magnitude, 10, unsigned(c.digitValue()));
            } else if (!isGroupSeparator(c) || i == 0 || i + 1 == whole.size() ||
                       !isDigit(whole[i - 1]) || !isDigit(whole[i + 1]) ||
                       (!separator.isNull() && c != separator)) {
                return out;
            } else {
                separator = c;
                groups.append(0);
            }
        }
        if (!isGrouped(groups))
            return out;
        // Exact integer arithmetic: each fraction digit takes a power of ten from the suffix;
        // once the suffix is spent, the remaining digits must be zeros ("1.0" is 1, "1.5" is not
        // whole).
        for (QChar c : fraction) {
            if (!isDigit(c))
                return out;
            if (multiplier > 1) {
                multiplier /= 10;
                tooLarge = tooLarge || !append(out.magnitude, 10, unsigned(c.digitValue()));
            } else if (c != QLatin1Char('0')) {
                return out;
            }
        }
        if (out.magnitude > kMax / multiplier)
            tooLarge = true;
        else
            out.magnitude *= multiplier;
    }
    out.status = tooLarge ? Status::TooLarge : Status::Ok;
    out.negative = out.negative && (tooLarge || out.magnitude != 0);
    return out;
}

QString WholeNumber::group(std::uint64_t value)
{
    const QString digits = QString::number(value);
    QString out;
    for (qsizetype i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out.append(QLatin1Char(','));
        out.append(digits[i]);
    }
    return out;
}

QString WholeNumber::group(std::int64_t value)
{
    // The magnitude of INT64_MIN does not fit int64: compute it in unsigned arithmetic.
    const std::uint64_t magnitude =
        value < 0 ? std::uint64_t(0) - std::uint64_t(value) : std::uint64_t(value);
    return value < 0 ? QLatin1Char('-') + group(magnitude) : group(magnitude);
}

QString WholeNumber::abbreviated(std::uint64_t value)
{
    if (value >= 1'000'000 && value % 100'000 == 0) {
        const std::uint64_t tenths = value / 100'000;
        return tenths % 10 == 0 ? QStringLiteral("%1M").arg(tenths / 10)
                                : QStringLiteral("%1.%2M").arg(tenths / 10).arg(tenths % 10);
    }
    if (value >= 1000 && value % 1000 == 0)
        return QStringLiteral("%1k").arg(value / 1000);
    return QString::number(value);
}
