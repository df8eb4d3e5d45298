// SPDX-License-Identifier: MIT
#include "core/workload/workloadspec.h"

namespace {

// A [min, max] pair: each end in range, then min <= max; at most one message.
std::optional<QString> pairProblem(const NumberRange &range, std::int64_t lo, std::int64_t hi)
{
    if (auto e = range.check(lo, u"min"))
        return e;
    if (auto e = range.check(hi, u"max"))
        return e;
    return range.checkOrder(std::uint64_t(lo), std::uint64_t(hi));
}

std::optional<QString> pairProblem(const NumberRange &range, std::uint64_t lo, std::uint64_t hi)
{
    if (auto e = range.checkUnsigned(lo, u"min"))
        return e;
    if (auto e = range.checkUnsigned(hi, u"max"))
        return e;
    return range.checkOrder(lo, hi);
}

} // namespace

FieldErrors WorkloadSpec::validate() const
{
    FieldErrors errors;
    if (auto e = kTaskRange.check(tasks))
        errors.append({QStringLiteral("tasks"), *e});
    // A shape is checked against its range only once the range itself is valid.
    if (auto e = pairProblem(kIoRange, std::int64_t{ioMinMs}, std::int64_t{ioMaxMs}))
        errors.append({QStringLiteral("io"), *e});
    else if (auto d = ioDist.check(std::uint64_t(ioMinMs), std::uint64_t(ioMaxMs), kIoRange))
        errors.append({QStringLiteral("ioDist"), *d});
    if (auto e = pairProblem(kCpuRange, cpuMin, cpuMax))
        errors.append({QStringLiteral("cpu"), *e});
    else if (auto d = cpuDist.check(cpuMin, cpuMax, kCpuRange))
        errors.append({QStringLiteral("cpuDist"), *d});
    return errors;
}

QString WorkloadSpec::describe() const
{
    auto shape = [](const Distribution &d) {
        return d.isUniform() ? QString() : QLatin1Char(' ') + d.text();
    };
    return QStringLiteral("%1 tasks, io %2:%3 ms%4, cpu %5:%6%7 %8, seed %9")
        .arg(tasks)
        .arg(ioMinMs)
        .arg(ioMaxMs)
        .arg(shape(ioDist))
        .arg(cpuMin)
        .arg(cpuMax)
        .arg(shape(cpuDist), kernelName(kernel))
        .arg(seed);
}
