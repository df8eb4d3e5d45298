// SPDX-License-Identifier: MIT
#include "core/system/memoryguard.h"

#include "core/base/wholenumber.h"

#include <QStringList>

#include <algorithm>
#include <array>
#include <cmath>

namespace {

constexpr std::array kLimits{MemoryGuard::Limit::Available, MemoryGuard::Limit::AddressSpace,
                             MemoryGuard::Limit::Cgroup};
constexpr std::uint64_t kMiB = 1024 * 1024;

std::uint64_t saturatingAdd(std::uint64_t a, std::uint64_t b)
{
    return a > MemoryGuard::kUnlimited - b ? MemoryGuard::kUnlimited : a + b;
}

std::uint64_t saturatingMul(std::uint64_t a, std::uint64_t b)
{
    return b != 0 && a > MemoryGuard::kUnlimited / b ? MemoryGuard::kUnlimited : a * b;
}

// "3,052 MB", "700 KB", "12 bytes": never "0 MB" for something that is not nothing. A need is
// rounded to the nearest unit ("about"), a budget down, so the need never reads as the smaller.
QString sizeText(std::uint64_t bytes, bool roundDown)
{
    auto in = [&](std::uint64_t unit) {
        return roundDown ? bytes / unit : (bytes + unit / 2) / unit;
    };
    if (bytes >= kMiB)
        return WholeNumber::group(in(kMiB)) + QStringLiteral(" MB");
    if (bytes >= 1024)
        return WholeNumber::group(in(1024)) + QStringLiteral(" KB");
    return WholeNumber::group(bytes) + QStringLiteral(" bytes");
}

QString count(std::uint64_t n, const char *one, const char *many)
{
    return WholeNumber::group(n) + QLatin1Char(' ') + QLatin1String(n == 1 ? one : many);
}

} // namespace

std::uint64_t MemoryGuard::estimateBytes(std::uint64_t tasks, int shards)
{
    return saturatingAdd(saturatingMul(tasks, kBytesPerTask),
                         static_cast<std::uint64_t>(shards) * kBytesPerShard);
}

std::uint64_t MemoryGuard::estimateAddressSpace(std::uint64_t tasks, int shards) const
{
    const auto k = static_cast<std::uint64_t>(shards);
    // The stack plus its guard page, for every thread; an arena for as many as glibc creates.
    const std::uint64_t threads = saturatingMul(k, threadStackBytes + 4096);
    const std::uint64_t arenas = std::min(k, mallocArenas) * kArenaBytes;
    return saturatingAdd(saturatingMul(tasks, kBytesPerTask), saturatingAdd(threads, arenas));
}

std::uint64_t MemoryGuard::need(Limit limit, std::uint64_t tasks, int shards) const
{
    return limit == Limit::AddressSpace ? estimateAddressSpace(tasks, shards)
                                        : estimateBytes(tasks, shards);
}

std::uint64_t MemoryGuard::budgetBytes(Limit limit) const
{
    switch (limit) {
    case Limit::Available:
        return availableBytes == kUnlimited
                   ? kUnlimited
                   : static_cast<std::uint64_t>(static_cast<double>(availableBytes) * kSafeShare);
    case Limit::AddressSpace:
    case Limit::Cgroup: {
        const std::uint64_t left = limit == Limit::Cgroup ? cgroupBytes : addressSpaceBytes;
        return left == kUnlimited
                   ? kUnlimited
                   : static_cast<std::uint64_t>(static_cast<double>(left) * kHardLimitShare);
    }
    }
    return kUnlimited;
}

std::uint64_t MemoryGuard::budgetBytes() const
{
    std::uint64_t budget = kUnlimited;
    for (Limit limit : kLimits)
        budget = std::min(budget, budgetBytes(limit));
    return budget;
}

bool MemoryGuard::fits(std::uint64_t tasks, int shards) const
{
    return std::all_of(kLimits.begin(), kLimits.end(), [&](Limit limit) {
        return budgetBytes(limit) == kUnlimited || need(limit, tasks, shards) <= budgetBytes(limit);
    });
}

