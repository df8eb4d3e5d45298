// SPDX-License-Identifier: MIT
#include "tests/support/cliprocess.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>
#include <unistd.h>

// The executable at the system's limits, each set the way a user sets it (ulimit in the shell that
// starts it, an environment variable, a display that is not there): a run that cannot fit is
// refused before it starts with exit 2 naming --shards and the limit, a thread the system refuses
// fails that run only (exit 1) and the finished runs are kept, and nothing hangs or aborts.
namespace {

using cli::Outcome;

constexpr int kExitRunFailed = 1;
constexpr int kExitBadInput = 2;

const QStringList kTiny{QStringLiteral("--headless"), QStringLiteral("--tasks"),
                        QStringLiteral("10"),         QStringLiteral("--io"),
                        QStringLiteral("0:1"),        QStringLiteral("--cpu"),
                        QStringLiteral("0:10")};

// Threads of every process of this real user: what RLIMIT_NPROC counts.
int tasksOfUser(uid_t uid)
{
    int count = 0;
    QDirIterator procs(QStringLiteral("/proc"), QDir::Dirs | QDir::NoDotAndDotDot);
    while (procs.hasNext()) {
        const QString dir = procs.next();
        QFile status(dir + QStringLiteral("/status"));
        if (!status.open(QIODevice::ReadOnly))
            continue;
        int threads = 0;
        bool mine = false;
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("Uid:"))
                mine = line.mid(4).simplified().split(' ').value(0).toUInt() == uid;
            else if (line.startsWith("Threads:"))
                threads = line.mid(8).trimmed().toInt();
        }
        if (mine)
            count += threads;
    }
    return count;
}

// Whether the message is one line that never reads "at most 0" or "0 MB" (what a guard said when
// a limit it did not read was taken for zero).
bool saysNoZeroLimit(const QByteArray &err)
{
    return !err.contains("at most 0 ") && !err.contains(" 0 MB") && !err.contains("nan");
}

} // namespace

class TestCliLimits : public QObject
{
    Q_OBJECT
private slots:
    void aThreadTheSystemRefusesFailsThatRunAndKeepsTheOthers()
    {
        // RLIMIT_NPROC binds an unprivileged user only: as root the command runs as `nobody`.
        // bash, not sh: dash's ulimit has no -u.
        const auto wrap = cli::unprivilegedPrefix();
        if (!wrap)
            QSKIP("running as root without setpriv: cannot drop privileges for ulimit -u");
        const int limit = tasksOfUser(::geteuid() == 0 ? 65534 : ::getuid()) + 40;
        QTemporaryDir dir;
        QVERIFY(cli::openToEveryone(dir.path()));
        const QString json = dir.filePath(QStringLiteral("report.json"));
        // 1 and 2 loops fit; 200 do not (every one has tasks: a loop with an empty slice ends
        // before the next starts).
        QStringList args = kTiny + QStringList{"--shards", "1,2,200", "--json", json};
        args[2] = QStringLiteral("1000");
        const Outcome o = cli::runShell(
            *wrap + QStringLiteral("bash -c 'ulimit -u %1 && exec \"$0\" \"$@\"' \"$0\" \"$@\"")
                        .arg(limit),
            args, cli::headlessEnvironment(), 60000);
        QVERIFY2(o.exitCode == kExitRunFailed, o.err.constData());
        QVERIFY2(o.err.contains("run with 200 shards failed: could not start thread "),
                 o.err.constData());
        QVERIFY2(o.err.contains(" of 200: Resource temporarily unavailable"), o.err.constData());
        const QJsonArray runs =
            QJsonDocument::fromJson(cli::readFile(json)).object().value("runs").toArray();
        QCOMPARE(runs.size(), 3);
        QStringList statuses;
        for (const QJsonValue &run : runs)
            statuses.append(
                QStringLiteral("%1:%2").arg(run["shards"].toInt()).arg(run["status"].toString()));
        statuses.sort();
        QCOMPARE(statuses, (QStringList{"1:completed", "200:failed", "2:completed"}));
    }

    void moreLoopsThanOpenFilesAllowIsRefusedBeforeTheRun()
    {
        // `ulimit -n 200` lowers the hard limit too: 300 loops (one eventfd each) cannot fit.
        const Outcome o = cli::runShell(QStringLiteral("ulimit -n 200 && exec \"$0\" \"$@\""),
                                        kTiny + QStringList{"--shards", "300"});
        QCOMPARE(o.exitCode, kExitBadInput);
        QVERIFY2(o.err.startsWith("--shards: 300 shards need"), o.err.constData());
        QVERIFY2(o.err.contains("the limit of 200 (ulimit -n)"), o.err.constData());
        QVERIFY2(o.err.contains("at most "), o.err.constData());
        QVERIFY2(saysNoZeroLimit(o.err), o.err.constData());
        QCOMPARE(o.err.count('\n'), 1);
    }

