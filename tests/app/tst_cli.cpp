// SPDX-License-Identifier: MIT
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Outcome
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Outcome runCli(const QStringList &args, int timeoutMs = 60000,
               const QProcessEnvironment &extraEnv = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &key : extraEnv.keys())
        env.insert(key, extraEnv.value(key));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(LOOPBENCH_EXE), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

// A plan small enough to run in well under a second.
const QStringList kSmall{QStringLiteral("--headless"), QStringLiteral("--tasks"),
                         QStringLiteral("300"),        QStringLiteral("--io"),
                         QStringLiteral("0:20"),       QStringLiteral("--cpu"),
                         QStringLiteral("1000:5000")};

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private slots:
    void badInputExitsTwoNamingTheOption_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        auto row = [](const char *name, QStringList args, const char *expected) {
            args.prepend(QStringLiteral("--headless"));
            QTest::newRow(name) << args << QString::fromLatin1(expected);
        };
        row("zero tasks", {"--tasks", "0"}, "--tasks: '0' is not a whole number in 1..50000000");
        row("negative tasks", {"--tasks", "-5"}, "--tasks: '-5' is not a whole number in 1..");
        row("text tasks", {"--tasks", "many"}, "--tasks: 'many' is not a whole number");
        row("io min above max", {"--io", "1200:1000"}, "--io: min 1200 ms is above max 1000 ms");
        row("io malformed", {"--io", "200-1000"},
            "--io: '200-1000' is not MIN:MAX milliseconds in 0..3600000");
        row("io above an hour", {"--io", "0:3600001"},
            "--io: '0:3600001' is not MIN:MAX milliseconds");
        row("cpu overflow", {"--cpu", "1:99999999999999999999"},
            "--cpu: '1:99999999999999999999' is not MIN:MAX iterations in 0..4000000000");
        row("cpu min above max", {"--cpu", "9:3"},
            "--cpu: min 9 iterations is above max 3 iterations");
        row("shards zero", {"--shards", "1,0"},
            "--shards: '1,0' is not a list of whole numbers in 1..1024");
        row("shards too many", {"--shards", "2000"},
            "--shards: '2000' is not a list of whole numbers in 1..1024");
        row("kernel", {"--kernel", "spin"}, "--kernel: 'spin' is not one of sum, hash");
        row("partition", {"--partition", "random"},
            "--partition: 'random' is not one of contiguous, round-robin");
        row("repeat", {"--repeat", "0"}, "--repeat: '0' is not a whole number in 1..1000");
        row("missing value", {"--tasks"}, "--tasks: missing value");
        row("unknown option", {"--frobnicate"}, "--frobnicate: unknown option");
    }

    void badInputExitsTwoNamingTheOption()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const Outcome o = runCli(args, 10000);
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(QString::fromUtf8(o.err).startsWith(expected), o.err.constData());
        QVERIFY(o.out.isEmpty());
    }

    void tooManyTasksForMemoryAreRefusedNamingWhatFits()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("LOOPBENCH_MEM_AVAILABLE_MB"), QStringLiteral("1024"));
        const Outcome o =
            runCli({"--headless", "--tasks", "10000000", "--shards", "1"}, 10000, env);
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.startsWith("--tasks: 10000000 tasks need about 3052 MB"), o.err.constData());
        QVERIFY(o.err.contains("at most 1676902 tasks fit"));
    }

    void aFailingTaskIsReportedNotSwallowed()
    {
        const Outcome o =
            runCli(kSmall + QStringList{"--shards", "1,2", "--fail-task", "17", "--json", "-"});
        QCOMPARE(o.exitCode, 1);
        const QJsonArray runs = QJsonDocument::fromJson(o.out)[u"runs"].toArray();
        QCOMPARE(runs.size(), 2);
        for (const QJsonValue &run : runs) {
            QCOMPARE(run[u"status"].toString(), QStringLiteral("failed"));
            QCOMPARE(run[u"tasks_failed"].toInt(), 1);
            QCOMPARE(run[u"tasks_done"].toInt(), 299);
            QVERIFY(run[u"error"].toString().contains(u"task 17: injected failure"));
        }
        QVERIFY(o.err.contains("failed: shard-0: task 17: injected failure"));
    }

    void jsonToStdoutCarriesTheContract()
    {
        const Outcome o =
            runCli(kSmall + QStringList{"--shards", "1,2", "--json", "-", "--seed", "99"});
        QCOMPARE(o.exitCode, 0);
        QJsonParseError error;
        const QJsonObject doc = QJsonDocument::fromJson(o.out, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(doc[u"schema"].toString(), QStringLiteral("loopbench.report/1"));
        const QJsonObject meta = doc[u"meta"].toObject();
        for (const char *key :
             {"app_version", "git_hash", "cpu_model", "logical_cpus", "os", "qt_version",
              "qcoro_version", "compiler", "build_type", "timestamp_utc"})
            QVERIFY2(meta.contains(QLatin1String(key)), key);
        const QJsonObject workload = doc[u"workload"].toObject();
        QCOMPARE(workload[u"tasks"].toInt(), 300);
        QCOMPARE(workload[u"io_max_ms"].toInt(), 20);
        QCOMPARE(workload[u"seed"].toString(), QStringLiteral("99"));
        QVERIFY(doc[u"calibration"][u"ns_per_iter"].toDouble() > 0);
        const QJsonArray runs = doc[u"runs"].toArray();
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs[0][u"shards"].toInt(), 1);
        QCOMPARE(runs[1][u"shards"].toInt(), 2);
        for (const QJsonValue &v : runs) {
            const QJsonObject run = v.toObject();
            for (const char *key :
                 {"shards", "repeat", "wall_ms", "ideal_ms", "efficiency", "tasks_done", "checksum",
                  "throughput_tps", "lag_ms", "latency_ms", "per_shard"})
                QVERIFY2(run.contains(QLatin1String(key)), key);
            QCOMPARE(run[u"tasks_done"].toInt(), 300);
            QVERIFY(run[u"wall_ms"].toDouble() >= 19.0);
            QVERIFY(run[u"lag_ms"][u"p99"].toDouble() >= 0);
        }
        // Same plan on 1 and 2 loops: identical work, identical checksum.
        QCOMPARE(runs[0][u"checksum"].toString(), runs[1][u"checksum"].toString());
        QCOMPARE(runs[1][u"per_shard"].toArray().size(), 2);
        // The human table goes to stderr when stdout carries JSON.
        QVERIFY(o.err.contains("speedup"));
    }

    void tablePrintsOneRowPerRunAndAVerdict()
    {
        const Outcome o = runCli(kSmall + QStringList{"--shards", "1,2", "--repeat", "2"});
        QCOMPARE(o.exitCode, 0);
        const QList<QByteArray> lines = o.out.trimmed().split('\n');
        // calibration, header, 4 runs (interleaved 1,2,1,2), blank, summary title and header,
        // one summary row per K, the Amdahl fit, verdict
        QCOMPARE(lines.size(), 13);
        QVERIFY(lines[1].contains("wall s") && lines[1].contains("lag p99 ms"));
        QVERIFY(lines[2].trimmed().startsWith("1 "));
        QVERIFY(lines[3].trimmed().startsWith("2 "));
        QVERIFY(lines[4].trimmed().startsWith("1 "));
        QVERIFY(lines[5].trimmed().startsWith("2 "));
        QVERIFY(lines[7].startsWith("per configuration"));
        QVERIFY(lines[9].simplified().startsWith("1 2 ")); // K=1, 2 completed runs
        QVERIFY(lines[10].simplified().startsWith("2 2 "));
        QVERIFY(lines[11].startsWith("Amdahl fit: serial fraction "));
        QVERIFY(lines[12].startsWith("2 loops: "));
        QVERIFY(lines[12].contains("1 loop (ideal "));
    }

    void csvDirectoryMarkdownSweepAndWarmupWorkTogether()
    {
        QTemporaryDir dir;
        const QString csvDir = dir.filePath(QStringLiteral("reports"));
        const QString md = dir.filePath(QStringLiteral("summary.md"));
        const Outcome o =
            runCli(kSmall + QStringList{"--sweep", "--warmup", "--csv", csvDir, "--csv-tasks",
                                        "--markdown", md, "--json", "-"});
        QCOMPARE(o.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(o.out).object();
        // The sweep: 1, 2, 4, ... up to twice the logical CPUs; the warm-up is not a run.
        const int cpus = doc[u"meta"][u"logical_cpus"].toInt();
        const QJsonArray runs = doc[u"runs"].toArray();
        QCOMPARE(runs.last()[u"shards"].toInt(), 2 * cpus);
        QCOMPARE(runs.first()[u"shards"].toInt(), 1);
        QCOMPARE(doc[u"workload"][u"warmup"].toBool(), true);
        QCOMPARE(doc[u"statistics"][u"configs"].toArray().size(), runs.size());
        for (const char *name : {"runs.csv", "summary.csv", "load.csv", "tasks.csv", "meta.json"})
            QVERIFY2(QFile::exists(csvDir + QLatin1Char('/') + QLatin1String(name)), name);
        QFile runsCsv(csvDir + QStringLiteral("/runs.csv"));
        QVERIFY(runsCsv.open(QIODevice::ReadOnly));
        qsizetype dataRows = 0;
        for (const QByteArray &line : runsCsv.readAll().split('\n')) {
            if (!line.isEmpty() && !line.startsWith('#'))
                ++dataRows;
        }
        QCOMPARE(dataRows, runs.size() + 1); // header + one row per run
        QFile markdown(md);
        QVERIFY(markdown.open(QIODevice::ReadOnly));
        QVERIFY(markdown.readAll().contains("| shards |"));
    }

    void jsonFileIsWrittenAndUnwritablePathLeavesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.json"));
        Outcome o = runCli(kSmall + QStringList{"--shards", "1", "--quiet", "--json", path});
        QCOMPARE(o.exitCode, 0);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(f.readAll())[u"runs"].toArray().size(), 1);
        QCOMPARE(o.out.trimmed().count('\n'), 0); // --quiet: the verdict line only

        const QString bad = dir.filePath(QStringLiteral("no/such/dir/report.json"));
        o = runCli(kSmall + QStringList{"--shards", "1", "--quiet", "--json", bad});
        QCOMPARE(o.exitCode, 2);
        QVERIFY(o.err.startsWith("--json: cannot write"));
        QVERIFY(!QFile::exists(bad));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
