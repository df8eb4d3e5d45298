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
    if (auto e = pairProblem(kIoRange, std::int64_t{ioMinMs}, std::int64_t{ioMaxMs}))
        errors.append({QStringLiteral("io"), *e});
    if (auto e = pairProblem(kCpuRange, cpuMin, cpuMax))
        errors.append({QStringLiteral("cpu"), *e});
    return errors;
}

QString WorkloadSpec::describe() const
{
    return QStringLiteral("%1 tasks, io %2:%3 ms, cpu %4:%5 %6, seed %7")
        .arg(tasks)
        .arg(ioMinMs)
        .arg(ioMaxMs)
        .arg(cpuMin)
        .arg(cpuMax)
        .arg(kernelName(kernel))
        .arg(seed);
}
