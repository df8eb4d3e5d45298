// SPDX-License-Identifier: MIT
#include "tests/support/cliprocess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

// `loopbench compare`, run as a user runs it, on reports the real executable wrote: the table's
// numbers are the medians of the files, two reports of one machine and plan differ by noise ("~"),
// ten seconds more on every run is a significant change, configurations and workloads that do not
// match are marked, and anything that is not a report is exit 2 with one line naming the file.
namespace {

constexpr int kExitBadInput = 2;

using cli::Outcome;

QString text(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes);
}

QJsonObject jsonFile(const QString &path)
{
    return QJsonDocument::fromJson(cli::readFile(path)).object();
}

// The completed wall times of K in a report file, read straight from its JSON.
std::vector<double> walls(const QJsonObject &report, int shards)
{
    std::vector<double> out;
    for (const QJsonValue &run : report[u"runs"].toArray()) {
        if (run[u"shards"].toInt() == shards && run[u"status"].toString() == u"completed")
            out.push_back(run[u"wall_ms"].toDouble());
    }
    return out;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// One row of a printed table, by column: report, median wall, n, change, p, speedup. The p
// column is empty on the base row.
struct Row
{
    QString report;
    QString wall;
    QString n;
    QString change;
    QString p;
    QString speedup;
};

// The printed tables by title ("... · 2 loops"), their rows by report name.
QMap<QString, QMap<QString, Row>> tablesOf(const QString &out)
{
    QMap<QString, QMap<QString, Row>> tables;
    const QStringList blocks = out.split(QStringLiteral("\n\n"));
    for (qsizetype b = 1; b < blocks.size(); ++b) {
        const QStringList lines = blocks[b].split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QMap<QString, Row> rows;
        for (qsizetype i = 2; i < lines.size(); ++i) {
            QStringList cells = lines[i].split(QRegularExpression(QStringLiteral("\\s{2,}")));
            Row row;
            row.report = cells.value(0);
            row.wall = cells.value(1);
            row.n = cells.value(2);
            row.change = cells.value(3);
            if (cells.size() == 6) {
                row.p = cells.value(4);
                row.speedup = cells.value(5);
            } else {
                row.speedup = cells.value(4);
            }
            rows.insert(row.report, row);
        }
        tables.insert(lines.value(0), rows);
    }
    return tables;
}

QString title(int tasks, int shards)
{
    return QStringLiteral("%1 tasks, IO 0–5 ms, CPU 0–1,000 iterations, sum kernel, seed 20240601 "
                          "· %2")
        .arg(tasks)
        .arg(shards == 1 ? QStringLiteral("1 loop") : QStringLiteral("%1 loops").arg(shards));
}

} // namespace

