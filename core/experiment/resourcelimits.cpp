// SPDX-License-Identifier: MIT
#include "core/experiment/resourcelimits.h"

#include "core/experiment/experiment.h"

#include <algorithm>

std::optional<FieldError> checkResourceLimits(std::uint64_t tasks, int shards,
                                              const TransportConfig &transport,
                                              const DescriptorGuard &descriptors,
                                              const MemoryGuard &memory)
{
    if (auto tooMany = descriptors.check(shards))
        return tooMany;
    if (transport.isHttp()) {
        if (auto tooMany = descriptors.checkRequests(tasks, transport.connections, shards))
            return tooMany;
    }
    return memory.check(tasks, shards);
}

std::optional<FieldError> checkResourceLimits(const ExperimentSpec &spec,
                                              const DescriptorGuard &descriptors,
                                              const MemoryGuard &memory)
{
    const QList<int> &counts = spec.shardCounts;
    const int maxShards = counts.isEmpty() ? 1 : *std::max_element(counts.begin(), counts.end());
    return checkResourceLimits(std::uint64_t(spec.workload.tasks), maxShards, spec.transport,
                               descriptors, memory);
}
