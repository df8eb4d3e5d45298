// SPDX-License-Identifier: MIT
#include "app/clioptions.h"

#include "core/engine/runconfig.h"
#include "core/experiment/experiment.h"
#include "core/net/transportconfig.h"
#include "core/workload/distribution.h"
#include "core/workload/kernel.h"
#include "core/workload/partition.h"
#include "core/workload/workloadspec.h"

namespace {

constexpr unsigned kRun = unsigned(Command::Run);
constexpr unsigned kCompare = unsigned(Command::Compare);
constexpr unsigned kServe = unsigned(Command::Serve);
constexpr unsigned kAll = kRun | kCompare | kServe;

// In the order each command's help lists them. How to add a row: app/clioptions.h.
const CliOption kOptions[] = {
    // The experiment (SpecText fields, decoded and validated by the core's SpecCodec).
    {.name = "headless",
     .valueName = nullptr,
     .commands = kRun,
     .description = "run on the command line, without a window (any option implies it)"},
    {.name = "tasks",
     .valueName = "N",
     .commands = kRun,
     .description = "tasks in the plan",
     .range = &WorkloadSpec::kTaskRange,
     .text = &SpecText::tasks,
     .field = "tasks"},
    {.name = "shards",
     .valueName = "LIST",
     .commands = kRun,
     .description = "the numbers of loops K to run, each in the range: 1,2,4",
     .range = &RunConfig::kShardRange,
     .allowedExtra = "or sweep",
     .text = &SpecText::shardList,
     .field = "shardList",
     // The default is 1 and this machine's logical CPUs (CliParser::defaults()).
     .shownDefault = "1,<logical CPUs>"},
    {.name = "sweep",
     .valueName = nullptr,
     .commands = kRun,
     .description = "run K = 1, 2, 4, ... up to twice the logical CPUs (--shards sweep)"},
    {.name = "io",
     .valueName = "MIN:MAX",
     .commands = kRun,
     .description = "the range of each task's IO wait",
     .range = &WorkloadSpec::kIoRange,
     .text = &SpecText::ioMinMs,
     .textMax = &SpecText::ioMaxMs,
     .field = "io"},
    {.name = "cpu",
     .valueName = "MIN:MAX",
     .commands = kRun,
     .description = "the range of each task's CPU work, in kernel iterations",
     .range = &WorkloadSpec::kCpuRange,
     .text = &SpecText::cpuMin,
     .textMax = &SpecText::cpuMax,
     .field = "cpu"},
    {.name = "io-dist",
     .valueName = "SHAPE",
     .commands = kRun,
     .description = "how the IO waits are drawn inside --io, shapes below",
     .choices = shapeNames,
     .text = &SpecText::ioDist,
     .field = "ioDist"},
    {.name = "cpu-dist",
     .valueName = "SHAPE",
     .commands = kRun,
     .description = "how the CPU work is drawn inside --cpu, shapes below",
     .choices = shapeNames,
     .text = &SpecText::cpuDist,
     .field = "cpuDist"},
    {.name = "kernel",
     .valueName = "NAME",
     .commands = kRun,
     .description = "the CPU work each task does on its response",
     .choices = kernelNames,
     .text = &SpecText::kernel,
     .field = "kernel"},
    {.name = "partition",
     .valueName = "NAME",
     .commands = kRun,
     .description = "how the plan's tasks are dealt to the K loops",
     .choices = partitionNames,
     .text = &SpecText::partition,
     .field = "partition"},
    {.name = "runtime",
     .valueName = "LIST",
     .commands = kRun,
     .description = "what runs the K loops; several (threads,stealing) run the plan on each, "
                    "interleaved: Compare runtimes",
     .choices = runtimeNames,
     .text = &SpecText::runtime,
     .field = "runtime"},
    {.name = "python",
     .valueName = "PATH",
     .commands = kRun,
     .description =
         "the interpreter of the asyncio runtimes (default /usr/bin/python3, where "
         "Debian's python3-uvloop and python3-aiohttp are; a python3 earlier on PATH may "
         "lack them)"},
    {.name = "seed",
     .valueName = "S",
     .commands = kRun,
     .description = "the seed that names the plan: the same seed, the same tasks",
     .range = &WorkloadSpec::kSeedRange,
     .text = &SpecText::seed,
     .field = "seed"},
    {.name = "repeat",
     .valueName = "R",
     .commands = kRun,
     .description = "runs of every K, interleaved (1, K, 1, K, ...) so that drift hits each alike",
     .range = &ExperimentSpec::kRepeatRange,
     .text = &SpecText::repeats,
     .field = "repeat"},
    {.name = "warmup",
     .valueName = nullptr,
     .commands = kRun,
     .description = "one untimed run first, which pays for page faults and frequency ramp-up"},
    {.name = "pin",
     .valueName = nullptr,
     .commands = kRun,
     .description = "pin loop k to logical CPU k modulo the CPUs"},
    {.name = "fail-task",
     .valueName = "ID",
     .commands = kRun,
     .description = "make the task with this id fail, to see a failure reported",
     .allowedExtra = "0 to tasks - 1",
     .text = &SpecText::failTask,
     .field = "failTask"},
    {.name = "transport",
     .valueName = "NAME",
     .commands = kRun,
     .description = "how tasks do their IO: a timer, or one HTTP/1.1 GET each from loopbench "
                    "--serve, answered after the task's IO wait",
     .choices = transportNames,
     .text = &SpecText::transport,
     .field = "transport"},
    // The server, before the options it shares with the run.
    {.name = "serve",
     .valueName = nullptr,
     .commands = kServe,
     .description = "run the HTTP server of --transport http instead of an experiment"},
    {.name = "listen",
     .valueName = "HOST:PORT",
     .commands = kServe,
     .description = "the address to accept connections on; port 0 is any free port"},
    {.name = "connections",
     .valueName = "per-task|N",
     .commands = kRun,
     .description = "one connection per request, or a keep-alive pool of N per loop",
     .range = &TransportConfig::kConnectionRange,
     .allowedExtra = "or per-task",
     .text = &SpecText::connections,
     .field = "connections",
     .httpOnly = true},
    {.name = "response-bytes",
     .valueName = "N",
     .commands = kRun | kServe,
     .description = "the bytes of each response body",
     .range = &TransportConfig::kResponseBytesRange,
     .text = &SpecText::responseBytes,
     .field = "responseBytes",
     .httpOnly = true},
    {.name = "target",
     .valueName = "HOST:PORT",
     .commands = kRun,
     .description = "a server started by hand (loopbench --serve) instead of one the run "
                    "starts itself",
     .text = &SpecText::target,
     .field = "target",
     .httpOnly = true},
    {.name = "server-loops",
     .valueName = "N",
     .commands = kRun | kServe,
     .description = "the server's event loops, one thread each",
     .range = &TransportConfig::kServerLoopRange,
     .text = &SpecText::serverLoops,
     .field = "serverLoops",
     .httpOnly = true},
    {.name = "http-timeout",
     .valueName = "MS",
     .commands = kRun,
     .description = "how long a request may take beyond its IO wait before it fails",
     .range = &TransportConfig::kTimeoutRange,
     .text = &SpecText::httpTimeout,
     .field = "httpTimeout",
     .httpOnly = true},

    // Reports of a run.
    {.name = "json",
     .valueName = "FILE|-",
     .commands = kRun,
     .description = "write the JSON report (schema loopbench.report/1); - writes it to standard "
                    "output and the table to standard error"},
    {.name = "csv",
     .valueName = "DIR|FILE.csv",
     .commands = kRun,
     .description = "write runs.csv, summary.csv, load.csv and meta.json into DIR, or the runs "
                    "alone into FILE.csv"},
    {.name = "csv-tasks",
     .valueName = nullptr,
     .commands = kRun,
     .description = "add tasks.csv, every task's timings, to the --csv folder"},
    {.name = "markdown",
     .valueName = "FILE",
     .commands = kRun,
     .description = "write one Markdown summary table per experiment"},
    {.name = "quiet",
     .valueName = nullptr,
     .commands = kRun,
     .description = "print the verdict line alone"},
    {.name = "record",
     .valueName = nullptr,
     .commands = kRun,
     .description = "add the runs to the history the desktop app shows (the result store, "
                    "~/.local/share/LoopBench/results.sqlite); without it no database is touched"},
    {.name = "record-tasks",
     .valueName = nullptr,
     .commands = kRun,
     .description = "--record, with every run's per-task timings (24 B a task)"},

    // Reports of a comparison.
    {.name = "markdown",
     .valueName = "FILE",
     .commands = kCompare,
     .description = "write the comparison as Markdown"},
    {.name = "csv",
     .valueName = "FILE",
     .commands = kCompare,
     .description = "write the comparison as CSV"},
    {.name = "json",
     .valueName = "FILE|-",
     .commands = kCompare,
     .description = "write the comparison as JSON; - writes it to standard output and the table "
                    "to standard error"},

    // The server's flags (--serve and --listen come first in its help, above).
    {.name = "reuse-port",
     .valueName = nullptr,
     .commands = kServe,
     .description = "share the port with another process that listens on it, instead of "
                    "refusing it"},
    {.name = "exit-on-stdin-eof",
     .valueName = nullptr,
     .commands = kServe,
     .description = "stop when standard input closes too (how a run ends the server it started, "
                    "even when the run dies)"},

    // Every command.
    {.name = "help",
     .valueName = nullptr,
     .commands = kAll,
     .description = "print this help",
     .alias = "h"},
    {.name = "version", .valueName = nullptr, .commands = kRun, .description = "print the version"},
    // The generators of the reference pages (app/clihelp.h).
    {.name = "help-markdown",
     .valueName = nullptr,
     .commands = kRun,
     .description = "print resources/doc/options.md",
     .hidden = true},
    {.name = "help-man",
     .valueName = nullptr,
     .commands = kRun,
     .description = "print the man page loopbench(1)",
     .hidden = true},
};

} // namespace

