// SPDX-License-Identifier: MIT
#include "app/headless.h"

#include "core/base/clock.h"
#include "core/experiment/experimentrunner.h"
#include "core/load/loadsampler.h"
#include "core/load/loadtimeline.h"
#include "core/report/csvreport.h"
#include "core/report/csvreportset.h"
#include "core/report/jsonreport.h"
#include "core/report/markdownreport.h"
#include "core/report/reportfile.h"
#include "core/report/textreport.h"
#include "core/system/memoryguard.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <limits>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace {

std::atomic<bool> g_interrupted{false};

void onInterrupt(int)
{
    g_interrupted.store(true); // lock-free atomic store: async-signal-safe
}

bool parseUInt(const QString &text, std::uint64_t &value)
{
    bool ok = false;
    value = text.trimmed().toULongLong(&ok);
    return ok && !text.trimmed().startsWith(QLatin1Char('-'));
}

// "MIN:MAX" of non-negative integers.
bool parseRange(const QString &text, std::uint64_t &lo, std::uint64_t &hi)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    return parts.size() == 2 && parseUInt(parts[0], lo) && parseUInt(parts[1], hi);
}

QString fieldToOption(const QString &field)
{
    return QStringLiteral("--") + field;
}

} // namespace

QString headlessUsage()
{
    return QStringLiteral(
        "usage: loopbench --headless [--tasks N] [--shards LIST] [--io MIN:MAX] [--cpu MIN:MAX]\n"
        "                 [--kernel sum|hash] [--partition contiguous|round-robin] [--seed S]\n"
        "                 [--repeat R] [--warmup] [--sweep] [--pin] [--json FILE|-]\n"
        "                 [--csv DIR|FILE.csv] [--csv-tasks] [--markdown FILE] [--quiet]\n"
        "                 [--fail-task ID]\n"
        "--shards takes a list (1,2,4); --sweep runs K = 1, 2, 4, ... up to twice the logical\n"
        "CPUs. --repeat R runs every K R times, interleaved; --warmup adds one untimed run "
        "first.\n");
}

