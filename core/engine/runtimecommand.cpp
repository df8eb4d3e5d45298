// SPDX-License-Identifier: MIT
#include "core/engine/runtimecommand.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QProcess>

namespace {

QMutex g_mutex;
QString g_loopbench; // guarded by g_mutex
QString g_python;    // guarded by g_mutex

QString pythonOrDefault(const QString &python)
{
    return python.isEmpty() ? RuntimeCommand::python() : python;
}

} // namespace

namespace RuntimeCommand {

bool isOutOfProcess(Runtime runtime)
{
    return runtime == Runtime::Processes || runtime == Runtime::Asyncio ||
           runtime == Runtime::AsyncioUvloop;
}

void setLoopbenchExecutable(const QString &path)
{
    const QMutexLocker lock(&g_mutex);
    g_loopbench = path;
}

QString loopbenchExecutable()
{
    {
        const QMutexLocker lock(&g_mutex);
        if (!g_loopbench.isEmpty())
            return g_loopbench;
    }
    return QCoreApplication::applicationFilePath();
}

void setPython(const QString &path)
{
    const QMutexLocker lock(&g_mutex);
    g_python = path;
}

QString python()
{
    const QMutexLocker lock(&g_mutex);
    return g_python.isEmpty() ? QString::fromLatin1(kDefaultPython) : g_python;
}

QString pythonWorkerScript()
{
    const QString bin = QFileInfo(loopbenchExecutable()).absolutePath();
    const QString script =
        QDir(bin).absoluteFilePath(QStringLiteral("../share/loopbench/python/loopbench_worker.py"));
    return QFileInfo::exists(script) ? QDir::cleanPath(script) : QString();
}

WorkerCommand command(Runtime runtime, const QString &python)
{
    if (runtime == Runtime::Processes)
        return {loopbenchExecutable(), {QStringLiteral("--worker")}};
    return {
        pythonOrDefault(python),
        {pythonWorkerScript(), QStringLiteral("--loop"),
         runtime == Runtime::AsyncioUvloop ? QStringLiteral("uvloop") : QStringLiteral("asyncio")}};
}

Check check(Runtime runtime, const QString &python, bool http)
{
    Check c;
    if (!isOutOfProcess(runtime))
        return c;
    const WorkerCommand cmd = command(runtime, python);
    if (const QString problem = WorkerSet::programProblem(cmd.program); !problem.isEmpty()) {
        c.problem = problem;
        return c;
    }
    if (runtime == Runtime::Processes)
        return c;
    if (cmd.arguments[0].isEmpty()) {
        c.problem = QStringLiteral("the Python worker loopbench_worker.py is not installed beside "
                                   "%1")
                        .arg(loopbenchExecutable());
        return c;
    }
    QProcess p;
    QStringList args = cmd.arguments;
    args << QStringLiteral("--check");
    if (http)
        args << QStringLiteral("--http");
    p.start(cmd.program, args);
    // An interpreter that does not start within 10 s (a broken venv that waits for something)
    // cannot run a benchmark either.
    if (!p.waitForFinished(10000)) {
        p.kill();
        p.waitForFinished(1000);
        c.problem = QStringLiteral("%1 did not answer within 10 s").arg(cmd.program);
        return c;
    }
    const QString out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        QString why = out.startsWith(QLatin1String("error ")) ? out.mid(6) : out;
        if (why.isEmpty())
            why = QString::fromUtf8(p.readAllStandardError()).trimmed().split(u'\n').last();
        c.problem = QStringLiteral("%1: %2").arg(cmd.program, why);
        return c;
    }
    c.implementation = out;
    return c;
}

} // namespace RuntimeCommand
