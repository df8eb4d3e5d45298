// SPDX-License-Identifier: MIT
#include "app/cliparser.h"
#include "core/experiment/spectext.h"
#include "tests/support/cliprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace {

using cli::Outcome;

// The executable with `extraEnv` added to a display-free environment.
Outcome runCli(const QStringList &args, int timeoutMs = 60000,
               const QProcessEnvironment &extraEnv = {})
{
    QProcessEnvironment env = cli::headlessEnvironment();
    for (const QString &key : extraEnv.keys())
        env.insert(key, extraEnv.value(key));
    return cli::run(args, env, timeoutMs);
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
    // Parsed in process: the exact line the CLI prints before exiting with 2.
    void badInputIsRefusedNamingTheOption_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        auto row = [](const char *name, QStringList args, const char *expected) {
            args.prepend(QStringLiteral("--headless"));
            QTest::newRow(name) << args << QString::fromUtf8(expected);
        };
        row("zero tasks", {"--tasks", "0"}, "--tasks: 0 is outside 1 to 50,000,000");
        row("unknown transport", {"--transport", "udp"}, "--transport: 'udp' is not timer or http");
        row("zero connections", {"--transport", "http", "--connections", "0"},
            "--connections: 0 is outside 1 to 1,000,000 (or per-task)");
        row("response bytes too large", {"--transport", "http", "--response-bytes", "20M"},
            "--response-bytes: 20,000,000 bytes is outside 0 to 16,777,216 bytes");
        row("server loops zero", {"--transport", "http", "--server-loops", "0"},
            "--server-loops: 0 is outside 1 to 256");
        row("target without port", {"--transport", "http", "--target", "127.0.0.1"},
            "--target: '127.0.0.1' is not HOST:PORT with a port from 1 to 65,535");
        row("connections without http", {"--connections", "4"},
            "--connections: only with --transport http");
        row("negative tasks", {"--tasks", "-5"}, "--tasks: -5 is outside 1 to 50,000,000");
        row("negative tasks inline", {"--tasks=-5"}, "--tasks: -5 is outside 1 to 50,000,000");
        row("text tasks", {"--tasks", "many"},
            "--tasks: 'many' is not a whole number from 1 to 50,000,000");
        row("io min above max", {"--io", "1200:1000"}, "--io: min 1,200 ms is above max 1,000 ms");
        row("io malformed", {"--io", "200-1000"},
            "--io: '200-1000' is not MIN:MAX, each from 0 to 3,600,000 ms");
        row("io above an hour", {"--io", "0:3600001"},
            "--io: max 3,600,001 ms is outside 0 to 3,600,000 ms");
        row("cpu overflow", {"--cpu", "1:99999999999999999999"},
            "--cpu: max 99999999999999999999 iterations is outside 0 to 4,000,000,000 "
            "iterations");
        row("cpu min above max", {"--cpu", "9:3"},
            "--cpu: min 9 iterations is above max 3 iterations");
        row("io-dist unknown shape", {"--io-dist", "normal"},
            "--io-dist: 'normal' is not one of uniform, lognormal, pareto, bimodal");
        row("io-dist p99 past the io range", {"--io-dist", "lognormal:median=300,p99=3000"},
            "--io-dist: p99 3,000 ms is outside 200 to 1,000 ms");
        row("io-dist median below the io range",
            {"--io", "200:5000", "--io-dist=pareto:median=1,p99=2"},
            "--io-dist: median 1 ms is outside 200 to 5,000 ms");
        row("cpu-dist heavy above 1", {"--cpu-dist", "bimodal:heavy=2"},
            "--cpu-dist: heavy 2 is outside 0 to 1");
        row("cpu-dist missing p99", {"--cpu-dist", "pareto:median=200k"},
            "--cpu-dist: missing p99 value (a whole number from 0 to 4,000,000,000 iterations)");
        row("cpu-dist unknown parameter", {"--cpu-dist", "lognormal:mean=3"},
            "--cpu-dist: 'mean' is not a parameter of lognormal (it takes median, p99)");
        row("cpu-dist empty", {"--cpu-dist="}, "--cpu-dist: missing value");
        row("shards zero", {"--shards", "1,0"}, "--shards: 0 is outside 1 to 1,024");
        row("shards too many", {"--shards", "2000"}, "--shards: 2,000 is outside 1 to 1,024");
        row("shards text", {"--shards", "1,x"},
            "--shards: '1,x' is not a list such as 1,2,4, each from 1 to 1,024, or sweep");
        row("kernel", {"--kernel", "spin"}, "--kernel: 'spin' is not one of sum, hash, article");
        row("partition", {"--partition", "random"},
            "--partition: 'random' is not one of contiguous, round-robin");
        row("repeat", {"--repeat", "0"}, "--repeat: 0 is outside 1 to 1,000");
        row("seed negative", {"--seed", "-1"},
            "--seed: -1 is outside 0 to 18,446,744,073,709,551,615");
        row("fail task past the plan", {"--tasks", "300", "--fail-task", "300"},
            "--fail-task: 300 is outside 0 to 299");
        row("missing value at the end", {"--tasks"}, "--tasks: missing value");
        row("empty value", {"--tasks="}, "--tasks: missing value");
        row("a missing value does not swallow the next option", {"--markdown", "--json", "x"},
            "--markdown: missing value");
        row("nor at the end", {"--markdown", "--json"}, "--markdown: missing value");
        row("nor a single-dash option", {"--json", "-quiet"}, "--json: missing value");
        row("flag given a value", {"--pin=no"}, "--pin takes no value");
        row("flag given an empty value", {"--warmup="}, "--warmup takes no value");
        row("repeated option", {"--tasks", "5", "--tasks=6"}, "--tasks: given more than once");
        row("repeated flag", {"--pin", "--pin"}, "--pin: given more than once");
        row("repeated headless", {"--headless"}, "--headless: given more than once");
        row("sweep and shards", {"--sweep", "--shards", "1,2"},
            "--sweep: give either --sweep or --shards, not both");
        row("csv-tasks without csv", {"--csv-tasks"},
            "--csv-tasks: give --csv DIR too (tasks.csv is written into that folder)");
        row("csv-tasks with a csv file", {"--csv", "r.csv", "--csv-tasks"},
            "--csv-tasks: --csv r.csv is one file of runs; give a folder (--csv DIR) for "
            "tasks.csv");
        row("tasks grouped by four", {"--tasks", "10,0000"},
            "--tasks: '10,0000' is not a whole number from 1 to 50,000,000");
        row("tasks with a dot for thousands", {"--tasks", "10.000"},
            "--tasks: '10.000' is not a whole number from 1 to 50,000,000");
        row("repeat grouped by two", {"--repeat", "1,00"},
            "--repeat: '1,00' is not a whole number from 1 to 1,000");
        row("csv to stdout", {"--csv", "-"},
            "--csv: give a file or directory name (only --json writes to standard output)");
        row("unknown option", {"--frobnicate"}, "--frobnicate: unknown option (see --help)");
        row("unknown option with value", {"--frobnicate=3"},
            "--frobnicate: unknown option (see --help)");
        row("unknown short option", {"-x"}, "-x: unknown option (see --help)");
        row("stray argument", {"--tasks", "5", "6"}, "'6': unexpected argument (see --help)");
        row("after the end of options", {"--", "--tasks"},
            "'--tasks': unexpected argument (see --help)");
    }
    void badInputIsRefusedNamingTheOption()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        HeadlessOptions options;
        QString error;
        QCOMPARE(CliParser::parse(args, options, error), CliParser::Outcome::BadInput);
        QCOMPARE(error, expected);
    }

    // The form shows the codec's sentence beside the field; the CLI prints the same sentence
    // after the option's name.
    void cliAndFormSayTheSameSentence_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("field");
        auto row = [](const char *option, const char *value, const char *field) {
            QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(option, value)))
                << QString::fromLatin1(option) << QString::fromLatin1(value)
                << QString::fromLatin1(field);
        };
        row("tasks", "0", "tasks");
        row("tasks", "lots", "tasks");
        row("io", "1200:1000", "io");
        row("io", "0:4,000,000", "io");
        row("cpu", "x:5", "cpu");
        row("seed", "0xZZ", "seed");
        row("shards", "1,2048", "shardList");
        row("repeat", "1001", "repeat");
        row("kernel", "spin", "kernel");
        row("io-dist", "lognormal:median=300,p99=3000", "ioDist");
        row("cpu-dist", "pareto:median=1,p99=2", "cpuDist");
    }
    void cliAndFormSayTheSameSentence()
    {
        QFETCH(QString, option);
        QFETCH(QString, value);
        QFETCH(QString, field);
        HeadlessOptions options;
        QString cliError;
        QCOMPARE(CliParser::parse({"--headless", "--" + option, value}, options, cliError),
                 CliParser::Outcome::BadInput);

        // The form's path: its texts (ConfigInput is SpecText) through SpecText::parse().
        SpecText form = SpecText::from(WorkloadSpec{}, RunConfig{});
        if (field == u"io" || field == u"cpu") {
            const QStringList ends = value.split(u':');
            (field == u"io" ? form.ioMinMs : form.cpuMin) = ends[0];
            (field == u"io" ? form.ioMaxMs : form.cpuMax) = ends[1];
        } else if (field == u"tasks") {
            form.tasks = value;
        } else if (field == u"seed") {
            form.seed = value;
        } else if (field == u"shardList") {
            form.shardList = value;
        } else if (field == u"repeat") {
            form.repeats = value;
        } else if (field == u"ioDist") {
            form.ioDist = value;
        } else if (field == u"cpuDist") {
            form.cpuDist = value;
        } else {
            form.kernel = value;
        }
        const SpecText::Parsed parsed = form.parse();
        QCOMPARE(parsed.errors.size(), 1);
        QCOMPARE(parsed.errors.first().field, field);
        QCOMPARE(cliError, "--" + option + ": " + parsed.errors.first().message);
    }

    void everyOptionLandsInTheExperiment()
    {
        HeadlessOptions o;
        QString error;
        const QStringList args{
            "--headless",  "--tasks",    "10k",      "--io=5:1.5k", "--cpu",       "1k:2.5M",
            "--shards",    "4, 1,4",     "--repeat", "+3",          "--warmup",    "--pin",
            "--seed",      "0x10",       "--kernel", "hash",        "--partition", "round-robin",
            "--fail-task", "9,999",      "--json",   "-",           "--csv",       "dir",
            "--csv-tasks", "--markdown", "m.md",     "--quiet"};
        QCOMPARE(CliParser::parse(args, o, error), CliParser::Outcome::Run);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const ExperimentSpec &e = o.experiment;
        QCOMPARE(e.workload, (WorkloadSpec{10000, 5, 1500, 1000, 2'500'000, Kernel::Hash, 16}));
        QCOMPARE(e.shardCounts, (QList<int>{4, 1}));
        QCOMPARE(e.repeats, 3);
        QVERIFY(e.warmup);
        QVERIFY(e.pin);
        QCOMPARE(e.partition, Partition::RoundRobin);
        QCOMPARE(e.failTask, std::int64_t{9999});
        QCOMPARE(o.jsonPath, QStringLiteral("-"));
        QCOMPARE(o.csvPath, QStringLiteral("dir"));
        QVERIFY(o.csvTasks);
        QCOMPARE(o.markdownPath, QStringLiteral("m.md"));
        QVERIFY(o.quiet);
    }

    void shapesLandInTheExperiment()
    {
        HeadlessOptions o;
        QString error;
        QCOMPARE(CliParser::parse({"--io", "1:10000", "--io-dist", "lognormal:median=300,p99=3k",
                                   "--cpu", "10k:5M", "--cpu-dist=pareto:median=200k,p99=2M"},
                                  o, error),
                 CliParser::Outcome::Run);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(o.experiment.workload.ioDist, Distribution::logNormal(300, 3000));
        QCOMPARE(o.experiment.workload.cpuDist, Distribution::pareto(200000, 2000000));
        QCOMPARE(CliParser::parse({"--cpu-dist", "bimodal:heavy=0.05"}, o, error),
                 CliParser::Outcome::Run);
        QCOMPARE(o.experiment.workload.cpuDist, Distribution::bimodal(0.05));
        QCOMPARE(o.experiment.workload.ioDist, Distribution::uniform());
    }

    void helpExplainsEveryShape()
    {
        const QString help = CliParser::usage();
        for (const char *text : {"--io-dist SHAPE", "--cpu-dist SHAPE", "lognormal:median=M,p99=P",
                                 "pareto:median=M,p99=P", "bimodal:heavy=F", "clamped to MIN:MAX"})
            QVERIFY2(help.contains(QLatin1String(text)), text);
    }

    void aShapedPlanRunsWithOneChecksumAndIsReported()
    {
        const Outcome o = runCli(kSmall + QStringList{"--shards", "1,2", "--json", "-", "--io-dist",
                                                      "pareto:median=5,p99=15", "--cpu-dist",
                                                      "bimodal:heavy=0.2"});
        QCOMPARE(o.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(o.out).object();
        QCOMPARE(doc[u"workload"][u"io_dist"].toString(), QStringLiteral("pareto:median=5,p99=15"));
        QCOMPARE(doc[u"workload"][u"cpu_dist"].toString(), QStringLiteral("bimodal:heavy=0.2"));
        const QJsonArray runs = doc[u"runs"].toArray();
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs[0][u"tasks_done"].toInt(), 300);
        QCOMPARE(runs[0][u"checksum"].toString(), runs[1][u"checksum"].toString());
        // The table names the shapes it ran.
        QVERIFY2(o.err.contains("shapes: io pareto:median=5,p99=15, cpu bimodal:heavy=0.2"),
                 o.err.constData());
    }

    void defaultsAreOneAndKLoopsOnce()
    {
        HeadlessOptions o;
        QString error;
        QCOMPARE(CliParser::parse({"--headless"}, o, error), CliParser::Outcome::Run);
        const int cpus = QThread::idealThreadCount();
        QCOMPARE(o.experiment.shardCounts, cpus > 1 ? (QList<int>{1, cpus}) : QList<int>{1});
        QCOMPARE(o.experiment.workload, WorkloadSpec{});
        QCOMPARE(o.experiment.repeats, 1);
        QVERIFY(!o.experiment.warmup);
        QVERIFY(!o.experiment.pin);
        QCOMPARE(o.experiment.failTask, std::int64_t{-1});
        QVERIFY(o.jsonPath.isEmpty() && o.csvPath.isEmpty() && o.markdownPath.isEmpty());

        QCOMPARE(CliParser::parse({"--headless", "--sweep"}, o, error), CliParser::Outcome::Run);
        QCOMPARE(o.experiment.shardCounts, sweepShardCounts(cpus));
        // "sweep" is also a value of --shards.
        QCOMPARE(CliParser::parse({"--headless", "--shards", "sweep"}, o, error),
                 CliParser::Outcome::Run);
        QCOMPARE(o.experiment.shardCounts, sweepShardCounts(cpus));
        // A value that starts with '-' but is no option is a value: "-" is standard output.
        QCOMPARE(CliParser::parse({"--headless", "--json", "-"}, o, error),
                 CliParser::Outcome::Run);
        QCOMPARE(o.jsonPath, QStringLiteral("-"));
    }

    void helpAndVersionWinOverEverythingElse()
    {
        HeadlessOptions o;
        QString error;
        QCOMPARE(CliParser::parse({"--help"}, o, error), CliParser::Outcome::Help);
        QCOMPARE(CliParser::parse({"--headless", "--tasks", "0", "-h"}, o, error),
                 CliParser::Outcome::Help);
        QCOMPARE(CliParser::parse({"--version", "--frobnicate"}, o, error),
                 CliParser::Outcome::Version);
    }

    // The same refusals from the real program: exit code 2, the line on stderr, nothing on stdout.
    void badInputExitsTwo()
    {
        for (const QStringList &args :
             {QStringList{"--headless", "--pin=no"}, QStringList{"--headless", "--io", "9:3"},
              QStringList{"--headless", "--markdown", "--json", "x"},
              QStringList{"--headless", "--cpu-dist", "bimodal:heavy=2"}}) {
            const Outcome o = runCli(args, 10000);
            QCOMPARE(o.exitCode, 2);
            HeadlessOptions options;
            QString error;
            CliParser::parse(args, options, error);
            QCOMPARE(QString::fromUtf8(o.err), error + u'\n');
            QVERIFY(o.out.isEmpty());
        }
    }

    void helpAndVersionExitZero()
    {
        Outcome o = runCli({"--help"}, 10000);
        QCOMPARE(o.exitCode, 0);
        QCOMPARE(QString::fromUtf8(o.out), CliParser::usage());
        o = runCli({"--version"}, 10000);
        QCOMPARE(o.exitCode, 0);
        QVERIFY(o.out.startsWith("loopbench "));
        QCOMPARE(QString::fromUtf8(o.out), CliParser::version());
    }

    void tooManyTasksForMemoryAreRefusedNamingWhatFits()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("LOOPBENCH_MEM_AVAILABLE_MB"), QStringLiteral("1024"));
        const Outcome o =
            runCli({"--headless", "--tasks", "10000000", "--shards", "1"}, 10000, env);
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.startsWith("--tasks: 10,000,000 tasks need about 1,621 MB"),
                 o.err.constData());
        QVERIFY(o.err.contains("at most 3,156,522 tasks fit"));
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
              "qcoro_version", "compiler", "build_type", "timestamp_utc", "host"})
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
            // Lag percentiles are ordered and bounded by the run: a task's lag ends before its
            // completion, and the last completion is the wall time.
            const QJsonObject lag = run[u"lag_ms"].toObject();
            QVERIFY(lag[u"p50"].toDouble() >= 0);
            QVERIFY(lag[u"p50"].toDouble() <= lag[u"p90"].toDouble());
            QVERIFY(lag[u"p90"].toDouble() <= lag[u"p99"].toDouble());
            QVERIFY(lag[u"p99"].toDouble() <= lag[u"max"].toDouble());
            QVERIFY(lag[u"max"].toDouble() <= run[u"wall_ms"].toDouble());
            QCOMPARE(run[u"latency_ms"][u"max"].toDouble(), run[u"wall_ms"].toDouble());
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
        QList<QByteArray> lines = o.out.trimmed().split('\n');
        // A machine busy with other tests adds a note line; it is not part of the table.
        lines.removeIf([](const QByteArray &line) { return line.startsWith("machine busy:"); });
        // How much the kernels' own time grew at K = 2 against 1 loop: measured, so present.
        const qsizetype inflation = lines.indexOf(lines.value(6));
        QVERIFY2(lines.value(6).startsWith("work inflation (kernel time vs 1 shard): "),
                 lines.value(6).constData());
        QVERIFY(lines.value(6).contains(" at 2 shards"));
        lines.removeAt(inflation);
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
        // With two runs a side the statistics judge: 2 loops beyond noise, or no K beyond it.
        QVERIFY2(
            lines[12].startsWith("2 loops: ") ||
                lines[12].startsWith("no K is faster than 1 loop beyond noise (best 2 loops: "),
            lines[12].constData());
        QVERIFY(lines[12].contains("1 loop") && lines[12].contains("ideal "));
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
