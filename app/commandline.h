// SPDX-License-Identifier: MIT
#pragma once

#include "app/clioptions.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

// One command's line, parsed by QCommandLineParser with that command's rows of the option table.
// The same for run, compare and serve, with the rules QCommandLineParser leaves to its caller,
// each refusal one sentence that names the option:
//   "--pin takes no value"               (a flag given a value: "--pin=no", "--warmup=")
//   "--markdown: missing value"          (none, empty, or the next option where it should be)
//   "--tasks: given more than once"
//   "--frobnicate: unknown option (see --help)"
// Values follow their option as "--tasks 500" or "--tasks=500"; "-tasks" is "--tasks"; "--"
// ends the options. --help (and --version where the command has it) wins over everything else
// on the line, bad values and unknown options included. Only compare takes arguments beside its
// options (the reports): "'6': unexpected argument (see --help)".
class CommandLine
{
public:
    // Run: the line is valid, run the command.
    enum class Outcome { Run, Help, Version, BadInput };

    explicit CommandLine(Command command);

    // `args` without the program name (and without "compare").
    Outcome parse(const QStringList &args, QString &error);

    bool isSet(const char *name) const;
    QString value(const char *name) const; // empty when not given
    // The value of a row with a range, read in that range; on failure nullopt and *error
    // "--server-loops: 0 is outside 1 to 256".
    std::optional<std::uint64_t> number(const char *name, QString *error) const;
    QStringList positionalArguments() const { return m_parser.positionalArguments(); }

    // "(see --help)", "(see loopbench compare --help)": where a refused line is told to look.
    static QString seeHelp(Command command);

private:
    // Why QCommandLineParser refused `args`: the first offending argument, in line order.
    QString refusal(const QStringList &args) const;

    Command m_command;
    QCommandLineParser m_parser;
};
