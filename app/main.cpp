// SPDX-License-Identifier: MIT
#include "app/cliparser.h"

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

    if (CliParser::leavesModeOpen(args)) {
#ifdef LOOPBENCH_HAVE_UI
        if (hasDisplay())
            return runGui(argc, argv);
#endif
        if (!args.isEmpty()) {
            std::fprintf(stderr, "no display: add --headless to run from the command line\n");
            return ExitBadInput;
        }
    }

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
    case CliParser::Outcome::BadInput:
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return ExitBadInput;
    case CliParser::Outcome::Run:
        break;
    }
    return runHeadless(options);
}
