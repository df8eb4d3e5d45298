// SPDX-License-Identifier: MIT
#include "core/experiment/experiment.h"
#include "core/report/csvreport.h"
#include "core/report/csvreportset.h"
#include "core/report/reportfile.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>

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

    void aCsvSetIsWrittenWholeOrNotAtAll()
    {
        ExperimentSpec spec;
        spec.workload.tasks = 3000; // tasks.csv alone is well above the limit below
        spec.workload.ioMinMs = 0;
        spec.workload.ioMaxMs = 2;
        spec.workload.cpuMin = 0;
        spec.workload.cpuMax = 10;
        const ExperimentResult result = runExperiment(spec);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("reports"));
        QString error;
        {
            FileSizeLimit full(32 * 1024);
            QVERIFY(!writeCsvReports(out, result, nullptr, true, &error));
        }
        QVERIFY2(error.contains(QStringLiteral("tasks.csv")), qPrintable(error));
        QCOMPARE(QDir(out).entryList(QDir::Files), QStringList()); // runs/summary rolled back
        std::atomic<bool> cancel{true};
        QVERIFY(!writeCsvReports(out, result, nullptr, true, &error, nullptr, &cancel));
        QCOMPARE(error, QStringLiteral("export cancelled: nothing was written"));
        QCOMPARE(QDir(out).entryList(QDir::Files), QStringList());
        QStringList written;
        QVERIFY(writeCsvReports(out, result, nullptr, true, &error, &written));
        QCOMPARE(written.size(), 4); // runs, summary, tasks, meta
    }
};

QTEST_GUILESS_MAIN(TestReportFile)
#include "tst_reportfile.moc"
