// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

#include <optional>

// Where /proc/stat text comes from, so the sampler can be fed fixtures in tests and other systems
// can be added beside Linux.
class CpuStatSource
{
public:
    virtual ~CpuStatSource() = default;
    // The whole text, or nullopt when it cannot be read.
    virtual std::optional<QByteArray> read() = 0;
};
