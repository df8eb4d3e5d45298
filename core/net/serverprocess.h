// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/endpoint.h"

#include <QProcess>
#include <QString>

#include <memory>
#include <optional>

// `loopbench --serve` as a child process of a run: started with the executable the caller names
// (the running app's own file, or the built one in tests), asked for any free port, and read back
// from its first line ("listening 127.0.0.1:PORT"). It cannot outlive its parent: it ends when
// its standard input closes (this object's end, or this process dying in any way) and, as a
// second line of defence, on PR_SET_PDEATHSIG. The server's CPU time and liveness are read from
// /proc, without its cooperation, so that a server that crashed or hangs still reads truthfully.
class ServerProcess
{
public:
    struct Options
    {
        QString executable;
        Endpoint listen{0x7f000001, 0};
        int loops = 1;
        int responseBytes = 4096;
    };

    ServerProcess();
    ~ServerProcess(); // stop()
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    // Starts it and waits (at most `timeoutMs`) for its port. False with *error ("the HTTP server
    // did not start: ...") otherwise; nothing is left running then.
    bool start(const Options &options, QString *error, int timeoutMs = 10000);
    Endpoint endpoint() const { return m_endpoint; }
    qint64 pid() const;
    // Whether the process still runs (not gone, not a zombie).
    bool isRunning() const;
    // "exited with code 1", "was killed by signal 9 (SIGKILL)": after isRunning() became false.
    QString exitDescription();
    // The sentence a run's error says when the server is gone: "the HTTP server (pid 12462) was
    // killed by signal 9 (SIGKILL) before the run", with "; <detail>" only when there is one.
    QString goneMessage(QStringView when, const QString &detail = {});
    // User + system CPU time of the process so far; nullopt when /proc cannot say.
    std::optional<double> cpuMs() const;
    // Closes its input, then terminates and kills it if it does not end within a second.
    void stop();

private:
    std::unique_ptr<QProcess> m_process;
    Endpoint m_endpoint;
    qint64 m_pid = 0;
};
