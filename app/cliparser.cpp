// SPDX-License-Identifier: MIT
#include "app/cliparser.h"

#include "core/experiment/resourcelimits.h"
#include "core/experiment/speccodec.h"
#include "core/system/systemlimits.h"

#include <QCommandLineParser>
#include <QHash>
#include <QThread>

#include <algorithm>
#include <optional>
#include <tuple>

namespace {

// Every option of the CLI: name, value name (nullptr for a flag) and the SpecText field its
// value feeds (nullptr if none), whose errors are reported under this option.
struct Option
{
    const char *name;
    const char *valueName;
    const char *field;
};

constexpr Option kOptions[] = {
    {"headless", nullptr, nullptr},
    {"tasks", "N", "tasks"},
    {"shards", "LIST", "shardList"},
    {"sweep", nullptr, "shardList"},
    {"io", "MIN:MAX", "io"},
    {"cpu", "MIN:MAX", "cpu"},
    {"io-dist", "SHAPE", "ioDist"},
    {"cpu-dist", "SHAPE", "cpuDist"},
    // A name from its enum's table: usage() lists them.
    {"kernel", "NAME", "kernel"},
    {"partition", "NAME", "partition"},
    {"seed", "S", "seed"},
    {"repeat", "R", "repeat"},
    {"warmup", nullptr, nullptr},
    {"pin", nullptr, nullptr},
    {"fail-task", "ID", "failTask"},
    {"transport", "NAME", "transport"},
    {"connections", "per-task|N", "connections"},
    {"response-bytes", "N", "responseBytes"},
    {"target", "HOST:PORT", "target"},
    {"server-loops", "N", "serverLoops"},
    {"http-timeout", "MS", "httpTimeout"},
    {"json", "FILE|-", nullptr},
    {"csv", "DIR|FILE.csv", nullptr},
    {"csv-tasks", nullptr, nullptr},
    {"markdown", "FILE", nullptr},
    {"quiet", nullptr, nullptr},
    {"record", nullptr, nullptr},
    {"record-tasks", nullptr, nullptr},
    {"help", nullptr, nullptr},
    {"h", nullptr, nullptr},
    {"version", nullptr, nullptr},
};

const Option *findOption(QStringView name)
{
    for (const Option &o : kOptions) {
        if (name == QLatin1String(o.name))
            return &o;
    }
    return nullptr;
}

QString dashed(QStringView name)
{
    return QStringLiteral("--") + name.toString();
}

QString dashed(const char *name)
{
    return QStringLiteral("--") + QLatin1String(name);
}

// "--io=0:5" -> "io"; "-h" -> "h"; an argument that is no option (a value, "-") -> empty.
QStringView optionName(QStringView arg)
{
    if (arg.size() < 2 || arg[0] != QLatin1Char('-') || arg == u"--")
        return {};
    arg = arg.mid(arg[1] == QLatin1Char('-') ? 2 : 1);
    const qsizetype eq = arg.indexOf(QLatin1Char('='));
    return eq < 0 ? arg : arg.left(eq);
}

// Arguments before "--", the end of options.
QStringList optionArgs(const QStringList &args)
{
    const qsizetype end = args.indexOf(QStringLiteral("--"));
    return end < 0 ? args : args.mid(0, end);
}

// A value that is really the next option: "--json" after "--markdown". "-" (standard output)
// and "-5" (a number) are values.
bool looksLikeOption(const QString &value)
{
    if (value.startsWith(QLatin1String("--")) && value.size() > 2)
        return true;
    return value.startsWith(QLatin1Char('-')) && findOption(optionName(value));
}

QString fieldOption(const QString &field)
{
    for (const Option &o : kOptions) {
        if (o.field && field == QLatin1String(o.field) && o.valueName)
            return dashed(o.name);
    }
    return dashed(field);
}

// The rules of the transport options as given on the line (their values are the codec's): the
// http options need --transport http, and --server-loops is for a server the run starts itself.
std::optional<QString> transportOptionProblem(const QCommandLineParser &parser,
                                              const TransportConfig &t)
{
    auto isSet = [&parser](const char *name) { return parser.isSet(QLatin1String(name)); };
    if (!t.isHttp()) {
        for (const char *name :
             {"connections", "response-bytes", "target", "server-loops", "http-timeout"}) {
            if (isSet(name))
                return QStringLiteral("%1: only with --transport http").arg(dashed(name));
        }
    }
    if (!t.target.isEmpty() && isSet("server-loops"))
        return QStringLiteral("--server-loops: not with --target (that server is started by "
                              "hand)");
    return std::nullopt;
}

} // namespace

