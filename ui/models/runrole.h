// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// What the user asked for when a run was made: the history's "mode" column.
enum class RunRole {
    OneLoop,    // Run one loop
    KLoops,     // Run K loops
    CompareOne, // the baseline half of a Compare
    CompareK,   // the K-loop half of a Compare
    Warmup,     // the untimed first run of an experiment: never in its statistics
    Repeat,     // one measured run of a Sweep or Repeat compare
};

inline QString runRoleName(RunRole role)
{
    switch (role) {
    case RunRole::OneLoop:
        return QStringLiteral("one loop");
    case RunRole::KLoops:
        return QStringLiteral("K loops");
    case RunRole::CompareOne:
        return QStringLiteral("compare · 1");
    case RunRole::CompareK:
        return QStringLiteral("compare · K");
    case RunRole::Warmup:
        return QStringLiteral("warm-up");
    case RunRole::Repeat:
        return QStringLiteral("experiment");
    }
    return {};
}