class TestCliCompare : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

    // `loopbench --headless --tasks N --io 0:5 --cpu 0:1000 --shards LIST --repeat R --json F`.
    void makeReport(const char *name, int tasks, const char *shards, int repeats)
    {
        const Outcome o =
            cli::run({QStringLiteral("--headless"), QStringLiteral("--tasks"),
                      QString::number(tasks), QStringLiteral("--io"), QStringLiteral("0:5"),
                      QStringLiteral("--cpu"), QStringLiteral("0:1000"), QStringLiteral("--shards"),
                      QLatin1String(shards), QStringLiteral("--repeat"), QString::number(repeats),
                      QStringLiteral("--json"), path(name), QStringLiteral("--quiet")});
        QVERIFY2(o.exitCode == 0, o.err.constData());
    }

    // The change of a report's median wall time of K against e.json's, from the files.
    double changePercent(const char *name, int k) const
    {
        const double base = median(walls(jsonFile(path("e.json")), k));
        return (median(walls(jsonFile(path(name)), k)) - base) / base * 100;
    }

    Outcome compare(const QStringList &args) const
    {
        return cli::run(QStringList{QStringLiteral("compare")} + args);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        makeReport("a.json", 200, "1,2", 3);
        makeReport("b.json", 200, "1,2", 3);
        makeReport("c.json", 300, "1,2", 3);
        makeReport("d.json", 200, "1,2,4", 3);
        makeReport("e.json", 200, "1,2", 5);
        // e.json with 10 s added to every wall time (its runs take milliseconds): every slow run
        // is slower than every fast one, however noisy this machine is.
        QJsonObject slow = jsonFile(path("e.json"));
        QJsonArray runs = slow[u"runs"].toArray();
        for (qsizetype i = 0; i < runs.size(); ++i) {
            QJsonObject run = runs[i].toObject();
            run[u"wall_ms"] = run[u"wall_ms"].toDouble() + 10000;
            runs[i] = run;
        }
        slow[u"runs"] = runs;
        QFile f(path("slow.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(slow).toJson());
    }

    void tableShowsTheMediansOfTheFiles()
    {
        const Outcome o = compare({path("a.json"), path("b.json")});
        QCOMPARE(o.exitCode, 0);
        QCOMPARE(o.err, QByteArray());
        const auto tables = tablesOf(text(o.out));
        QCOMPARE(tables.size(), 2);
        for (const char *name : {"a.json", "b.json"}) {
            const QJsonObject report = jsonFile(path(name));
            const double base = median(walls(report, 1));
            for (const int k : {1, 2}) {
                const Row row = tables[title(200, k)][path(name)];
                const std::vector<double> w = walls(report, k);
                QCOMPARE(row.n, QString::number(w.size()));
                // " (busy 51 %)" follows when a run of it shared a busy machine.
                QCOMPARE(row.wall.section(QStringLiteral(" (busy "), 0, 0),
                         QString::number(median(w), 'f', 3) + QStringLiteral(" ms"));
                QCOMPARE(row.speedup, QString::number(base / median(w), 'f', 2) + QChar(0x00d7));
            }
        }
        // Every table compares against the first report.
        QVERIFY(text(o.out).contains(QStringLiteral("vs ") + path("a.json")));
        QCOMPARE(tables[title(200, 1)][path("a.json")].change, QStringLiteral("base"));
    }

    void sameMachineAndPlanIsNoChange()
    {
        const Outcome o = compare({path("a.json"), path("b.json")});
        QCOMPARE(o.exitCode, 0);
        const auto tables = tablesOf(text(o.out));
        for (const int k : {1, 2}) {
            const Row row = tables[title(200, k)][path("b.json")];
            QCOMPARE(row.change, QStringLiteral("~"));
            QVERIFY2(QRegularExpression(QStringLiteral("^p=[01]\\.\\d{3} n=3\\+3$"))
                         .match(row.p)
                         .hasMatch(),
                     qPrintable(row.p));
        }
    }

    void muchSlowerReportIsASignificantChange()
    {
        const Outcome o = compare({path("e.json"), path("slow.json")});
        QCOMPARE(o.exitCode, 0);
        const auto tables = tablesOf(text(o.out));
        for (const int k : {1, 2}) {
            const Row row = tables[title(200, k)][path("slow.json")];
            // Five runs against five, every one slower: p = 0.012 (normal approximation).
            QCOMPARE(row.change,
                     QStringLiteral("+%1%").arg(changePercent("slow.json", k), 0, 'f', 2));
            QCOMPARE(row.p, QStringLiteral("p=0.012 n=5+5"));
        }
        // And the other way round, faster.
        const auto reverse = tablesOf(text(compare({path("slow.json"), path("e.json")}).out));
        const double fast = median(walls(jsonFile(path("e.json")), 2));
        const double slow = median(walls(jsonFile(path("slow.json")), 2));
        QCOMPARE(reverse[title(200, 2)][path("e.json")].change,
                 QStringLiteral("%1%").arg((fast - slow) / slow * 100, 0, 'f', 2));
        QVERIFY(reverse[title(200, 2)][path("e.json")].change.startsWith(QStringLiteral("-99.")));
    }

    void configurationOfOneReportOnlyIsADashForTheOthers()
    {
        const Outcome o = compare({path("a.json"), path("d.json"), path("b.json")});
        QCOMPARE(o.exitCode, 0);
        const auto tables = tablesOf(text(o.out));
        QCOMPARE(tables.size(), 3);
        const auto four = tables[title(200, 4)];
        QCOMPARE(four[path("a.json")].wall, QStringLiteral("—"));
        QCOMPARE(four[path("b.json")].wall, QStringLiteral("—"));
        // The first report that ran 4 loops is the base of that table.
        QCOMPARE(four[path("d.json")].change, QStringLiteral("base"));
        QVERIFY(text(o.out).contains(QStringLiteral("vs ") + path("d.json")));
        QVERIFY(!text(o.out).contains(QStringLiteral("different plan")));
    }

    void differentPlansAreComparedOnlyWhereTheyMatch()
    {
        const Outcome o = compare({path("a.json"), path("c.json"), path("b.json")});
        QCOMPARE(o.exitCode, 0);
        QVERIFY(text(o.out).contains(QStringLiteral("\ndifferent plans (tasks): ")));
        const auto tables = tablesOf(text(o.out));
        QCOMPARE(tables.size(), 4); // 200 and 300 tasks, 1 and 2 loops each
        QCOMPARE(tables[title(200, 2)][path("c.json")].wall, QStringLiteral("different plan"));
        QCOMPARE(tables[title(200, 2)][path("b.json")].change, QStringLiteral("~"));
        QCOMPARE(tables[title(300, 2)][path("a.json")].wall, QStringLiteral("different plan"));
        QCOMPARE(tables[title(300, 2)][path("c.json")].change, QStringLiteral("base"));
    }

    void filesCarryTheSameNumbers()
    {
        const QString md = path("out/cmp.md");
        const QString csv = path("out/cmp.csv");
        const QString json = path("out/cmp.json");
        QVERIFY(QDir().mkpath(path("out")));
        const Outcome o =
            compare({path("e.json"), path("slow.json"), QStringLiteral("--markdown"), md,
                     QStringLiteral("--csv=") + csv, QStringLiteral("--json"), json});
        QCOMPARE(o.exitCode, 0);

        const QJsonObject doc = jsonFile(json);
        QCOMPARE(doc[u"schema"].toString(), QStringLiteral("loopbench.compare/2"));
        const QJsonArray tables = doc[u"tables"].toArray();
        QCOMPARE(tables.size(), 2);
        for (const QJsonValue &t : tables) {
            const int k = t[u"shards"].toInt();
            const QJsonArray rows = t[u"rows"].toArray();
            QCOMPARE(rows.size(), 2);
            QCOMPARE(rows[0][u"median_wall_ms"].toDouble(),
                     median(walls(jsonFile(path("e.json")), k)));
            QCOMPARE(rows[1][u"median_wall_ms"].toDouble(),
                     median(walls(jsonFile(path("slow.json")), k)));
            QCOMPARE(rows[1][u"completed_runs"].toInt(), 5);
            QCOMPARE(rows[1][u"base_runs"].toInt(), 5);
            QCOMPARE(rows[1][u"significant"].toBool(), true);
            QCOMPARE(rows[1][u"change_percent"].toDouble(), changePercent("slow.json", k));
        }

        const QStringList csvLines =
            text(cli::readFile(csv)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(csvLines.filter(QRegularExpression(QStringLiteral("^\\d"))).size(), 4);
        QVERIFY(csvLines.contains(QStringLiteral(
            "tasks,io_min_ms,io_max_ms,io_dist,cpu_min_iterations,cpu_max_iterations,cpu_dist,"
            "kernel,seed,transport,connections,response_bytes,target,server_loops,"
            "http_timeout_ms,runtime,shards,report,state,completed_runs,median_wall_ms,base_report,"
            "base_runs,change_percent,p_value,significant,speedup_vs_1_loop,others_cpu_fraction")));

        const QString markdown = text(cli::readFile(md));
        QVERIFY(markdown.contains(QStringLiteral("|---|--:|--:|--:|--:|--:|")));
        QVERIFY(markdown.contains(QStringLiteral(" | +%1% | p=0.012 n=5+5 | ")
                                      .arg(changePercent("slow.json", 2), 0, 'f', 2)));
    }

    void jsonToStandardOutputKeepsItPure()
    {
        const Outcome o = compare(
            {path("a.json"), path("b.json"), QStringLiteral("--json"), QStringLiteral("-")});
        QCOMPARE(o.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(o.out, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(doc[u"tables"].toArray().size(), 2);
        QVERIFY(text(o.err).contains(title(200, 2))); // the table went to stderr
    }

    void notAReportIsExitTwoNamingTheFile_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("other schema") << QByteArray("{\"schema\": \"foo\"}")
                                      << QStringLiteral("not a LoopBench report (schema \"foo\")");
        QTest::newRow("newer version")
            << QByteArray("{\"schema\": \"loopbench.report/2\"}")
            << QStringLiteral("LoopBench report version 2, which this build does not read");
        QTest::newRow("not JSON") << QByteArray("{\"schema\": loopbench}")
                                  << QStringLiteral("not JSON: ");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty file");
        QTest::newRow("binary") << QByteArray("\x7f"
                                              "ELF\x02\x01\x01\0\0\0",
                                              10)
                                << QStringLiteral("not JSON: ");
        QTest::newRow("wrong type") << QByteArray()
                                    << QStringLiteral("runs[1].wall_ms: expected a "
                                                      "number or null (got text)");
        QTest::newRow("truncated")
            << QByteArray() << QStringLiteral("truncated: the JSON stops after 1,000 bytes");
    }

    void notAReportIsExitTwoNamingTheFile()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        const QString bad = path("bad.json");
        if (QByteArrayView(QTest::currentDataTag()) == "wrong type") {
            QJsonObject report = jsonFile(path("a.json"));
            QJsonArray runs = report[u"runs"].toArray();
            QJsonObject run = runs[1].toObject();
            run[u"wall_ms"] = QStringLiteral("6 ms");
            runs[1] = run;
            report[u"runs"] = runs;
            content = QJsonDocument(report).toJson();
        } else if (QByteArrayView(QTest::currentDataTag()) == "truncated") {
            content = cli::readFile(path("a.json")).left(1000);
        }
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
        f.close();
        const QString out = path("never.json");
        const Outcome o = compare({path("a.json"), bad, QStringLiteral("--json"), out,
                                   QStringLiteral("--csv"), out + QStringLiteral(".csv")});
        QCOMPARE(o.exitCode, kExitBadInput);
        QCOMPARE(o.out, QByteArray());
        const QString err = text(o.err);
        QVERIFY2(err.startsWith(bad + QStringLiteral(": ") + message), qPrintable(err));
        QCOMPARE(err.count(QLatin1Char('\n')), 1);
        QVERIFY(!QFileInfo::exists(out));
        QVERIFY(!QFileInfo::exists(out + QStringLiteral(".csv")));
    }

    void hugeOrMissingFilesAreExitTwo()
    {
        const QString huge = path("huge.json");
        {
            QFile f(huge);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(100LL * 1024 * 1024)); // sparse: no 100 MB written to the disk
        }
        Outcome o = compare({path("a.json"), huge});
        QCOMPARE(o.exitCode, kExitBadInput);
        QCOMPARE(text(o.err), huge + QStringLiteral(": more than the 64 MB a report may have "
                                                    "(104,857,600 bytes)\n"));
        QFile::remove(huge);

        o = compare({path("a.json"), path("nothing.json")});
        QCOMPARE(o.exitCode, kExitBadInput);
        QCOMPARE(text(o.err),
                 path("nothing.json") + QStringLiteral(": No such file or directory\n"));

        o = compare({m_dir.path(), path("a.json")});
        QCOMPARE(o.exitCode, kExitBadInput);
        QCOMPARE(text(o.err), m_dir.path() + QStringLiteral(": is a folder, not a report file\n"));
    }

    void badOptionsAreExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString a = path("a.json");
        const QString b = path("b.json");
        QTest::newRow("one report") << QStringList{a}
                                    << QStringLiteral("compare: give at least two reports, such "
                                                      "as loopbench compare old.json new.json "
                                                      "(see --help)");
        QTest::newRow("unknown") << QStringList{a, b, QStringLiteral("--fast")}
                                 << QStringLiteral("--fast: unknown option (see loopbench compare "
                                                   "--help)");
        QTest::newRow("missing value")
            << QStringList{a, b, QStringLiteral("--csv")} << QStringLiteral("--csv: missing value");
        QTest::newRow("option as value")
            << QStringList{a, b, QStringLiteral("--csv"), QStringLiteral("--json"),
                           QStringLiteral("x.json")}
            << QStringLiteral("--csv: missing value");
        QTest::newRow("twice") << QStringList{a, b, QStringLiteral("--json=x"),
                                              QStringLiteral("--json=y")}
                               << QStringLiteral("--json: given more than once");
        QTest::newRow("markdown to stdout")
            << QStringList{a, b, QStringLiteral("--markdown"), QStringLiteral("-")}
            << QStringLiteral("--markdown: give a file name (only --json writes to standard "
                              "output)");
        QTest::newRow("same target twice") << QStringList{a,
                                                          b,
                                                          QStringLiteral("--csv"),
                                                          path("same"),
                                                          QStringLiteral("--json"),
                                                          path("same")}
                                           << QStringLiteral("--csv and --json both write to ");
        QTest::newRow("missing folder")
            << QStringList{a, b, QStringLiteral("--json"), path("a.json/x.json")}
            << QStringLiteral("--json: ");
    }

    void badOptionsAreExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Outcome o = compare(args);
        QCOMPARE(o.exitCode, kExitBadInput);
        QCOMPARE(o.out, QByteArray());
        QVERIFY2(text(o.err).startsWith(message), o.err.constData());
        QCOMPARE(text(o.err).count(QLatin1Char('\n')), 1);
    }

    void helpDescribesTheSubcommand()
    {
        Outcome o = compare({QStringLiteral("--help")});
        QCOMPARE(o.exitCode, 0);
        QVERIFY(
            text(o.out).startsWith(QStringLiteral("usage: loopbench compare OLD.json NEW.json")));
        // Help wins over everything else on the line.
        o = compare({QStringLiteral("--bogus"), QStringLiteral("-h")});
        QCOMPARE(o.exitCode, 0);
        o = cli::run({QStringLiteral("--help")});
        QCOMPARE(o.exitCode, 0);
        QVERIFY(text(o.out).contains(QStringLiteral("loopbench compare OLD.json NEW.json")));
    }

    void reportNamedLikeAnOptionFollowsTheEndOfOptions()
    {
        QVERIFY(QFile::copy(path("a.json"), path("-a.json")));
        const QString dashed = QStringLiteral("-a.json");
        // Relative names: the process runs in this test's folder.
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        cli::start(
            p, {QStringLiteral("compare"), QStringLiteral("b.json"), QStringLiteral("--"), dashed});
        const Outcome o = cli::finish(p);
        QCOMPARE(o.exitCode, 0);
        QVERIFY(text(o.out).contains(QStringLiteral("\n-a.json ")));
    }
};

QTEST_GUILESS_MAIN(TestCliCompare)
#include "tst_clicompare.moc"
