// SPDX-License-Identifier: MIT
#include "tests/support/cliprocess.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>

// Ctrl-C (and the other termination signals) on the headless CLI: during the runs it cancels and
// still writes the reports, marked cancelled, with exit code 128 + the signal's number (130 for
// SIGINT, 143 for SIGTERM, 129 for SIGHUP); while the reports are being
// prepared or written it leaves every file as it was before the command. The moments to signal
// are found by watching the process (its shard threads, its output, its files), never by sleeping
// for a guessed time, so a slow or busy machine changes nothing.
namespace {

constexpr int kExitCancelled = 130; // SIGINT: 128 + 2

using cli::hasShardThread;
using cli::readFile;
using cli::waitUntil;

void startCli(QProcess &p, const QStringList &args)
{
    cli::start(p, QStringList{QStringLiteral("--headless")} + args);
}

// Every file under `dir` with its content: a before/after snapshot of what a command touched.
QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files.insert(QDir(dir).relativeFilePath(path), readFile(path));
    }
    return files;
}

} // namespace

class TestCliSignals : public QObject
{
    Q_OBJECT
private slots:
    void signalDuringARunCancelsAndStillWritesTheReport_data()
    {
        QTest::addColumn<int>("signal");
        QTest::addColumn<int>("exitCode"); // the shell's 128 + signal number
        QTest::newRow("SIGINT (Ctrl-C)") << SIGINT << 130;
        QTest::newRow("SIGTERM") << SIGTERM << 143;
        QTest::newRow("SIGHUP (terminal closed)") << SIGHUP << 129;
    }

