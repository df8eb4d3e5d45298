// SPDX-License-Identifier: MIT
#pragma once

// The loopbench executable run as a user runs it (LOOPBENCH_EXE, through QProcess or a shell), for
// the tests that check its exit codes, its messages and the files it leaves.
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QStringList>

#include <optional>

#include <unistd.h>

namespace cli {

struct Outcome
{
    int exitCode = -1; // -1: it crashed, or it did not end within the time limit and was killed
    QByteArray out;
    QByteArray err;
};

// The caller's environment without any display: the executable takes the command-line path even
// when the tests run inside a desktop session.
inline QProcessEnvironment headlessEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    return env;
}

inline Outcome finish(QProcess &p, int timeoutMs = 120000)
{
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

inline void start(QProcess &p, const QStringList &args,
                  const QProcessEnvironment &env = headlessEnvironment())
{
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(LOOPBENCH_EXE), args);
}

inline Outcome run(const QStringList &args, const QProcessEnvironment &env = headlessEnvironment(),
                   int timeoutMs = 120000)
{
    QProcess p;
    start(p, args, env);
    return finish(p, timeoutMs);
}

// `script` runs in sh with loopbench as "$0" and `args` as "$@": `ulimit -v 500000; exec "$0"
// "$@"`.
inline Outcome runShell(const QString &script, const QStringList &args,
                        const QProcessEnvironment &env = headlessEnvironment(),
                        int timeoutMs = 120000)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("sh"),
            QStringList{QStringLiteral("-c"), script, QStringLiteral(LOOPBENCH_EXE)} + args);
    return finish(p, timeoutMs);
}

// A command prefix that drops root to `nobody` (limits and permissions that root bypasses then
// bind); empty when not root. nullopt when root cannot drop privileges here (no setpriv).
inline std::optional<QString> unprivilegedPrefix()
{
    if (::geteuid() != 0)
        return QString();
    if (QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
        return std::nullopt;
    return QStringLiteral("setpriv --reuid=nobody --regid=nogroup --clear-groups ");
}

// Lets every user into `dir` (a QTemporaryDir is the creator's only): for a command that runs
// as `nobody`.
inline bool openToEveryone(const QString &dir)
{
    return QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                          QFileDevice::WriteOther | QFileDevice::ExeOther);
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

// True once one of the process's threads is a shard ("shard-N"): the experiment runs, and the
// signal handlers, installed before it starts, are in place.
inline bool hasShardThread(qint64 pid)
{
    QDirIterator tasks(QStringLiteral("/proc/%1/task").arg(pid), QDir::Dirs | QDir::NoDotAndDotDot);
    while (tasks.hasNext()) {
        QFile comm(tasks.next() + QStringLiteral("/comm"));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().startsWith("shard-"))
            return true;
    }
    return false;
}

// Polls `ready` every millisecond (the process keeps running meanwhile); false if the process
// ended or `timeoutMs` passed first.
template <typename Ready> bool waitUntil(QProcess &p, Ready ready, int timeoutMs = 60000)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (ready())
            return true;
        if (p.state() == QProcess::NotRunning || p.waitForFinished(1))
            return false;
    }
    return false;
}

} // namespace cli
