// SPDX-License-Identifier: MIT
#include "core/base/messageline.h"
#include "tests/support/cliprocess.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include <csignal>
#include <dirent.h>
#include <unistd.h>

// What the headless CLI prints and writes where a number does not exist (a failed or cancelled
// run has no speedup, ideal bound or efficiency: "—" in the table and Markdown, null in JSON, an
// empty CSV field, never nan or 0.00×), and how it handles paths and values no terminal line can
// show as they are (bytes that are not UTF-8, a newline, 100 KB).
namespace {

using cli::hasShardThread;
using cli::headlessEnvironment;
using cli::Outcome;
using cli::readFile;

Outcome runCli(const QStringList &args)
{
    return cli::run(QStringList{QStringLiteral("--headless")} + args);
}

// The runs.csv rows (comment lines skipped) as fields by column name. No field of these reports
// is quoted, so splitting at commas is exact.
QList<QMap<QString, QString>> csvRows(const QByteArray &csv)
{
    QList<QMap<QString, QString>> rows;
    QStringList header;
    for (const QByteArray &line : csv.split('\n')) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QStringList fields = QString::fromUtf8(line).split(QLatin1Char(','));
        if (header.isEmpty()) {
            header = fields;
            continue;
        }
        QMap<QString, QString> row;
        for (qsizetype i = 0; i < header.size() && i < fields.size(); ++i)
            row.insert(header[i], fields[i]);
        rows.append(row);
    }
    return rows;
}

// The one set of checks for a run that did not complete, whatever stopped it.
void verifyMissingNumbers(const QByteArray &table, const QString &json, const QString &csvDir,
                          const QString &markdown, const char *status)
{
    for (const QByteArray &text : {table, readFile(markdown)}) {
        QVERIFY2(!text.contains("nan"), text.constData());
        QVERIFY2(!text.contains("0.00×"), text.constData());
        QVERIFY2(!text.contains("0.00 x"), text.constData());
        QVERIFY2(text.contains("—"), text.constData());
    }
    const QJsonArray runs = QJsonDocument::fromJson(readFile(json))[u"runs"].toArray();
    QVERIFY(!runs.isEmpty());
    for (const QJsonValue &run : runs) {
        QCOMPARE(run[u"status"].toString(), QLatin1String(status));
        QVERIFY2(run[u"ideal_ms"].isNull(), qPrintable(run[u"ideal_ms"].toVariant().toString()));
        QVERIFY(run[u"efficiency"].isNull());
    }
    const auto rows = csvRows(readFile(csvDir + QStringLiteral("/runs.csv")));
    QCOMPARE(rows.size(), runs.size());
    for (const auto &row : rows) {
        QCOMPARE(row.value(QStringLiteral("status")), QLatin1String(status));
        QCOMPARE(row.value(QStringLiteral("ideal_ms"), QStringLiteral("<none>")), QString());
        QCOMPARE(row.value(QStringLiteral("efficiency"), QStringLiteral("<none>")), QString());
        QCOMPARE(row.value(QStringLiteral("speedup"), QStringLiteral("<none>")), QString());
    }
}

} // namespace

