// SPDX-License-Identifier: MIT
#include "core/workload/distribution.h"

#include "core/base/enumnames.h"
#include "core/base/wholenumber.h"
#include "core/base/wording.h"

#include <QLocale>

#include <algorithm>

namespace {

constexpr EnumName<Distribution::Shape> kShapeNames[] = {
    {Distribution::Shape::Uniform, u"uniform"},
    {Distribution::Shape::LogNormal, u"lognormal"},
    {Distribution::Shape::Pareto, u"pareto"},
    {Distribution::Shape::Bimodal, u"bimodal"},
};

} // namespace

QString shapeName(Distribution::Shape shape)
{
    return nameOf(kShapeNames, shape);
}

std::optional<Distribution::Shape> shapeFromName(QStringView name)
{
    return valueOf(kShapeNames, name);
}

Distribution Distribution::logNormal(std::uint64_t median, std::uint64_t p99)
{
    Distribution d;
    d.shape = Shape::LogNormal;
    d.median = median;
    d.p99 = p99;
    return d;
}

Distribution Distribution::pareto(std::uint64_t median, std::uint64_t p99)
{
    Distribution d = logNormal(median, p99);
    d.shape = Shape::Pareto;
    return d;
}

Distribution Distribution::bimodal(double heavy)
{
    Distribution d;
    d.shape = Shape::Bimodal;
    d.heavy = heavy;
    return d;
}

QString Distribution::text() const
{
    switch (shape) {
    case Shape::Uniform:
        break;
    case Shape::LogNormal:
    case Shape::Pareto:
        return QStringLiteral("%1:median=%2,p99=%3").arg(shapeName(shape)).arg(median).arg(p99);
    case Shape::Bimodal:
        // Shortest text that reads back as the same double.
        return QStringLiteral("bimodal:heavy=") +
               QString::number(heavy, 'g', QLocale::FloatingPointShortest);
    }
    return shapeName(Shape::Uniform);
}

std::optional<QString> Distribution::check(std::uint64_t lo, std::uint64_t hi,
                                           const NumberRange &range) const
{
    switch (shape) {
    case Shape::Uniform:
        break;
    case Shape::LogNormal:
    case Shape::Pareto: {
        // A logarithm of the median is taken: it must be above 0 even where MIN is 0.
        const NumberRange medianRange{std::max<std::uint64_t>(lo, 1), hi, range.unit};
        if (const auto e = medianRange.checkUnsigned(median, u"median"))
            return e;
        if (p99 <= median) {
            auto shown = [&](std::uint64_t v) {
                return range.unit
                           ? WholeNumber::group(v) + QLatin1Char(' ') + QLatin1String(range.unit)
                           : WholeNumber::group(v);
            };
            return coreTr("Distribution", "p99 %1 is not above median %2")
                .arg(shown(p99), shown(median));
        }
        return NumberRange{lo, hi, range.unit}.checkUnsigned(p99, u"p99");
    }
    case Shape::Bimodal:
        if (!(heavy >= 0 && heavy <= 1)) {
            return coreTr("Distribution", "heavy %1 is outside 0 to 1")
                .arg(QString::number(heavy, 'g', QLocale::FloatingPointShortest));
        }
        break;
    }
    return std::nullopt;
}

QStringList shapeNames()
{
    return namesOf(kShapeNames);
}
