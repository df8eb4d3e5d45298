// SPDX-License-Identifier: MIT
#include "app/comparecommand.h"

#include "app/clihelp.h"
#include "app/commandline.h"
#include "app/headless.h"
#include "core/base/messageline.h"
#include "core/report/comparisonreport.h"
#include "core/report/reportcomparison.h"
#include "core/report/reportfile.h"
#include "core/report/reportreader.h"

#include <QFile>
#include <QJsonDocument>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// The signal that asked compare to stop (SIGINT, SIGTERM, SIGHUP), 0 while none has.
std::atomic<int> g_stopSignal{0};
// writeReportSet()'s cancel flag, raised with g_stopSignal.
std::atomic<bool> g_stopRequested{false};

void onStop(int signal)
{
    g_stopSignal.store(signal);
    g_stopRequested.store(true);
}

// Ctrl-C, a kill or a closed terminal ends compare wherever it waits, even when started with
// the signal ignored (a background job): no report is half written (writeReportSet() rolls the
// set back) and nothing waits for ever. No SA_RESTART: a blocked read returns EINTR.
void stopOnSignals()
{
    struct sigaction action
    {};
    action.sa_handler = onStop;
    sigemptyset(&action.sa_mask);
    for (const int signal : {SIGINT, SIGTERM, SIGHUP})
        sigaction(signal, &action, nullptr);
}

int stoppedExitCode()
{
    std::fprintf(stderr, "interrupted: no comparison written\n");
    return 128 + g_stopSignal.load();
}

// The file a path or a descriptor is, after symlinks: equal ids, one file, however spelled
// (./a.json, a hard link, a link to it).
struct FileId
{
    dev_t device;
    ino_t inode;
    bool operator==(const FileId &) const = default;
};

