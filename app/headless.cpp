// SPDX-License-Identifier: MIT
#include "app/headless.h"

#include "core/base/clock.h"
#include "core/base/messageline.h"
#include "core/engine/processrun.h"
#include "core/engine/runtimecommand.h"
#include "core/experiment/experimentrunner.h"
#include "core/report/csvreport.h"
#include "core/report/csvreportset.h"
#include "core/report/jsonreport.h"
#include "core/report/markdownreport.h"
#include "core/report/reportfile.h"
#include "core/report/textreport.h"
#include "core/store/experimentkind.h"
#include "core/store/experimentrecorder.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <limits>
#include <optional>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace {

std::atomic<bool> g_interrupted{false};
std::atomic<int> g_signal{0}; // the last termination signal received, for the exit code

void onInterrupt(int signal)
{
    // Lock-free atomic stores: async-signal-safe.
    g_signal.store(signal);
    g_interrupted.store(true);
}

// The shell's convention, 128 + signal number (130 for SIGINT, 129 for SIGHUP, 143 for SIGTERM):
// a script learns which signal stopped the run. A run cancelled without a signal says 130.
int cancelledExitCode()
{
    const int signal = g_signal.load();
    return signal > 0 ? 128 + signal : ExitCancelled;
}

// A standard stream the command was started without (`>&-`): fd 1 or 2 would go to the next
// file this process opens, and the table or the JSON into it. A read-only /dev/null in its
// place makes every write to it fail (EBADF), as a closed stream should. Before main(), so
// before Qt opens anything.
[[maybe_unused]] const bool g_streamsGuarded = [] {
    for (const int fd : {STDOUT_FILENO, STDERR_FILENO}) {
        if (::fcntl(fd, F_GETFD) == -1 && errno == EBADF) {
            const int null = ::open("/dev/null", O_RDONLY);
            if (null >= 0 && null != fd) {
                ::dup2(null, fd);
                ::close(null);
            }
        }
    }
    return true;
}();

enum class WriteOutcome { Written, Failed, Interrupted };

// The reports asked for, as one set; with `result` null, their paths only (to check them
// before the run).
QList<ReportFile> reportSet(const HeadlessOptions &options, const ExperimentResult *result)
{
    QList<ReportFile> files;
    if (!options.jsonPath.isEmpty()) {
        files.append({options.jsonPath,
                      result
                          ? QJsonDocument(experimentToJson(*result)).toJson(QJsonDocument::Indented)
                          : QByteArray(),
                      QStringLiteral("--json"), false});
    }
    if (!options.markdownPath.isEmpty()) {
        files.append({options.markdownPath,
                      result ? experimentMarkdown(*result).toUtf8() : QByteArray(),
                      QStringLiteral("--markdown"), false});
    }
    if (options.csvPath.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) {
        files.append({options.csvPath, result ? runsCsv(*result) : QByteArray(),
                      QStringLiteral("--csv"), false});
    } else if (!options.csvPath.isEmpty() && !result) {
        const QDir dir(options.csvPath);
        for (const QString &name : csvReportFileNames(options.csvTasks))
            files.append({dir.filePath(name), {}, QStringLiteral("--csv"), true});
    } else if (!options.csvPath.isEmpty()) {
        for (ReportFile &f : csvReportFiles(options.csvPath, *result, options.csvTasks)) {
            f.option = QStringLiteral("--csv");
            files.append(std::move(f));
        }
    }
    return files;
}

// Whether the table goes to stderr: a report streamed to stdout keeps stdout pure for pipes.
bool reportOnStdout(const HeadlessOptions &options)
{
    for (const ReportFile &f : reportSet(options, nullptr)) {
        if (reportStream(f.path) == STDOUT_FILENO)
            return true;
    }
    return false;
}

// Writes every report asked for as one set (writeReportSet(): all or nothing). A Ctrl-C while
// writing stops between files and leaves every file as it was.
WriteOutcome writeReports(const HeadlessOptions &options, const ExperimentResult &result)
{
    QString error;
    if (writeReportSet(reportSet(options, &result), &g_interrupted, nullptr, &error))
        return WriteOutcome::Written;
    if (g_interrupted.load()) {
        std::fprintf(stderr, "interrupted: no report written\n");
        return WriteOutcome::Interrupted;
    }
    std::fprintf(stderr, "%s\n",
                 qPrintable(messageLine(error))); // names the option, or the whole set
    return WriteOutcome::Failed;
}

} // namespace

