#pragma once

#include "fielderror.h"
#include "partition.h"

// How one run executes a plan: on how many shards (event loops, one thread each), dealt how.
struct RunConfig
{
    int shards = 1;
    Partition partition = Partition::Contiguous;
    bool pin = false; // pin shard k to logical CPU k % CPUs

    // 1024 threads is far beyond any useful K on today's machines and still starts in well under
    // a second; above it the run measures thread creation, not event loops.
    static constexpr int kMaxShards = 1024;

    FieldErrors validate() const;

    friend bool operator==(const RunConfig &, const RunConfig &) = default;
};
