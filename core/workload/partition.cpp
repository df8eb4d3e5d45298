// SPDX-License-Identifier: MIT
#include "core/workload/partition.h"

QString partitionName(Partition partition)
{
    return partition == Partition::Contiguous ? QStringLiteral("contiguous")
                                              : QStringLiteral("round-robin");
}

std::optional<Partition> partitionFromName(QStringView name)
{
    for (Partition p : {Partition::Contiguous, Partition::RoundRobin}) {
        if (name.compare(partitionName(p), Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

Slice sliceFor(Partition partition, std::size_t tasks, int shards, int shard)
{
    const auto n = static_cast<std::uint64_t>(tasks);
    const auto k = static_cast<std::uint64_t>(shards);
    const auto s = static_cast<std::uint64_t>(shard);
    if (partition == Partition::RoundRobin) {
        return {static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(n),
                static_cast<std::uint32_t>(k)};
    }
    return {static_cast<std::uint32_t>(s * n / k), static_cast<std::uint32_t>((s + 1) * n / k), 1};
}

int shardOf(Partition partition, std::size_t tasks, int shards, std::uint32_t task)
{
    if (partition == Partition::RoundRobin)
        return static_cast<int>(task % static_cast<std::uint32_t>(shards));
    // Inverse of the contiguous split: the largest s with s*n/K <= task.
    const auto n = static_cast<std::uint64_t>(tasks);
    const auto k = static_cast<std::uint64_t>(shards);
    auto s = static_cast<std::uint64_t>(task) * k / n;
    while (s + 1 < k && (s + 1) * n / k <= task)
        ++s;
    while (s > 0 && s * n / k > task)
        --s;
    return static_cast<int>(s);
}
