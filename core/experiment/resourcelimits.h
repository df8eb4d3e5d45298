// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/fielderror.h"
#include "core/net/transportconfig.h"
#include "core/system/descriptorguard.h"
#include "core/system/memoryguard.h"

#include <cstdint>
#include <optional>

struct ExperimentSpec;

// Whether a run of `tasks` tasks on `shards` loops fits this machine, in the order that matters:
// open files first (without them GLib aborts the process, whatever the memory), then the
// descriptors http requests hold, then memory (only a plan that fits the others is worth sizing).
// The first limit it breaks, on the field that causes it ("shards", "tasks", "connections").
// The CLI, the form and ExperimentRunner all ask this one function.
std::optional<FieldError> checkResourceLimits(std::uint64_t tasks, int shards,
                                              const TransportConfig &transport,
                                              const DescriptorGuard &descriptors,
                                              const MemoryGuard &memory);

// The same for the largest shard count of `spec` (the others need less).
std::optional<FieldError> checkResourceLimits(const ExperimentSpec &spec,
                                              const DescriptorGuard &descriptors,
                                              const MemoryGuard &memory);
