// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/enumnames.h"

#include <QString>

// Why a run was made: the history's "mode" column and the store's `role`. The app, the CLI and an
// import each start runs in their own roles; the warm-up is the one role that is never measured.
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

// One name per role: the history shows it and the store keeps it (rows written by older builds
// hold these same words, so a name never changes).
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