bool parseHeadlessArgs(const QStringList &args, HeadlessOptions &options, QString &error)
{
    ExperimentSpec &e = options.experiment;
    WorkloadSpec &w = e.workload;
    const int cpus = QThread::idealThreadCount();
    e.shardCounts = cpus > 1 ? QList<int>{1, cpus} : QList<int>{1};

    for (int i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        QString name = arg;
        QString value;
        bool hasInlineValue = false;
        if (const auto eq = arg.indexOf(QLatin1Char('='));
            arg.startsWith(QLatin1String("--")) && eq > 0) {
            name = arg.left(eq);
            value = arg.mid(eq + 1);
            hasInlineValue = true;
        }
        auto needValue = [&]() -> bool {
            if (hasInlineValue)
                return true;
            if (i + 1 >= args.size()) {
                error = QStringLiteral("%1: missing value").arg(name);
                return false;
            }
            value = args[++i];
            return true;
        };

        if (name == QLatin1String("--headless")) {
            continue;
        } else if (name == QLatin1String("--quiet")) {
            options.quiet = true;
        } else if (name == QLatin1String("--pin")) {
            e.pin = true;
        } else if (name == QLatin1String("--warmup")) {
            e.warmup = true;
        } else if (name == QLatin1String("--sweep")) {
            e.shardCounts = sweepShardCounts(cpus);
        } else if (name == QLatin1String("--csv-tasks")) {
            options.csvTasks = true;
        } else if (name == QLatin1String("--csv") || name == QLatin1String("--markdown")) {
            if (!needValue())
                return false;
            if (value.isEmpty() || value == QLatin1String("-")) {
                error = QStringLiteral("%1: give a file or directory name").arg(name);
                return false;
            }
            (name == QLatin1String("--csv") ? options.csvPath : options.markdownPath) = value;
        } else if (name == QLatin1String("--tasks")) {
            std::uint64_t n = 0;
            if (!needValue())
                return false;
            if (!parseUInt(value, n) || n < 1 || n > std::uint64_t(WorkloadSpec::kMaxTasks)) {
                error = QStringLiteral("--tasks: '%1' is not a whole number in 1..%2")
                            .arg(value)
                            .arg(WorkloadSpec::kMaxTasks);
                return false;
            }
            w.tasks = static_cast<int>(n);
        } else if (name == QLatin1String("--shards")) {
            if (!needValue())
                return false;
            QList<int> counts;
            for (const QString &part : value.split(QLatin1Char(','))) {
                std::uint64_t k = 0;
                if (!parseUInt(part, k) || k < 1 || k > std::uint64_t(RunConfig::kMaxShards)) {
                    error = QStringLiteral("--shards: '%1' is not a list of whole numbers in 1..%2")
                                .arg(value)
                                .arg(RunConfig::kMaxShards);
                    return false;
                }
                if (!counts.contains(static_cast<int>(k)))
                    counts.append(static_cast<int>(k));
            }
            e.shardCounts = counts;
        } else if (name == QLatin1String("--io")) {
            std::uint64_t lo = 0, hi = 0;
            if (!needValue())
                return false;
            if (!parseRange(value, lo, hi) || lo > std::uint64_t(WorkloadSpec::kMaxIoMs) ||
                hi > std::uint64_t(WorkloadSpec::kMaxIoMs)) {
                error = QStringLiteral("--io: '%1' is not MIN:MAX milliseconds in 0..%2")
                            .arg(value)
                            .arg(WorkloadSpec::kMaxIoMs);
                return false;
            }
            w.ioMinMs = static_cast<int>(lo);
            w.ioMaxMs = static_cast<int>(hi);
        } else if (name == QLatin1String("--cpu")) {
            std::uint64_t lo = 0, hi = 0;
            if (!needValue())
                return false;
            if (!parseRange(value, lo, hi) || lo > WorkloadSpec::kMaxIterations ||
                hi > WorkloadSpec::kMaxIterations) {
                error = QStringLiteral("--cpu: '%1' is not MIN:MAX iterations in 0..%2")
                            .arg(value)
                            .arg(WorkloadSpec::kMaxIterations);
                return false;
            }
            w.cpuMin = lo;
            w.cpuMax = hi;
        } else if (name == QLatin1String("--kernel")) {
            if (!needValue())
                return false;
            const auto kernel = kernelFromName(value);
            if (!kernel) {
                error = QStringLiteral("--kernel: '%1' is not one of sum, hash").arg(value);
                return false;
            }
            w.kernel = *kernel;
        } else if (name == QLatin1String("--partition")) {
            if (!needValue())
                return false;
            const auto partition = partitionFromName(value);
            if (!partition) {
                error = QStringLiteral("--partition: '%1' is not one of contiguous, round-robin")
                            .arg(value);
                return false;
            }
            e.partition = *partition;
        } else if (name == QLatin1String("--seed")) {
            if (!needValue())
                return false;
            if (!parseUInt(value, w.seed)) {
                error =
                    QStringLiteral("--seed: '%1' is not a whole number in 0..18446744073709551615")
                        .arg(value);
                return false;
            }
        } else if (name == QLatin1String("--repeat")) {
            std::uint64_t r = 0;
            if (!needValue())
                return false;
            if (!parseUInt(value, r) || r < 1 || r > std::uint64_t(ExperimentSpec::kMaxRepeats)) {
                error = QStringLiteral("--repeat: '%1' is not a whole number in 1..%2")
                            .arg(value)
                            .arg(ExperimentSpec::kMaxRepeats);
                return false;
            }
            e.repeats = static_cast<int>(r);
        } else if (name == QLatin1String("--fail-task")) {
            std::uint64_t id = 0;
            if (!needValue())
                return false;
            if (!parseUInt(value, id) || id >= std::uint64_t(WorkloadSpec::kMaxTasks)) {
                error = QStringLiteral("--fail-task: '%1' is not a task id").arg(value);
                return false;
            }
            e.failTask = static_cast<std::int64_t>(id);
        } else if (name == QLatin1String("--json")) {
            if (!needValue())
                return false;
            if (value.isEmpty()) {
                error = QStringLiteral("--json: give a file name, or - for standard output");
                return false;
            }
            options.jsonPath = value;
        } else {
            error = QStringLiteral("%1: unknown option (see --help)").arg(arg);
            return false;
        }
    }
    // Cross-field rules (min above max, ...) live with the value types.
    const FieldErrors errors = e.validate();
    if (!errors.isEmpty()) {
        error = fieldToOption(errors.first().field) + QStringLiteral(": ") + errors.first().message;
        return false;
    }
    if (e.failTask >= w.tasks) {
        error = QStringLiteral("--fail-task: %1 is not a task id in 0..%2")
                    .arg(e.failTask)
                    .arg(w.tasks - 1);
        return false;
    }
    const int maxShards = *std::max_element(e.shardCounts.begin(), e.shardCounts.end());
    if (const auto tooBig = MemoryGuard::current().check(std::uint64_t(w.tasks), maxShards)) {
        error = fieldToOption(tooBig->field) + QStringLiteral(": ") + tooBig->message;
        return false;
    }
    return true;
}

