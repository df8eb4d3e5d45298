// SPDX-License-Identifier: MIT
#include "app/servecommand.h"

#include "app/headless.h"
#include "core/base/messageline.h"
#include "core/base/wholenumber.h"
#include "core/net/httpserver.h"
#include "core/net/transportconfig.h"

#include <poll.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>

namespace ServeCommand {

bool wanted(const QStringList &args)
{
    return args.contains(QStringLiteral("--serve"));
}

QString usage()
{
    return QStringLiteral(
               "usage: loopbench --serve [--listen HOST:PORT] [--server-loops N] [--response-bytes "
               "N] [--reuse-port]\n"
               "answers GET /task/<id>?delay_us=<d>[&bytes=<n>] after d microseconds with n bytes\n"
               "(default --response-bytes, 4096). --listen defaults to 127.0.0.1:0 (any free "
               "port);\n"
               "the first line printed is \"listening HOST:PORT\". Stops on SIGINT, SIGTERM or "
               "SIGHUP.\n"
               "A port another process listens on is refused (exit 2) unless --reuse-port asks to\n"
               "share it. Limits, so that no client can grow the server or hold up the others:\n"
               "  a request may ask for at most %1 bytes of body (above: 413);\n"
               "  at most %2 bytes of requests are buffered per connection (the rest wait\n"
               "  in the client's socket until its pending response is written);\n"
               "  a body is generated as the socket drains, at most %3 bytes per turn.\n")
        .arg(WholeNumber::group(HttpServer::kMaxResponseBytes))
        .arg(WholeNumber::group(HttpServer::kMaxBufferedInputBytes))
        .arg(WholeNumber::group(HttpServer::kWriteTurnBytes));
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
        if (name == u"--serve" || name == u"--exit-on-stdin-eof" || name == u"--reuse-port") {
            if (inlineValue)
                return bad(QStringLiteral("%1 takes no value").arg(name));
            exitOnStdinEof = exitOnStdinEof || name == u"--exit-on-stdin-eof";
            options.reusePort = options.reusePort || name == u"--reuse-port";
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
    // Blocked, and their descriptor made, before any socket exists: every thread inherits the
    // mask, so the signals reach only the signalfd (a clean stop instead of a default death
    // mid-write); and a server whose clients then take every descriptor can still be stopped.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
    const int signalFd = signalfd(-1, &stopSignals, SFD_CLOEXEC);
    if (signalFd < 0) {
        std::fprintf(stderr, "cannot watch for SIGINT, SIGTERM and SIGHUP: %s\n",
                     std::strerror(errno));
        return ExitRunFailed;
    }
    HttpServer server(options);
    QString error;
    bool portInUse = false;
    if (!server.start(&error, &portInUse)) {
        std::fprintf(stderr, "--listen: %s\n", qPrintable(messageLine(error)));
        close(signalFd);
        return portInUse ? ExitBadInput : ExitRunFailed;
    }
    Endpoint bound = options.listen;
    bound.port = server.port();
    std::printf("listening %s\n", qPrintable(bound.text()));
    std::fflush(stdout);

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
    close(signalFd);
    return ExitOk;
}

} // namespace ServeCommand