    void signalDuringARunCancelsAndStillWritesTheReport()
    {
        QFETCH(int, signal);
        QFETCH(int, exitCode);
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("report.json"));
        QProcess p;
        // Sleeps of 60-120 s: the first run is certainly still going when the signal lands.
        startCli(p, {"--tasks", "2000", "--io", "60000:120000", "--cpu", "0:0", "--shards", "1,2",
                     "--repeat", "2", "--json", json});
        QVERIFY(p.waitForStarted());
        QVERIFY2(waitUntil(p, [&] { return hasShardThread(p.processId()); }),
                 p.readAllStandardError().constData());
        QCOMPARE(::kill(pid_t(p.processId()), signal), 0);
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), exitCode);

        const QJsonObject doc = QJsonDocument::fromJson(readFile(json)).object();
        QCOMPARE(doc[u"cancelled"].toBool(), true);
        // How far the interrupted run got, and how long it ran: "cancelled after 0 of 2,000 tasks
        // on 1 loop (0.082 s): no verdict". A signal that lands before the run's t0 (a slow,
        // sanitized start) has no time to give: then the sentence has none, rather than "0 s".
        const QString verdict = doc[u"verdict"].toString();
        static const QRegularExpression expected(
            QStringLiteral("^cancelled after 0 of 2,000 tasks on 1 loop( \\([0-9.]+ s\\))?: "
                           "no verdict$"));
        QVERIFY2(expected.match(verdict).hasMatch(), qPrintable(verdict));
        const QJsonArray runs = doc[u"runs"].toArray();
        // The interrupted run is reported, cancelled, with what it got done; no run starts after
        // the signal.
        QCOMPARE(runs.size(), 1);
        const QJsonObject run = runs[0].toObject();
        QCOMPARE(run[u"status"].toString(), QStringLiteral("cancelled"));
        QCOMPARE(run[u"shards"].toInt(), 1);
        QCOMPARE(run[u"tasks"].toInt(), 2000);
        QCOMPARE(run[u"tasks_done"].toInt(), 0); // no sleep was due yet
        // Not measured: no wall time, but how long it ran once it had started (its t0), and the
        // verdict gives the same time or, before t0, none.
        QVERIFY(run[u"wall_ms"].isNull());
        const QJsonValue elapsed = run[u"elapsed_ms"];
        QVERIFY2(elapsed.isNull() || elapsed.toDouble() > 0,
                 qPrintable(elapsed.toVariant().toString()));
        QCOMPARE(verdict.endsWith(QStringLiteral(" s): no verdict")), !elapsed.isNull());
        // A cancelled run enters no statistic.
        for (const QJsonValue &c : doc[u"statistics"][u"configs"].toArray())
            QCOMPARE(c[u"completed_runs"].toInt(), 0);
        QVERIFY(p.readAllStandardOutput().contains(verdict.toUtf8()));
    }

    void ctrlCWhileReportsAreWrittenLeavesEveryFileAsItWas_data()
    {
        QTest::addColumn<bool>("betweenFiles");
        // Right after the table is printed: the reports are being rendered (tasks.csv for a
        // million tasks), nothing is written yet.
        QTest::newRow("while rendering") << false;
        // Once the first file of the set (report.json) has been replaced: the rest of the set,
        // tasks.csv's tens of megabytes included, is still to be written.
        QTest::newRow("between files") << true;
    }

    void ctrlCWhileReportsAreWrittenLeavesEveryFileAsItWas()
    {
        QFETCH(bool, betweenFiles);
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("report.json"));
        const QString csvDir = dir.filePath(QStringLiteral("reports"));
        QVERIFY(QDir().mkpath(csvDir));
        // Files from an earlier command, which this one would replace.
        for (const QString &path :
             {json, csvDir + QStringLiteral("/runs.csv"), csvDir + QStringLiteral("/notes.txt")}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("from before: " + path.toUtf8() + '\n');
        }
        const QMap<QString, QByteArray> before = snapshot(dir.path());

        QProcess p;
        startCli(p, {"--tasks", "1000000", "--io", "0:0", "--cpu", "0:0", "--shards", "1", "--json",
                     json, "--csv", csvDir, "--csv-tasks"});
        QVERIFY(p.waitForStarted());
        QByteArray out;
        const bool reached = waitUntil(p, [&] {
            if (betweenFiles)
                return readFile(json) != before.value(QStringLiteral("report.json"));
            out += p.readAllStandardOutput();
            return out.contains("1 loop: ");
        });
        QVERIFY2(reached, p.readAllStandardError().constData());
        QCOMPARE(::kill(pid_t(p.processId()), SIGINT), 0);
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);

        const QMap<QString, QByteArray> after = snapshot(dir.path());
        if (p.exitCode() == 0) {
            // The signal came after the last file was written (a very slow test process): then
            // the whole set must be there, new, and the unrelated file untouched.
            qWarning("the signal arrived after the set was written; checking the set instead");
            QCOMPARE(QJsonDocument::fromJson(after.value(QStringLiteral("report.json")))[u"runs"]
                         .toArray()
                         .size(),
                     1);
            for (const char *name :
                 {"runs.csv", "summary.csv", "load.csv", "tasks.csv", "meta.json"})
                QVERIFY2(after.contains(QStringLiteral("reports/") + QLatin1String(name)), name);
            QCOMPARE(after.value(QStringLiteral("reports/notes.txt")),
                     before.value(QStringLiteral("reports/notes.txt")));
            return;
        }
        QCOMPARE(p.exitCode(), kExitCancelled);
        QVERIFY(p.readAllStandardError().contains("interrupted: no report written"));
        // Nothing new, nothing removed, nothing changed.
        QCOMPARE(after.keys(), before.keys());
        for (auto it = before.begin(); it != before.end(); ++it)
            QCOMPARE(after.value(it.key()), it.value());
    }

    void writeOverTheFileSizeLimitFailsAndLeavesNothingBehind()
    {
        // `ulimit -f`: a write past the limit raises SIGXFSZ, which would kill the process with
        // half a set on disk. Ignored, the write fails with EFBIG, the command says so and the
        // set is rolled back. tasks.csv of 2000 tasks (~100 KB) is far over 10 blocks.
        QTemporaryDir dir;
        const QString csvDir = dir.filePath(QStringLiteral("reports"));
        QVERIFY(QDir().mkpath(csvDir)); // the folder exists before: only files could be left
        const QString json = dir.filePath(QStringLiteral("report.json"));
        const cli::Outcome o =
            cli::runShell(QStringLiteral("ulimit -f 10; exec \"$0\" \"$@\""),
                          {"--headless", "--tasks", "2000", "--io", "0:1", "--cpu", "0:10",
                           "--shards", "1", "--json", json, "--csv-tasks", "--csv", csvDir});
        const QByteArray &err = o.err;
        QVERIFY2(o.exitCode > 0, err.constData()); // not killed by SIGXFSZ (-1), and not 0
        QVERIFY2(err.contains("File too large"), err.constData());
        QVERIFY2(snapshot(dir.path()).isEmpty(),
                 qPrintable(snapshot(dir.path()).keys().join(u' ')));
    }
};

QTEST_GUILESS_MAIN(TestCliSignals)
#include "tst_clisignals.moc"
