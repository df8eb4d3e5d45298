// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

// `loopbench --serve [--listen HOST:PORT] [--server-loops N] [--response-bytes N] [--reuse-port]`:
// the HTTP server of the http transport (HttpServer), as a process of its own. Prints one line,
// "listening HOST:PORT", once it accepts connections, and runs until SIGINT, SIGTERM or SIGHUP
// (or, with --exit-on-stdin-eof, until its standard input closes: how a run that started it ends
// it, even when that run's process dies). Exit 0 after a clean stop, 2 on bad options or on a
// port another process listens on (unless --reuse-port).
namespace ServeCommand {
bool wanted(const QStringList &args); // `args` holds --serve
int run(const QStringList &args);
QString usage();
} // namespace ServeCommand