QString CliParser::usage()
{
    return QStringLiteral(
               "usage: loopbench --headless [--tasks N] [--shards LIST] [--io MIN:MAX] [--cpu "
               "MIN:MAX]\n"
               "                 [--kernel %1] [--partition %2] [--seed S]\n"
               "                 [--repeat R] [--warmup] [--sweep] [--pin] [--json FILE|-]\n"
               "                 [--csv DIR|FILE.csv] [--csv-tasks] [--markdown FILE] [--quiet]\n"
               "                 [--fail-task ID] [--record] [--record-tasks] [--io-dist SHAPE]\n"
               "                 [--cpu-dist SHAPE]\n"
               "                 [--transport %3] [--connections per-task|N]\n"
               "                 [--response-bytes N] [--target HOST:PORT] [--server-loops N]\n"
               "                 [--http-timeout MS]\n"
               "--shards takes a list (1,2,4); --sweep runs K = 1, 2, 4, ... up to twice the "
               "logical\n"
               "CPUs. --repeat R runs every K R times, interleaved; --warmup adds one untimed run "
               "first.\n"
               "--io-dist and --cpu-dist shape the draws inside --io and --cpu, which stay the "
               "bounds\n"
               "(every draw is clamped to MIN:MAX); M and P are in the range's unit (ms, "
               "iterations):\n"
               "  uniform                    every value of MIN:MAX equally likely (default)\n"
               "  lognormal:median=M,p99=P   half the tasks below M, 1 % above P;\n"
               "                             MIN <= M < P <= MAX, M >= 1\n"
               "  pareto:median=M,p99=P      power-law tail through M and P (alpha = ln 50 / "
               "ln(P/M)):\n"
               "                             heavier than lognormal past P, none below M / "
               "2^(1/alpha)\n"
               "  bimodal:heavy=F            a fraction F (0 to 1) of heavy tasks uniform in the "
               "top\n"
               "                             tenth of MIN:MAX, the rest in the bottom tenth\n"
               "e.g. --io 1:10000 --io-dist lognormal:median=300,p99=3000. The seed names the "
               "plan.\n"
               "Numbers may be written 10000, 10,000, 100k or 2.5M (the seed also 0x hex); each "
               "option\n"
               "is given at most once; an option's value follows it as --tasks 500 or "
               "--tasks=500.\n"
               "--record adds the runs to the history the desktop app shows (the result store,\n"
               "~/.local/share/LoopBench/results.sqlite); without it no database is touched.\n"
               "--record-tasks records too, with every run's per-task timings (16 B a task).\n"
               "Any option implies --headless. Without options, opens the desktop app (or runs "
               "the\n"
               "default comparison headless when no display is set; an unusable display is exit "
               "2).\n"
               "\n"
               "       loopbench compare OLD.json NEW.json [MORE.json ...] [--markdown FILE] "
               "[--csv "
               "FILE]\n"
               "                         [--json FILE|-]\n"
               "compares reports written with --json, per configuration (see loopbench compare "
               "--help).\n"
               "\n"
               "--transport http: each task fetches one HTTP/1.1 GET from `loopbench --serve` "
               "(started\n"
               "for the run, or --target HOST:PORT), answered after its planned IO delay.\n"
               "       loopbench --serve [--listen HOST:PORT] [--server-loops N] [--response-bytes "
               "N]\n")
        .arg(kernelNames().join(u'|'), partitionNames().join(u'|'), transportNames().join(u'|'));
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
    const QStringList given = optionArgs(args);
    // Help and version win over everything else on the line, bad values included.
    for (const QString &arg : given) {
        if (arg == u"--help" || arg == u"-h")
            return Outcome::Help;
        if (arg == u"--version")
            return Outcome::Version;
    }
    auto bad = [&error](const QString &message) {
        error = message;
        return Outcome::BadInput;
    };
    // QCommandLineParser reports "--pin=no" only as a generic error: say which rule it breaks.
    for (const QString &arg : given) {
        const Option *o = findOption(optionName(arg));
        if (o && !o->valueName && arg.contains(QLatin1Char('=')))
            return bad(QStringLiteral("%1 takes no value").arg(dashed(o->name)));
    }

    QCommandLineParser parser;
    // "-tasks 5" is --tasks, not -t -a -s -k -s.
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    for (const Option &o : kOptions) {
        parser.addOption(o.valueName ? QCommandLineOption(QLatin1String(o.name), QString(),
                                                          QLatin1String(o.valueName))
                                     : QCommandLineOption(QLatin1String(o.name)));
    }
    if (!parser.parse(QStringList{QStringLiteral("loopbench")} + args)) {
        if (!parser.unknownOptionNames().isEmpty()) {
            const QString name = parser.unknownOptionNames().first();
            QString spelled = dashed(name);
            for (const QString &arg : given) {
                if (optionName(arg) == name)
                    spelled = arg.left(arg.indexOf(QLatin1Char('=')));
            }
            return bad(QStringLiteral("%1: unknown option (see --help)").arg(spelled));
        }
        // The other failure: the last option on the line wants a value and has none.
        if (const Option *o = findOption(optionName(given.value(given.size() - 1)));
            o && o->valueName)
            return bad(QStringLiteral("%1: missing value").arg(dashed(o->name)));
        return bad(parser.errorText());
    }

    // In command-line order: the first option whose value is really the next option, or that
    // is given twice.
    QHash<QString, int> seen;
    for (const QString &name : parser.optionNames()) {
        const Option *o = findOption(name);
        if (o->valueName) {
            const QStringList values = parser.values(name);
            const QString value = values.value(std::min(seen.value(name), int(values.size()) - 1));
            if (value.isEmpty() || looksLikeOption(value))
                return bad(QStringLiteral("%1: missing value").arg(dashed(name)));
        }
        if (++seen[name] > 1)
            return bad(QStringLiteral("%1: given more than once").arg(dashed(name)));
    }
    if (!parser.positionalArguments().isEmpty()) {
        return bad(QStringLiteral("'%1': unexpected argument (see --help)")
                       .arg(parser.positionalArguments().first()));
    }
    if (parser.isSet(QStringLiteral("sweep")) && parser.isSet(QStringLiteral("shards")))
        return bad(QStringLiteral("--sweep: give either --sweep or --shards, not both"));

    // The experiment: the CLI's defaults (1 and K = logical CPUs, one run each), then every
    // option's text, decoded by the same codec as the form.
    const int cpus = QThread::idealThreadCount();
    SpecText text = SpecText::from(WorkloadSpec{}, RunConfig{});
    text.shardList = cpus > 1 ? QStringLiteral("1,%1").arg(cpus) : QStringLiteral("1");
    text.repeats = QStringLiteral("1");
    text.warmup = parser.isSet(QStringLiteral("warmup"));
    text.pin = parser.isSet(QStringLiteral("pin"));
    if (parser.isSet(QStringLiteral("sweep")))
        text.shardList = QStringLiteral("sweep");
    const QList<std::pair<const char *, QString SpecText::*>> direct{
        {"tasks", &SpecText::tasks},
        {"shards", &SpecText::shardList},
        {"kernel", &SpecText::kernel},
        {"partition", &SpecText::partition},
        {"seed", &SpecText::seed},
        {"repeat", &SpecText::repeats},
        {"fail-task", &SpecText::failTask},
        {"io-dist", &SpecText::ioDist},
        {"cpu-dist", &SpecText::cpuDist},
        {"transport", &SpecText::transport},
        {"connections", &SpecText::connections},
        {"response-bytes", &SpecText::responseBytes},
        {"target", &SpecText::target},
        {"server-loops", &SpecText::serverLoops},
        {"http-timeout", &SpecText::httpTimeout},
    };
    for (const auto &[name, member] : direct) {
        if (parser.isSet(QLatin1String(name)))
            text.*member = parser.value(QLatin1String(name));
    }
    const QList<
        std::tuple<const char *, const NumberRange *, QString SpecText::*, QString SpecText::*>>
        pairs{{"io", &WorkloadSpec::kIoRange, &SpecText::ioMinMs, &SpecText::ioMaxMs},
              {"cpu", &WorkloadSpec::kCpuRange, &SpecText::cpuMin, &SpecText::cpuMax}};
    for (const auto &[name, range, min, max] : pairs) {
        if (!parser.isSet(QLatin1String(name)))
            continue;
        if (const auto e = SpecCodec::splitPair(parser.value(QLatin1String(name)), *range,
                                                text.*min, text.*max))
            return bad(dashed(name) + QStringLiteral(": ") + *e);
    }
    const SpecText::Parsed parsed = SpecCodec::decode(text, cpus);
    if (!parsed.ok()) {
        const FieldError &e = parsed.errors.first();
        return bad(fieldOption(e.field) + QStringLiteral(": ") + e.message);
    }
    options.experiment = parsed.sweepSpec();
    if (const auto problem = transportOptionProblem(parser, options.experiment.transport))
        return bad(*problem);

    options.jsonPath = parser.value(QStringLiteral("json"));
    options.csvPath = parser.value(QStringLiteral("csv"));
    options.markdownPath = parser.value(QStringLiteral("markdown"));
    options.csvTasks = parser.isSet(QStringLiteral("csv-tasks"));
    options.quiet = parser.isSet(QStringLiteral("quiet"));
    options.recordTasks = parser.isSet(QStringLiteral("record-tasks"));
    options.record = options.recordTasks || parser.isSet(QStringLiteral("record"));
    // tasks.csv is one file of a CSV folder: without one it would be dropped without a word.
    if (options.csvTasks && options.csvPath.isEmpty())
        return bad(QStringLiteral("--csv-tasks: give --csv DIR too (tasks.csv is written into "
                                  "that folder)"));
    if (options.csvTasks && options.csvPath.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        return bad(QStringLiteral("--csv-tasks: --csv %1 is one file of runs; give a folder "
                                  "(--csv DIR) for tasks.csv")
                       .arg(options.csvPath));
    for (const char *name : {"csv", "markdown"}) {
        if (parser.value(QLatin1String(name)) == u"-")
            return bad(QStringLiteral("%1: give a file or directory name (only --json writes to "
                                      "standard output)")
                           .arg(dashed(name)));
    }

    // Limits are checked before a run, naming the option that causes them.
    QString envError;
    const MemoryGuard memory = SystemLimits::memory(&envError);
    if (!envError.isEmpty())
        return bad(envError);
    if (const auto tooMuch =
            checkResourceLimits(options.experiment, SystemLimits::descriptors(), memory))
        return bad(fieldOption(tooMuch->field) + QStringLiteral(": ") + tooMuch->message);
    return Outcome::Run;
}
