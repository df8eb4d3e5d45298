// SPDX-License-Identifier: MIT
#pragma once

#include "app/commandline.h"
#include "core/net/httpserver.h"

#include <QString>
#include <QStringList>

// `loopbench --serve [--listen HOST:PORT] [--server-loops N] [--response-bytes N] [--reuse-port]`:
// the HTTP server of the http transport (HttpServer), as a process of its own. Prints one line,
// "listening HOST:PORT", once it accepts connections, and runs until SIGINT, SIGTERM or SIGHUP
// (or, with --exit-on-stdin-eof, until its standard input closes: how a run that started it ends
// it, even when that run's process dies). Exit 0 after a clean stop, 2 on bad options or on a
// port another process listens on (unless --reuse-port).
namespace ServeCommand {
bool wanted(const QStringList &args); // `args` holds --serve

struct Options
{
    HttpServer::Options server;
    bool exitOnStdinEof = false;
};
using Outcome = CommandLine::Outcome; // never Version: --serve has no --version
// `args` with --serve, through the same parser as the other commands (CommandLine).
Outcome parse(const QStringList &args, Options &options, QString &error);
int run(const QStringList &args);
QString usage();
} // namespace ServeCommand
