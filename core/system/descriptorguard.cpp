// SPDX-License-Identifier: MIT
#include "core/system/descriptorguard.h"

#include "core/base/wholenumber.h"

#include <algorithm>

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

std::optional<FieldError> DescriptorGuard::checkRequests(std::uint64_t tasks, int connections,
                                                         int shards) const
{
    if (limit == kUnlimited)
        return std::nullopt;
    const std::uint64_t inFlight =
        connections == 0
            ? tasks
            : std::min<std::uint64_t>(tasks, std::uint64_t(connections) * std::uint64_t(shards));
    const std::uint64_t needed = need(shards) + inFlight;
    if (needed <= limit)
        return std::nullopt;
    return FieldError{connections == 0 ? QStringLiteral("tasks") : QStringLiteral("connections"),
                      QStringLiteral("%1 requests in flight need %2 open files, above this "
                                     "process's limit of %3 (ulimit -n; the server needs as "
                                     "many); use fewer tasks or a pool of connections")
                          .arg(WholeNumber::group(inFlight), WholeNumber::group(needed),
                               WholeNumber::group(limit))};
}
