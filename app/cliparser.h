// SPDX-License-Identifier: MIT
#pragma once

#include "app/headless.h"
#include "core/experiment/spectext.h"

#include <QString>
#include <QStringList>

// The run command of `loopbench` (resources/doc/options.md): its rows of the option table
// (app/clioptions.h) parsed by CommandLine, their values decoded by the core's SpecCodec, and the
// rules between options (--sweep or --shards, --csv-tasks needs a --csv folder, the http options
// need --transport http). Built as a library of its own so that tests parse in process.
class CliParser
{
public:
    enum class Outcome {
        Run,          // `options` holds a valid experiment and the reports to write
        Help,         // print usage(), exit 0
        Version,      // print version(), exit 0
        HelpMarkdown, // print CliHelp::markdown() (resources/doc/options.md), exit 0
        HelpMan,      // print CliHelp::man(), exit 0
        BadInput,     // print `error` (one line naming the option), exit 2
    };

    // `args` without the program name. Any option runs the command line: --headless is implied.
    // Checks the limits a run needs (memory, open files) and LOOPBENCH_MEM_AVAILABLE_MB.
    static Outcome parse(const QStringList &args, HeadlessOptions &options, QString &error);
    // The CLI's experiment before options: the core's defaults, K = 1 and the logical CPUs, one
    // run each, no warm-up.
    static SpecText defaults(int logicalCpus);
    static QString usage();
    static QString version();
};