std::optional<FileId> fileId(const QString &path)
{
    struct stat st
    {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return std::nullopt;
    return FileId{st.st_dev, st.st_ino};
}

std::optional<FileId> streamId(int fd)
{
    struct stat st
    {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        return std::nullopt;
    return FileId{st.st_dev, st.st_ino};
}

CompareCommand::Outcome bad(QString &error, const QString &message)
{
    error = message;
    return CompareCommand::Outcome::BadInput;
}

QList<ReportFile> reportSet(const CompareCommand::Options &options,
                            const ReportComparison *comparison)
{
    QList<ReportFile> files;
    if (!options.markdownPath.isEmpty()) {
        files.append({options.markdownPath,
                      comparison ? comparisonMarkdown(*comparison).toUtf8() : QByteArray(),
                      QStringLiteral("--markdown"), false});
    }
    if (!options.csvPath.isEmpty()) {
        files.append({options.csvPath, comparison ? comparisonCsv(*comparison) : QByteArray(),
                      QStringLiteral("--csv"), false});
    }
    if (!options.jsonPath.isEmpty()) {
        files.append(
            {options.jsonPath,
             comparison
                 ? QJsonDocument(comparisonToJson(*comparison)).toJson(QJsonDocument::Indented)
                 : QByteArray(),
             QStringLiteral("--json"), false});
    }
    return files;
}

int badInput(const QString &message)
{
    std::fprintf(stderr, "%s\n", qPrintable(messageLine(message)));
    return ExitBadInput;
}

// A target of compare (a report file, or the stream the table goes to) that is one of the
// reports it reads, by identity, not by spelling: writing it would replace what was compared.
std::optional<QString> outputThatIsAnInput(const CompareCommand::Options &options, int tableFd)
{
    QList<std::pair<QString, std::optional<FileId>>> targets;
    for (const ReportFile &f : reportSet(options, nullptr)) {
        const int stream = reportStream(f.path);
        // The file the writer will replace, resolved as the writer resolves it ("d/../a.json"
        // lexically, where the kernel would go through a link d), and the one the kernel opens.
        targets.append(
            {f.option, stream >= 0 ? streamId(stream) : fileId(reportTargetPath(f.path))});
        if (stream < 0)
            targets.append({f.option, fileId(f.path)});
    }
    targets.append({QStringLiteral("the table (standard output)"), streamId(tableFd)});
    for (const auto &[what, id] : targets) {
        if (!id)
            continue;
        for (const QString &input : options.reports) {
            if (fileId(input) == id) {
                return QStringLiteral("%1: %2 is one of the reports compared; compare never "
                                      "writes over what it reads")
                    .arg(what, input);
            }
        }
    }
    return std::nullopt;
}

} // namespace

QString CompareCommand::usage()
{
    return CliHelp::text(Command::Compare);
}

CompareCommand::Outcome CompareCommand::parse(const QStringList &args, Options &options,
                                              QString &error)
{
    options = {};
    CommandLine line(Command::Compare);
    if (const Outcome outcome = line.parse(args, error); outcome != Outcome::Run)
        return outcome;
    options.reports = line.positionalArguments();
    options.markdownPath = line.value("markdown");
    options.csvPath = line.value("csv");
    options.jsonPath = line.value("json");
    for (const char *name : {"markdown", "csv"}) {
        if (line.value(name) == u"-") {
            return bad(error, QStringLiteral("--%1: give a file name (only --json writes to "
                                             "standard output)")
                                  .arg(QLatin1String(name)));
        }
    }
    if (options.reports.size() < 2) {
        return bad(error, QStringLiteral("compare: give at least two reports, such as loopbench "
                                         "compare old.json new.json (see --help)"));
    }
    return Outcome::Run;
}

int CompareCommand::run(const QStringList &args)
{
    Options options;
    QString error;
    const Outcome outcome = parse(args, options, error);
    if (outcome == Outcome::Help) {
        std::printf("%s", qPrintable(usage()));
        return ExitOk;
    }
    if (outcome != Outcome::Run)
        return badInput(error);
    stopOnSignals();
    // Targets that cannot work are refused before any report is read, as the run command does.
    if (const auto problem = checkReportSet(reportSet(options, nullptr)))
        return badInput(*problem);

    bool jsonOnStdout = false;
    for (const ReportFile &f : reportSet(options, nullptr))
        jsonOnStdout = jsonOnStdout || reportStream(f.path) == STDOUT_FILENO;
    FILE *text = jsonOnStdout ? stderr : stdout; // stdout stays pure JSON for pipes
    if (const auto problem = outputThatIsAnInput(options, fileno(text)))
        return badInput(*problem);

    std::vector<ComparedReport> reports;
    for (const QString &path : options.reports) {
        std::optional<ExperimentResult> result = ReportReader::readFile(path, &error);
        if (g_stopSignal.load() != 0)
            return stoppedExitCode();
        if (!result)
            return badInput(error);
        // The name is shown in tables: one line, whatever the path holds.
        reports.push_back({messageLine(path), std::move(*result)});
    }
    const ReportComparison comparison = compareReports(std::move(reports));

    std::signal(SIGXFSZ, SIG_IGN); // over `ulimit -f`, a write fails instead
    errno = 0;
    // Written by length: no byte of the table (the report texts are escaped) can end it early.
    const QByteArray table = comparisonText(comparison).toUtf8();
    std::fwrite(table.constData(), 1, std::size_t(table.size()), text);
    const bool tableLost = (std::fflush(text) != 0 || std::ferror(text)) && text == stdout;
    if (tableLost) {
        std::fprintf(stderr, "cannot write to standard output: %s\n",
                     std::strerror(errno ? errno : EIO));
    }
    if (!writeReportSet(reportSet(options, &comparison), &g_stopRequested, nullptr, &error)) {
        if (g_stopSignal.load() != 0)
            return stoppedExitCode();
        std::fprintf(stderr, "%s\n", qPrintable(messageLine(error)));
        return ExitRunFailed;
    }
    return tableLost ? ExitRunFailed : ExitOk;
}
