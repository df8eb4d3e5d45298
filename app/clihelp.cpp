// SPDX-License-Identifier: MIT
#include "app/clihelp.h"

#include "app/cliparser.h"
#include "core/base/wholenumber.h"
#include "core/experiment/plancodec.h"
#include "core/net/httpserver.h"

#include <QRegularExpression>

namespace {

// Help is read in an 80-column terminal; option names take the first kNameColumn of them.
constexpr int kWidth = 80;
constexpr int kNameColumn = 26;

const char *const kSynopsis[] = {
    "loopbench [--headless] [OPTIONS]",
    "loopbench compare OLD.json NEW.json [MORE.json ...] [OPTIONS]",
    "loopbench --serve [OPTIONS]",
};

// Each command: its synopsis line, what it does, and its notes: what the rows cannot say.
struct CommandText
{
    Command command;
    const char *title; // options.md's heading
    const char *synopsis;
    QString (*about)();
    QString (*notes)();
};

QString runAbout()
{
    return QStringLiteral(
        "Runs many IO-then-CPU tasks on one event loop and on K loops, one per thread, and "
        "prints one table row per run and a verdict. Without options, opens the desktop app (or "
        "runs the default comparison headless when no display is set; an unusable display is "
        "exit 2). Any option implies --headless.");
}

QString runNotes()
{
    return QStringLiteral(
        "--io-dist and --cpu-dist shape the draws inside --io and --cpu, which stay the bounds\n"
        "(every draw is clamped to MIN:MAX); M and P are in the range's unit (ms, iterations):\n"
        "  uniform                    every value of MIN:MAX equally likely (default)\n"
        "  lognormal:median=M,p99=P   half the tasks below M, 1 % above P;\n"
        "                             MIN <= M < P <= MAX, M >= 1\n"
        "  pareto:median=M,p99=P      power-law tail through M and P (alpha = ln 50 / "
        "ln(P/M)):\n"
        "                             heavier than lognormal past P, none below M / 2^(1/alpha)\n"
        "  bimodal:heavy=F            a fraction F (0 to 1) of heavy tasks uniform in the top\n"
        "                             tenth of MIN:MAX, the rest in the bottom tenth\n"
        "e.g. --io 1:10000 --io-dist lognormal:median=300,p99=3000.\n"
        "\n"
        "Numbers may be written 10000, 10,000, 10 000, 100k, 2.5M or 4G (the seed also 0x hex);\n"
        "separators group by three (10,0000 is refused). Each option is given at most once, its\n"
        "value as --tasks 500 or --tasks=500; a flag takes no value (--pin=no is refused).\n"
        "\n"
        "Exit status: 0 done; 1 a run failed or a report could not be written; 2 bad input (one\n"
        "line naming the option and the allowed range, or what does not fit this machine);\n"
        "128 + the signal for an interrupted command (130 Ctrl-C), its reports marked "
        "cancelled.\n");
}

QString compareAbout()
{
    QStringList labels;
    for (const PlanField &f : PlanCodec::fields())
        labels.append(QLatin1String(f.label));
    return QStringLiteral(
               "Compares reports written by loopbench --json, on one machine or several: one "
               "table per configuration (the same plan and number of loops K), with each report's "
               "median wall time and n, the change against the first report that ran it with the "
               "Mann-Whitney p-value and both sample sizes (\"~\": p > 0.05, no change beyond "
               "noise), and each report's speedup against its own 1-loop runs. Reports of "
               "different plans are compared only where the plan matches, and the fields that "
               "differ are named. A plan's fields: %1.")
        .arg(labels.join(QStringLiteral(", ")));
}

QString compareNotes()
{
    return QStringLiteral(
        "--markdown, --csv and --json write the comparison to files, all or none.\n"
        "\n"
        "Exit status: 0 compared; 1 a file could not be written; 2 a file that is not a\n"
        "LoopBench report (named in the message) or a bad option.\n");
}

QString serveAbout()
{
    const HttpServer::Options defaults;
    return QStringLiteral(
               "The HTTP server of --transport http, as a process of its own: answers GET "
               "/task/<id>?delay_us=<d>[&bytes=<n>] after d microseconds with n bytes. Defaults: "
               "--listen %1 (any free port), --server-loops %2, --response-bytes %3. The first "
               "line printed is \"listening HOST:PORT\". Stops on SIGINT, SIGTERM or SIGHUP.")
        .arg(defaults.listen.text())
        .arg(defaults.loops)
        .arg(defaults.responseBytes);
}

QString serveNotes()
{
    return QStringLiteral(
               "A port another process listens on is refused (exit 2) unless --reuse-port asks "
               "to\n"
               "share it. Limits, so that no client can grow the server or hold up the others:\n"
               "  a request may ask for at most %1 bytes of body (above: 413);\n"
               "  at most %2 bytes of requests are buffered per connection (the rest wait\n"
               "  in the client's socket until its pending response is written);\n"
               "  a body is generated as the socket drains, at most %3 bytes per turn.\n")
        .arg(WholeNumber::group(HttpServer::kMaxResponseBytes))
        .arg(WholeNumber::group(HttpServer::kMaxBufferedInputBytes))
        .arg(WholeNumber::group(HttpServer::kWriteTurnBytes));
}

const CommandText kCommands[] = {
    {Command::Run, "loopbench: run an experiment", kSynopsis[0], runAbout, runNotes},
    {Command::Compare, "loopbench compare: compare reports", kSynopsis[1], compareAbout,
     compareNotes},
    {Command::Serve, "loopbench --serve: the HTTP server", kSynopsis[2], serveAbout, serveNotes},
};

const CommandText &commandText(Command command)
{
    for (const CommandText &c : kCommands) {
        if (c.command == command)
            return c;
    }
    return kCommands[0];
}

// "--tasks N", "-h, --help".
QString label(const CliOption &o)
{
    QString text = o.alias ? QStringLiteral("-%1, ").arg(QLatin1String(o.alias)) : QString();
    text += o.dashed();
    if (!o.isFlag())
        text += QLatin1Char(' ') + QLatin1String(o.valueName);
    return text;
}

// The default of a run option: the CLI's SpecText before options.
QString defaultText(const CliOption &o, Command command)
{
    if (command != Command::Run || !o.text)
        return {};
    if (o.shownDefault)
        return QLatin1String(o.shownDefault);
    const SpecText d = CliParser::defaults(1);
    return o.textMax ? d.*o.text + QLatin1Char(':') + d.*o.textMax : d.*o.text;
}

// "tasks in the plan (1 to 50,000,000; default 10000)".
QString describe(const CliOption &o, Command command)
{
    QStringList facts;
    if (const QString allowed = o.allowed(); !allowed.isEmpty())
        facts.append(allowed);
    if (const QString d = defaultText(o, command); !d.isEmpty())
        facts.append(QStringLiteral("default ") + d);
    QString text = o.phrase(command);
    if (!facts.isEmpty())
        text += QStringLiteral(" (") + facts.join(QStringLiteral("; ")) + QLatin1Char(')');
    return text;
}

// `text` in lines of at most `width` columns, every line after the first indented by `indent`.
QString wrap(const QString &text, int indent, int width = kWidth)
{
    QString out;
    int column = indent;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (column > indent && column + 1 + word.size() > width) {
            out += QLatin1Char('\n') + QString(indent, QLatin1Char(' '));
            column = indent;
        } else if (column > indent) {
            out += QLatin1Char(' ');
            ++column;
        }
        out += word;
        column += int(word.size());
    }
    return out;
}

