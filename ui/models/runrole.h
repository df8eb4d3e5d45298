// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/enumnames.h"

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

// The history's "mode" column, one name per role.
inline constexpr EnumName<RunRole> kRunRoleNames[] = {
    {RunRole::OneLoop, u"one loop"},       {RunRole::KLoops, u"K loops"},
    {RunRole::CompareOne, u"compare · 1"}, {RunRole::CompareK, u"compare · K"},
    {RunRole::Warmup, u"warm-up"},         {RunRole::Repeat, u"experiment"},
};

inline QString runRoleName(RunRole role)
{
    return nameOf(kRunRoleNames, role);
}
