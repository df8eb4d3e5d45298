// SPDX-License-Identifier: MIT
#include "core/report/csvreport.h"
#include "core/report/csvreportset.h"
#include "tests/support/runexperiment.h"

#include "core/experiment/experimentsummary.h"
#include "core/experiment/plancodec.h"
#include "core/load/loadsampler.h"
#include "core/report/csvwriter.h"
#include "core/workload/taskplan.h"
#include "tests/support/syntheticexperiment.h"
#include "tests/support/testplans.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <clocale>
#include <cmath>
#include <cstdio>

namespace {

// A strict RFC 4180 reader, written here independently of CsvWriter so that the test does not
// check the writer against itself. Accepts LF or CRLF record ends and, before the header only,
// "#" comment lines. Any deviation (a quote inside a bare field, text after a closing quote, an
// unterminated quote) is an error, not a guess.
struct ParsedCsv
{
    QStringList comments;
    QList<QStringList> rows; // rows[0] is the header
    QString error;
};

ParsedCsv parseCsv(const QByteArray &bytes)
{
    ParsedCsv out;
    const QString text = QString::fromUtf8(bytes);
    const qsizetype n = text.size();
    qsizetype i = 0;
    auto fail = [&](const QString &why) {
        out.error = QStringLiteral("offset %1: %2").arg(i).arg(why);
        return out;
    };
    while (i < n) {
        if (out.rows.isEmpty() && text[i] == QLatin1Char('#')) {
            const qsizetype end = text.indexOf(QLatin1Char('\n'), i);
            if (end < 0)
                return fail(QStringLiteral("comment without line end"));
            out.comments << text.mid(i, end - i);
            i = end + 1;
            continue;
        }
        QStringList row;
        for (;;) {
            QString field;
            if (i < n && text[i] == QLatin1Char('"')) {
                ++i;
                for (;;) {
                    if (i >= n)
                        return fail(QStringLiteral("unterminated quoted field"));
                    if (text[i] == QLatin1Char('"')) {
                        if (i + 1 < n && text[i + 1] == QLatin1Char('"')) {
                            field += QLatin1Char('"');
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    field += text[i++];
                }
            } else {
                while (i < n && text[i] != QLatin1Char(',') && text[i] != QLatin1Char('\n') &&
                       text[i] != QLatin1Char('\r')) {
                    if (text[i] == QLatin1Char('"'))
                        return fail(QStringLiteral("quote inside a bare field"));
                    field += text[i++];
                }
            }
            row << field;
            if (i < n && text[i] == QLatin1Char(',')) {
                ++i;
                continue;
            }
            if (i + 1 < n && text[i] == QLatin1Char('\r') && text[i + 1] == QLatin1Char('\n'))
                i += 2;
            else if (i < n && text[i] == QLatin1Char('\n'))
                ++i;
            else if (i < n)
                return fail(QStringLiteral("text after a field"));
            else
                return fail(QStringLiteral("last record without line end"));
            break;
        }
        out.rows << row;
    }
    return out;
}

// Parses and checks that every record has as many fields as the header.
ParsedCsv parseTable(const QByteArray &bytes)
{
    ParsedCsv csv = parseCsv(bytes);
    if (csv.error.isEmpty() && csv.rows.isEmpty())
        csv.error = QStringLiteral("no header");
    for (const QStringList &row : std::as_const(csv.rows)) {
        if (csv.error.isEmpty() && row.size() != csv.rows.first().size())
            csv.error = QStringLiteral("ragged record: %1").arg(row.join(QLatin1Char('|')));
    }
    return csv;
}

// The field of `row` under `column`, by name.
QString cell(const ParsedCsv &csv, int row, const char *column)
{
    const qsizetype c = csv.rows.first().indexOf(QLatin1String(column));
    if (c < 0)
        qFatal("no column %s", column);
    return csv.rows[row][c];
}

// '.' decimals only: QLocale::c() refuses "1,5" and a thousands separator.
double number(const QString &field)
{
    bool ok = false;
    const double v = QLocale::c().toDouble(field, &ok);
    if (!ok)
        qFatal("not a C-locale number: '%s'", qPrintable(field));
    return v;
}

QString fmt(double v)
{
    return std::isfinite(v) ? QString::number(v, 'g', 17) : QString();
}

} // namespace

class TestCsvReport : public QObject
{
    Q_OBJECT

private slots:
    void writerRoundTripsAwkwardLabels_data();
    void writerRoundTripsAwkwardLabels();
    void writerQuotesOnlyWhatNeedsIt();
    void runsCsvReadsBackFieldByField();
    void metadataLinesPrecedeTheHeader();
    void runsCsvCarriesEachRunsHttpFigures();
    void summaryCsvHasOneRowPerConfiguration();
    void germanLocaleStillWritesDecimalPoints();
    void loadCsvNamesEveryCoreAndShard();
    void loadSeriesTurnsSamplerRowsIntoColumns();
    void tasksCsvLeavesUnfinishedTasksEmpty();
    void tasksCsvHasOneRowPerTaskOfARealRun();
    void writeCsvReportsWritesEveryFile();
    void writeCsvReportsNamesAnUnwritableFolder();
};

void TestCsvReport::writerRoundTripsAwkwardLabels_data()
{
    QTest::addColumn<QString>("label");
    QTest::newRow("plain") << QStringLiteral("four loops");
    QTest::newRow("comma") << QStringLiteral("1, 2, 4");
    QTest::newRow("quotes") << QStringLiteral("the \"fast\" one");
    QTest::newRow("only a quote") << QStringLiteral("\"");
    QTest::newRow("LF") << QStringLiteral("line one\nline two");
    QTest::newRow("CRLF") << QStringLiteral("line one\r\nline two");
    QTest::newRow("lone CR") << QStringLiteral("a\rb");
    QTest::newRow("everything") << QStringLiteral("\"a\",\r\n\"b\"\n,,\"\"");
    QTest::newRow("empty") << QString();
    QTest::newRow("spaces kept") << QStringLiteral("  padded  ");
    QTest::newRow("hash") << QStringLiteral("# not a comment");
    QTest::newRow("UTF-8") << QStringLiteral("Müller – Kern ü ✓");
}

void TestCsvReport::writerRoundTripsAwkwardLabels()
{
    QFETCH(QString, label);
    QByteArray bytes;
    CsvWriter csv(&bytes);
    csv.field("label").field("wall_ms").field("again");
    csv.endRow();
    csv.field(label).field(1234.5).field(label);
    csv.endRow();
    csv.field(label).field(kNaN).field(QStringLiteral("x"));
    csv.endRow();

    const ParsedCsv parsed = parseTable(bytes);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.rows.size(), 3);
    QCOMPARE(parsed.rows[0], (QStringList{"label", "wall_ms", "again"}));
    QCOMPARE(parsed.rows[1], (QStringList{label, "1234.5", label}));
    QCOMPARE(parsed.rows[2], (QStringList{label, QString(), "x"}));
}

void TestCsvReport::writerQuotesOnlyWhatNeedsIt()
{
    QCOMPARE(CsvWriter::quoted(u"plain text"), QByteArray("plain text"));
    QCOMPARE(CsvWriter::quoted(u"a,b"), QByteArray("\"a,b\""));
    QCOMPARE(CsvWriter::quoted(u"say \"hi\""), QByteArray("\"say \"\"hi\"\"\""));
    QCOMPARE(CsvWriter::quoted(u"a\nb"), QByteArray("\"a\nb\""));
    QCOMPARE(CsvWriter::number(0.1), QByteArray("0.1"));
    QCOMPARE(CsvWriter::number(1234567.891), QByteArray("1234567.891")); // no group separators
    QCOMPARE(CsvWriter::number(1e-7), QByteArray("1e-07"));
    QCOMPARE(CsvWriter::number(kNaN), QByteArray());
    QCOMPARE(CsvWriter::number(INFINITY), QByteArray());
    // Shortest form that reads back to the same double.
    QCOMPARE(QLocale::c().toDouble(QString::fromLatin1(CsvWriter::number(1.0 / 3))), 1.0 / 3);
}

void TestCsvReport::runsCsvReadsBackFieldByField()
{
    const ExperimentResult e = synthetic::experiment();
    const ExperimentSummary summary = summarizeExperiment(e);
    const ParsedCsv csv = parseTable(runsCsv(e));
    QVERIFY2(csv.error.isEmpty(), qPrintable(csv.error));
    // The header row, column by column.
    QCOMPARE(csv.rows.first().join(u','),
             QStringLiteral(
                 "run_index,repeat,shards,partition,pinned,status,started_utc,tasks,tasks_done,"
                 "tasks_failed,wall_ms,ideal_ms,efficiency,speedup,throughput_tps,"
                 "start_overhead_ms,join_overhead_ms,lag_p50_ms,lag_p90_ms,lag_p99_ms,"
                 "lag_max_ms,latency_p50_ms,latency_p90_ms,latency_p99_ms,latency_max_ms,"
                 "ns_per_iter,checksum,outlier,others_cpu_fraction,machine_busy,error,transport,"
                 "bytes_received,connect_p50_ms,connect_p99_ms,first_byte_p50_ms,"
                 "first_byte_p99_ms,server_late_p50_ms,server_late_p99_ms,server_cpu_ms,"
                 "failed_refused,failed_reset,failed_truncated,failed_timeout,"
                 "failed_bad_response,failed_error,failed_out_of_ports,failed_cancelled,"
                 "elapsed_ms,busy_programs,runtime,tasks_moved"));
    QCOMPARE(csv.rows.size(), static_cast<qsizetype>(e.runs.size()) + 1);
    // A timer run fetches nothing: its http cells are empty, not 0.
    QCOMPARE(cell(csv, 1, "transport"), QStringLiteral("timer"));
    for (const char *column : {"bytes_received", "connect_p50_ms", "server_cpu_ms",
                               "failed_refused", "failed_cancelled"})
        QCOMPARE(cell(csv, 1, column), QString());
    const double baseWall = 10507.9; // the median of synthetic::kBaseWallMs
    for (int i = 0; i < static_cast<int>(e.runs.size()); ++i) {
        const RunResult &r = e.runs[static_cast<std::size_t>(i)];
        const int row = i + 1;
        QCOMPARE(cell(csv, row, "run_index"), QString::number(i));
        QCOMPARE(cell(csv, row, "repeat"), QString::number(r.repeat));
        QCOMPARE(cell(csv, row, "shards"), QString::number(r.shards));
        QCOMPARE(cell(csv, row, "partition"), QStringLiteral("contiguous"));
        QCOMPARE(cell(csv, row, "pinned"), QStringLiteral("false"));
        QCOMPARE(cell(csv, row, "status"), runStatusName(r.status));
        QCOMPARE(cell(csv, row, "started_utc"), r.startedUtc.toString(Qt::ISODateWithMs));
        QCOMPARE(cell(csv, row, "tasks_done"), QString::number(r.tasksDone));
        // Numbers read back to the very same doubles.
        QCOMPARE(number(cell(csv, row, "wall_ms")), r.wallMs);
        if (r.completed()) {
            QCOMPARE(number(cell(csv, row, "ideal_ms")), r.idealMs);
            QCOMPARE(number(cell(csv, row, "efficiency")), r.efficiency);
        } else { // no bound and no efficiency for a run that did not complete
            QCOMPARE(cell(csv, row, "ideal_ms"), QString());
            QCOMPARE(cell(csv, row, "efficiency"), QString());
        }
        QCOMPARE(number(cell(csv, row, "throughput_tps")), r.throughputTps);
        QCOMPARE(number(cell(csv, row, "lag_p99_ms")), r.lagMs.p99);
        QCOMPARE(number(cell(csv, row, "latency_p90_ms")), r.latencyMs.p90);
        QCOMPARE(number(cell(csv, row, "ns_per_iter")), 1.25);
        QCOMPARE(cell(csv, row, "checksum"), QStringLiteral("0x00000000000012e4"));
        if (r.completed()) {
            QCOMPARE(number(cell(csv, row, "speedup")), baseWall / r.wallMs);
            QCOMPARE(cell(csv, row, "outlier"), summary.runOutliers[static_cast<std::size_t>(i)]
                                                    ? QStringLiteral("true")
                                                    : QStringLiteral("false"));
            QCOMPARE(cell(csv, row, "error"), QString());
        } else {
            QCOMPARE(cell(csv, row, "speedup"), QString());
            QCOMPARE(cell(csv, row, "outlier"), QString());
            // Quotes, commas, LF and CRLF inside the field come back exactly.
            QCOMPARE(cell(csv, row, "error"), synthetic::kFailure);
        }
    }
    QCOMPARE(cell(csv, 16, "status"), QStringLiteral("failed"));
    QCOMPARE(cell(csv, 5, "outlier"), QStringLiteral("false"));
    QCOMPARE(cell(csv, 14, "outlier"), QStringLiteral("true")); // the 6400 ms 2-loop run
}

void TestCsvReport::runsCsvCarriesEachRunsHttpFigures()
{
    const ExperimentResult e = synthetic::httpExperiment();
    const ParsedCsv csv = parseTable(runsCsv(e));
    QVERIFY2(csv.error.isEmpty(), qPrintable(csv.error));
    for (int i = 0; i < static_cast<int>(e.runs.size()); ++i) {
        const int row = i + 1;
        QCOMPARE(cell(csv, row, "transport"), QStringLiteral("http"));
        const auto &http = e.runs[static_cast<std::size_t>(i)].http;
        if (!http) { // the failed run: http, but nothing fetched
            QCOMPARE(cell(csv, row, "bytes_received"), QString());
            QCOMPARE(cell(csv, row, "failed_timeout"), QString());
            continue;
        }
        QCOMPARE(cell(csv, row, "bytes_received"), QString::number(http->bytesReceived));
        QCOMPARE(number(cell(csv, row, "connect_p50_ms")), http->connectMs.p50);
        QCOMPARE(number(cell(csv, row, "connect_p99_ms")), http->connectMs.p99);
        QCOMPARE(number(cell(csv, row, "first_byte_p50_ms")), http->firstByteMs.p50);
        QCOMPARE(number(cell(csv, row, "first_byte_p99_ms")), http->firstByteMs.p99);
        QCOMPARE(number(cell(csv, row, "server_late_p50_ms")), http->serverLateMs.p50);
        QCOMPARE(number(cell(csv, row, "server_late_p99_ms")), http->serverLateMs.p99);
        QCOMPARE(number(cell(csv, row, "server_cpu_ms")), http->serverCpuMs);
        QCOMPARE(cell(csv, row, "failed_refused"), QString::number(i));
        QCOMPARE(cell(csv, row, "failed_timeout"), QString::number(2 * i + 1));
        QCOMPARE(cell(csv, row, "failed_reset"), QStringLiteral("0"));
    }
    // A server started by hand has no CPU figure: empty, never 0.
    ExperimentResult remote = e;
    remote.runs[0].http->serverCpuMs = kNaN;
    QCOMPARE(cell(parseTable(runsCsv(remote)), 1, "server_cpu_ms"), QString());
    // The metadata says how the runs fetched.
    const QString text = QString::fromUtf8(runsCsv(e));
    QVERIFY(text.contains(QStringLiteral("# transport: http\n# connections: per-task\n"
                                         "# response_bytes: 4096\n")));
    QVERIFY(QString::fromUtf8(runsCsv(synthetic::experiment()))
                .contains(QStringLiteral("# transport: timer\n")));
    QVERIFY(!QString::fromUtf8(runsCsv(synthetic::experiment()))
                 .contains(QStringLiteral("# connections")));
}

void TestCsvReport::metadataLinesPrecedeTheHeader()
{
    const ExperimentResult e = synthetic::experiment();
    const ParsedCsv csv = parseTable(runsCsv(e));
    QVERIFY2(csv.error.isEmpty(), qPrintable(csv.error));
    QStringList keys;
    for (const QString &line : csv.comments) {
        QVERIFY(line.startsWith(QLatin1String("# ")));
        keys << line.mid(2).section(QLatin1String(": "), 0, 0);
    }
    // The machine, then every field of the plan under its codec key, then how it ran.
    QStringList expected{"csv_schema",    "file",         "app_version", "git_hash",
                         "cpu_model",     "logical_cpus", "os",          "qt_version",
                         "qcoro_version", "compiler",     "build_type",  "timestamp_utc",
                         "host"};
    for (const PlanField &f : PlanCodec::fields()) {
        if (PlanCodec::applies(f, e.spec))
            expected.append(QLatin1String(f.key));
    }
    expected += QStringList{"runtimes", "partition", "pin", "repeats", "ns_per_iter"};
    QCOMPARE(keys, expected);
    QVERIFY(keys.contains(QStringLiteral("io_dist")) && keys.contains(QStringLiteral("transport")));
    QCOMPARE(csv.comments[0], QStringLiteral("# csv_schema: loopbench.csv/2"));
    QCOMPARE(csv.comments[1], QStringLiteral("# file: runs"));
    QCOMPARE(csv.comments[4], QStringLiteral("# cpu_model: Test CPU, \"fast\" edition"));
    QCOMPARE(csv.comments[5], QStringLiteral("# logical_cpus: 4"));

    const QByteArray bare = runsCsv(e, CsvMetadata::None);
    QVERIFY(bare.startsWith("run_index,repeat,shards,"));
    QVERIFY(!bare.contains('#'));

    const ParsedCsv summary = parseTable(summaryCsv(e));
    QVERIFY(summary.comments.contains(QStringLiteral("# baseline_shards: 1")));
    QVERIFY(summary.comments.contains(QStringLiteral("# amdahl_serial_fraction: ") +
                                      fmt(summarizeExperiment(e).amdahl.serialFraction)));
}

void TestCsvReport::summaryCsvHasOneRowPerConfiguration()
{
    const ExperimentResult e = synthetic::experiment();
    const ExperimentSummary s = summarizeExperiment(e);
    const ParsedCsv csv = parseTable(summaryCsv(e));
    QVERIFY2(csv.error.isEmpty(), qPrintable(csv.error));
    // The header row, column by column.
    QCOMPARE(
        csv.rows.first().join(u','),
        QStringLiteral("shards,baseline,runs,runs_completed,outliers,wall_median_ms,wall_mean_ms,"
                       "wall_sd_ms,wall_min_ms,wall_max_ms,wall_cv,ideal_median_ms,speedup,"
                       "speedup_err,ideal_speedup,amdahl_speedup,efficiency_median,efficiency_mean,"
                       "efficiency_sd,efficiency_min,efficiency_max,lag_p99_median_ms,"
                       "throughput_median_tps,mann_whitney_u,mann_whitney_p,work_median_ms,"
                       "work_inflation,runtime"));
    QCOMPARE(csv.rows.size(), 4);
    for (int row = 1; row <= 3; ++row) {
        const ConfigSummary &c = s.configs[static_cast<std::size_t>(row - 1)];
        QCOMPARE(cell(csv, row, "shards"), QString::number(c.shards));
        QCOMPARE(cell(csv, row, "baseline"), row == 1 ? QStringLiteral("true") : "false");
        QCOMPARE(cell(csv, row, "runs"), QString::number(c.runs));
        QCOMPARE(cell(csv, row, "runs_completed"), QString::number(c.completedRuns));
        QCOMPARE(cell(csv, row, "outliers"), QString::number(c.outliers));
        QCOMPARE(number(cell(csv, row, "wall_median_ms")), c.wallMs.median);
        QCOMPARE(number(cell(csv, row, "wall_sd_ms")), c.wallMs.stddev);
        QCOMPARE(number(cell(csv, row, "wall_cv")), c.wallMs.cv);
        QCOMPARE(number(cell(csv, row, "speedup")), c.speedup.value);
        QCOMPARE(number(cell(csv, row, "speedup_err")), c.speedup.error);
        QCOMPARE(number(cell(csv, row, "ideal_speedup")), c.idealSpeedup);
        QCOMPARE(number(cell(csv, row, "amdahl_speedup")), c.amdahlSpeedup);
        QCOMPARE(number(cell(csv, row, "efficiency_median")), c.efficiency.median);
        QCOMPARE(number(cell(csv, row, "lag_p99_median_ms")), c.lagP99Ms.median);
    }
    // Hand-checked rows: the 4-loop configuration keeps 5 of its 6 runs.
    QCOMPARE(cell(csv, 3, "runs"), QStringLiteral("6"));
    QCOMPARE(cell(csv, 3, "runs_completed"), QStringLiteral("5"));
    QCOMPARE(cell(csv, 3, "wall_max_ms"), QStringLiteral("3755.9"));
    QCOMPARE(cell(csv, 3, "mann_whitney_u"), QStringLiteral("25"));
    QCOMPARE(cell(csv, 2, "outliers"), QStringLiteral("1"));
    // No test of the baseline against itself: empty, not 0 or 1.
    QCOMPARE(cell(csv, 1, "mann_whitney_u"), QString());
    QCOMPARE(cell(csv, 1, "mann_whitney_p"), QString());
}

void TestCsvReport::germanLocaleStillWritesDecimalPoints()
{
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    // The C library's locale too, where the system has de_DE (printf would then write "1,5").
    const QByteArray previousC = std::setlocale(LC_ALL, nullptr);
    const bool cLocale = std::setlocale(LC_ALL, "de_DE.UTF-8") || std::setlocale(LC_ALL, "de_DE");
    auto restore = qScopeGuard([&] {
        QLocale::setDefault(previous);
        std::setlocale(LC_ALL, previousC.constData());
    });
    QCOMPARE(QLocale().toString(1.5), QStringLiteral("1,5")); // the default really is German
    if (cLocale) {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%.1f", 1.5);
        QCOMPARE(QByteArray(buffer), QByteArray("1,5"));
    } else {
        qInfo("de_DE is not installed for the C library: testing the Qt default locale only");
    }

    const ExperimentResult e = synthetic::experiment();
    const QByteArray runs = runsCsv(e);
    QVERIFY(runs.contains(",10512.3,"));
    QVERIFY(!runs.contains("10512,3"));
    const ParsedCsv runsParsed = parseTable(runs);
    QVERIFY2(runsParsed.error.isEmpty(), qPrintable(runsParsed.error));
    for (int row = 1; row < runsParsed.rows.size(); ++row) {
        for (const char *column : {"wall_ms", "efficiency", "throughput_tps", "lag_p50_ms"}) {
            const QString text = cell(runsParsed, row, column);
            if (!text.isEmpty()) // empty: a run that did not complete has no efficiency
                number(text);    // qFatal on "1,5" or "10.512,3"
        }
    }

    const ParsedCsv summaryParsed = parseTable(summaryCsv(e));
    QVERIFY2(summaryParsed.error.isEmpty(), qPrintable(summaryParsed.error));
    QCOMPARE(cell(summaryParsed, 1, "wall_median_ms"), QStringLiteral("10507.9"));
    for (int row = 1; row < summaryParsed.rows.size(); ++row) {
        for (const char *column : {"wall_sd_ms", "wall_cv", "speedup", "speedup_err"})
            number(cell(summaryParsed, row, column));
    }
}

void TestCsvReport::loadCsvNamesEveryCoreAndShard()
{
    // Two runs: 1 shard with two samples (one core offline in the second), 2 shards with one
    // sample short for shard 1. Every row says which run of runs.csv it belongs to, and its time
    // counts from that run's t0.
    ExperimentResult e = synthetic::experiment();
    e.runs.resize(2);
    e.runs[0].shards = 1;
    e.runs[0].load.tSec = {0.25, 0.5};
    e.runs[0].load.cores = {{0.1, 0.2}, {1, kNaN}};
    e.runs[0].load.shards = {{0.9, 1.0}};
    e.runs[1].shards = 2;
    e.runs[1].repeat = 1;
    e.runs[1].load.tSec = {0.25};
    e.runs[1].load.cores = {{0.3}, {0.5}};
    e.runs[1].load.shards = {{0.8}, {}};
    const ParsedCsv csv = parseTable(loadCsv(e));
    QVERIFY2(csv.error.isEmpty(), qPrintable(csv.error));
    QCOMPARE(csv.comments[1], QStringLiteral("# file: load"));
    QVERIFY(csv.comments.contains(QStringLiteral("# tasks: %1").arg(e.spec.workload.tasks)));
    QCOMPARE(csv.rows.size(), 4);
    QCOMPARE(csv.rows[0], (QStringList{"run_index", "shards", "repeat", "time_s", "cpu0_busy_frac",
                                       "cpu1_busy_frac", "shard0_cpu_frac", "shard1_cpu_frac"}));
    QCOMPARE(csv.rows[1], (QStringList{"0", "1", "0", "0.25", "0.1", "1", "0.9", ""}));
    QCOMPARE(csv.rows[2], (QStringList{"0", "1", "0", "0.5", "0.2", "", "1", ""}));
    QCOMPARE(csv.rows[3], (QStringList{"1", "2", "1", "0.25", "0.3", "0.5", "0.8", ""}));
}

void TestCsvReport::loadSeriesTurnsSamplerRowsIntoColumns()
{
    // The second sample saw one more core (a CPU came online) and no shard yet.
    const std::deque<LoadSample> samples{{0.25, {0.5, 0.25}, {1.0}}, {0.5, {0.75, 0, 1}, {}}};
    const LoadSeries series = LoadSeries::fromSamples(samples);
    QCOMPARE(series.tSec, (std::vector<double>{0.25, 0.5}));
    QCOMPARE(series.cores.size(), std::size_t{3});
    QCOMPARE(series.cores[1], (std::vector<double>{0.25, 0}));
    QVERIFY(std::isnan(series.cores[2][0]));
    QCOMPARE(series.shards.size(), std::size_t{1});
    QCOMPARE(series.shards[0][0], 1.0);
    QVERIFY(std::isnan(series.shards[0][1]));
    ExperimentResult e = synthetic::experiment();
    e.runs.resize(1);
    e.runs[0].load = series;
    QCOMPARE(loadCsv(e, CsvMetadata::None),
             QByteArray("run_index,shards,repeat,time_s,cpu0_busy_frac,cpu1_busy_frac,"
                        "cpu2_busy_frac,shard0_cpu_frac\n"
                        "0,1,0,0.25,0.5,0.25,,1\n"
                        "0,1,0,0.5,0.75,0,1,\n"));
}

void TestCsvReport::tasksCsvLeavesUnfinishedTasksEmpty()
{
    const auto plan = testplans::makePlan(5, 1, 3, 10, 20);
    auto timings = std::make_shared<std::vector<TaskTiming>>(5);
    (*timings)[0] = {1'234'567, 2'000'001};
    (*timings)[3] = {3'000'000'000, -1}; // resumed, cancelled before done
    ExperimentResult e = synthetic::experiment();
    RunResult run = synthetic::run(2, 0, 10, 5);
    run.plan = plan;
    run.timings = timings;

    const ParsedCsv csv = parseTable(tasksCsv(e, run, CsvMetadata::None));
    QVERIFY2(csv.error.isEmpty(), qPrintable(csv.error));
    QCOMPARE(csv.rows[0], (QStringList{"task_id", "shard", "io_ms", "iterations", "due_ms",
                                       "resumed_ms", "done_ms"}));
    QCOMPARE(csv.rows.size(), 6);
    for (int id = 0; id < 5; ++id) {
        const auto task = static_cast<std::size_t>(id);
        const int row = id + 1;
        QCOMPARE(cell(csv, row, "task_id"), QString::number(id));
        QCOMPARE(cell(csv, row, "shard"), QString::number(id < 2 ? 0 : 1)); // contiguous 2 + 3
        QCOMPARE(number(cell(csv, row, "io_ms")), plan->ioUs(task) / 1000.0);
        QCOMPARE(cell(csv, row, "due_ms"), cell(csv, row, "io_ms"));
        QCOMPARE(cell(csv, row, "iterations"), QString::number(plan->iterations(task)));
    }
    // Nanoseconds to milliseconds exactly, as decimal text.
    QCOMPARE(cell(csv, 1, "resumed_ms"), QStringLiteral("1.234567"));
    QCOMPARE(cell(csv, 1, "done_ms"), QStringLiteral("2.000001"));
    QCOMPARE(cell(csv, 4, "resumed_ms"), QStringLiteral("3000.000000"));
    QCOMPARE(cell(csv, 4, "done_ms"), QString());
    QCOMPARE(cell(csv, 2, "resumed_ms"), QString());

    // Without a plan there is nothing to list but the header.
    const ParsedCsv empty = parseTable(tasksCsv(e, RunResult{}, CsvMetadata::None));
    QCOMPARE(empty.rows.size(), 1);
}

void TestCsvReport::tasksCsvHasOneRowPerTaskOfARealRun()
{
    ExperimentSpec spec;
    spec.workload = testplans::workload(50, 0, 5, 0, 1000);
    spec.shardCounts = {1, 3};
    spec.partition = Partition::RoundRobin;
    QVERIFY(spec.validate().isEmpty());
    const ExperimentResult e = testexperiments::runExperiment(spec);
    QCOMPARE(e.runs.size(), std::size_t{2});
    const int index = tasksCsvRunIndex(e);
    QCOMPARE(index, 1); // only the last run keeps its per-task timings
    const RunResult &run = e.runs[1];
    QVERIFY(run.completed());

    const ParsedCsv csv = parseTable(tasksCsv(e, run));
    QVERIFY2(csv.error.isEmpty(), qPrintable(csv.error));
    QVERIFY(csv.comments.contains(QStringLiteral("# run_index: 1")));
    QVERIFY(csv.comments.contains(QStringLiteral("# shards: 3")));
    QCOMPARE(csv.rows.size(), 51);
    for (int id = 0; id < 50; ++id) {
        const int row = id + 1;
        QCOMPARE(cell(csv, row, "task_id"), QString::number(id));
        QCOMPARE(cell(csv, row, "shard"), QString::number(id % 3));
        QCOMPARE(cell(csv, row, "shard"),
                 QString::number(shardOf(Partition::RoundRobin, 50, 3, std::uint32_t(id))));
        const double due = number(cell(csv, row, "due_ms"));
        const double resumed = number(cell(csv, row, "resumed_ms"));
        const double done = number(cell(csv, row, "done_ms"));
        QVERIFY(due >= 0 && due <= 5);
        QVERIFY2(resumed >= due, qPrintable(cell(csv, row, "resumed_ms")));
        QVERIFY(done >= resumed);
        QVERIFY(done <= run.wallMs + 1e-6);
    }
}

void TestCsvReport::writeCsvReportsWritesEveryFile()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(QStringLiteral("out/nested"));
    const ExperimentResult e = synthetic::experiment();
    QString error;
    QStringList written;
    QVERIFY2(writeCsvReports(dir, e, true, &error, &written), qPrintable(error));
    const QStringList expected{"load.csv", "meta.json", "runs.csv", "summary.csv", "tasks.csv"};
    // Nothing else: QSaveFile leaves no temporary behind.
    QCOMPARE(QDir(dir).entryList(QDir::Files, QDir::Name), expected);
    QCOMPARE(written.size(), 5);

    QFile runs(QDir(dir).filePath(QStringLiteral("runs.csv")));
    QVERIFY(runs.open(QIODevice::ReadOnly));
    QCOMPARE(runs.readAll(), runsCsv(e));
    QFile tasks(QDir(dir).filePath(QStringLiteral("tasks.csv")));
    QVERIFY(tasks.open(QIODevice::ReadOnly));
    QCOMPARE(parseTable(tasks.readAll()).rows.size(), 1); // no run kept a plan: header only

    QFile meta(QDir(dir).filePath(QStringLiteral("meta.json")));
    QVERIFY(meta.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(meta.readAll()).object();
    QCOMPARE(o.value(QStringLiteral("schema")).toString(), QStringLiteral("loopbench.report/1"));
    QCOMPARE(o.value(QStringLiteral("csv_schema")).toString(), QStringLiteral("loopbench.csv/2"));
    QVERIFY(!o.contains(QStringLiteral("runs")));
    QCOMPARE(o.value(QStringLiteral("meta")).toObject().value(QStringLiteral("cpu_model")),
             QJsonValue(synthetic::machine().cpuModel));
    QCOMPARE(o.value(QStringLiteral("files")).toArray().size(), 5);
    QVERIFY(o.value(QStringLiteral("amdahl"))
                .toObject()
                .value(QStringLiteral("serial_fraction"))
                .isDouble());
}

void TestCsvReport::writeCsvReportsNamesAnUnwritableFolder()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString file = tmp.filePath(QStringLiteral("a-file"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    QString error;
    QVERIFY(
        !writeCsvReports(file + QStringLiteral("/sub"), synthetic::experiment(), false, &error));
    QVERIFY2(error.contains(file), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestCsvReport)
#include "tst_csvreport.moc"
