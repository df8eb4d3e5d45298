// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/numberrange.h"
#include "core/experiment/spectext.h"

#include <QString>
#include <QStringList>
#include <QStringView>

#include <span>

// The three commands of the `loopbench` executable. A row of the option table names the ones it
// belongs to; every command parses with the same machinery (CommandLine) and prints its help from
// the same rows (CliHelp).
enum class Command : unsigned {
    Run = 1,     // loopbench [--headless] [OPTIONS]: an experiment, reports
    Compare = 2, // loopbench compare OLD.json NEW.json [OPTIONS]
    Serve = 4,   // loopbench --serve [OPTIONS]: the http transport's server
};
constexpr unsigned operator|(Command a, Command b)
{
    return unsigned(a) | unsigned(b);
}

// One option of the table: what the parser registers, what --help, resources/doc/options.md and
// the man page say about it, and which of the core's constants its value is checked against.
//
// How to add an option: add ONE row to kOptions in app/clioptions.cpp.
//  - A run option whose value is a SpecText field (the core's SpecCodec decodes and validates
//    every field): set `text` to that field and `field` to SpecCodec's key for its errors; the
//    parser copies the value, the error names the option, the help shows its default. Nothing
//    else to write in app/. For example, once SpecText and SpecCodec know a runtime:
//      {.name = "runtime", .valueName = "NAME", .commands = kRun,
//       .description = "what runs the K loops", .choices = runtimeNames,
//       .text = &SpecText::runtime, .field = "runtime"},
//  - Its allowed values come from the core, never retyped: `range` points to the NumberRange
//    the core validates with, `choices` to the name table of its enum (kernelNames(),
//    runtimeNames(), ...): a new kernel name is listed everywhere once it is in its table.
//  - An option read by hand (a report path, a serve option) also needs the line that reads it
//    (CliParser::parse, CompareCommand::parse or ServeCommand::parse).
//  - Then regenerate the reference: `loopbench --help-markdown > resources/doc/options.md`
//    (tst_clihelp fails while the committed file differs). The help of every command, the
//    markdown and the man page (`--help-man`) are written from these rows, so tst_clihelp also
//    checks that each command's help names each of its rows.
struct CliOption
{
    const char *name;        // long name without "--"; one-letter names are single-dash ("-h")
    const char *valueName;   // "N", "MIN:MAX", ...; nullptr: a flag, which takes no value
    unsigned commands;       // Command bits
    const char *description; // a lower-case phrase, no final full stop; allowed values follow
    const NumberRange *range = nullptr;   // the core's range of its value (each end of a pair)
    QStringList (*choices)() = nullptr;   // or the core's name table its value is one of
    const char *allowedExtra = nullptr;   // more values beyond range/choices ("per-task", "sweep")
    QString SpecText::*text = nullptr;    // run: the SpecText field its value fills
    QString SpecText::*textMax = nullptr; // MIN:MAX: the field of MAX (`text` holds MIN)
    const char *field = nullptr;          // SpecCodec's key (FieldError::field) of its errors
    // Run: refused unless --transport http ("--target: only with --transport http"), and
    // described as "http: ...".
    bool httpOnly = false;
    const char *alias = nullptr; // a second name ("h" for "help")
    bool hidden = false;         // parsed, never listed (internal or generator flags)
    // Shown instead of the SpecText default when that depends on the machine.
    const char *shownDefault = nullptr;

    bool in(Command command) const { return commands & unsigned(command); }
    bool isFlag() const { return valueName == nullptr; }
    // "--tasks", "-h": as the user types it.
    QString dashed() const;
    // What it does in `command`: the description, "http: " before it for a run's http option.
    QString phrase(Command command) const;
    // "1 to 50,000,000", "each 0 to 3,600,000 ms", "sum, hash", "1 to 1,024 each, or sweep";
    // empty when the core has no constant for it.
    QString allowed() const;
};

namespace CliOptions {
std::span<const CliOption> all();
// The row of `name` (long name or alias, without dashes) in `command`; nullptr if none.
const CliOption *find(Command command, QStringView name);
// The option whose value feeds SpecCodec's `field`, as "--tasks"; "--field" when no row does.
QString forField(const QString &field);
} // namespace CliOptions