int runHeadless(const HeadlessOptions &options)
{
    // Targets that cannot work (the same file twice, a folder, a device, a missing folder) are
    // bad input, refused before the run.
    if (const auto problem = checkReportSet(reportSet(options, nullptr))) {
        std::fprintf(stderr, "%s\n", qPrintable(messageLine(*problem)));
        return ExitBadInput;
    }
    // An out-of-process runtime that cannot run here (no interpreter, a missing module, no
    // worker script) is bad input, refused before anything runs, naming the option that causes it.
    if (!options.python.isEmpty())
        RuntimeCommand::setPython(options.python);
    for (const Runtime runtime : options.experiment.runtimes) {
        RunConfig config;
        config.runtime = runtime;
        if (options.experiment.transport.kind == Transport::Http)
            config.http = HttpTarget{};
        if (const FieldErrors errors = checkRuntime(config); !errors.isEmpty()) {
            std::fprintf(stderr, "%s: %s\n",
                         runtime == Runtime::Processes || options.python.isEmpty() ? "--runtime"
                                                                                   : "--python",
                         qPrintable(messageLine(errors.first().message)));
            return ExitBadInput;
        }
    }
    // Over `ulimit -f`, a write then fails with EFBIG and the report set (or the store's
    // transaction) rolls back, instead of the process dying with files half written.
    std::signal(SIGXFSZ, SIG_IGN);
    // --record: the store must be usable before anything runs (the user asked for it).
    ResultStore store;
    std::optional<ExperimentRecorder> recorder;
    if (options.record) {
        if (!store.open(ResultStore::defaultPath())) {
            std::fprintf(stderr, "--record: %s\n", qPrintable(messageLine(store.error())));
            return ExitBadInput;
        }
        if (!store.notice().isEmpty())
            std::fprintf(stderr, "--record: %s\n", qPrintable(messageLine(store.notice())));
        store.setKeepTaskTimings(options.recordTasks);
        recorder.emplace(store, options.experiment, experimentKindName(ExperimentKind::Cli),
                         QStringLiteral("cli"));
    }
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    std::signal(SIGHUP, onInterrupt); // a closed terminal: still write the cancelled reports
    const bool progressLine = !options.quiet && isatty(STDERR_FILENO);
    ExperimentRunner runner;
    // Each run is committed as it ends: a killed process loses at most the run in flight.
    bool recordFailed = false;
    QObject::connect(
        &runner, &ExperimentRunner::runFinished, &runner,
        [&](const RunResult &run, const ExperimentStep &step) {
            if (recorder && !recordFailed &&
                recorder->record(run, step.warmup() ? RunRole::Warmup : RunRole::Cli) == 0)
                recordFailed = true;
        });
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
        if (!progressLine)
            return;
        const double pct = p.run.tasks ? 100.0 * double(p.run.finished) / double(p.run.tasks) : 0;
        const QString which =
            p.step.warmup()
                ? runRoleName(RunRole::Warmup)
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
    // The signal flag also reaches the phases where this thread waits (threads starting, slices
    // being sorted), where the poll above cannot run.
    ExperimentRunner::Options runOptions;
    runOptions.interrupt = &g_interrupted;
    runOptions.serverExecutable = QCoreApplication::applicationFilePath();
    const ExperimentResult result = QCoro::waitFor(runner.run(options.experiment, runOptions));
    poll.stop();
    if (recorder && !recordFailed && !recorder->finish(result))
        recordFailed = true;
    if (recordFailed)
        std::fprintf(stderr, "--record: %s\n", qPrintable(messageLine(store.error())));
    if (progressLine) {
        std::fprintf(stderr, "\r\033[K");
        std::fflush(stderr);
    }

    FILE *text = reportOnStdout(options) ? stderr : stdout; // stdout stays pure JSON for pipes
    errno = 0;
    if (options.quiet) {
        std::fprintf(text, "%s\n", qPrintable(result.verdict()));
    } else {
        const WorkloadSpec &w = options.experiment.workload;
        std::fprintf(text, "calibration: %.3f ns per %s iteration; %d tasks\n", result.nsPerIter,
                     qPrintable(kernelName(w.kernel)), w.tasks);
        // Named only when not uniform: the table of a uniform plan reads as it always did.
        if (!w.ioDist.isUniform() || !w.cpuDist.isUniform()) {
            std::fprintf(text, "shapes: io %s, cpu %s\n", qPrintable(w.ioDist.text()),
                         qPrintable(w.cpuDist.text()));
        }
        std::fprintf(text, "%s", qPrintable(experimentTable(result)));
    }
    // A table that did not reach stdout (a full disk, a closed stream) fails the command; the
    // reports are still written.
    const bool tableLost = (std::fflush(text) != 0 || std::ferror(text)) && text == stdout;
    if (tableLost) {
        std::fprintf(stderr, "cannot write to standard output: %s\n",
                     std::strerror(errno ? errno : EIO));
    }

    // A Ctrl-C during the runs has done its job (the result says cancelled, and the reports are
    // still written, marked so); from here on a Ctrl-C interrupts the writing.
    g_interrupted.store(false);
    switch (writeReports(options, result)) {
    case WriteOutcome::Failed:
        return ExitRunFailed; // the command line was fine (checked before the run): 1, not 2
    case WriteOutcome::Interrupted:
        return cancelledExitCode();
    case WriteOutcome::Written:
        break;
    }
    if (result.cancelled)
        return cancelledExitCode();
    if (tableLost || recordFailed)
        return ExitRunFailed;
    for (const RunResult &r : result.runs) {
        if (r.status == RunStatus::Failed) {
            std::fprintf(stderr, "run with %d shard%s failed: %s\n", r.shards,
                         r.shards == 1 ? "" : "s", qPrintable(messageLine(r.error)));
            return ExitRunFailed;
        }
    }
    return ExitOk;
}