QString usageBlock(Command command)
{
    QString text = QStringLiteral("usage: ") + QLatin1String(commandText(command).synopsis) +
                   QLatin1Char('\n');
    if (command == Command::Run) {
        for (const char *other : {kSynopsis[1], kSynopsis[2]})
            text += QStringLiteral("       ") + QLatin1String(other) + QLatin1Char('\n');
    }
    return text;
}

QString roffEscaped(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\e"));
    text.replace(QLatin1Char('-'), QStringLiteral("\\-"));
    // A line that starts with '.' or '\'' would be a request.
    static const QRegularExpression lineStart(QStringLiteral("^([.'])"),
                                              QRegularExpression::MultilineOption);
    text.replace(lineStart, QStringLiteral("\\&\\1"));
    return text;
}

} // namespace

namespace CliHelp {

QString text(Command command)
{
    const CommandText &c = commandText(command);
    QString text = usageBlock(command) + QLatin1Char('\n') + wrap(c.about(), 0) +
                   QStringLiteral("\n\nOptions:\n");
    for (const CliOption &o : CliOptions::all()) {
        if (!o.in(command) || o.hidden)
            continue;
        QString name = QStringLiteral("  ") + label(o);
        name = name.size() + 2 > kNameColumn
                   ? name + QLatin1Char('\n') + QString(kNameColumn, QLatin1Char(' '))
                   : name.leftJustified(kNameColumn);
        text += name + wrap(describe(o, command), kNameColumn) + QLatin1Char('\n');
    }
    return text + QLatin1Char('\n') + c.notes();
}

QString markdown()
{
    QString md = QStringLiteral(
        "# Command-line options\n"
        "\n"
        "<!-- Written by `loopbench --help-markdown` from the option table in "
        "app/clioptions.cpp:\n"
        "     change the table, then `./build/app/loopbench --help-markdown > "
        "resources/doc/options.md`\n"
        "     (tst_clihelp fails while this file and the table differ). -->\n"
        "\n"
        "The three commands of `loopbench` and every option each takes, from the table that "
        "their\nparser and their `--help` are built from. Every input's allowed range and "
        "what fits this\nmachine: [limits.md](limits.md).\n");
    for (const CommandText &c : kCommands) {
        md += QStringLiteral("\n## ") + QLatin1String(c.title) + QStringLiteral("\n\n```\n") +
              usageBlock(c.command) + QStringLiteral("```\n\n") + wrap(c.about(), 0, 100) +
              QStringLiteral("\n\n| option | allowed | default | what it does |\n"
                             "|---|---|---|---|\n");
        for (const CliOption &o : CliOptions::all()) {
            if (!o.in(c.command) || o.hidden)
                continue;
            QString allowed = o.allowed();
            allowed.replace(QLatin1Char('|'), QStringLiteral("\\|"));
            QString name = label(o);
            name.replace(QLatin1Char('|'), QStringLiteral("\\|"));
            const QString shownDefault = defaultText(o, c.command);
            md += QStringLiteral("| `%1` | %2 | %3 | %4 |\n")
                      .arg(name, allowed,
                           shownDefault.isEmpty() ? QString() : u'`' + shownDefault + u'`',
                           o.phrase(c.command).replace(u'|', u'/'));
        }
        md += QStringLiteral("\n```\n") + c.notes() + QStringLiteral("```\n");
    }
    md += QStringLiteral("\n## Bad input\n\nOne line, the option and then the same sentence the "
                         "app's form shows beside the\nfield, and exit code 2:\n\n```\n");
    const QList<QStringList> examples{
        {"--io", "1200:1000"}, {"--tasks", "0"}, {"--markdown", "--json", "r.json"}, {"--pin=no"}};
    for (const QStringList &args : examples) {
        HeadlessOptions options;
        QString error;
        CliParser::parse(args, options, error);
        md += QStringLiteral("$ loopbench ") + args.join(QLatin1Char(' ')) + QLatin1Char('\n') +
              error + QLatin1Char('\n');
    }
    md += QStringLiteral(
        "```\n\nWhat compare reads and refuses: "
        "[history-and-compare.md](history-and-compare.md#comparing-reports-loopbench-compare).\n"
        "The server and the client side of `--transport http`: "
        "[http-transport.md](http-transport.md).\n\n[Back to the README](../../README.md)\n");
    return md;
}

QString man()
{
    QString roff = QStringLiteral(".TH LOOPBENCH 1 \"\" \"%1\" \"User Commands\"\n"
                                  ".SH NAME\nloopbench \\- one event loop against K, measured\n"
                                  ".SH SYNOPSIS\n.nf\n")
                       .arg(CliParser::version().trimmed());
    for (const char *line : kSynopsis)
        roff += roffEscaped(QLatin1String(line)) + QLatin1Char('\n');
    roff += QStringLiteral(".fi\n");
    for (const CommandText &c : kCommands) {
        roff +=
            QStringLiteral(".SH \"%1\"\n").arg(roffEscaped(QString::fromLatin1(c.title).toUpper()));
        roff += roffEscaped(c.about()) + QStringLiteral("\n.SS OPTIONS\n");
        for (const CliOption &o : CliOptions::all()) {
            if (!o.in(c.command) || o.hidden)
                continue;
            roff += QStringLiteral(".TP\n\\fB%1\\fR").arg(roffEscaped(o.dashed()));
            if (!o.isFlag())
                roff += QStringLiteral(" \\fI%1\\fR").arg(roffEscaped(QLatin1String(o.valueName)));
            if (o.alias)
                roff += QStringLiteral(", \\fB\\-%1\\fR").arg(QLatin1String(o.alias));
            roff += QLatin1Char('\n') + roffEscaped(describe(o, c.command)) + QLatin1Char('\n');
        }
        roff += QStringLiteral(".PP\n.nf\n") + roffEscaped(c.notes()) + QStringLiteral(".fi\n");
    }
    roff += QStringLiteral(".SH \"SEE ALSO\"\nresources/doc/options.md, resources/doc/limits.md\n");
    return roff;
}

} // namespace CliHelp
