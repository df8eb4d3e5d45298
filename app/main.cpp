// SPDX-License-Identifier: MIT
#include "app/clihelp.h"
#include "app/cliparser.h"
#include "app/comparecommand.h"
#include "app/servecommand.h"
#include "app/workermode.h"
#include "core/base/messageline.h"
#include "core/base/nativepath.h"
#include "core/system/systemlimits.h"

#include <QCoreApplication>

#include <cstdio>

#ifdef LOOPBENCH_HAVE_UI
#include "ui/window/gui.h"

#include <QGuiApplication>

#include <cerrno>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

namespace {

#ifdef LOOPBENCH_HAVE_UI
// The display the desktop app would open, as the user named it, or empty when none is named.
QString namedDisplay()
{
    for (const char *name : {"QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "DISPLAY"}) {
        if (qEnvironmentVariableIsSet(name))
            return QLatin1String(name) + QLatin1Char('=') + qEnvironmentVariable(name);
    }
    return {};
}

// Whether Qt can open its platform (the X or Wayland display, or QT_QPA_PLATFORM's). Asked in a
// child process: QGuiApplication aborts the process it runs in when it cannot (qFatal, exit 134),
// and whatever it prints on the way is the child's and goes nowhere.
bool displayUsable(int argc, char *argv[])
{
    const pid_t child = fork();
    if (child < 0)
        return true; // cannot ask: let Qt try, and say what it says
    if (child == 0) {
        const int devNull = open("/dev/null", O_WRONLY);
        if (devNull >= 0)
            dup2(devNull, STDERR_FILENO);
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &) {
            if (type == QtFatalMsg)
                _exit(1); // before abort(): no core dump, no crash report for a missing display
        });
        QGuiApplication probe(argc, argv);
        _exit(0);
    }
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}
#endif

} // namespace

int main(int argc, char *argv[])
{
    // Byte for byte: a file name that is not UTF-8 must reach the file system as it was typed,
    // not as U+FFFD (what QString::fromLocal8Bit and QFile::decodeName make of it in Qt 6).
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args.append(decodeNativePath(argv[i]));

    // Before anything opens a file: 1,024 shards need more than the usual soft limit of 1,024.
    SystemLimits::raiseOpenFileLimit();

    // A worker of the processes runtime, started by a run with its slice on stdin.
    if (WorkerMode::wanted(args))
        return WorkerMode::run(argc, argv);

    // The HTTP server of the http transport: a process of its own, no Qt application.
    if (ServeCommand::wanted(args))
        return ServeCommand::run(args);

    // A subcommand, before anything a run would check (display, memory): comparing reports
    // needs neither.
    if (!args.isEmpty() && args.first() == u"compare") {
        QCoreApplication app(argc, argv);
        return CompareCommand::run(args.mid(1));
    }

    // Any option means the command line (--headless is implied): the desktop app takes none, and
    // a GUI that opened over "--tasks 5" would ignore it silently. Without options the desktop
    // app opens on a usable display; when none is named at all, the default comparison runs
    // headless (./run.sh over ssh).
#ifdef LOOPBENCH_HAVE_UI
    if (args.isEmpty()) {
        if (const QString display = namedDisplay(); !display.isEmpty()) {
            if (!displayUsable(argc, argv)) {
                std::fprintf(stderr,
                             "no usable display: Qt cannot open %s (give options such as "
                             "--headless to run on the command line; see --help)\n",
                             qPrintable(display));
                return ExitBadInput;
            }
            QString error;
            SystemLimits::memory(&error);
            if (!error.isEmpty()) {
                std::fprintf(stderr, "%s\n", qPrintable(error));
                return ExitBadInput;
            }
            return runGui(argc, argv);
        }
    }
#endif

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("LoopBench"));
    HeadlessOptions options;
    QString error;
    switch (CliParser::parse(args, options, error)) {
    case CliParser::Outcome::Help:
        std::printf("%s", qPrintable(CliParser::usage()));
        return ExitOk;
    case CliParser::Outcome::Version:
        std::printf("%s", qPrintable(CliParser::version()));
        return ExitOk;
    case CliParser::Outcome::HelpMarkdown:
        std::printf("%s", qPrintable(CliHelp::markdown()));
        return ExitOk;
    case CliParser::Outcome::HelpMan:
        std::printf("%s", qPrintable(CliHelp::man()));
        return ExitOk;
    case CliParser::Outcome::BadInput:
        std::fprintf(stderr, "%s\n", qPrintable(messageLine(error)));
        return ExitBadInput;
    case CliParser::Outcome::Run:
        break;
    }
    return runHeadless(options);
}