QString CliOption::dashed() const
{
    return (name[1] ? QStringLiteral("--") : QStringLiteral("-")) + QLatin1String(name);
}

QString CliOption::phrase(Command command) const
{
    const QString said = QLatin1String(description);
    return httpOnly && command == Command::Run ? QStringLiteral("http: ") + said : said;
}

QString CliOption::allowed() const
{
    QStringList parts;
    if (range)
        parts.append(textMax ? QStringLiteral("each ") + range->text() : range->text());
    if (choices)
        parts.append(choices().join(QStringLiteral(", ")));
    if (allowedExtra)
        parts.append(QLatin1String(allowedExtra));
    return parts.join(QStringLiteral(", "));
}

namespace CliOptions {

std::span<const CliOption> all()
{
    return kOptions;
}

const CliOption *find(Command command, QStringView name)
{
    for (const CliOption &o : kOptions) {
        if (o.in(command) &&
            (name == QLatin1String(o.name) || (o.alias && name == QLatin1String(o.alias))))
            return &o;
    }
    return nullptr;
}

QString forField(const QString &field)
{
    for (const CliOption &o : kOptions) {
        if (o.field && field == QLatin1String(o.field) && !o.isFlag())
            return o.dashed();
    }
    return QStringLiteral("--") + field;
}

} // namespace CliOptions
