// SPDX-License-Identifier: MIT
#include "core/base/numberrange.h"

#include "core/base/wholenumber.h"
#include "core/base/wording.h"

namespace {

QString labelled(QStringView label, const QString &sentence)
{
    return label.isEmpty() ? sentence : label.toString() + QLatin1Char(' ') + sentence;
}

} // namespace

QString NumberRange::withUnit(const QString &number) const
{
    return unit ? number + QLatin1Char(' ') + QLatin1String(unit) : number;
}

QString NumberRange::text() const
{
    return withUnit(
        coreTr("NumberRange", "%1 to %2").arg(WholeNumber::group(min), WholeNumber::group(max)));
}

QString NumberRange::outside(const QString &shownValue, QStringView label) const
{
    return labelled(label,
                    coreTr("NumberRange", "%1 is outside %2").arg(withUnit(shownValue), text()));
}

QString NumberRange::notANumber(QStringView text, QStringView label) const
{
    return labelled(label, coreTr("NumberRange", "'%1' is not a whole number from %2")
                               .arg(text.trimmed().toString(), this->text()));
}

QString NumberRange::missing(QStringView label) const
{
    const QString what = label.isEmpty() ? coreTr("NumberRange", "value")
                                         : coreTr("NumberRange", "%1 value").arg(label.toString());
    return coreTr("NumberRange", "missing %1 (a whole number from %2)").arg(what, text());
}

std::optional<QString> NumberRange::check(std::int64_t value, QStringView label) const
{
    if (value < 0)
        return outside(WholeNumber::group(value), label);
    return checkUnsigned(std::uint64_t(value), label);
}

std::optional<QString> NumberRange::checkUnsigned(std::uint64_t value, QStringView label) const
{
    if (value < min || value > max)
        return outside(WholeNumber::group(value), label);
    return std::nullopt;
}

std::optional<QString> NumberRange::checkOrder(std::uint64_t lo, std::uint64_t hi) const
{
    if (lo <= hi)
        return std::nullopt;
    return coreTr("NumberRange", "min %1 is above max %2")
        .arg(withUnit(WholeNumber::group(lo)), withUnit(WholeNumber::group(hi)));
}

std::optional<std::uint64_t> NumberRange::read(QStringView text, QString *error,
                                               QStringView label) const
{
    const WholeNumber n = WholeNumber::parse(text);
    std::optional<QString> problem;
    if (text.trimmed().isEmpty()) {
        problem = missing(label);
    } else if (n.status == WholeNumber::Status::NotANumber) {
        problem = notANumber(text, label);
    } else if (n.status == WholeNumber::Status::TooLarge) {
        // Past 64 bits there is no value to group: show it as typed, without a '+'.
        QString shown = text.trimmed().toString();
        if (shown.startsWith(QLatin1Char('+')))
            shown.remove(0, 1);
        problem = outside(shown, label);
    } else if (n.negative) {
        problem = outside(QLatin1Char('-') + WholeNumber::group(n.magnitude), label);
    } else {
        problem = checkUnsigned(n.magnitude, label);
    }
    if (problem) {
        if (error)
            *error = *problem;
        return std::nullopt;
    }
    return n.magnitude;
}
