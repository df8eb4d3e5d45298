// SPDX-License-Identifier: MIT
#include "app/headless.h"

#include <QCoreApplication>

#include <cstdio>

#ifdef LOOPBENCH_HAVE_UI
#include "ui/window/gui.h"
#endif

namespace {

[[maybe_unused]] bool hasDisplay()
{
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY") ||
           qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));

    if (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"))) {
        std::printf("%s", qPrintable(headlessUsage()));
        std::printf("Without --headless, opens the desktop app (or runs headless when there is no "
                    "display).\n");
        return ExitOk;
    }
    if (args.contains(QLatin1String("--version"))) {
        std::printf("loopbench %s\n", LOOPBENCH_APP_VERSION);
        return ExitOk;
    }

    bool headless = args.contains(QLatin1String("--headless"));
#ifdef LOOPBENCH_HAVE_UI
    if (!headless && hasDisplay())
        return runGui(argc, argv);
#endif
    if (!headless && !args.isEmpty()) {
        std::fprintf(stderr, "no display: add --headless to run from the command line\n");
        return ExitBadInput;
    }
    headless = true;

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("LoopBench"));
    HeadlessOptions options;
    QString error;
    if (!parseHeadlessArgs(args, options, error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return ExitBadInput;
    }
    return runHeadless(options);
}
