// SPDX-License-Identifier: MIT
#pragma once

#include "app/commandline.h"

#include <QString>
#include <QStringList>

// `loopbench compare OLD.json NEW.json [MORE.json ...]`: reads LoopBench JSON reports
// (ReportReader), prints one table per configuration (compareReports(), comparisonText()) and
// writes the comparison as Markdown, CSV or JSON when asked, as one report set (writeReportSet():
// all files or none). A file that is not a LoopBench report, a bad option or a target that
// cannot be written is refused before anything is written, with one line naming it, exit 2.
class CompareCommand
{
public:
    struct Options
    {
        QStringList reports; // in the order given: the first is the base of every comparison
        QString markdownPath;
        QString csvPath;
        QString jsonPath; // "-" for standard output
    };
    using Outcome = CommandLine::Outcome; // never Version: compare has no --version

    // `args` after "compare", through CommandLine with compare's rows of the option table, as the
    // run and --serve parse theirs: an option's value follows it
    // (--csv out.csv or --csv=out.csv), no option twice, "--" ends the options.
    static Outcome parse(const QStringList &args, Options &options, QString &error);
    static QString usage();
    // The whole command; returns the exit code (ExitCode in app/headless.h).
    static int run(const QStringList &args);
};
