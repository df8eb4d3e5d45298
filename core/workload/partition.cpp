// SPDX-License-Identifier: MIT
#include "core/workload/partition.h"

#include "core/base/enumnames.h"

namespace {

constexpr EnumName<Partition> kPartitionNames[] = {
    {Partition::Contiguous, u"contiguous"},
    {Partition::RoundRobin, u"round-robin"},
};

} // namespace

QString partitionName(Partition partition)
{
    return nameOf(kPartitionNames, partition);
}

std::optional<Partition> partitionFromName(QStringView name)
{
    return valueOf(kPartitionNames, name);
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

QStringList partitionNames()
{
    return namesOf(kPartitionNames);
}
