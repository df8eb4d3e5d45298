// SPDX-License-Identifier: MIT
#include "core/report/reportreader.h"
#include "tests/support/runexperiment.h"

#include "core/experiment/plancodec.h"
#include "core/report/jsonreport.h"
#include "core/report/untrustedjson.h"
#include "tests/support/syntheticexperiment.h"
#include "tests/support/testplans.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <functional>

namespace {

const QString kName = QStringLiteral("x.json");

QByteArray bytesOf(const QJsonObject &report)
{
    return QJsonDocument(report).toJson(QJsonDocument::Indented);
}

// The synthetic experiment with everything a report can carry set to something a mix-up would
// change: a 64-bit seed, round-robin and pinned runs, per-shard figures, a failed run with a
// message, the hash kernel, a host name.
ExperimentResult richExperiment()
{
    ExperimentResult e = synthetic::experiment();
    e.spec.workload =
        WorkloadSpec{1000, 20, 900, 1234, 98765, Kernel::Hash, 18446744073709551557ULL};
    e.spec.workload.ioDist = Distribution::logNormal(100, 800);
    e.spec.workload.cpuDist = Distribution::pareto(5000, 50000);
    e.spec.partition = Partition::RoundRobin;
    e.spec.pin = true;
    e.spec.warmup = true;
    e.machine.host = QStringLiteral("bench-7");
    for (RunResult &r : e.runs) {
        r.partition = Partition::RoundRobin;
        r.pinned = true;
        if (r.shards == 4)
            r.schedule = ShardSchedule::Protective;
        for (int k = 0; k < r.shards; ++k) {
            r.perShard.push_back({k, k % 4, 1000 / r.shards, r.completed() ? 1000 / r.shards : 2,
                                  10.5 + k, 20.25 + k, r.wallMs - k,
                                  0xfedcba9876543210ULL + std::uint64_t(k)});
        }
    }
    e.runs[1].checksum = 0x8000000000000001ULL;
    // A second runtime: its runs read back under it, with their tasks moved.
    e.spec.runtimes = {Runtime::Threads, Runtime::Stealing};
    e.runs[1].runtime = Runtime::Stealing;
    e.runs[1].tasksMoved = 17;
    e.runs.back().repeat = 4; // the synthetic failed run is numbered past the repeats

    e.runs[2].joinOverheadMs = -0.125; // the engine does not clamp it
    e.summary = summarizeExperiment(e);
    return e;
}

// A report written by the real engine: 40 tasks, 1 and 2 loops, twice each.
const QByteArray &realReport()
{
    static const QByteArray bytes = [] {
        ExperimentSpec spec;
        spec.workload = testplans::workload(40, 0, 3, 0, 2000);
        spec.shardCounts = {1, 2};
        spec.repeats = 2;
        return bytesOf(experimentToJson(testexperiments::runExperiment(spec)));
    }();
    return bytes;
}

QString readError(const QByteArray &bytes)
{
    QString error;
    if (ReportReader::read(bytes, kName, &error))
        return QStringLiteral("<read without error>");
    return error;
}

QString readError(const QJsonObject &report)
{
    return readError(bytesOf(report));
}

// "runs[3].lag_ms.p99" -> its parts: keys and array indices.
struct Step
{
    QString key;
    qsizetype index = -1;
};

QList<Step> stepsOf(const QString &path)
{
    QList<Step> steps;
    static const QRegularExpression part(QStringLiteral("([^.\\[]+)|\\[(\\d+)\\]"));
    for (auto it = part.globalMatch(path); it.hasNext();) {
        const auto m = it.next();
        steps.append(m.captured(1).isEmpty() ? Step{{}, m.captured(2).toLongLong()}
                                             : Step{m.captured(1), -1});
    }
    return steps;
}

// `node` with the value at `steps` replaced by `value`, or removed when `value` is undefined.
QJsonValue edited(const QJsonValue &node, QList<Step> steps, const QJsonValue &value)
{
    if (steps.isEmpty())
        return value;
    const Step step = steps.takeFirst();
    if (step.index >= 0) {
        QJsonArray a = node.toArray();
        if (steps.isEmpty() && value.isUndefined())
            a.removeAt(step.index);
        else
            a[step.index] = edited(a[step.index], steps, value);
        return a;
    }
    QJsonObject o = node.toObject();
    if (steps.isEmpty() && value.isUndefined())
        o.remove(step.key);
    else
        o[step.key] = edited(o[step.key], steps, value);
    return o;
}

QJsonObject with(const QJsonObject &report, const QString &path, const QJsonValue &value)
{
    return edited(report, stepsOf(path), value).toObject();
}

// Every value of the report with its path, containers too, in document order.
void walk(const QJsonValue &v, const QString &path,
          const std::function<void(const QString &, const QJsonValue &)> &visit)
{
    if (!path.isEmpty())
        visit(path, v);
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            walk(it.value(), path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key(), visit);
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            walk(a[i], QStringLiteral("%1[%2]").arg(path).arg(i), visit);
    }
}

