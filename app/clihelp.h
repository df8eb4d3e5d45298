// SPDX-License-Identifier: MIT
#pragma once

#include "app/clioptions.h"

#include <QString>

// Every text about the options, written from the option table (app/clioptions.h): a row's name,
// value, description, allowed values (the core's own ranges and name tables) and default appear
// in each of them the same way, beside each command's notes (what the rows cannot say: the
// grammar of shapes, the server's limits, exit codes).
namespace CliHelp {
// `loopbench --help`, `loopbench compare --help`, `loopbench --serve --help`.
QString text(Command command);
// resources/doc/options.md (`loopbench --help-markdown`): every command's help as tables.
QString markdown();
// The man page loopbench(1) in roff (`loopbench --help-man`; view with `man -l -`).
QString man();
} // namespace CliHelp
