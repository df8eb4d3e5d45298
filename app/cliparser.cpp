// SPDX-License-Identifier: MIT
#include "app/cliparser.h"

#include "app/clihelp.h"
#include "app/commandline.h"
#include "core/experiment/resourcelimits.h"
#include "core/experiment/speccodec.h"
#include "core/system/systemlimits.h"

#include <QThread>

#include <optional>

namespace {

// The rules of the transport options as given on the line (their values are the codec's): the
// http options need --transport http, and --server-loops is for a server the run starts itself.
std::optional<QString> transportOptionProblem(const CommandLine &line, const TransportConfig &t)
{
    if (!t.isHttp()) {
        for (const CliOption &o : CliOptions::all()) {
            if (o.httpOnly && o.in(Command::Run) && line.isSet(o.name))
                return o.dashed() + QStringLiteral(": only with --transport http");
        }
    }
    if (!t.target.isEmpty() && line.isSet("server-loops"))
        return QStringLiteral("--server-loops: not with --target (that server is started by "
                              "hand)");
    return std::nullopt;
}

} // namespace

SpecText CliParser::defaults(int logicalCpus)
{
    SpecText text = SpecText::from(WorkloadSpec{}, RunConfig{});
    text.shardList =
        logicalCpus > 1 ? QStringLiteral("1,%1").arg(logicalCpus) : QStringLiteral("1");
    text.repeats = QStringLiteral("1");
    text.warmup = false;
    return text;
}

QString CliParser::usage()
{
    return CliHelp::text(Command::Run);
}

QString CliParser::version()
{
#ifdef LOOPBENCH_APP_VERSION
    return QStringLiteral("loopbench " LOOPBENCH_APP_VERSION "\n");
#else
    return QStringLiteral("loopbench\n");
#endif
}

CliParser::Outcome CliParser::parse(const QStringList &args, HeadlessOptions &options,
                                    QString &error)
{
    auto bad = [&error](const QString &message) {
        error = message;
        return Outcome::BadInput;
    };
    CommandLine line(Command::Run);
    switch (line.parse(args, error)) {
    case CommandLine::Outcome::Help:
        return Outcome::Help;
    case CommandLine::Outcome::Version:
        return Outcome::Version;
    case CommandLine::Outcome::BadInput:
        return Outcome::BadInput;
    case CommandLine::Outcome::Run:
        break;
    }
    if (line.isSet("help-markdown"))
        return Outcome::HelpMarkdown;
    if (line.isSet("help-man"))
        return Outcome::HelpMan;
    if (line.isSet("sweep") && line.isSet("shards"))
        return bad(QStringLiteral("--sweep: give either --sweep or --shards, not both"));

    // The experiment: the CLI's defaults, then every option's text, decoded by the same codec as
    // the form.
    const int cpus = QThread::idealThreadCount();
    SpecText text = defaults(cpus);
    text.warmup = line.isSet("warmup");
    text.pin = line.isSet("pin");
    if (line.isSet("sweep"))
        text.shardList = QStringLiteral("sweep");
    for (const CliOption &o : CliOptions::all()) {
        if (!o.in(Command::Run) || !o.text || !line.isSet(o.name))
            continue;
        if (!o.textMax) {
            text.*o.text = line.value(o.name);
        } else if (const auto e = SpecCodec::splitPair(line.value(o.name), *o.range, text.*o.text,
                                                       text.*o.textMax)) {
            return bad(o.dashed() + QStringLiteral(": ") + *e);
        }
    }
    const SpecText::Parsed parsed = SpecCodec::decode(text, cpus);
    if (!parsed.ok()) {
        const FieldError &e = parsed.errors.first();
        return bad(CliOptions::forField(e.field) + QStringLiteral(": ") + e.message);
    }
    options.experiment = parsed.sweepSpec();
    if (const auto problem = transportOptionProblem(line, options.experiment.transport))
        return bad(*problem);

    options.jsonPath = line.value("json");
    options.csvPath = line.value("csv");
    options.markdownPath = line.value("markdown");
    options.python = line.value("python");
    options.csvTasks = line.isSet("csv-tasks");
    options.quiet = line.isSet("quiet");
    options.recordTasks = line.isSet("record-tasks");
    options.record = options.recordTasks || line.isSet("record");
    // tasks.csv is one file of a CSV folder: without one it would be dropped without a word.
    if (options.csvTasks && options.csvPath.isEmpty())
        return bad(QStringLiteral("--csv-tasks: give --csv DIR too (tasks.csv is written into "
                                  "that folder)"));
    if (options.csvTasks && options.csvPath.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        return bad(QStringLiteral("--csv-tasks: --csv %1 is one file of runs; give a folder "
                                  "(--csv DIR) for tasks.csv")
                       .arg(options.csvPath));
    for (const char *name : {"csv", "markdown"}) {
        if (line.value(name) == u"-")
            return bad(QStringLiteral("--%1: give a file or directory name (only --json writes "
                                      "to standard output)")
                           .arg(QLatin1String(name)));
    }

    // Limits are checked before a run, naming the option that causes them.
    QString envError;
    const MemoryGuard memory = SystemLimits::memory(&envError);
    if (!envError.isEmpty())
        return bad(envError);
    if (const auto tooMuch =
            checkResourceLimits(options.experiment, SystemLimits::descriptors(), memory))
        return bad(CliOptions::forField(tooMuch->field) + QStringLiteral(": ") + tooMuch->message);
    return Outcome::Run;
}