// A value of another JSON type than `v`, which no field may accept in its place.
QJsonValue otherType(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Double:
        return QStringLiteral("12");
    case QJsonValue::String:
        return 12;
    case QJsonValue::Bool:
        return 1;
    case QJsonValue::Null:
        return QStringLiteral("x");
    case QJsonValue::Array:
        return QJsonObject{};
    default:
        return QJsonArray{};
    }
}

void compareRuns(const RunResult &read, const RunResult &written)
{
    QCOMPARE(read.status, written.status);
    QCOMPARE(read.error, written.error);
    QCOMPARE(read.runtime, written.runtime);
    QCOMPARE(read.tasksMoved, written.tasksMoved);
    QCOMPARE(read.shards, written.shards);
    QCOMPARE(read.partition, written.partition);
    QCOMPARE(read.pinned, written.pinned);
    QCOMPARE(read.schedule, written.schedule);
    QCOMPARE(read.repeat, written.repeat);
    QCOMPARE(read.startedUtc, written.startedUtc);
    QCOMPARE(read.tasks, written.tasks);
    QCOMPARE(read.tasksDone, written.tasksDone);
    QCOMPARE(read.tasksFailed, written.tasksFailed);
    QCOMPARE(read.wallMs, written.wallMs);
    if (written.completed()) {
        QCOMPARE(read.idealMs, written.idealMs);
        QCOMPARE(read.efficiency, written.efficiency);
    } else { // written as null: missing, not 0
        QVERIFY(std::isnan(read.idealMs));
        QVERIFY(std::isnan(read.efficiency));
    }
    QCOMPARE(read.throughputTps, written.throughputTps);
    QCOMPARE(read.startOverheadMs, written.startOverheadMs);
    QCOMPARE(read.joinOverheadMs, written.joinOverheadMs);
    for (auto p : {&Percentiles::p50, &Percentiles::p90, &Percentiles::p99, &Percentiles::max}) {
        QCOMPARE(read.lagMs.*p, written.lagMs.*p);
        QCOMPARE(read.latencyMs.*p, written.latencyMs.*p);
    }
    QCOMPARE(read.checksum, written.checksum);
    QCOMPARE(read.perShard.size(), written.perShard.size());
    for (std::size_t k = 0; k < read.perShard.size(); ++k) {
        const ShardStats &a = read.perShard[k];
        const ShardStats &b = written.perShard[k];
        QCOMPARE(a.index, b.index);
        QCOMPARE(a.cpu, b.cpu);
        QCOMPARE(a.tasks, b.tasks);
        QCOMPARE(a.tasksDone, b.tasksDone);
        QCOMPARE(a.busyMs, b.busyMs);
        QCOMPARE(a.cpuMs, b.cpuMs);
        QCOMPARE(a.finishMs, b.finishMs);
        QCOMPARE(a.checksum, b.checksum);
    }
    QVERIFY(!read.plan);
    QVERIFY(!read.timings);
}

void compareMachines(const MachineInfo &a, const MachineInfo &b)
{
    QCOMPARE(a.appVersion, b.appVersion);
    QCOMPARE(a.gitHash, b.gitHash);
    QCOMPARE(a.cpuModel, b.cpuModel);
    QCOMPARE(a.logicalCpus, b.logicalCpus);
    QCOMPARE(a.os, b.os);
    QCOMPARE(a.qtVersion, b.qtVersion);
    QCOMPARE(a.qcoroVersion, b.qcoroVersion);
    QCOMPARE(a.compiler, b.compiler);
    QCOMPARE(a.buildType, b.buildType);
    QCOMPARE(a.timestampUtc, b.timestampUtc);
    QCOMPARE(a.host, b.host);
}

void compareSpecs(const ExperimentSpec &a, const ExperimentSpec &b)
{
    QCOMPARE(a.workload, b.workload);
    QCOMPARE(a.runtimes, b.runtimes);
    QCOMPARE(a.shardCounts, b.shardCounts);
    QCOMPARE(a.partition, b.partition);
    QCOMPARE(a.pin, b.pin);
    QCOMPARE(a.repeats, b.repeats);
    QCOMPARE(a.warmup, b.warmup);
    QCOMPARE(a.failTask, -1); // not in a report
}

} // namespace