    void aRuntimeThatCannotRunHereIsRefusedBeforeTheRun()
    {
        // No interpreter there: exit 2 naming --python, nothing run.
        Outcome o = cli::run(kTiny + QStringList{"--runtime", "threads,asyncio", "--python",
                                                 "/nonexistent/python3"});
        QCOMPARE(o.exitCode, kExitBadInput);
        QCOMPARE(o.err, QByteArray("--python: asyncio cannot run here: '/nonexistent/python3' does "
                                   "not exist\n"));
        QVERIFY(o.out.isEmpty());
        // An interpreter without Debian's site packages has asyncio but not uvloop.
        if (!QFileInfo(QStringLiteral("/usr/bin/python3")).isExecutable())
            QSKIP("no /usr/bin/python3");
        QTemporaryDir dir;
        const QString python = dir.filePath(QStringLiteral("python3-nosite"));
        QFile script(python);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\nexec /usr/bin/python3 -S \"$@\"\n");
        script.close();
        script.setPermissions(script.permissions() | QFileDevice::ExeOwner);
        o = cli::run(kTiny + QStringList{"--runtime", "asyncio-uvloop", "--python", python});
        QCOMPARE(o.exitCode, kExitBadInput);
        QVERIFY2(o.err.startsWith(("--python: asyncio-uvloop cannot run here: " + python +
                                   ": uvloop is not installed")
                                      .toUtf8()),
                 o.err.constData());
    }

    void aLowSoftOpenFileLimitIsRaisedToTheHardOne()
    {
        rlimit files{};
        QVERIFY(::getrlimit(RLIMIT_NOFILE, &files) == 0);
        if (files.rlim_max != RLIM_INFINITY && files.rlim_max < 400)
            QSKIP("the hard open-file limit is below 400: nothing to raise to");
        const Outcome o = cli::runShell(QStringLiteral("ulimit -Sn 128 && exec \"$0\" \"$@\""),
                                        kTiny + QStringList{"--shards", "300", "--quiet"});
        QVERIFY2(o.exitCode == 0, o.err.constData());
        QVERIFY2(o.out.contains("300 loops"), o.out.constData());
    }

    void anAddressSpaceLimitIsRefusedNamingTheShards()
    {
#ifdef LOOPBENCH_EXE_SANITIZED
        QSKIP("a sanitized loopbench reserves terabytes of shadow memory: ulimit -v stops it "
              "before main()");
#endif
        // 600 MB of address space: 10 tasks fit many times over, 16 loops' stacks and arenas
        // do not. The guard blames --shards, not the task count.
        const Outcome o = cli::runShell(QStringLiteral("ulimit -v 600000 && exec \"$0\" \"$@\""),
                                        kTiny + QStringList{"--shards", "16"});
        QCOMPARE(o.exitCode, kExitBadInput);
        QVERIFY2(o.err.startsWith("--shards: 16 shards need about "), o.err.constData());
        QVERIFY2(o.err.contains("ulimit -v"), o.err.constData());
        QVERIFY2(o.err.contains("at most "), o.err.constData());
        QVERIFY2(saysNoZeroLimit(o.err), o.err.constData());
        QCOMPARE(o.err.count('\n'), 1);
    }

    void anInvalidMemoryOverrideIsBadInput_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("says");
        QTest::newRow("word") << "abc" << QByteArray("'abc' is not a whole number from 1 to");
        QTest::newRow("zero") << "0" << QByteArray("0 MB is outside 1 to");
        QTest::newRow("negative") << "-5" << QByteArray("-5 MB is outside 1 to");
        QTest::newRow("empty") << "" << QByteArray("1 to 1,073,741,824 MB");
    }

    void anInvalidMemoryOverrideIsBadInput()
    {
        QFETCH(QString, value);
        QFETCH(QByteArray, says);
        QProcessEnvironment env = cli::headlessEnvironment();
        env.insert(QStringLiteral("LOOPBENCH_MEM_AVAILABLE_MB"), value);
        const Outcome o = cli::run(kTiny, env);
        QCOMPARE(o.exitCode, kExitBadInput);
        QVERIFY2(o.err.startsWith("LOOPBENCH_MEM_AVAILABLE_MB: "), o.err.constData());
        QVERIFY2(o.err.contains(says), o.err.constData());
    }

    void aSmallMemoryOverrideRefusesTheTaskCount()
    {
        QProcessEnvironment env = cli::headlessEnvironment();
        env.insert(QStringLiteral("LOOPBENCH_MEM_AVAILABLE_MB"), QStringLiteral("64"));
        const Outcome o = cli::run({"--headless", "--tasks", "2M", "--shards", "1"}, env);
        QCOMPARE(o.exitCode, kExitBadInput);
        QVERIFY2(o.err.startsWith("--tasks: "), o.err.constData());
        QVERIFY2(saysNoZeroLimit(o.err), o.err.constData());
    }

    void optionsWithADisplayRunOnTheCommandLine()
    {
        // A display that cannot be opened is never touched when options are given: they imply
        // --headless (a GUI opened over "--tasks 10" would ignore them).
        QProcessEnvironment env = cli::headlessEnvironment();
        env.insert(QStringLiteral("DISPLAY"), QStringLiteral(":999"));
        const Outcome o = cli::run(kTiny.mid(1) + QStringList{"--quiet"}, env, 60000);
        QVERIFY2(o.exitCode == 0, o.err.constData());
        QVERIFY2(o.out.contains("2 loops"), o.out.constData());
    }

    void noUsableDisplayIsOneLineAndExit2()
    {
#ifndef LOOPBENCH_EXE_HAS_UI
        QSKIP("this loopbench is built without the desktop app: it runs headless on any display");
#else
        QProcessEnvironment env = cli::headlessEnvironment();
        env.insert(QStringLiteral("DISPLAY"), QStringLiteral(":999"));
        const Outcome o = cli::run({}, env, 60000);
        QCOMPARE(o.exitCode, kExitBadInput);
        QVERIFY2(o.err.startsWith("no usable display: Qt cannot open DISPLAY=:999"),
                 o.err.constData());
        QCOMPARE(o.err.count('\n'), 1);
#endif
    }
};

QTEST_GUILESS_MAIN(TestCliLimits)
#include "tst_clilimits.moc"
