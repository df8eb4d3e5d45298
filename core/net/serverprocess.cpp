// SPDX-License-Identifier: MIT
#include "core/net/serverprocess.h"

#include <QDeadlineTimer>
#include <QFile>

#include <csignal>
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

std::optional<std::uint64_t> ServerProcess::statCpuTicks(const QByteArray &stat, char *state)
{
    // "pid (comm) S ppid ... utime stime ...": comm may hold spaces and parentheses, so fields
    // are counted after the last ')'. State is field 3, utime and stime fields 14 and 15.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return std::nullopt;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    if (fields.size() < 13)
        return std::nullopt;
    if (state && !fields[0].isEmpty())
        *state = fields[0][0];
    bool ok1 = false, ok2 = false;
    const std::uint64_t utime = fields[11].toULongLong(&ok1);
    const std::uint64_t stime = fields[12].toULongLong(&ok2);
    if (!ok1 || !ok2)
        return std::nullopt;
    return utime + stime;
}

bool ServerProcess::isRunning() const
{
    if (!m_process || m_pid <= 0)
        return false;
    QFile file(QStringLiteral("/proc/%1/stat").arg(m_pid));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    char state = 0;
    if (!statCpuTicks(file.readAll(), &state))
        return false;
    return state != 'Z' && state != 'X';
}

QString ServerProcess::exitDescription()
{
    if (!m_process)
        return QStringLiteral("is not running");
    m_process->waitForFinished(1000);
    if (m_process->state() != QProcess::NotRunning)
        return QStringLiteral("stopped answering");
    if (m_process->exitStatus() == QProcess::CrashExit)
        return QStringLiteral("was killed (%1)").arg(m_process->errorString());
    return QStringLiteral("exited with code %1").arg(m_process->exitCode());
}

std::optional<double> ServerProcess::cpuMs() const
{
    if (m_pid <= 0)
        return std::nullopt;
    QFile file(QStringLiteral("/proc/%1/stat").arg(m_pid));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const auto ticks = statCpuTicks(file.readAll());
    if (!ticks)
        return std::nullopt;
    return double(*ticks) * 1000.0 / double(sysconf(_SC_CLK_TCK));
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
