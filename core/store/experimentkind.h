// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// What started an experiment, as the store's experiments.kind names it. The app and the CLI
// write these names and the window reads them back, so they live in one table.
enum class ExperimentKind {
    Run,      // one K, the app's Run one loop / Run K loops
    Compare,  // the app's Compare: 1 loop, then K
    Repeat,   // the app's Repeat compare: 1 and K, R times interleaved
    Sweep,    // the app's Sweep: more than two shard counts
    Runtimes, // the app's Compare runtimes: several runtimes on one plan
    Cli,      // loopbench --record, whatever its options
    Imported, // a report file added to the history
};

QString experimentKindName(ExperimentKind kind);
