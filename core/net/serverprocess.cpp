// SPDX-License-Identifier: MIT
#include "core/net/serverprocess.h"

#include "core/load/processcpu.h"
#include "core/system/shardcpugroup.h"

#include <QDeadlineTimer>

#include <csignal>
#include <cstring>
#include <sys/prctl.h>
#include <unistd.h>

ServerProcess::ServerProcess() = default;

ServerProcess::~ServerProcess()
{
    stop();
}

qint64 ServerProcess::pid() const
{
    return m_pid;
}

bool ServerProcess::start(const Options &options, QString *error, int timeoutMs)
{
    stop();
    auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("the HTTP server did not start: %1").arg(why);
        stop();
        return false;
    };
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(options.executable);
    m_process->setArguments({QStringLiteral("--serve"), QStringLiteral("--listen"),
                             options.listen.text(), QStringLiteral("--server-loops"),
                             QString::number(options.loops), QStringLiteral("--response-bytes"),
                             QString::number(options.responseBytes),
                             QStringLiteral("--exit-on-stdin-eof")});
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->setChildProcessModifier([] {
        // In the child, after fork: it gets SIGTERM when the thread that started it ends.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        // Started from the window's thread, it would run at that thread's weight.
        ShardCpuGroup::leaveWindowInForkedChild();
    });
    m_process->start(QIODevice::ReadWrite);
    if (!m_process->waitForStarted(timeoutMs))
        return fail(m_process->errorString());
    m_pid = m_process->processId();
    const QDeadlineTimer deadline(timeoutMs);
    QByteArray line;
    while (!line.endsWith('\n')) {
        if (m_process->canReadLine()) {
            line = m_process->readLine();
            break;
        }
        if (deadline.hasExpired() || m_process->state() != QProcess::Running)
            break;
        m_process->waitForReadyRead(
            static_cast<int>(std::max<qint64>(1, deadline.remainingTime())));
    }
    const QByteArray prefix = "listening ";
    if (!line.startsWith(prefix)) {
        if (m_process->state() != QProcess::Running)
            return fail(QStringLiteral("it %1").arg(exitDescription()));
        return fail(QStringLiteral("no 'listening HOST:PORT' line within %1 ms").arg(timeoutMs));
    }
    QString why;
    const auto endpoint =
        Endpoint::read(QString::fromLatin1(line.mid(prefix.size()).trimmed()), &why, false);
    if (!endpoint)
        return fail(why);
    m_endpoint = *endpoint;
    return true;
}

bool ServerProcess::isRunning() const
{
    if (!m_process || m_pid <= 0)
        return false;
    const auto cpu = ProcessCpu::read(m_pid);
    return cpu && cpu->alive();
}

QString ServerProcess::exitDescription()
{
    if (!m_process)
        return QStringLiteral("is not running");
    m_process->waitForFinished(1000);
    if (m_process->state() != QProcess::NotRunning)
        return QStringLiteral("stopped answering");
    if (m_process->exitStatus() == QProcess::CrashExit) {
        // Qt keeps the signal's number as the exit code of a crashed child (waitid's si_status).
        const int signal = m_process->exitCode();
        const char *name = signal > 0 ? sigabbrev_np(signal) : nullptr;
        if (!name)
            return QStringLiteral("was killed");
        return QStringLiteral("was killed by signal %1 (SIG%2)")
            .arg(signal)
            .arg(QLatin1String(name));
    }
    return QStringLiteral("exited with code %1").arg(m_process->exitCode());
}

QString ServerProcess::goneMessage(QStringView when, const QString &detail)
{
    QString message =
        QStringLiteral("the HTTP server (pid %1) %2 %3").arg(m_pid).arg(exitDescription(), when);
    if (!detail.trimmed().isEmpty())
        message += QStringLiteral("; ") + detail.trimmed();
    return message;
}

std::optional<double> ServerProcess::cpuMs() const
{
    const auto cpu = ProcessCpu::read(m_pid);
    if (!cpu)
        return std::nullopt;
    return cpu->ms();
}

void ServerProcess::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->closeWriteChannel(); // --exit-on-stdin-eof: it ends by itself
        if (!m_process->waitForFinished(1000)) {
            m_process->terminate();
            if (!m_process->waitForFinished(1000)) {
                m_process->kill();
                m_process->waitForFinished(1000);
            }
        }
    }
    m_process.reset();
    m_pid = 0;
}