class TestReportReader : public QObject
{
    Q_OBJECT

private slots:
    void roundTripGivesBackSpecMachineAndEveryRunFigure()
    {
        const ExperimentResult written = richExperiment();
        QString error;
        const auto read = ReportReader::read(bytesOf(experimentToJson(written)), kName, &error);
        QVERIFY2(read, qPrintable(error));
        compareSpecs(read->spec, written.spec);
        compareMachines(read->machine, written.machine);
        QCOMPARE(read->nsPerIter, written.nsPerIter);
        QCOMPARE(read->cancelled, false);
        QCOMPARE(read->runs.size(), written.runs.size());
        for (std::size_t i = 0; i < read->runs.size(); ++i) {
            compareRuns(read->runs[i], written.runs[i]);
            QCOMPARE(read->runs[i].nsPerIter, written.nsPerIter);
        }
        // The summary is computed again from the runs read, and agrees with the writer's.
        QCOMPARE(read->summary.configs.size(), written.summary.configs.size());
        for (std::size_t i = 0; i < read->summary.configs.size(); ++i) {
            const ConfigSummary &a = read->summary.configs[i];
            const ConfigSummary &b = written.summary.configs[i];
            QCOMPARE(a.runtime, b.runtime);
            QCOMPARE(a.shards, b.shards);
            QCOMPARE(a.completedRuns, b.completedRuns);
            QCOMPARE(a.wallMs.median, b.wallMs.median);
            QCOMPARE(a.speedup.value, b.speedup.value);
            QCOMPARE(a.vsBaseline.p, b.vsBaseline.p);
        }
        QCOMPARE(read->summary.runOutliers, written.summary.runOutliers);
        QCOMPARE(read->verdict(), written.verdict());
    }

    void roundTripOfARealExperiment()
    {
        QString error;
        const auto read = ReportReader::read(realReport(), kName, &error);
        QVERIFY2(read, qPrintable(error));
        // Written again, the report is the same text: nothing was lost or changed on the way.
        QCOMPARE(bytesOf(experimentToJson(*read)), realReport());
        QCOMPARE(read->runs.size(), std::size_t(4));
        QCOMPARE(read->machine.host, MachineInfo::current().host);
    }

    void cancelledExperimentReadsAsCancelled()
    {
        ExperimentResult e = synthetic::experiment();
        e.runs.resize(4);
        e.runs.back().status = RunStatus::Cancelled;
        e.runs.back().tasksDone = 123;
        e.cancelled = true;
        e.summary = summarizeExperiment(e);
        QString error;
        const auto read = ReportReader::read(bytesOf(experimentToJson(e)), kName, &error);
        QVERIFY2(read, qPrintable(error));
        QVERIFY(read->cancelled);
        QCOMPARE(read->runs.back().status, RunStatus::Cancelled);
        QCOMPARE(read->runs.back().tasksDone, 123);
        QCOMPARE(read->summary.config(Runtime::Threads, 1)->completedRuns, 1);
    }