std::uint64_t MemoryGuard::maxTasks(int shards) const
{
    std::uint64_t most = kUnlimited;
    for (Limit limit : kLimits) {
        const std::uint64_t budget = budgetBytes(limit);
        if (budget == kUnlimited)
            continue;
        const std::uint64_t fixed = need(limit, 0, shards);
        most = std::min(most, budget <= fixed ? 0 : (budget - fixed) / kBytesPerTask);
    }
    return most;
}

int MemoryGuard::maxShards(std::uint64_t tasks) const
{
    // The cost grows with the shard count (arenas stop growing, stacks do not): bisect.
    int lo = 0;       // fits (zero shards is the empty claim)
    int hi = 1 << 24; // beyond any thread count a system allows
    if (fits(tasks, hi))
        return hi;
    while (hi - lo > 1) {
        const int mid = lo + (hi - lo) / 2;
        (fits(tasks, mid) ? lo : hi) = mid;
    }
    return lo;
}

std::optional<FieldError> MemoryGuard::check(std::uint64_t tasks, int shards) const
{
    if (fits(tasks, shards))
        return std::nullopt;
    // The limit that is exceeded most, relative to its budget, names the cause; the shards are
    // the cause when they alone exceed it.
    Limit worst = Limit::Available;
    double worstRatio = 0;
    for (Limit limit : kLimits) {
        const std::uint64_t budget = budgetBytes(limit);
        if (budget == kUnlimited)
            continue;
        const double ratio = static_cast<double>(need(limit, tasks, shards)) /
                             std::max(1.0, static_cast<double>(budget));
        if (ratio > worstRatio) {
            worstRatio = ratio;
            worst = limit;
        }
    }
    const std::uint64_t budget = budgetBytes(worst);
    const bool shardsAlone = need(worst, 0, shards) > budget || maxTasks(shards) == 0;

    QString limitText;
    switch (worst) {
    case Limit::Available:
        limitText = QStringLiteral("LoopBench may use (half of the %1 available)")
                        .arg(sizeText(availableBytes, true));
        break;
    case Limit::AddressSpace:
        limitText = QStringLiteral("LoopBench may still reserve (90% of the %1 that ulimit -v "
                                   "leaves)")
                        .arg(sizeText(addressSpaceBytes, true));
        break;
    case Limit::Cgroup:
        limitText = QStringLiteral("LoopBench may use (90% of the %1 its memory cgroup has "
                                   "left)")
                        .arg(sizeText(cgroupBytes, true));
        break;
    }
    const QString what =
        worst == Limit::AddressSpace ? QStringLiteral(" of address space") : QString();
    const QString than =
        budget == 0 ? QStringLiteral("and nothing is left that %1").arg(limitText)
                    : QStringLiteral("more than the %1 %2").arg(sizeText(budget, true), limitText);

    if (shardsAlone) {
        const int most = maxShards(tasks);
        QString message = QStringLiteral("%1 need about %2%3, %4")
                              .arg(count(std::uint64_t(shards), "shard", "shards"),
                                   sizeText(need(worst, 0, shards), false), what, than);
        if (shards == 1)
            message.replace(QStringLiteral("1 shard need "), QStringLiteral("1 shard needs "));
        if (worst == Limit::AddressSpace)
            message +=
                QStringLiteral(" (each shard's thread reserves a %1 stack, and up to %2 "
                               "of them a 64 MB malloc arena)")
                    .arg(sizeText(threadStackBytes, false), WholeNumber::group(mallocArenas));
        message += most > 0 ? QStringLiteral("; at most %1 fit").arg(count(most, "shard", "shards"))
                            : QStringLiteral("; not even 1 shard fits");
        return FieldError{QStringLiteral("shards"), message};
    }
    QString message =
        QStringLiteral("%1 need about %2%3, %4; at most %5 fit")
            .arg(count(tasks, "task", "tasks"), sizeText(need(worst, tasks, shards), false), what,
                 than, count(maxTasks(shards), "task", "tasks"));
    if (tasks == 1)
        message.replace(QStringLiteral("1 task need "), QStringLiteral("1 task needs "));
    return FieldError{QStringLiteral("tasks"), message};
}
