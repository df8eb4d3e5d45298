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
    Cli,        // recorded by `loopbench --headless --record`
    Imported,   // read from a JSON report (File > Open)
};

// The history's "mode" column, one name per role.
inline constexpr EnumName<RunRole> kRunRoleNames[] = {
    {RunRole::OneLoop, u"one loop"},
    {RunRole::KLoops, u"K loops"},
    {RunRole::CompareOne, u"compare · 1"},
    {RunRole::CompareK, u"compare · K"},
    {RunRole::Warmup, u"warm-up"},
    {RunRole::Repeat, u"experiment"},
    {RunRole::Cli, u"cli"},
    {RunRole::Imported, u"imported"},
};

inline QString runRoleName(RunRole role)
{
    return nameOf(kRunRoleNames, role);
}

// The role a stored run was recorded with; a name this build does not know reads as Cli.
inline RunRole runRoleFromName(QStringView name)
{
    return valueOf(kRunRoleNames, name).value_or(RunRole::Cli);
}
