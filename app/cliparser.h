// SPDX-License-Identifier: MIT
#pragma once

#include "app/headless.h"

#include <QString>
#include <QStringList>

// The `loopbench` command line (resources/doc/options.md): QCommandLineParser for the options, the
// core's SpecCodec for their values, and the rules QCommandLineParser leaves to its caller:
// a flag given a value ("--pin=no") is refused instead of ignored, an option missing its value
// does not take the next option as its value, and no option may be given twice. Built as a
// library of its own so that tests parse in process.
class CliParser
{
public:
    enum class Outcome {
        Run,      // `options` holds a valid experiment and the reports to write
        Help,     // print usage(), exit 0
        Version,  // print version(), exit 0
        BadInput, // print `error` (one line naming the option), exit 2
    };

    // `args` without the program name. Any option runs the command line: --headless is implied.
    // Checks the limits a run needs (memory, open files) and LOOPBENCH_MEM_AVAILABLE_MB.
    static Outcome parse(const QStringList &args, HeadlessOptions &options, QString &error);
    static QString usage();
    static QString version();
};
