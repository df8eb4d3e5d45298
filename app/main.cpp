// SPDX-License-Identifier: MIT
#include "app/cliparser.h"
#include "core/base/messageline.h"
#include "core/base/nativepath.h"

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
    // Byte for byte: a file name that is not UTF-8 must reach the file system as it was typed,
    // not as U+FFFD (what QString::fromLocal8Bit and QFile::decodeName make of it in Qt 6).
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args.append(decodeNativePath(argv[i]));

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
        std::fprintf(stderr, "%s\n", qPrintable(messageLine(error)));
        return ExitBadInput;
    case CliParser::Outcome::Run:
        break;
    }
    return runHeadless(options);
}
