// SPDX-License-Identifier: MIT
#include "core/engine/processrun.h"
#include "core/engine/runtimecommand.h"
#include "core/engine/runtimecost.h"
#include "core/engine/shardset.h"
#include "core/net/serverprocess.h"
#include "core/report/jsonreport.h"
#include "core/workload/taskplan.h"
#include "tests/support/runblocking.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include <csignal>
#include <sys/wait.h>
#include <thread>

namespace {

bool havePythonModules()
{
    return RuntimeCommand::check(Runtime::AsyncioUvloop, QString(), false).problem.isEmpty();
}

std::shared_ptr<const TaskPlan> planFor(Kernel kernel, int tasks = 40)
{
    // Small kernels: CPython runs `sum` and `hash` at ~100-200 ns an iteration.
    return std::make_shared<const TaskPlan>(
        TaskPlan::generate(WorkloadSpec{tasks, 0, 30, 1000, 20000, kernel, 11}));
}

RunResult runOn(const std::shared_ptr<const TaskPlan> &plan, Runtime runtime, int k,
                Partition partition = Partition::RoundRobin, const QString &python = {})
{
    RunConfig config{k, partition};
    config.runtime = runtime;
    config.python = python;
    return runAnyBlocking(plan, config, 1.0);
}

// Gone, or a zombie waiting for whoever inherited it to reap it: it runs no more.
bool dead(pid_t pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    const qsizetype paren = text.lastIndexOf(')');
    return paren < 0 || text.mid(paren + 2, 1) == "Z";
}

} // namespace

