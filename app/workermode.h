// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

// `loopbench --worker`: one worker of the `processes` runtime (resources/doc/worker-protocol.md).
// Reads its slice on stdin, runs it as a 1-shard run of the thread engine (one Qt event loop on
// one thread, the same Shard, timer queue and kernels) whose t0 comes from the parent, and writes
// its records on stdout. Hidden: LoopBench starts it, people do not.
namespace WorkerMode {
bool wanted(const QStringList &args); // `args` is exactly --worker
int run(int argc, char *argv[]);
} // namespace WorkerMode
