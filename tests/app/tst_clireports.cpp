// SPDX-License-Identifier: MIT
#include "tests/support/cliprocess.h"
#include "tests/support/foldersnapshot.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>

using foldersnapshot::snapshot;
using foldersnapshot::writeFile;

// The report targets of the headless CLI, run as a user runs it (through a shell where the
// shell's redirections are the point): a failed or refused command leaves every file as it was,
// two reports never share a file, the process's own stdout is written as a stream, writes to
// stdout are checked, and two processes never mix their sets in one --csv folder.
namespace {

constexpr int kExitRunFailed = 1;
constexpr int kExitBadInput = 2;

using cli::finish;
using cli::headlessEnvironment;
using cli::openToEveryone;
using cli::Outcome;
using cli::readFile;
using cli::runShell;
using cli::unprivilegedPrefix;

// Small runs: a command takes well under a second.
const QStringList kSmall{QStringLiteral("--headless"), QStringLiteral("--tasks"),
                         QStringLiteral("10"),         QStringLiteral("--io"),
                         QStringLiteral("0:1"),        QStringLiteral("--cpu"),
                         QStringLiteral("0:10"),       QStringLiteral("--quiet")};

Outcome runCli(const QStringList &args, const QString &stdoutFile = {})
{
    QProcess p;
    if (!stdoutFile.isEmpty())
        p.setStandardOutputFile(stdoutFile);
    cli::start(p, args);
    return finish(p);
}

// The pid of the process that holds a flock, from /proc/locks; 0 if `pid` holds none.
bool holdsFlock(qint64 pid)
{
    QFile locks(QStringLiteral("/proc/locks"));
    if (!locks.open(QIODevice::ReadOnly))
        return false;
    for (const QByteArray &line : locks.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() >= 5 && fields[1] == "FLOCK" && fields[4].toLongLong() == pid)
            return true;
    }
    return false;
}

} // namespace

class TestCliReports : public QObject
{
    Q_OBJECT
private slots:
    void aRefusedTargetLeavesThePreviousReport()
    {
        QTemporaryDir dir;
        const QString prev = dir.filePath(QStringLiteral("prev.json"));
        writeFile(prev, "OLD\n");
        const Outcome o = runCli(kSmall + QStringList{"--json", prev, "--markdown", "/dev/full"});
        QCOMPARE(o.exitCode, kExitBadInput);
        QCOMPARE(o.err, QByteArray("--markdown: cannot write /dev/full: not a regular file\n"));
        QVERIFY(o.out.isEmpty()); // refused before the run
        QCOMPARE(readFile(prev), QByteArray("OLD\n"));
    }

    void aFullDiskAfterTheRunLeavesEveryFileAndRemovesTheNewFolder()
    {
        QTemporaryDir dir;
        const QString prev = dir.filePath(QStringLiteral("prev.json"));
        writeFile(prev, "OLD\n");
        const QMap<QString, QByteArray> before = snapshot(dir.path());
        // 32 blocks (16 or 32 KB, as the shell counts them): the JSON fits, tasks.csv of 3000
        // tasks does not. SIGXFSZ ignored so that the write fails instead of killing.
        const Outcome o =
            runShell(QStringLiteral("trap '' XFSZ; ulimit -f 32; exec \"$0\" \"$@\""),
                     QStringList{"--headless", "--tasks", "3000", "--io", "0:1", "--cpu", "0:10",
                                 "--quiet", "--json", prev, "--csv",
                                 dir.filePath(QStringLiteral("new/reports")), "--csv-tasks"});
        QCOMPARE(o.exitCode, kExitRunFailed);
        QVERIFY2(o.err.contains("--csv: cannot write ") && o.err.contains("File too large"),
                 o.err.constData());
        QCOMPARE(snapshot(dir.path()), before);
    }