class TestProcessRun : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // The processes runtime runs the built loopbench, not this test executable.
        RuntimeCommand::setLoopbenchExecutable(QStringLiteral(LOOPBENCH_EXE));
        QVERIFY2(!RuntimeCommand::pythonWorkerScript().isEmpty(),
                 "the build tree has share/loopbench/python/loopbench_worker.py");
    }

    void sameChecksumForEveryRuntimeAndK_data()
    {
        QTest::addColumn<int>("kernel");
        for (const Kernel k : kernels())
            QTest::newRow(qPrintable(kernelName(k))) << int(k);
    }

    void sameChecksumForEveryRuntimeAndK()
    {
        QFETCH(int, kernel);
        const auto plan = planFor(Kernel(kernel));
        const RunResult reference = runOn(plan, Runtime::Threads, 1);
        QVERIFY(reference.completed());
        std::vector<std::pair<Runtime, int>> runs{
            {Runtime::Threads, 2}, {Runtime::Processes, 1}, {Runtime::Processes, 3}};
        if (havePythonModules()) {
            runs.insert(
                runs.end(),
                {{Runtime::Asyncio, 1}, {Runtime::Asyncio, 2}, {Runtime::AsyncioUvloop, 2}});
        } else {
            qWarning("python3-uvloop missing: asyncio runtimes not compared");
        }
        for (const auto &[runtime, k] : runs) {
            const QString what = QStringLiteral("%1 K=%2").arg(runtimeName(runtime)).arg(k);
            const RunResult r = runOn(plan, runtime, k);
            QVERIFY2(r.completed(), qPrintable(what + QStringLiteral(": ") + r.error));
            QCOMPARE(r.runtime, runtime);
            QCOMPARE(r.checksum, reference.checksum);
            QCOMPARE(r.tasksDone, std::int64_t(plan->size()));
            QCOMPARE(int(r.perShard.size()), k);
            // Every task has its record, relative to t0, and no task resumed before it was due
            // (up to CPython's rounding of its deadlines to a double of seconds).
            for (std::size_t i = 0; i < plan->size(); ++i) {
                const TaskTiming &t = (*r.timings)[i];
                QVERIFY2(t.resumedNs >= plan->ioNs(i) - 1'000'000 && t.doneNs >= t.resumedNs &&
                             t.workNs >= 0 && t.workNs <= t.doneNs - t.resumedNs,
                         qPrintable(what + QStringLiteral(" task %1").arg(i)));
            }
            QVERIFY(r.efficiency > 0);
            // The calibration is C++'s: it estimates the C++ runtimes' bound, not CPython's.
            QCOMPARE(std::isfinite(r.estimatedIdealMs), runsCppKernels(runtime));
            if (runtime != Runtime::Threads) {
                QVERIFY(r.startOverheadMs > 0);
                QVERIFY(r.joinOverheadMs >= 0);
                QVERIFY(!r.implementation.isEmpty());
                for (const ShardStats &s : r.perShard)
                    QVERIFY2(s.peakRssKb > 1000, qPrintable(what)); // a process, not a thread
            }
            if (runtime == Runtime::Processes) {
                // "loopbench 0.1.0 Qt 6.4.2 (one event loop)": its version, not an empty one.
                QVERIFY2(r.implementation.startsWith(QLatin1String("loopbench ")) &&
                             !r.implementation.contains(QLatin1String("  ")) &&
                             r.implementation.contains(QLatin1String(qVersion())),
                         qPrintable(r.implementation));
            }
            if (runtime == Runtime::Asyncio) {
                QVERIFY2(r.implementation.startsWith(QLatin1String("CPython 3.")),
                         qPrintable(r.implementation));
                // The report records the interpreter and what each worker cost in memory.
                const QJsonObject json = runToJson(r);
                QCOMPARE(json.value(QLatin1String("implementation")).toString(), r.implementation);
                QCOMPARE(json.value(QLatin1String("per_shard"))
                             .toArray()
                             .at(0)
                             .toObject()
                             .value(QLatin1String("peak_rss_kb"))
                             .toDouble(),
                         double(r.perShard[0].peakRssKb));
            }
        }
    }

    void sameChecksumOverHttp()
    {
        // Every runtime fetches from the same loopbench --serve; the body digest of each task's
        // response is folded into its result the same way (BodyFold in C++ and in Python).
        ServerProcess server;
        QString error;
        ServerProcess::Options options;
        options.executable = QStringLiteral(LOOPBENCH_EXE);
        QVERIFY2(server.start(options, &error), qPrintable(error));
        const auto plan = planFor(Kernel::Hash, 30);
        auto over = [&](Runtime runtime, int k) {
            RunConfig config{k, Partition::RoundRobin};
            config.runtime = runtime;
            config.http = HttpTarget{server.endpoint(), 0, 1000, 10000};
            return runAnyBlocking(plan, config, 1.0);
        };
        const RunResult threads = over(Runtime::Threads, 1);
        QVERIFY2(threads.completed(), qPrintable(threads.error));
        std::vector<std::pair<Runtime, int>> runs{{Runtime::Processes, 2}};
        if (havePythonModules())
            runs.insert(runs.end(), {{Runtime::Asyncio, 2}, {Runtime::AsyncioUvloop, 1}});
        for (const auto &[runtime, k] : runs) {
            const RunResult r = over(runtime, k);
            QVERIFY2(r.completed(),
                     qPrintable(runtimeName(runtime) + QStringLiteral(": ") + r.error));
            QCOMPARE(r.checksum, threads.checksum);
            QCOMPARE(r.http->bytesReceived, std::int64_t(30 * 1000));
        }
    }

    void contiguousSlicesAgreeToo()
    {
        const auto plan = planFor(Kernel::Article, 25);
        const RunResult threads = runOn(plan, Runtime::Threads, 1);
        const RunResult processes = runOn(plan, Runtime::Processes, 4, Partition::Contiguous);
        QVERIFY2(processes.completed(), qPrintable(processes.error));
        QCOMPARE(processes.checksum, threads.checksum);
        QCOMPARE(processes.perShard[3].tasks, std::int64_t(7)); // 25 over 4: 6, 6, 6, 7
    }

    // A runtime's cost is measured by running one worker on one task: `processes` computes the
    // C++ kernel (its figure is the one given) and pays a start-up; in process nothing runs; an
    // interpreter that is not there has no cost, and says why.
    void aRuntimeCostIsMeasuredByRunningIt()
    {
        QCOMPARE(measureRuntimeCost(Runtime::Stealing, Kernel::Hash, {}, 1.5),
                 (RuntimeCost{1.5, 0}));
        QString error;
        const auto processes =
            measureRuntimeCost(Runtime::Processes, Kernel::Sum, {}, 1.25, &error);
        QVERIFY2(processes, qPrintable(error));
        QCOMPARE(processes->nsPerIter, 1.25);
        QVERIFY(processes->startMsPerWorker > 0);
        QVERIFY(!measureRuntimeCost(Runtime::Asyncio, Kernel::Sum,
                                    QStringLiteral("/nonexistent/python3"), 1.25, &error));
        QVERIFY2(error.contains(u"/nonexistent/python3"), qPrintable(error));
        if (!havePythonModules())
            QSKIP("python3-uvloop missing");
        const auto python = measureRuntimeCost(Runtime::Asyncio, Kernel::Article, {}, 1.0, &error);
        QVERIFY2(python, qPrintable(error));
        qInfo("CPython article kernel %.1f ns/iteration, worker start-up %.0f ms",
              python->nsPerIter, python->startMsPerWorker);
        QVERIFY(python->nsPerIter > 0 && python->startMsPerWorker > 0);
    }

    void aMissingInterpreterIsARefusalNamingPython()
    {
        RunConfig config;
        config.runtime = Runtime::Asyncio;
        config.python = QStringLiteral("/nonexistent/python3");
        const FieldErrors errors = checkRuntime(config);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors[0].field, QStringLiteral("python"));
        QCOMPARE(errors[0].message,
                 QStringLiteral("asyncio cannot run here: '/nonexistent/python3' "
                                "does not exist"));
        // Threads need nothing.
        QVERIFY(checkRuntime(RunConfig{}).isEmpty());
    }

    void aMissingModuleIsARefusalWithItsReason()
    {
        // An interpreter without Debian's site packages: asyncio works, uvloop is missing.
        if (!QFileInfo(QStringLiteral("/usr/bin/python3")).isExecutable())
            QSKIP("no /usr/bin/python3");
        QTemporaryDir dir;
        const QString python = dir.filePath(QStringLiteral("python3-nosite"));
        QFile script(python);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\nexec /usr/bin/python3 -S \"$@\"\n");
        script.close();
        script.setPermissions(script.permissions() | QFileDevice::ExeOwner);
        RunConfig config;
        config.runtime = Runtime::Asyncio;
        config.python = python;
        QVERIFY(checkRuntime(config).isEmpty());
        config.runtime = Runtime::AsyncioUvloop;
        const FieldErrors errors = checkRuntime(config);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors[0].field, QStringLiteral("python"));
        QVERIFY2(errors[0].message.startsWith(
                     QStringLiteral("asyncio-uvloop cannot run here: %1: uvloop is not installed")
                         .arg(python)),
                 qPrintable(errors[0].message));
        // A run on it fails the same way, naming the worker.
        const RunResult r = runOn(planFor(Kernel::Article, 4), Runtime::AsyncioUvloop, 2,
                                  Partition::RoundRobin, python);
        QCOMPARE(r.status, RunStatus::Failed);
        // Whichever worker reported first.
        QVERIFY2(QRegularExpression(QStringLiteral("^asyncio-uvloop worker [12] of 2: "))
                     .match(r.error)
                     .hasMatch(),
                 qPrintable(r.error));
        QVERIFY2(r.error.contains(QLatin1String("uvloop is not installed")), qPrintable(r.error));
    }

    void noWorkerOutlivesAKilledLoopBench()
    {
        // A child process stands for LoopBench: it runs two workers of an hour-long plan and is
        // killed with SIGKILL, which it cannot handle. Its workers must die with it.
        const pid_t loopbench = fork();
        if (loopbench == 0) {
            const auto plan = std::make_shared<const TaskPlan>(TaskPlan::generate(
                WorkloadSpec{4, 3'600'000, 3'600'000, 0, 0, Kernel::Article, 1}));
            RunConfig config{2};
            config.runtime = Runtime::Processes;
            runAnyBlocking(plan, config, 1.0);
            _exit(0);
        }
        QVERIFY(loopbench > 0);
        // Its workers run on the supervising thread's children list: read every thread's.
        auto workersOf = [&](pid_t parent) {
            std::vector<pid_t> pids;
            const QDir tasks(QStringLiteral("/proc/%1/task").arg(parent));
            for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
                QFile f(tasks.filePath(tid + QStringLiteral("/children")));
                if (f.open(QIODevice::ReadOnly))
                    for (const QByteArray &pid : f.readAll().trimmed().split(' '))
                        if (!pid.isEmpty())
                            pids.push_back(pid.toInt());
            }
            return pids;
        };
        std::vector<pid_t> workers;
        QTRY_VERIFY_WITH_TIMEOUT((workers = workersOf(loopbench)).size() == 2, 10000);
        ::kill(loopbench, SIGKILL);
        int status = 0;
        waitpid(loopbench, &status, 0);
        for (const pid_t worker : workers)
            QTRY_VERIFY_WITH_TIMEOUT(dead(worker), 5000);
    }

    void aCancelledRunIsCancelledAndLeavesNoWorker()
    {
        const auto plan = std::make_shared<const TaskPlan>(
            TaskPlan::generate(WorkloadSpec{10, 60000, 60000, 0, 0, Kernel::Article, 1}));
        RunConfig config{2};
        config.runtime = Runtime::Processes;
        ProcessRun run(plan, config, 1.0);
        std::thread canceller([&] {
            while (run.progress().elapsedNs == 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            run.cancel();
        });
        run.run();
        canceller.join();
        const RunResult r = run.result();
        QCOMPARE(r.status, RunStatus::Cancelled);
        QCOMPARE(r.tasksDone, std::int64_t(0));
        QVERIFY(std::isnan(r.wallMs));
    }
};

QTEST_GUILESS_MAIN(TestProcessRun)
#include "tst_processrun.moc"
