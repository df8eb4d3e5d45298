// SPDX-License-Identifier: MIT
#include "app/servecommand.h"

#include "app/headless.h"
#include "core/base/messageline.h"
#include "core/net/httpserver.h"
#include "core/net/transportconfig.h"

#include <poll.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>

namespace ServeCommand {

bool wanted(const QStringList &args)
{
    return args.contains(QStringLiteral("--serve"));
}

QString usage()
{
    return QStringLiteral(
        "usage: loopbench --serve [--listen HOST:PORT] [--server-loops N] [--response-bytes N]\n"
        "answers GET /task/<id>?delay_us=<d>[&bytes=<n>] after d microseconds with n bytes\n"
        "(default --response-bytes, 4096). --listen defaults to 127.0.0.1:0 (any free port);\n"
        "the first line printed is \"listening HOST:PORT\". Stops on SIGINT or SIGTERM.\n");
}

int run(const QStringList &args)
{
    HttpServer::Options options;
    bool exitOnStdinEof = false;
    auto bad = [](const QString &message) {
        std::fprintf(stderr, "%s\n", qPrintable(messageLine(message)));
        return int(ExitBadInput);
    };
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString name = args[i];
        QString value;
        const qsizetype eq = name.indexOf(QLatin1Char('='));
        const bool inlineValue = eq > 0;
        if (inlineValue) {
            value = name.mid(eq + 1);
            name = name.left(eq);
        }
        if (name == u"--serve" || name == u"--exit-on-stdin-eof") {
            if (inlineValue)
                return bad(QStringLiteral("%1 takes no value").arg(name));
            exitOnStdinEof = exitOnStdinEof || name == u"--exit-on-stdin-eof";
            continue;
        }
        if (name == u"--help" || name == u"-h") {
            std::printf("%s", qPrintable(usage()));
            return ExitOk;
        }
        if (name != u"--listen" && name != u"--server-loops" && name != u"--response-bytes")
            return bad(
                QStringLiteral("%1: unknown option with --serve (see --serve --help)").arg(name));
        if (!inlineValue) {
            if (i + 1 >= args.size() || args[i + 1].startsWith(QLatin1String("--")))
                return bad(QStringLiteral("%1: missing value").arg(name));
            value = args[++i];
        }
        QString why;
        if (name == u"--listen") {
            const auto e = Endpoint::read(value, &why, true);
            if (!e)
                return bad(QStringLiteral("--listen: %1").arg(why));
            options.listen = *e;
        } else if (name == u"--server-loops") {
            const auto n = TransportConfig::kServerLoopRange.read(value, &why);
            if (!n)
                return bad(QStringLiteral("--server-loops: %1").arg(why));
            options.loops = static_cast<int>(*n);
        } else {
            const auto n = TransportConfig::kResponseBytesRange.read(value, &why);
            if (!n)
                return bad(QStringLiteral("--response-bytes: %1").arg(why));
            options.responseBytes = static_cast<int>(*n);
        }
    }
    // Blocked before the loops start, so that every thread inherits the mask and the signals
    // reach only the signalfd below: a clean stop instead of a default death mid-write.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
    HttpServer server(options);
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "--listen: %s\n", qPrintable(messageLine(error)));
        return ExitRunFailed;
    }
    Endpoint bound = options.listen;
    bound.port = server.port();
    std::printf("listening %s\n", qPrintable(bound.text()));
    std::fflush(stdout);

    const int signalFd = signalfd(-1, &stopSignals, SFD_CLOEXEC);
    pollfd watched[2] = {{signalFd, POLLIN, 0}, {STDIN_FILENO, POLLIN, 0}};
    for (;;) {
        const int n = poll(watched, exitOnStdinEof ? 2 : 1, -1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 || watched[0].revents)
            break;
        if (watched[1].revents) {
            char buffer[256];
            if (read(STDIN_FILENO, buffer, sizeof buffer) <= 0)
                break; // the parent closed our input, or is gone
        }
    }
    server.stop();
    return ExitOk;
}

} // namespace ServeCommand
