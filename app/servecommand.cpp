// SPDX-License-Identifier: MIT
#include "app/servecommand.h"

#include "app/clihelp.h"
#include "app/commandline.h"
#include "app/headless.h"
#include "core/base/messageline.h"
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
    return CliHelp::text(Command::Serve);
}

Outcome parse(const QStringList &args, Options &options, QString &error)
{
    options = {};
    CommandLine line(Command::Serve);
    if (const Outcome outcome = line.parse(args, error); outcome != Outcome::Run)
        return outcome;
    auto bad = [&error](const QString &message) {
        error = message;
        return Outcome::BadInput;
    };
    options.exitOnStdinEof = line.isSet("exit-on-stdin-eof");
    options.server.reusePort = line.isSet("reuse-port");
    QString why;
    if (line.isSet("listen")) {
        const auto e = Endpoint::read(line.value("listen"), &why, true);
        if (!e)
            return bad(QStringLiteral("--listen: %1").arg(why));
        options.server.listen = *e;
    }
    // Numbers in the ranges of their rows, which --help shows.
    const std::pair<const char *, int HttpServer::Options::*> numbers[] = {
        {"server-loops", &HttpServer::Options::loops},
        {"response-bytes", &HttpServer::Options::responseBytes},
    };
    for (const auto &[name, member] : numbers) {
        if (!line.isSet(name))
            continue;
        const auto n = line.number(name, &error);
        if (!n)
            return Outcome::BadInput;
        options.server.*member = static_cast<int>(*n);
    }
    return Outcome::Run;
}

int run(const QStringList &args)
{
    Options parsed;
    QString error;
    const Outcome outcome = parse(args, parsed, error);
    if (outcome == Outcome::Help) {
        std::printf("%s", qPrintable(usage()));
        return ExitOk;
    }
    if (outcome != Outcome::Run) {
        std::fprintf(stderr, "%s\n", qPrintable(messageLine(error)));
        return ExitBadInput;
    }
    const HttpServer::Options &options = parsed.server;
    const bool exitOnStdinEof = parsed.exitOnStdinEof;
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
    error.clear();
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