    void theSameFileTwiceIsRefusedBeforeTheRun_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message"); // %1: the folder the command runs in
        QTest::newRow("one name") << QStringList{"--json", "x", "--markdown", "x"}
                                  << "--json and --markdown both write to x: give each report "
                                     "its own file\n";
        QTest::newRow("./ spelling") << QStringList{"--json", "x", "--markdown", "./x"}
                                     << "--json and --markdown both write to x: give each report "
                                        "its own file\n";
        QTest::newRow("through a symlink")
            << QStringList{"--markdown", "link", "--csv", "x.csv"}
            << "--markdown and --csv both write to link: give each report its own file\n";
        QTest::newRow("a file of the CSV folder")
            << QStringList{"--json", "d/runs.csv", "--csv", "d"}
            << "--json and --csv both write to d/runs.csv: give each report its own file\n";
    }

    void theSameFileTwiceIsRefusedBeforeTheRun()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QVERIFY(QFile::link(QStringLiteral("x.csv"), dir.filePath(QStringLiteral("link"))));
        QProcess p;
        p.setProcessEnvironment(headlessEnvironment());
        p.setWorkingDirectory(dir.path());
        p.start(QStringLiteral(LOOPBENCH_EXE), kSmall + args);
        const Outcome o = finish(p);
        QCOMPARE(o.exitCode, kExitBadInput);
        QCOMPARE(QString::fromUtf8(o.err), message);
        QVERIFY(o.out.isEmpty());
        QCOMPARE(snapshot(dir.path()).keys(), QStringList{QStringLiteral("link")});
    }

    void jsonToTheStdoutOfAnAppendedLogKeepsTheLog()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("results.log"));
        writeFile(log, "earlier content\n");
        struct stat st
        {};
        QCOMPARE(::stat(QFile::encodeName(log).constData(), &st), 0);
        const ino_t inode = st.st_ino;
        // Last with the log's own name: the same file as stdout, so a stream too.
        QProcess p;
        QProcessEnvironment env = headlessEnvironment();
        env.insert(QStringLiteral("LOG"), log);
        p.setProcessEnvironment(env);
        const QString script = QStringLiteral("exec \"$0\" \"$@\" >> \"$LOG\"");
        QByteArray expected = "earlier content\n";
        for (const QString &target :
             {QStringLiteral("/dev/stdout"), QStringLiteral("/proc/self/fd/1"), log}) {
            p.start(QStringLiteral("sh"),
                    QStringList{QStringLiteral("-c"), script, QStringLiteral(LOOPBENCH_EXE)} +
                        kSmall + QStringList{"--json", target});
            const Outcome o = finish(p);
            QCOMPARE(o.exitCode, 0);
            QVERIFY(o.err.contains("loop")); // the verdict went to stderr, not into the log
            const QByteArray now = readFile(log);
            QVERIFY2(now.startsWith(expected), qPrintable(target));
            const QJsonDocument json = QJsonDocument::fromJson(now.mid(expected.size()));
            QVERIFY2(json.isObject() && json[u"runs"].isArray(), qPrintable(target));
            expected = now;
        }
        QCOMPARE(::stat(QFile::encodeName(log).constData(), &st), 0);
        QCOMPARE(st.st_ino, inode); // appended to, never renamed over
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
    }

    void aFailedWriteToStandardOutputFailsTheCommand_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString full = QStringLiteral("exec \"$0\" \"$@\" > /dev/full");
        const QString closed = QStringLiteral("exec \"$0\" \"$@\" >&-");
        QTest::newRow("json, full") << full << QStringList{"--json", "-"}
                                    << "--json: cannot write to standard output: No space left "
                                       "on device\n";
        QTest::newRow("json, closed") << closed << QStringList{"--json", "-"}
                                      << "--json: cannot write to standard output: Bad file "
                                         "descriptor\n";
        QTest::newRow("table, full") << full << QStringList{}
                                     << "cannot write to standard output: No space left on "
                                        "device\n";
        QTest::newRow("table, closed") << closed << QStringList{}
                                       << "cannot write to standard output: Bad file "
                                          "descriptor\n";
    }

    void aFailedWriteToStandardOutputFailsTheCommand()
    {
        QFETCH(QString, script);
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Outcome o = runShell(script, kSmall + args);
        QCOMPARE(o.exitCode, kExitRunFailed);
        QVERIFY2(o.err.endsWith(message.toUtf8()), o.err.constData());
    }

    void nothingIsStreamedWhenAnotherReportIsRefused()
    {
        QTemporaryDir dir;
        const Outcome o = runCli(kSmall + QStringList{"--json", "-", "--markdown", dir.path()});
        QCOMPARE(o.exitCode, kExitBadInput);
        QVERIFY(o.out.isEmpty());
        QCOMPARE(
            QString::fromUtf8(o.err),
            QStringLiteral("--markdown: cannot write %1: not a regular file\n").arg(dir.path()));
    }

    void aCsvFolderThatCannotBeCreatedSaysWhy()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("file")), "x");
        const QString folder = dir.filePath(QStringLiteral("file/reports"));
        const Outcome o = runCli(kSmall + QStringList{"--csv", folder});
        QCOMPARE(o.exitCode, kExitBadInput);
        QCOMPARE(QString::fromUtf8(o.err),
                 QStringLiteral("--csv: cannot create folder %1: Not a directory\n").arg(folder));
    }

    void aFolderThatCannotBeWrittenIsRefusedBeforeTheRun_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message"); // %1: the read-only folder
        QTest::newRow("replace a file") << QStringList{"--json", "%1/r.json"}
                                        << "--json: cannot write %1/r.json: Permission denied\n";
        QTest::newRow("new file") << QStringList{"--markdown", "%1/new.md"}
                                  << "--markdown: cannot write %1/new.md: Permission denied\n";
        QTest::newRow("new folder")
            << QStringList{"--csv", "%1/sub/deeper"}
            << "--csv: cannot create folder %1/sub/deeper: Permission denied\n";
    }

    void aFolderThatCannotBeWrittenIsRefusedBeforeTheRun()
    {
        // Permissions bind an unprivileged user only: as root the command runs as `nobody`.
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const auto wrap = unprivilegedPrefix();
        if (!wrap)
            QSKIP("running as root without setpriv: cannot drop privileges");
        QTemporaryDir dir;
        QVERIFY(openToEveryone(dir.path()));
        const QString readOnly = dir.filePath(QStringLiteral("ro"));
        QVERIFY(QDir().mkdir(readOnly));
        writeFile(readOnly + QStringLiteral("/r.json"), "KEEP");
        QVERIFY(QFile::setPermissions(readOnly, QFileDevice::ReadOwner | QFileDevice::ExeOwner |
                                                    QFileDevice::ReadOther |
                                                    QFileDevice::ExeOther));
        for (QString &arg : args)
            arg = arg.arg(readOnly);
        const Outcome o = runShell(*wrap + QStringLiteral("\"$0\" \"$@\""), kSmall + args);
        QCOMPARE(o.exitCode, kExitBadInput);
        QCOMPARE(QString::fromUtf8(o.err), message.arg(readOnly));
        QVERIFY2(o.out.isEmpty(), o.out.constData()); // refused before the run: no table
        QCOMPARE(readFile(readOnly + QStringLiteral("/r.json")), QByteArray("KEEP"));
        QCOMPARE(QDir(readOnly).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList{QStringLiteral("r.json")});
    }

    void twoWritersOfOneCsvFolderNeverMixTheirSets()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("reports"));
        // The first writer is caught holding the folder's lock and stopped there: its set of a
        // million tasks takes long enough to write that a poll of /proc/locks sees the lock.
        // Should it finish first anyway (a very fast disk), the race is tried again.
        for (int attempt = 0; attempt < 5; ++attempt) {
            QDir(csv).removeRecursively();
            QProcess first;
            first.setProcessEnvironment(headlessEnvironment());
            first.start(QStringLiteral(LOOPBENCH_EXE),
                        QStringList{"--headless", "--tasks", "1000000", "--io", "0:0", "--cpu",
                                    "0:0", "--shards", "1", "--quiet", "--csv", csv,
                                    "--csv-tasks"});
            QVERIFY(first.waitForStarted());
            const qint64 pid = first.processId();
            bool caught = false;
            while (!caught && !first.waitForFinished(0))
                caught = holdsFlock(pid) && ::kill(pid_t(pid), SIGSTOP) == 0;
            if (!caught) {
                QCOMPARE(first.exitCode(), 0);
                continue;
            }
            const Outcome second = runCli(kSmall + QStringList{"--csv", csv});
            QCOMPARE(::kill(pid_t(pid), SIGCONT), 0);
            const Outcome firstOutcome = finish(first);
            QCOMPARE(second.exitCode, kExitRunFailed);
            QCOMPARE(QString::fromUtf8(second.err),
                     QStringLiteral("--csv: folder %1 is being written by another LoopBench "
                                    "(pid %2)\n")
                         .arg(csv)
                         .arg(pid));
            QCOMPARE(firstOutcome.exitCode, 0);
            // The first writer's whole set, and nothing else (no temporary of either).
            QCOMPARE(
                QDir(csv).entryList(QDir::Files | QDir::Hidden),
                (QStringList{"load.csv", "meta.json", "runs.csv", "summary.csv", "tasks.csv"}));
            // Every file is the first writer's (1000000 tasks; the second asked for 10).
            for (const char *name : {"runs.csv", "summary.csv", "tasks.csv"}) {
                QVERIFY2(readFile(csv + QLatin1Char('/') + QLatin1String(name))
                             .contains("\n# tasks: 1000000\n"),
                         name);
            }
            const QByteArray tasks = readFile(csv + QStringLiteral("/tasks.csv"));
            QCOMPARE(tasks.count("\n0,0,"), 1); // task 0 once, and the last task at the end
            QVERIFY(tasks.contains("\n999999,0,"));
            QVERIFY(tasks.endsWith('\n'));
            return;
        }
        QSKIP("the first writer finished before its lock could be seen, five times");
    }
};

QTEST_GUILESS_MAIN(TestCliReports)
#include "tst_clireports.moc"
