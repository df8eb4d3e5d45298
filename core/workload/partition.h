// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <cstdint>
#include <optional>

// How a plan's tasks are dealt to K shards.
enum class Partition {
    Contiguous, // shard k gets one contiguous batch [k*n/K, (k+1)*n/K), as the original experiment
    RoundRobin, // task i goes to shard i % K
};

QString partitionName(Partition partition);
std::optional<Partition> partitionFromName(QStringView name);
QStringList partitionNames(); // "contiguous", "round-robin": every name, in order

// One shard's share of the plan as an arithmetic sequence of task ids: no per-task storage, so a
// million-task plan is dealt out in O(K).
struct Slice
{
    std::uint32_t begin = 0;
    std::uint32_t end = 0; // exclusive bound on ids
    std::uint32_t stride = 1;

    std::size_t size() const { return begin >= end ? 0 : (end - begin + stride - 1) / stride; }
    std::uint32_t at(std::size_t i) const { return begin + static_cast<std::uint32_t>(i) * stride; }
};

Slice sliceFor(Partition partition, std::size_t tasks, int shards, int shard);
int shardOf(Partition partition, std::size_t tasks, int shards, std::uint32_t task);