namespace {

enum class WriteOutcome { Written, Failed, Interrupted };

// Writes every report asked for as one set (writeReportSet(): all or nothing). A Ctrl-C while
// writing stops between files and removes what was already written.
WriteOutcome writeReports(const HeadlessOptions &options, const ExperimentResult &result,
                          const LoadTimeline &load)
{
    QList<ReportFile> files;
    QStringList optionOf; // the option each file answers, to name it in an error
    auto add = [&](const char *option, const QString &path, QByteArray bytes) {
        files.append({path, std::move(bytes)});
        optionOf.append(QString::fromLatin1(option));
    };
    if (!options.jsonPath.isEmpty()) {
        add("--json", options.jsonPath,
            QJsonDocument(experimentToJson(result)).toJson(QJsonDocument::Indented));
    }
    if (!options.markdownPath.isEmpty())
        add("--markdown", options.markdownPath, experimentMarkdown(result).toUtf8());
    if (options.csvPath.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) {
        add("--csv", options.csvPath, runsCsv(result));
    } else if (!options.csvPath.isEmpty()) {
        if (!QDir().mkpath(options.csvPath)) {
            std::fprintf(stderr, "--csv: cannot create folder %s\n", qPrintable(options.csvPath));
            return WriteOutcome::Failed;
        }
        const LoadSeries series = LoadSeries::fromSamples(load.samples());
        for (ReportFile &f : csvReportFiles(options.csvPath, result, &series, options.csvTasks))
            add("--csv", f.path, std::move(f.bytes));
    }
    QString error;
    if (writeReportSet(files, &g_interrupted, nullptr, &error))
        return WriteOutcome::Written;
    if (g_interrupted.load()) {
        std::fprintf(stderr, "interrupted: no report written\n");
        return WriteOutcome::Interrupted;
    }
    // The error names a file, or (no space) its folder: find the option that asked for it.
    QString option = optionOf.value(0);
    for (qsizetype i = files.size() - 1; i >= 0; --i) {
        const QString dir = QFileInfo(files[i].path).absolutePath();
        if (error.startsWith(QStringLiteral("cannot write ") + files[i].path + QLatin1Char(':')) ||
            error.startsWith(QStringLiteral("cannot write ") + dir + QLatin1Char(':')))
            option = optionOf[i];
    }
    std::fprintf(stderr, "%s: %s\n", qPrintable(option), qPrintable(error));
    return WriteOutcome::Failed;
}

} // namespace

int runHeadless(const HeadlessOptions &options)
{
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    const bool progressLine = !options.quiet && isatty(STDERR_FILENO);
    // Core and shard load for load.csv, sampled on this thread (never on a shard's) at the
    // sampler's 4 Hz from the progress poll. The whole run is kept, not 60 s.
    LoadSampler sampler;
    LoadTimeline load(std::numeric_limits<double>::infinity());
    std::int64_t lastSampleNs = 0;
    ExperimentRunner runner;
    // 10 Hz: often enough for a progress line that looks alive and for a Ctrl-C to be acted on
    // within 100 ms (plus the engine's cancel latency); a poll reads K relaxed atomics.
    QTimer poll;
    poll.setInterval(100);
    QObject::connect(&poll, &QTimer::timeout, &runner, [&] {
        if (g_interrupted.load())
            runner.cancel();
        const ExperimentProgress p = runner.progress();
        if (p.phase != ExperimentPhase::Running)
            return;
        if (nowNs() - lastSampleNs >= std::int64_t{LoadSampler::kDefaultIntervalMs} * 1'000'000) {
            load.append(sampler.sample(p.run.shardClocks));
            lastSampleNs = nowNs();
        }
        if (!progressLine)
            return;
        const double pct = p.run.tasks ? 100.0 * double(p.run.finished) / double(p.run.tasks) : 0;
        const QString which =
            p.step.warmup()
                ? QStringLiteral("warm-up")
                : QStringLiteral("run %1/%2").arg(p.step.runIndex + 1).arg(p.step.runCount);
        std::fprintf(stderr, "\r\033[K%s: %d shard%s, %lld/%lld tasks (%.0f%%), %.1f s",
                     qPrintable(which), p.step.shards, p.step.shards == 1 ? "" : "s",
                     static_cast<long long>(p.run.finished), static_cast<long long>(p.run.tasks),
                     pct, double(p.run.elapsedNs) / 1e9);
        std::fflush(stderr);
    });
    poll.start();
    // The experiment coroutine the GUI awaits, run here to completion: calibration, plan, runs,
    // summary. No settle pause: the CLI has no load graph to keep apart.
    const ExperimentResult result = QCoro::waitFor(runner.run(options.experiment));
    poll.stop();
    if (progressLine) {
        std::fprintf(stderr, "\r\033[K");
        std::fflush(stderr);
    }

    const bool jsonToStdout = options.jsonPath == QLatin1String("-");
    FILE *text = jsonToStdout ? stderr : stdout; // stdout stays pure JSON for pipes
    if (options.quiet) {
        std::fprintf(text, "%s\n", qPrintable(result.verdict()));
    } else {
        std::fprintf(text, "calibration: %.3f ns per %s iteration; %d tasks\n", result.nsPerIter,
                     qPrintable(kernelName(options.experiment.workload.kernel)),
                     options.experiment.workload.tasks);
        std::fprintf(text, "%s", qPrintable(experimentTable(result)));
    }
    std::fflush(text);

    // A Ctrl-C during the runs has done its job (the result says cancelled, and the reports are
    // still written, marked so); from here on a Ctrl-C interrupts the writing.
    g_interrupted.store(false);
    switch (writeReports(options, result, load)) {
    case WriteOutcome::Failed:
        return ExitBadInput;
    case WriteOutcome::Interrupted:
        return ExitCancelled;
    case WriteOutcome::Written:
        break;
    }
    if (result.cancelled)
        return ExitCancelled;
    for (const RunResult &r : result.runs) {
        if (r.status == RunStatus::Failed) {
            std::fprintf(stderr, "run with %d shards failed: %s\n", r.shards, qPrintable(r.error));
            return ExitRunFailed;
        }
    }
    return ExitOk;
}