    void readFileNamesTheFileAsGiven()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytesOf(with(experimentToJson(synthetic::experiment()),
                             QStringLiteral("runs[3].wall_ms"), QStringLiteral("fast"))));
        f.close();
        QString error;
        QVERIFY(!ReportReader::readFile(path, &error));
        QCOMPARE(error,
                 path + QStringLiteral(": runs[3].wall_ms: expected a number or null (got text)"));

        QVERIFY(!ReportReader::readFile(dir.filePath(QStringLiteral("none.json")), &error));
        QCOMPARE(error, dir.filePath(QStringLiteral("none.json")) +
                            QStringLiteral(": No such file or directory"));
        QVERIFY(!ReportReader::readFile(dir.path(), &error));
        QCOMPARE(error, dir.path() + QStringLiteral(": is a folder, not a report file"));
    }

    void otherSchemasAndVersionsAreRefused()
    {
        const QJsonObject report = experimentToJson(synthetic::experiment());
        QCOMPARE(readError(with(report, QStringLiteral("schema"), QStringLiteral("foo"))),
                 QStringLiteral("x.json: not a LoopBench report (schema \"foo\")"));
        QCOMPARE(
            readError(with(report, QStringLiteral("schema"), QStringLiteral("loopbench.report/2"))),
            QStringLiteral("x.json: LoopBench report version 2, which this build does not "
                           "read (it reads loopbench.report/1)"));
        QCOMPARE(readError(with(report, QStringLiteral("schema"), QJsonValue::Undefined)),
                 QStringLiteral("x.json: not a LoopBench report (no \"schema\")"));
        QCOMPARE(readError(with(report, QStringLiteral("schema"), 1)),
                 QStringLiteral("x.json: not a LoopBench report (\"schema\" is a number)"));
        QCOMPARE(readError(QByteArray("[1, 2]")),
                 QStringLiteral("x.json: not a LoopBench report (the JSON is an array, not an "
                                "object)"));
        QCOMPARE(readError(QByteArray("{\"name\": \"package.json\"}")),
                 QStringLiteral("x.json: not a LoopBench report (no \"schema\")"));
        // A schema of a megabyte is quoted cut short.
        const QString huge(1 << 20, QLatin1Char('s'));
        QVERIFY(readError(with(report, QStringLiteral("schema"), huge)).size() < 200);
    }

    void notJsonSaysWhatAndWhere()
    {
        QCOMPARE(readError(QByteArray("{\"schema\": x, \"runs\": [1, 2, 3]}")),
                 QStringLiteral("x.json: not JSON: illegal number at offset 11"));
        QCOMPARE(readError(QByteArray("{\"a\": 1} trailing")),
                 QStringLiteral("x.json: not JSON: garbage at the end of the document at offset "
                                "9"));
        QCOMPARE(readError(QByteArray()), QStringLiteral("x.json: empty file"));
        QCOMPARE(readError(QByteArray(" \n\t ")),
                 QStringLiteral("x.json: no JSON in it, only white space"));
        // A string that never ends is a cut, not a syntax error.
        QCOMPARE(readError(QByteArray("{\"schema\": \"loopbench.rep")),
                 QStringLiteral("x.json: truncated: the JSON stops after 25 bytes, inside an "
                                "unfinished value"));
    }

    void everyTruncationOfARealReportSaysTruncated()
    {
        const QByteArray full = realReport();
        const qsizetype end = full.lastIndexOf('}');
        int cuts = 0;
        for (qsizetype n = 97; n <= end; n += 97, ++cuts) {
            const QString error = readError(full.left(n));
            QVERIFY2(error.startsWith(QStringLiteral("x.json: truncated: the JSON stops after ")),
                     qPrintable(QStringLiteral("cut at %1: %2").arg(n).arg(error)));
        }
        QVERIFY(cuts > 20);
        // Only the final newline missing: still the whole report.
        QString error;
        QVERIFY2(ReportReader::read(full.left(end + 1), kName, &error), qPrintable(error));
    }

    void randomByteFlipsAreReadOrRefusedNeverCrash()
    {
        const QByteArray full = realReport();
        QRandomGenerator random(20240601);
        int refused = 0;
        int read = 0;
        for (int trial = 0; trial < 3000; ++trial) {
            QByteArray bytes = full;
            const int flips = 1 + int(random.bounded(3));
            for (int f = 0; f < flips; ++f)
                bytes[qsizetype(random.bounded(quint32(bytes.size())))] ^=
                    char(1 << random.bounded(8));
            QString error;
            const auto result = ReportReader::read(bytes, kName, &error);
            if (result) {
                ++read;
                // What is accepted holds to the ranges every reader of a result relies on.
                for (const RunResult &r : result->runs) {
                    QVERIFY(r.shards >= 1 && r.shards <= RunConfig::kMaxShards);
                    QVERIFY(result->spec.shardCounts.contains(r.shards));
                    QVERIFY(r.tasksDone <= r.tasks && r.tasks <= result->spec.workload.tasks);
                    QVERIFY(std::isfinite(r.wallMs) && r.wallMs >= 0);
                    QVERIFY(r.perShard.size() <= std::size_t(r.shards));
                }
            } else {
                ++refused;
                QVERIFY2(error.startsWith(QStringLiteral("x.json: ")), qPrintable(error));
                QVERIFY(!error.contains(QLatin1Char('\n')));
            }
        }
        // Both outcomes happen: flips inside a number or a name pass, flips in the syntax not.
        QVERIFY(refused > 100);
        QVERIFY(read > 10);
    }

    void deepNestingIsRefusedBeforeParsing()
    {
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(readError(QByteArray(100000, '[')),
                 QStringLiteral("x.json: not a LoopBench report: JSON nested deeper than 32 levels "
                                "at offset 32"));
        QByteArray objects;
        for (int i = 0; i < 100000; ++i)
            objects += "{\"a\":";
        QVERIFY(readError(objects).contains(QStringLiteral("nested deeper than 32 levels")));
        // Brackets inside strings are text, not nesting.
        QJsonObject report = experimentToJson(richExperiment());
        report = with(report, QStringLiteral("meta.os"), QString(900, QLatin1Char('[')));
        QString error;
        QVERIFY2(ReportReader::read(bytesOf(report), kName, &error), qPrintable(error));
        // Deep nesting inside a field that wants a number.
        QJsonValue deep = 1;
        for (int i = 0; i < 40; ++i)
            deep = QJsonArray{deep};
        QVERIFY(readError(with(report, QStringLiteral("runs[0].wall_ms"), deep))
                    .contains(QStringLiteral("nested deeper than 32")));
    }

    void millionsOfValuesAreRefusedBeforeParsing()
    {
        // 16 MB of "0,": far below the size limit, but 8 million values would cost Qt 128 MB.
        QByteArray zeros = "[";
        zeros += QByteArray("0,").repeated(UntrustedJson::kMaxValues);
        zeros += "0]";
        QCOMPARE(readError(zeros),
                 QStringLiteral("x.json: not a LoopBench report: more than 8,000,000 JSON values"));
        // Commas inside strings are text.
        QString error;
        const QJsonObject report =
            with(experimentToJson(richExperiment()), QStringLiteral("runs[15].error"),
                 QString(ReportReader::kMaxLongText, QLatin1Char(',')));
        QVERIFY2(ReportReader::read(bytesOf(report), kName, &error), qPrintable(error));
    }

    void hugeFilesAreRefusedUnread()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("spaces.json"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            const QByteArray megabyte(1 << 20, ' ');
            for (int i = 0; i < 100; ++i)
                QCOMPARE(f.write(megabyte), megabyte.size());
        }
        QString error;
        QVERIFY(!ReportReader::readFile(path, &error));
        QCOMPARE(error, path + QStringLiteral(": more than the 64 MB a report may have "
                                              "(104,857,600 bytes)"));
        // A device (which has no end a report can be trusted to reach) is not read at all.
        QVERIFY(!ReportReader::readFile(QStringLiteral("/dev/zero"), &error));
        QCOMPARE(error, QStringLiteral("/dev/zero: is a device, not a report file: only regular "
                                       "files are read"));
        // In memory too.
        QCOMPARE(readError(QByteArray(UntrustedJson::kMaxBytes + 1, ' ')),
                 QStringLiteral("x.json: more than the 64 MB a report may have (67,108,865 "
                                "bytes)"));
    }

    void wrongTypeForEveryFieldNamesTheField()
    {
        const QJsonObject report = experimentToJson(richExperiment());
        int checked = 0;
        walk(report, QString(), [&](const QString &path, const QJsonValue &v) {
            if (path == u"schema")
                return; // otherSchemasAndVersionsAreRefused()
            // A plan's fields are PlanCodec's: a number may be written as text there, and
            // tst_plancodec checks every field's values.
            if (path.startsWith(u"workload.") && PlanCodec::field(path.mid(9)))
                return;
            const QString error = readError(with(report, path, otherType(v)));
            QVERIFY2(error.startsWith(kName + QStringLiteral(": ") + path +
                                      QStringLiteral(": expected ")),
                     qPrintable(path + QStringLiteral(" -> ") + error));
            ++checked;
        });
        QVERIFY(checked > 500);
    }

    void whatWasNotMeasuredReadsBackAsMissing()
    {
        // A cancelled run: no wall time, rate or latencies, but how long it ran.
        ExperimentResult e = richExperiment();
        RunResult &cancelled = e.runs[3];
        cancelled.status = RunStatus::Cancelled;
        cancelled.tasksDone = 384;
        cancelled.wallMs = cancelled.throughputTps = kNotMeasured;
        cancelled.idealMs = cancelled.efficiency = cancelled.workMs = kNotMeasured;
        cancelled.estimatedIdealMs = kNotMeasured;
        cancelled.lagMs = cancelled.latencyMs = {};
        cancelled.elapsedMs = 1500;
        cancelled.perShard.clear();
        e.cancelled = true;
        e.summary = summarizeExperiment(e);
        const QJsonObject json = experimentToJson(e);
        const QJsonObject run = json[u"runs"][3].toObject();
        for (const char *key : {"wall_ms", "throughput_tps", "ideal_ms", "efficiency"})
            QVERIFY2(run[QLatin1String(key)].isNull(), key);
        QVERIFY(run[u"lag_ms"][u"p99"].isNull());
        QVERIFY(run[u"latency_ms"][u"max"].isNull());
        QCOMPARE(run[u"elapsed_ms"].toDouble(), 1500.0);
        QString error;
        const auto back = ReportReader::read(bytesOf(json), kName, &error);
        QVERIFY2(back, qPrintable(error));
        const RunResult &r = back->runs[3];
        QVERIFY(std::isnan(r.wallMs) && std::isnan(r.throughputTps) && std::isnan(r.lagMs.p99) &&
                std::isnan(r.latencyMs.max));
        QCOMPARE(r.elapsedMs, 1500.0);
        QCOMPARE(back->verdict(), e.verdict());
        // A completed run must have measured its wall time.
        QCOMPARE(readError(with(json, QStringLiteral("runs[0].wall_ms"), QJsonValue::Null)),
                 kName + QStringLiteral(": runs[0].wall_ms: null for a completed run"));
    }

    void everyMissingFieldIsNamed()
    {
        const QJsonObject report = experimentToJson(richExperiment());
        int checked = 0;
        walk(report, QString(), [&](const QString &path, const QJsonValue &) {
            // Optional: a run's error (only a failed run has one), the host, the machine-busy
            // figures, the measured work, the elapsed time, the busy programs, the transport and
            // the runtime with its tasks moved (older reports lack them); array
            // entries are not fields.
            if (path == u"schema" || path.endsWith(u".error") || path == u"meta.host" ||
                path == u"workload.transport" || path.endsWith(u".others_cpu_fraction") ||
                path.endsWith(u".machine_busy") || path.endsWith(u".ideal_estimate_ms") ||
                path.endsWith(u".work_ms") || path.endsWith(u".io_dist") ||
                path.endsWith(u".shard_schedule") || path.endsWith(u".cpu_dist") ||
                path.endsWith(u".elapsed_ms") || path.endsWith(u".busy_programs") ||
                path.endsWith(u".runtime") || path.endsWith(u".tasks_moved") ||
                path == u"workload.runtimes" || path.endsWith(u']'))
                return;
            const QString error = readError(with(report, path, QJsonValue::Undefined));
            QVERIFY2(
                error.startsWith(kName + QStringLiteral(": ") + path + QStringLiteral(": missing")),
                qPrintable(path + QStringLiteral(" -> ") + error));
            ++checked;
        });
        QVERIFY(checked > 500);
    }

    void optionalAndUnknownFieldsRead()
    {
        QJsonObject report = experimentToJson(richExperiment());
        report = with(report, QStringLiteral("meta.host"), QJsonValue::Undefined);
        report = with(report, QStringLiteral("runs[15].error"), QJsonValue::Undefined);
        // Fields a later build may add to version 1.
        report = with(report, QStringLiteral("work_inflation"), 1.05);
        report = with(report, QStringLiteral("runs[0].machine_busy"), true);
        QString error;
        const auto read = ReportReader::read(bytesOf(report), kName, &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->machine.host, QString());
        QCOMPARE(read->runs[15].error, QString());
        // Every run written before the schedule was named ran at the protective one.
        report = with(report, QStringLiteral("runs[0].shard_schedule"), QJsonValue::Undefined);
        const auto older = ReportReader::read(bytesOf(report), kName, &error);
        QVERIFY2(older, qPrintable(error));
        QCOMPARE(older->runs[0].schedule, ShardSchedule::Protective);
        QCOMPARE(older->runs[1].schedule, ShardSchedule::Fair);
        // Every run written before runtimes ran on threads and moved no task.
        report = with(report, QStringLiteral("workload.runtimes"), QJsonValue::Undefined);
        report = with(report, QStringLiteral("runs[1].runtime"), QJsonValue::Undefined);
        report = with(report, QStringLiteral("runs[1].tasks_moved"), QJsonValue::Undefined);
        const auto beforeRuntimes = ReportReader::read(bytesOf(report), kName, &error);
        QVERIFY2(beforeRuntimes, qPrintable(error));
        QCOMPARE(beforeRuntimes->spec.runtimes, QList<Runtime>{Runtime::Threads});
        QCOMPARE(beforeRuntimes->runs[1].runtime, Runtime::Threads);
        QCOMPARE(beforeRuntimes->runs[1].tasksMoved, std::int64_t(0));
    }

    // The http part of a report as the writer before PlanCodec put it: a server the run started
    // had no "target", one started by hand no "server_loops", and a pool of one per task was
    // "per-task". Every field the file does not name takes its default.
    void anHttpReportOfThePreviousWriterReads()
    {
        ExperimentResult e = richExperiment();
        e.spec.transport.kind = Transport::Http;
        QJsonObject report = experimentToJson(e);
        QCOMPARE(report[u"workload"][u"connections"].toString(), QStringLiteral("per-task"));
        report = with(report, QStringLiteral("workload.target"), QJsonValue::Undefined);
        QString error;
        auto read = ReportReader::read(bytesOf(report), kName, &error);
        QVERIFY2(read, qPrintable(error));
        QVERIFY(read->spec.plan() == e.spec.plan());

        e.spec.transport.target = QStringLiteral("10.0.0.7:8080");
        e.spec.transport.connections = 8;
        report = with(experimentToJson(e), QStringLiteral("workload.server_loops"),
                      QJsonValue::Undefined);
        read = ReportReader::read(bytesOf(report), kName, &error);
        QVERIFY2(read, qPrintable(error));
        QVERIFY(read->spec.plan() == e.spec.plan());
        // A timer report from before the transport: no transport key at all.
        report = with(experimentToJson(richExperiment()), QStringLiteral("workload.transport"),
                      QJsonValue::Undefined);
        read = ReportReader::read(bytesOf(report), kName, &error);
        QVERIFY2(read, qPrintable(error));
        QVERIFY(read->spec.plan() == richExperiment().spec.plan());
    }

    void aReportWithoutShapesReadsAsUniform()
    {
        // Reports written before shapes existed.
        QJsonObject report = experimentToJson(richExperiment());
        report = with(report, QStringLiteral("workload.io_dist"), QJsonValue::Undefined);
        report = with(report, QStringLiteral("workload.cpu_dist"), QJsonValue::Undefined);
        QString error;
        const auto read = ReportReader::read(bytesOf(report), kName, &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->spec.workload.ioDist, Distribution::uniform());
        QCOMPARE(read->spec.workload.cpuDist, Distribution::uniform());
        QCOMPARE(read->spec.workload.cpuMax, std::uint64_t{98765});
    }

    void valuesOutOfRangeAreRefusedWithTheRange_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("message");
        auto row = [](const char *path, const QJsonValue &v, const char *message) {
            const QByteArray shown = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
            QTest::addRow("%s = %s", path, shown.left(40).constData())
                << QString::fromLatin1(path) << v << QString::fromUtf8(message);
        };
        row("runs[0].shards", 2000, "runs[0].shards: 2,000 is outside 1 to 1,024");
        row("runs[0].shards", 8, "runs[0].shards: 8 is not among the workload's shards (1, 2, 4)");
        row("runs[0].repeat", 5, "runs[0].repeat: 5 is outside 0 to 4");
        row("runs[0].tasks", 1001, "runs[0].tasks: 1,001 is outside 0 to 1,000");
        row("runs[0].tasks_done", 2000, "runs[0].tasks_done: 2,000 is outside 0 to 1,000");
        row("runs[0].tasks_failed", -1, "runs[0].tasks_failed: -1 is outside 0 to 1,000");
        row("runs[0].wall_ms", -0.5, "runs[0].wall_ms: -0.5 is below 0");
        row("runs[0].ideal_ms", -2, "runs[0].ideal_ms: -2 is below 0");
        row("runs[0].latency_ms.p99", -3, "runs[0].latency_ms.p99: -3 is below 0");
        // Values no run can have.
        row("runs[0].wall_ms", 1e308,
            "runs[0].wall_ms: 1e+308 ms is longer than any run can take (at most "
            "3,155,760,000,000 ms)");
        row("runs[0].wall_ms", 0, "runs[0].wall_ms: 0 ms for a completed run of 1,000 tasks");
        row("runs[0].lag_ms.p50", -1, "runs[0].lag_ms.p50: -1 is below 0");
        row("runs[0].lag_ms.max", -0.001, "runs[0].lag_ms.max: -0.001 is below 0");
        row("runs[0].lag_ms.p90", 1, "runs[0].lag_ms.p90: 1 ms is below p50 10.5 ms");
        row("runs[0].latency_ms.max", 1e20,
            "runs[0].latency_ms.max: 1e+20 ms is longer than any run can take (at most "
            "3,155,760,000,000 ms)");
        row("runs[0].per_shard[0].busy_ms", 1e300,
            "runs[0].per_shard[0].busy_ms: 1e+300 ms is longer than any run can take (at most "
            "3,155,760,000,000 ms)");
        row("runs[0].tasks_failed", 1,
            "runs[0].tasks_failed: 1,000 done and 1 failed of 1,000 tasks");
        row("runs[0].latency_ms.max", 1e9,
            "runs[0].latency_ms.max: 1,000,000,000 ms is longer than the run's wall_ms 10512.3 ms");
        row("runs[0].throughput_tps", 1e300,
            "runs[0].throughput_tps: 1e+300 tasks/s is more than 1,000 tasks could reach (1 ns "
            "each)");
        row("calibration.ns_per_iter", 1e308,
            "calibration.ns_per_iter: 1e+308 ns is more than any iteration takes (at most "
            "1,000,000 ns)");
        row("runs[0].status", "finished",
            "runs[0].status: 'finished' is not one of completed, cancelled, failed");
        row("runs[0].partition", "random",
            "runs[0].partition: 'random' is not one of contiguous, round-robin");
        row("runs[0].started_utc", "yesterday",
            "runs[0].started_utc: 'yesterday' is not a date and time such as "
            "2024-06-01T12:00:00.000Z");
        row("runs[0].checksum", "12e4",
            "runs[0].checksum: '12e4' is not a checksum such as 0x00000000000012e4");
        row("runs[1].per_shard[1].index", 9, "runs[1].per_shard[1].index: 9 is outside 0 to 1");
        row("runs[0].per_shard[0].cpu", -2,
            "runs[0].per_shard[0].cpu: -2 is outside 0 to 1,048,575");
        row("runs[2].per_shard[0].tasks", 5000,
            "runs[2].per_shard[0].tasks: 5,000 is outside 0 to 1,000");
        row("workload.tasks", 0, "workload.tasks: 0 is outside 1 to 50,000,000");
        row("workload.tasks", 1e300,
            "workload.tasks: 1.0000000000000001e+300 is outside 1 to 50,000,000");
        row("workload.tasks", 1.5,
            "workload.tasks: '1.5' is not a whole number from 1 to 50,000,000");
        row("workload.io_min_ms", 950, "workload.io_max_ms: min 950 ms is above max 900 ms");
        row("workload.cpu_max_iterations", 5e9,
            "workload.cpu_max_iterations: 5,000,000,000 iterations is outside 0 to "
            "4,000,000,000 iterations");
        row("workload.kernel", "md5", "workload.kernel: 'md5' is not one of sum, hash, article");
        row("workload.io_dist", "gauss",
            "workload.io_dist: 'gauss' is not one of uniform, lognormal, pareto, bimodal");
        row("workload.cpu_dist", "lognormal:median=10,p99=20",
            "workload.cpu_dist: median 10 iterations is outside 1,234 to 98,765 iterations");
        row("workload.seed", "lots",
            "workload.seed: 'lots' is not a whole number from 0 to 18,446,744,073,709,551,615");
        row("workload.shards", QJsonArray(),
            "workload.shards: missing value (a whole number "
            "from 1 to 1,024)");
        row("workload.shards[1]", 0, "workload.shards[1]: 0 is outside 1 to 1,024");
        row("workload.shards[2]", 1, "workload.shards[2]: 1 is listed twice");
        row("workload.repeats", 1001, "workload.repeats: 1,001 is outside 1 to 1,000");
        row("calibration.ns_per_iter", -1, "calibration.ns_per_iter: -1 is below 0");
        row("meta.logical_cpus", -4, "meta.logical_cpus: -4 is outside 0 to 1,048,576");
        row("meta.timestamp_utc", "noon",
            "meta.timestamp_utc: 'noon' is not a date and time such as 2024-06-01T12:00:00.000Z");
        row("meta.cpu_model", QString(5000, QLatin1Char('x')),
            "meta.cpu_model: 5,000 characters, more than the 1,000 this field may have");
        row("statistics.configs[0].runs", 1e6,
            "statistics.configs[0].runs: 1,000,000 is outside 0 to 1,000");
        // What other programs took: a share of the machine, each program's too.
        row("runs[0].others_cpu_fraction", 1.5, "runs[0].others_cpu_fraction: a share above 1");
        row("runs[0].others_cpu_fraction", -0.2, "runs[0].others_cpu_fraction: -0.2 is below 0");
        const char *badProgram =
            "runs[0].busy_programs: an entry without a name or with a share outside 0 to 1";
        row("runs[0].busy_programs",
            QJsonArray{QJsonObject{{"name", "yes"}, {"pid", 42}, {"share", 1.5}}}, badProgram);
        row("runs[0].busy_programs",
            QJsonArray{QJsonObject{{"name", "yes"}, {"pid", 42}, {"share", -0.1}}}, badProgram);
        row("runs[0].busy_programs", QJsonArray{QJsonObject{{"pid", 42}, {"share", 0.5}}},
            badProgram);
    }

    void valuesOutOfRangeAreRefusedWithTheRange()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, message);
        const QJsonObject report = experimentToJson(richExperiment());
        QCOMPARE(readError(with(report, path, value)), kName + QStringLiteral(": ") + message);
    }

    void moreShardEntriesThanShardsAreRefused()
    {
        QJsonObject report = experimentToJson(richExperiment());
        QJsonArray shards = report[u"runs"][1][u"per_shard"].toArray(); // a 2-loop run
        shards.append(shards[0]);
        QCOMPARE(readError(with(report, QStringLiteral("runs[1].per_shard"), shards)),
                 QStringLiteral("x.json: runs[1].per_shard: 3 entries for 2 shards"));
    }
};

QTEST_GUILESS_MAIN(TestReportReader)
#include "tst_reportreader.moc"
