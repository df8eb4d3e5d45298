// SPDX-License-Identifier: MIT
#include "core/system/descriptorguard.h"

#include "core/base/wholenumber.h"

std::uint64_t DescriptorGuard::need(int shards) const
{
    return open + kSpare + static_cast<std::uint64_t>(shards) * kPerShard;
}

std::uint64_t DescriptorGuard::maxShards() const
{
    if (limit == kUnlimited)
        return kUnlimited;
    return limit <= open + kSpare ? 0 : (limit - open - kSpare) / kPerShard;
}

std::optional<FieldError> DescriptorGuard::check(int shards) const
{
    if (limit == kUnlimited || need(shards) <= limit)
        return std::nullopt;
    const std::uint64_t most = maxShards();
    QString message =
        QStringLiteral("%1 up to %2 open files (%3 per event loop, %4 already open, "
                       "%5 spare), more than the limit of %6 (ulimit -n)")
            .arg(shards == 1
                     ? QStringLiteral("1 shard needs")
                     : WholeNumber::group(std::uint64_t(shards)) + QStringLiteral(" shards need"),
                 WholeNumber::group(need(shards)), WholeNumber::group(kPerShard),
                 WholeNumber::group(open), WholeNumber::group(kSpare), WholeNumber::group(limit));
    message += most > 0
                   ? QStringLiteral("; at most %1 shard%2 fit")
                         .arg(WholeNumber::group(most), most == 1 ? QString() : QStringLiteral("s"))
                   : QStringLiteral("; raise it to run any");
    return FieldError{QStringLiteral("shards"), message};
}
