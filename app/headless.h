// SPDX-License-Identifier: MIT
#pragma once

#include "core/experiment/experiment.h"

#include <QString>
#include <QStringList>

// The `--headless` command line: what it asks for, parsed and validated (CliParser).
struct HeadlessOptions
{
    ExperimentSpec experiment;
    QString jsonPath;      // "-" for stdout, empty for none
    QString csvPath;       // a directory (runs, summary, load, meta) or one FILE.csv (runs only)
    bool csvTasks = false; // add tasks.csv (one row per task of the last run) to a CSV directory
    QString markdownPath;
    bool quiet = false;
    bool record = false;      // add every run to the result store (ResultStore::defaultPath())
    bool recordTasks = false; // and every run's per-task timings with it
    QString python;           // --python: the asyncio runtimes' interpreter; empty: the default
};

// Exit codes of the CLI contract.
// A run stopped by a signal exits with 128 + its number (SIGINT 130, SIGHUP 129, SIGTERM 143).
enum ExitCode { ExitOk = 0, ExitRunFailed = 1, ExitBadInput = 2, ExitCancelled = 130 };

// Runs the experiment, prints the table and verdict to stdout and writes JSON if asked.
int runHeadless(const HeadlessOptions &options);
