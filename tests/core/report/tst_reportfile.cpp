// SPDX-License-Identifier: MIT
#include "core/experiment/experiment.h"
#include "core/report/csvreport.h"
#include "core/report/csvreportset.h"
#include "core/report/reportfile.h"
#include "tests/support/foldersnapshot.h"
#include "tests/support/runexperiment.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <QRegularExpression>

#include <csignal>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using foldersnapshot::snapshot;
using foldersnapshot::writeFile;

namespace {

// A disk that is full after `bytes` for this process only, without root or a mount: writes past
// RLIMIT_FSIZE fail with EFBIG exactly as they fail with ENOSPC on a full disk.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &m_saved);
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN); // else the kernel kills us instead of EFBIG
        rlimit limit = m_saved;
        limit.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_oldHandler);
    }

private:
    rlimit m_saved{};
    void (*m_oldHandler)(int) = nullptr;
};

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

ReportFile rf(const QString &path, const QByteArray &bytes, const char *option = "",
              bool ownFolder = false)
{
    return ReportFile{path, bytes, QString::fromLatin1(option), ownFolder};
}

ino_t inodeOf(const QString &path)
{
    struct stat st
    {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_ino : 0;
}

// Standard output pointed at `path` (opened for appending, like `>>`) while it lives.
class StdoutTo
{
public:
    explicit StdoutTo(const QString &path)
    {
        std::fflush(stdout);
        m_saved = ::dup(STDOUT_FILENO);
        const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_APPEND);
        ::dup2(fd, STDOUT_FILENO);
        ::close(fd);
    }
    ~StdoutTo()
    {
        ::dup2(m_saved, STDOUT_FILENO);
        ::close(m_saved);
    }

private:
    int m_saved = -1;
};

} // namespace