class TestCliOutput : public QObject
{
    Q_OBJECT
private slots:
    void failedRunsPrintMissingMarksNotNumbers()
    {
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("r.json"));
        const QString csv = dir.filePath(QStringLiteral("csv"));
        const QString md = dir.filePath(QStringLiteral("r.md"));
        const Outcome o =
            runCli({"--tasks", "20", "--io", "0:1", "--cpu", "0:10", "--shards", "1,2",
                    "--fail-task", "3", "--json", json, "--csv", csv, "--markdown", md});
        QCOMPARE(o.exitCode, 1);
        verifyMissingNumbers(o.out, json, csv, md, "failed");
        // One shard, not "1 shards".
        QVERIFY2(o.err.contains("run with 1 shard failed: "), o.err.constData());
    }

    void aCancelledRunPrintsMissingMarksNotNumbers()
    {
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("r.json"));
        const QString csv = dir.filePath(QStringLiteral("csv"));
        const QString md = dir.filePath(QStringLiteral("r.md"));
        QProcess p;
        p.setProcessEnvironment(headlessEnvironment());
        p.start(QStringLiteral(LOOPBENCH_EXE),
                {"--headless", "--tasks", "200", "--io", "60000:120000", "--cpu", "0:0", "--shards",
                 "1,2", "--json", json, "--csv", csv, "--markdown", md});
        QVERIFY(p.waitForStarted());
        QElapsedTimer timer;
        timer.start();
        while (!hasShardThread(p.processId()) && timer.elapsed() < 60000 && !p.waitForFinished(1)) {
        }
        QCOMPARE(::kill(pid_t(p.processId()), SIGINT), 0);
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 130);
        verifyMissingNumbers(p.readAllStandardOutput(), json, csv, md, "cancelled");
    }

    void aPathThatIsNotUtf8IsUsedByteForByte()
    {
        // "résultat.json" in Latin-1: the é is the single byte 0xE9, which is no UTF-8. The
        // shell passes the bytes as they are (QProcess would encode a QString as UTF-8).
        QTemporaryDir dir;
        const QByteArray name = QByteArray("r") + char(0xE9) + QByteArray("sultat.json");
        QProcess p;
        p.setProcessEnvironment(headlessEnvironment());
        p.setWorkingDirectory(dir.path());
        p.start(QStringLiteral("/bin/sh"),
                {QStringLiteral("-c"),
                 QStringLiteral("exec \"$0\" --headless --tasks 10 --io 0:1 --cpu 0:10 --json "
                                "\"$(printf 'r\\351sultat.json')\""),
                 QStringLiteral(LOOPBENCH_EXE)});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        // Listed with readdir(): QDir would decode the name and show U+FFFD itself.
        QList<QByteArray> names;
        DIR *d = ::opendir(QFile::encodeName(dir.path()).constData());
        QVERIFY(d);
        while (const dirent *e = ::readdir(d)) {
            if (e->d_name[0] != '.')
                names.append(QByteArray(e->d_name));
        }
        ::closedir(d);
        // main() decodes the argument with decodeNativePath() and the report writer opens
        // encodeNativePath(path): the bytes on disk are the bytes typed.
        QCOMPARE(names, QList<QByteArray>{name});
    }

    void aNewlineInAPathDoesNotSplitTheErrorLine()
    {
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("no such\nfolder/r.json"));
        const Outcome o = runCli({"--tasks", "10", "--io", "0:1", "--cpu", "0:10", "--json", json});
        QCOMPARE(o.exitCode, 2);
        const QByteArray line = o.err.trimmed();
        QVERIFY2(!line.isEmpty() && !line.contains('\n'), o.err.constData());
        QVERIFY2(line.startsWith("--json: "), o.err.constData());
        QVERIFY2(line.contains("no such\\nfolder/r.json"), o.err.constData());
    }

    void optionsUsersTripOnAreRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("csv-tasks alone")
            << QStringList{"--csv-tasks"}
            << QByteArray("--csv-tasks: give --csv DIR too (tasks.csv is written into that "
                          "folder)\n");
        QTest::newRow("thousands grouped by four")
            << QStringList{"--tasks", "10,0000"}
            << QByteArray("--tasks: '10,0000' is not a whole number from 1 to 50,000,000\n");
    }

    void optionsUsersTripOnAreRefused()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        const Outcome o = runCli(QStringList{"--io", "0:1", "--cpu", "0:10"} + args);
        QCOMPARE(o.exitCode, 2);
        QCOMPARE(o.err, message);
        QVERIFY2(o.out.isEmpty(), o.out.constData()); // nothing ran
    }

    void aHugeValueIsCutInTheMessage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("option");
        const QString huge(100 * 1024, QLatin1Char('7'));
        QTest::newRow("number") << QStringList{"--tasks", huge + QLatin1Char('x')}
                                << QByteArray("--tasks");
        QTest::newRow("list") << QStringList{"--shards", huge + QLatin1Char(',')}
                              << QByteArray("--shards");
        QTest::newRow("option name")
            << QStringList{QStringLiteral("--") + huge} << QByteArray("unknown option");
    }

    void aHugeValueIsCutInTheMessage()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, option);
        const Outcome o = runCli(args);
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.size() < 512, o.err.left(512).constData());
        QVERIFY2(o.err.contains(option), o.err.constData());
        QVERIFY2(o.err.contains("…"), o.err.constData());
        QCOMPARE(o.err.count('\n'), 1);
        // resources/doc/limits.md's figure: a value is cut at 60 characters, quoted or not.
        qsizetype longest = 0;
        qsizetype run = 0;
        for (const char c : o.err) {
            run = c == '7' ? run + 1 : 0;
            longest = std::max(longest, run);
        }
        QVERIFY2(longest <= kMaxValueChars && longest >= kMaxValueChars - 2,
                 qPrintable(QString::number(longest)));
    }
};

QTEST_GUILESS_MAIN(TestCliOutput)
#include "tst_clioutput.moc"