class TestReportFile : public QObject
{
    Q_OBJECT
private slots:
    void replacesAWholeFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.json"));
        QString error;
        QVERIFY(writeReport(path, QByteArray(10000, 'a'), &error));
        QVERIFY(writeReport(path, "short", &error));
        QCOMPARE(readAll(path), QByteArray("short"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // no temporary left behind
    }

    void unwritableDirectoryNamesThePathAndLeavesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("missing/r.json"));
        QString error;
        QVERIFY(!writeReport(path, "x", &error));
        QVERIFY2(error.startsWith(QStringLiteral("cannot write ") + path + QStringLiteral(": ")),
                 qPrintable(error));
        QVERIFY(!QFileInfo::exists(path));
    }

    void fullDiskLeavesTheOldFileAndNoPartialOne()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.json"));
        QString error;
        QVERIFY(writeReport(path, "old report", &error));
        {
            FileSizeLimit full(4096);
            QVERIFY(!writeReport(path, QByteArray(64 * 1024, 'x'), &error));
        }
        QVERIFY2(error.contains(QStringLiteral("File too large")), qPrintable(error));
        QCOMPARE(readAll(path), QByteArray("old report"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
    }

    void refusesToReplaceSomethingThatIsNotAFile()
    {
        // A FIFO stands in for a device such as /dev/full: renaming a temporary file over it
        // would replace the node itself.
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("pipe"));
        QCOMPARE(mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QString error;
        QVERIFY(!writeReport(fifo, "x", &error));
        QCOMPARE(error, QStringLiteral("cannot write %1: not a regular file").arg(fifo));
        struct stat st
        {};
        QCOMPARE(stat(QFile::encodeName(fifo).constData(), &st), 0);
        QVERIFY(S_ISFIFO(st.st_mode));
        QVERIFY(!writeReport(dir.path(), "x", &error)); // nor a directory
    }

    void aFailedSetKeepsEveryOldFileByteForByte()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a.json"));
        const QString b = dir.filePath(QStringLiteral("b.csv"));
        writeFile(a, "old a\n");
        writeFile(b, "old b\n");
        const ino_t inode = inodeOf(a);
        const auto before = snapshot(dir.path());
        QString error;
        {
            // a.json fits, b.csv does not: a.json must not have been replaced meanwhile.
            FileSizeLimit full(4096);
            QVERIFY(!writeReportSet({rf(a, "new a"), rf(b, QByteArray(64 * 1024, 'b'), "--csv")},
                                    nullptr, nullptr, &error));
        }
        QVERIFY2(error.startsWith(QStringLiteral("--csv: cannot write ") + b), qPrintable(error));
        QCOMPARE(snapshot(dir.path()), before); // no temporary, no second name left either
        QCOMPARE(inodeOf(a), inode);            // the very file, not a copy
    }

    void aFileNamedLikeTheKeptPreviousVersionIsLeftAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.json"));
        writeFile(path, "old");
        writeFile(path + QStringLiteral(".loopbench-previous"), "the user's own file");
        QString error;
        QVERIFY2(writeReportSet({rf(path, "new")}, nullptr, nullptr, &error), qPrintable(error));
        QCOMPARE(readAll(path), QByteArray("new"));
        QCOMPARE(readAll(path + QStringLiteral(".loopbench-previous")),
                 QByteArray("the user's own file"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 2);
    }

    void aVeryLongFileNameIsStillWritten()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QString(250, QLatin1Char('r')));
        writeFile(path, "old");
        QString error;
        QVERIFY2(writeReport(path, "new", &error), qPrintable(error));
        QCOMPARE(readAll(path), QByteArray("new"));
    }

    void aSymlinkIsWrittenThroughAndKept()
    {
        QTemporaryDir outside;
        QTemporaryDir dir;
        const QString real = outside.filePath(QStringLiteral("real.json"));
        const QString link = dir.filePath(QStringLiteral("r.json"));
        writeFile(real, "old real\n");
        QVERIFY(QFile::link(real, link));
        QString error;
        {
            FileSizeLimit full(4096);
            QVERIFY(!writeReportSet({rf(link, "new"), rf(dir.filePath(QStringLiteral("big")),
                                                         QByteArray(64 * 1024, 'x'))},
                                    nullptr, nullptr, &error));
        }
        QCOMPARE(readAll(real), QByteArray("old real\n"));
        QVERIFY(QFileInfo(link).isSymLink());
        QCOMPARE(snapshot(outside.path()).size(), 1);

        QVERIFY2(writeReportSet({rf(link, "new")}, nullptr, nullptr, &error), qPrintable(error));
        QVERIFY(QFileInfo(link).isSymLink());
        QCOMPARE(QFileInfo(link).symLinkTarget(), real);
        QCOMPARE(readAll(real), QByteArray("new"));
        QCOMPARE(snapshot(outside.path()).size(), 1); // the temporary was beside real.json

        // A link to a file not there yet: the shell creates the file, and so does the set.
        const QString dangling = dir.filePath(QStringLiteral("d.json"));
        const QString created = outside.filePath(QStringLiteral("created.json"));
        QVERIFY(QFile::link(created, dangling));
        QVERIFY2(writeReport(dangling, "made", &error), qPrintable(error));
        QVERIFY(QFileInfo(dangling).isSymLink());
        QCOMPARE(readAll(created), QByteArray("made"));
    }

    void aFileOpenAsStandardOutputIsAppendedToNotReplaced()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("results.log"));
        writeFile(log, "earlier\n");
        const ino_t inode = inodeOf(log);
        QCOMPARE(reportStream(QStringLiteral("-")), 1);
        QCOMPARE(reportStream(log), -1);
        QString error;
        {
            StdoutTo redirect(log);
            QCOMPARE(reportStream(log), 1);
            QCOMPARE(reportStream(QStringLiteral("/dev/stdout")), 1);
            QCOMPARE(reportStream(QStringLiteral("/proc/self/fd/1")), 1);
            QVERIFY2(writeReportSet({rf(QStringLiteral("/dev/stdout"), "report\n", "--json")},
                                    nullptr, nullptr, &error),
                     qPrintable(error));
        }
        QCOMPARE(readAll(log), QByteArray("earlier\nreport\n"));
        QCOMPARE(inodeOf(log), inode);
    }

    void nothingIsStreamedWhenAnotherFileOfTheSetIsRefused()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("out.log"));
        writeFile(log, "");
        QString error;
        {
            StdoutTo redirect(log);
            QVERIFY(!writeReportSet(
                {{QStringLiteral("-"), "streamed\n", "--json"}, {dir.path(), "x", "--markdown"}},
                nullptr, nullptr, &error));
        }
        QCOMPARE(error,
                 QStringLiteral("--markdown: cannot write %1: not a regular file").arg(dir.path()));
        QCOMPARE(readAll(log), QByteArray());
    }

    void aFailedWriteToStandardOutputSaysWhy()
    {
        QString error;
        {
            StdoutTo redirect(QStringLiteral("/dev/full"));
            QVERIFY(!writeReportSet({rf(QStringLiteral("-"), "x", "--json")}, nullptr, nullptr,
                                    &error));
        }
        QCOMPARE(error, QStringLiteral(
                            "--json: cannot write to standard output: No space left on device"));
    }

    void theSameFileTwiceIsRefusedHoweverSpelled()
    {
        QTemporaryDir dir;
        const QString x = dir.filePath(QStringLiteral("x"));
        QVERIFY(QFile::link(x, dir.filePath(QStringLiteral("y"))));
        const QString same = QStringLiteral("--json and --markdown both write to %1: give each "
                                            "report its own file")
                                 .arg(x);
        for (const QString &other :
             {x, dir.path() + QStringLiteral("/./x"), dir.path() + QStringLiteral("/sub/../x"),
              dir.filePath(QStringLiteral("y"))}) {
            const auto problem = checkReportSet({rf(x, {}, "--json"), rf(other, {}, "--markdown")});
            QVERIFY2(problem, qPrintable(other));
            QCOMPARE(*problem, same);
        }
        QVERIFY(
            !checkReportSet({rf(x, {}, "--json"), rf(x + QStringLiteral("2"), {}, "--markdown")}));
        // A file of a CSV folder's set.
        const QString runs = dir.filePath(QStringLiteral("d/runs.csv"));
        QList<ReportFile> files{rf(runs, {}, "--json")};
        for (const QString &name : csvReportFileNames(false))
            files.append(rf(dir.filePath(QStringLiteral("d/") + name), {}, "--csv", true));
        QCOMPARE(checkReportSet(files).value_or(QString()),
                 QStringLiteral("--json and --csv both write to %1: give each report its own file")
                     .arg(runs));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("d")))); // a check creates nothing
    }

    void foldersTheSetCreatedAreRemovedWhenItFails()
    {
        QTemporaryDir dir;
        const QString inner = dir.filePath(QStringLiteral("new/reports"));
        QString error;
        {
            FileSizeLimit full(4096);
            QVERIFY(!writeReportSet(
                {{inner + QStringLiteral("/a.csv"), "a", "--csv", true},
                 {inner + QStringLiteral("/b.csv"), QByteArray(64 * 1024, 'b'), "--csv", true}},
                nullptr, nullptr, &error));
        }
        QVERIFY2(error.contains(QStringLiteral("File too large")), qPrintable(error));
        QCOMPARE(snapshot(dir.path()), (QMap<QString, QByteArray>()));

        std::atomic<bool> cancel{true};
        QVERIFY(!writeReportSet({rf(inner + QStringLiteral("/a.csv"), "a", "--csv", true)}, &cancel,
                                nullptr, &error));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("new"))));
    }

    void aFolderThatCannotBeCreatedSaysWhy()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("file")), "x");
        const QString folder = dir.filePath(QStringLiteral("file/sub"));
        const QList<ReportFile> set{rf(folder + QStringLiteral("/runs.csv"), "r", "--csv", true)};
        const QString expected =
            QStringLiteral("--csv: cannot create folder %1: Not a directory").arg(folder);
        QCOMPARE(checkReportSet(set).value_or(QString()), expected);
        QString error;
        QVERIFY(!writeReportSet(set, nullptr, nullptr, &error));
        QCOMPARE(error, expected);
    }

    void aFolderBeingWrittenByAnotherProcessIsRefused()
    {
        QTemporaryDir dir;
        const QString runs = dir.filePath(QStringLiteral("runs.csv"));
        writeFile(runs, "theirs");
        const QList<ReportFile> set{rf(runs, "ours", "--csv", true)};
        QString error;
        {
            // The lock another LoopBench takes: a flock on the folder (each open of it is a
            // holder of its own, so this process stands for the other one).
            const int fd = ::open(QFile::encodeName(dir.path()).constData(), O_RDONLY);
            QCOMPARE(::flock(fd, LOCK_EX | LOCK_NB), 0);
            QVERIFY(!writeReportSet(set, nullptr, nullptr, &error));
            ::close(fd);
        }
        QCOMPARE(error, QStringLiteral("--csv: folder %1 is being written by another LoopBench "
                                       "(pid %2)")
                            .arg(dir.path())
                            .arg(QCoreApplication::applicationPid()));
        QCOMPARE(readAll(runs), QByteArray("theirs"));
        QVERIFY2(writeReportSet(set, nullptr, nullptr, &error), qPrintable(error));
        QCOMPARE(readAll(runs), QByteArray("ours"));
    }

    void notEnoughSpaceNamesTheSetAndTheFileSystem()
    {
        // A small file system of its own needs a mount: only as root (else skipped).
        if (::geteuid() != 0)
            QSKIP("needs root to mount a small tmpfs");
        QTemporaryDir dir;
        const QByteArray mountPoint = QFile::encodeName(dir.path());
        if (::mount("tmpfs", mountPoint.constData(), "tmpfs", 0, "size=64k") != 0)
            QSKIP("cannot mount a tmpfs here");
        const QString old = dir.filePath(QStringLiteral("old.json"));
        writeFile(old, "old");
        QString error;
        const bool ok = writeReportSet({rf(old, QByteArray(48 * 1024, 'j'), "--json"),
                                        rf(dir.filePath(QStringLiteral("c/tasks.csv")),
                                           QByteArray(48 * 1024, 't'), "--csv", true)},
                                       nullptr, nullptr, &error);
        const auto after = snapshot(dir.path());
        ::umount(mountPoint.constData());
        QVERIFY(!ok);
        // Free is what is left of the 64 KB once old.json and the folder c take their blocks.
        const QRegularExpression expected(
            QStringLiteral("^the reports need 96 KB on %1 \\(tmpfs\\), [1-6]?[0-9] KB free$")
                .arg(QRegularExpression::escape(dir.path())));
        QVERIFY2(expected.match(error).hasMatch(), qPrintable(error));
        QCOMPARE(after.keys(), QStringList{QStringLiteral("old.json")}); // folder c removed
        QCOMPARE(after.value(QStringLiteral("old.json")), QByteArray("old"));
    }

    void aCsvSetIsWrittenWholeOrNotAtAll()
    {
        ExperimentSpec spec;
        spec.workload.tasks = 3000; // tasks.csv alone is well above the limit below
        spec.workload.ioMinMs = 0;
        spec.workload.ioMaxMs = 2;
        spec.workload.cpuMin = 0;
        spec.workload.cpuMax = 10;
        const ExperimentResult result = testexperiments::runExperiment(spec);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("reports"));
        QString error;
        {
            FileSizeLimit full(32 * 1024);
            QVERIFY(!writeCsvReports(out, result, true, &error));
        }
        QVERIFY2(error.contains(QStringLiteral("tasks.csv")), qPrintable(error));
        QVERIFY(!QFileInfo::exists(out)); // the folder it created is gone again
        std::atomic<bool> cancel{true};
        QVERIFY(!writeCsvReports(out, result, true, &error, nullptr, &cancel));
        QCOMPARE(error, QStringLiteral("export cancelled: nothing was written"));
        QVERIFY(!QFileInfo::exists(out));
        QStringList written;
        QVERIFY(writeCsvReports(out, result, true, &error, &written));
        QCOMPARE(written.size(), 5); // runs, summary, load, tasks, meta
    }
};

QTEST_GUILESS_MAIN(TestReportFile)
#include "tst_reportfile.moc"
