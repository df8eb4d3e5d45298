// SPDX-License-Identifier: MIT
#include "core/report/reportreader.h"

#include "core/load/busyprograms.h"

#include "core/base/wholenumber.h"
#include "core/experiment/plancodec.h"
#include "core/report/jsonreport.h"
#include "core/report/untrustedjson.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

namespace {

// The first problem found, thrown from deep inside the field readers and caught in fromJson():
// every reader then reads as a straight list of fields instead of a ladder of checks.
struct Refused
{
    QString message;
};

[[noreturn]] void refuse(const QString &path, const QString &message)
{
    throw Refused{path.isEmpty() ? message : path + QStringLiteral(": ") + message};
}

// A value quoted in a message, cut so that a 10 MB string cannot flood one.
QString shown(const QString &text)
{
    constexpr qsizetype kShown = 60;
    return text.size() > kShown ? text.left(kShown) + QStringLiteral("…") : text;
}

QString kindOf(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("true or false");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("text");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

[[noreturn]] void expected(const QString &path, const char *what, const QJsonValue &v)
{
    if (v.isUndefined())
        refuse(path, QStringLiteral("missing (expected %1)").arg(QLatin1String(what)));
    refuse(path, QStringLiteral("expected %1 (got %2)").arg(QLatin1String(what), kindOf(v)));
}

QString numberText(double d)
{
    return d == std::floor(d) && std::abs(d) < 1e18 ? WholeNumber::group(std::int64_t(d))
                                                    : QString::number(d, 'g', 10);
}

enum class Sign { Any, NonNegative };

double checkedNumber(double d, const QString &path, Sign sign)
{
    if (!std::isfinite(d))
        refuse(path, QStringLiteral("expected a finite number"));
    if (sign == Sign::NonNegative && d < 0)
        refuse(path, QStringLiteral("%1 is below 0").arg(numberText(d)));
    return d;
}

// One JSON object of the report and where it sits ("runs[3].lag_ms"), with one reader per kind
// of field. Each reader refuses a missing field, a wrong type and a value out of range.
class Fields
{
public:
    Fields(const QJsonValue &v, QString path)
        : m_object(v.toObject())
        , m_path(std::move(path))
    {
        if (!v.isObject())
            expected(m_path, "an object", v);
    }

    QString at(const char *key) const
    {
        return m_path.isEmpty() ? QLatin1String(key)
                                : m_path + QLatin1Char('.') + QLatin1String(key);
    }
    QJsonValue get(const char *key) const { return m_object.value(QLatin1String(key)); }
    const QJsonObject &json() const { return m_object; }
    bool has(const char *key) const { return m_object.contains(QLatin1String(key)); }

    Fields object(const char *key) const { return Fields(get(key), at(key)); }

    QJsonArray array(const char *key) const
    {
        const QJsonValue v = get(key);
        if (!v.isArray())
            expected(at(key), "an array", v);
        return v.toArray();
    }

    bool boolean(const char *key) const
    {
        const QJsonValue v = get(key);
        if (!v.isBool())
            expected(at(key), "true or false", v);
        return v.toBool();
    }

    double number(const char *key, Sign sign = Sign::NonNegative) const
    {
        const QJsonValue v = get(key);
        if (!v.isDouble())
            expected(at(key), "a number", v);
        return checkedNumber(v.toDouble(), at(key), sign);
    }

    // A number the writer leaves null where it does not exist: NaN then.
    double numberOrNull(const char *key, Sign sign = Sign::NonNegative) const
    {
        const QJsonValue v = get(key);
        if (v.isNull())
            return kNaN;
        if (!v.isDouble())
            expected(at(key), "a number or null", v);
        return checkedNumber(v.toDouble(), at(key), sign);
    }

    std::int64_t whole(const char *key, const NumberRange &range) const
    {
        return wholeValue(get(key), at(key), range);
    }

    static std::int64_t wholeValue(const QJsonValue &v, const QString &path,
                                   const NumberRange &range)
    {
        if (!v.isDouble())
            expected(path, "a whole number", v);
        const double d = v.toDouble();
        // Past 2^62 no range of a report reaches; the cast below stays defined.
        constexpr double kTooLarge = 4611686018427387904.0;
        if (!std::isfinite(d) || d != std::floor(d))
            refuse(path, QStringLiteral("%1 is not a whole number").arg(numberText(d)));
        if (std::abs(d) >= kTooLarge)
            refuse(path, range.outside(numberText(d)));
        if (const auto e = range.check(std::int64_t(d)))
            refuse(path, *e);
        return std::int64_t(d);
    }

    QString text(const char *key, qsizetype maxChars) const
    {
        const QJsonValue v = get(key);
        if (!v.isString())
            expected(at(key), "text", v);
        const QString s = v.toString();
        if (s.size() > maxChars) {
            refuse(at(key), QStringLiteral("%1 characters, more than the %2 this field may have")
                                .arg(WholeNumber::group(std::uint64_t(s.size())),
                                     WholeNumber::group(std::uint64_t(maxChars))));
        }
        return s;
    }

    // A name from one of the enum tables (enumnames.h), through its fromName function.
    template <typename E, typename FromName>
    E name(const char *key, FromName fromName, const QStringList &choices) const
    {
        const QString s = text(key, ReportReader::kMaxShortText);
        if (const std::optional<E> value = fromName(QStringView(s)))
            return *value;
        refuse(at(key), QStringLiteral("'%1' is not one of %2")
                            .arg(shown(s), choices.join(QStringLiteral(", "))));
    }

    // ISO 8601 with milliseconds as the writer puts it, or empty where it had no time.
    QDateTime dateTime(const char *key) const
    {
        const QString s = text(key, ReportReader::kMaxShortText);
        if (s.isEmpty())
            return {};
        const QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
        if (!t.isValid()) {
            refuse(at(key), QStringLiteral("'%1' is not a date and time such as "
                                           "2024-06-01T12:00:00.000Z")
                                .arg(shown(s)));
        }
        return t;
    }

    // "0x" and 16 hex digits (checksumText()): text, because a JSON number would lose bits.
    std::uint64_t checksum(const char *key) const
    {
        static const QRegularExpression kForm(QStringLiteral("^0x[0-9a-fA-F]{16}$"));
        const QString s = text(key, ReportReader::kMaxShortText);
        if (!kForm.match(s).hasMatch())
            refuse(
                at(key),
                QStringLiteral("'%1' is not a checksum such as 0x00000000000012e4").arg(shown(s)));
        return s.mid(2).toULongLong(nullptr, 16);
    }

private:
    QJsonObject m_object;
    QString m_path;
};

QString indexed(const QString &path, qsizetype i)
{
    return QStringLiteral("%1[%2]").arg(path).arg(i);
}

constexpr NumberRange kCountOfRuns{0, ExperimentSpec::kMaxRepeats, nullptr};

MachineInfo readMachine(const Fields &meta)
{
    constexpr qsizetype kShort = ReportReader::kMaxShortText;
    MachineInfo m;
    m.appVersion = meta.text("app_version", kShort);
    m.gitHash = meta.text("git_hash", kShort);
    m.cpuModel = meta.text("cpu_model", kShort);
    m.logicalCpus =
        int(meta.whole("logical_cpus", NumberRange{0, ReportReader::kMaxLogicalCpus, nullptr}));
    m.os = meta.text("os", kShort);
    m.qtVersion = meta.text("qt_version", kShort);
    m.qcoroVersion = meta.text("qcoro_version", kShort);
    m.compiler = meta.text("compiler", kShort);
    m.buildType = meta.text("build_type", kShort);
    // Checked as a date, kept as the text it was: the views show it as written.
    meta.dateTime("timestamp_utc");
    m.timestampUtc = meta.text("timestamp_utc", kShort);
    // Reports written before the host name was recorded lack it.
    if (meta.has("host"))
        m.host = meta.text("host", kShort);
    return m;
}

ExperimentSpec readSpec(const Fields &w)
{
    ExperimentSpec spec;
    // Text is short in a plan (a shape, a name, HOST:PORT): a longer one is no LoopBench report.
    for (const PlanField &f : PlanCodec::fields()) {
        if (w.get(f.key).isString())
            w.text(f.key, ReportReader::kMaxShortText);
    }
    PlanCodec::Read plan = PlanCodec::fromJson(w.json(), PlanCodec::Missing::Refused);
    if (!plan.ok())
        refuse(w.at(qPrintable(plan.errors.first().field)), plan.errors.first().message);
    static_cast<Plan &>(spec) = plan.plan;

    const QJsonArray shards = w.array("shards");
    if (shards.isEmpty())
        refuse(w.at("shards"), RunConfig::kShardRange.missing());
    spec.shardCounts.clear();
    for (qsizetype i = 0; i < shards.size(); ++i) {
        const QString path = indexed(w.at("shards"), i);
        const int k = int(Fields::wholeValue(shards[i], path, RunConfig::kShardRange));
        // Repeats refused: a list of K once each, which also bounds its length by 1,024.
        if (spec.shardCounts.contains(k))
            refuse(path, QStringLiteral("%1 is listed twice").arg(k));
        spec.shardCounts.append(k);
    }
    // Optional: reports from before runtimes ran on threads.
    if (w.has("runtimes")) {
        const QJsonArray runtimes = w.array("runtimes");
        if (runtimes.isEmpty())
            refuse(w.at("runtimes"), QStringLiteral("no runtime given"));
        spec.runtimes.clear();
        for (qsizetype i = 0; i < runtimes.size(); ++i) {
            const QString path = indexed(w.at("runtimes"), i);
            if (!runtimes[i].isString())
                expected(path, "text", runtimes[i]);
            const QString name = runtimes[i].toString();
            const std::optional<Runtime> runtime = runtimeFromName(name);
            if (!runtime) {
                refuse(path, QStringLiteral("'%1' is not one of %2")
                                 .arg(shown(name), runtimeNames().join(QStringLiteral(", "))));
            }
            if (spec.runtimes.contains(*runtime))
                refuse(path, QStringLiteral("%1 is listed twice").arg(name));
            spec.runtimes.append(*runtime);
        }
    }
    spec.partition = w.name<Partition>("partition", partitionFromName, partitionNames());
    spec.pin = w.boolean("pin");
    spec.repeats = int(w.whole("repeats", ExperimentSpec::kRepeatRange));
    spec.warmup = w.boolean("warmup");
    return spec;
}

// Null where not measured: a run that never started, an http run that got no response.
Percentiles readPercentilesOrNull(const Fields &p, Sign sign = Sign::NonNegative)
{
    return {p.numberOrNull("p50", sign), p.numberOrNull("p90", sign), p.numberOrNull("p99", sign),
            p.numberOrNull("max", sign)};
}

HttpRunStats readHttp(const Fields &h)
{
    HttpRunStats s;
    s.bytesReceived = h.whole("bytes_received", NumberRange{0, 1ULL << 60, "bytes"});
    s.connectMs = readPercentilesOrNull(h.object("connect_ms"));
    s.firstByteMs = readPercentilesOrNull(h.object("first_byte_ms"));
    s.serverLateMs = readPercentilesOrNull(h.object("server_late_ms"));
    s.serverCpuMs = h.numberOrNull("server_cpu_ms");
    const Fields failures = h.object("failures");
    for (std::size_t f = 1; f < kHttpFailureKinds; ++f) {
        const QByteArray name = httpFailureName(HttpFailure(f)).toLatin1();
        if (failures.has(name.constData()))
            s.failures[f] = failures.whole(name.constData(), NumberRange{0, 1ULL << 40, nullptr});
    }
    return s;
}

ShardStats readShard(const Fields &f, const RunResult &run)
{
    ShardStats s;
    s.index = int(f.whole("index", NumberRange{0, std::uint64_t(run.shards - 1), nullptr}));
    // -1: not pinned.
    const QJsonValue cpu = f.get("cpu");
    s.cpu = cpu.isDouble() && cpu.toDouble() == -1
                ? -1
                : int(f.whole("cpu", NumberRange{0, ReportReader::kMaxLogicalCpus - 1, nullptr}));
    s.tasks = f.whole("tasks", NumberRange{0, std::uint64_t(run.tasks), nullptr});
    s.tasksDone = f.whole("tasks_done", NumberRange{0, std::uint64_t(s.tasks), nullptr});
    s.busyMs = f.number("busy_ms");
    s.cpuMs = f.number("cpu_ms");
    s.finishMs = f.number("finish_ms");
    s.checksum = f.checksum("checksum");
    return s;
}

// No run lasts a century (the longest plan, 50 M tasks of 4 G iterations, is years): a longer
// time is a forged or damaged file, not a measurement.
constexpr double kMaxRunMs = 100 * 365.25 * 24 * 3600 * 1000.0;
constexpr double kMaxNsPerIter = 1e6;

void atMost(const Fields &where, const char *key, double ms, double max = kMaxRunMs)
{
    if (std::abs(ms) > max) {
        refuse(where.at(key),
               QStringLiteral("%1 ms is longer than any run can take (at most %2 ms)")
                   .arg(numberText(ms), numberText(max)));
    }
}

// Times and counts no run can have, each well-formed on its own: refused like a value out of
// range, naming the field, instead of compared.
void checkPossible(const RunResult &run, const Fields &f)
{
    // A completed run (of at least one task) took time, and measured it: only a run that did not
    // complete may have no wall time (null).
    if (run.status == RunStatus::Completed && std::isnan(run.wallMs))
        refuse(f.at("wall_ms"), QStringLiteral("null for a completed run"));
    if (run.status == RunStatus::Completed && run.wallMs <= 0) {
        refuse(f.at("wall_ms"),
               QStringLiteral("%1 ms for a completed run of %2 tasks")
                   .arg(numberText(run.wallMs), WholeNumber::group(std::int64_t(run.tasks))));
    }
    atMost(f, "wall_ms", run.wallMs);
    atMost(f, "ideal_ms", run.idealMs);
    atMost(f, "start_overhead_ms", run.startOverheadMs);
    atMost(f, "join_overhead_ms", run.joinOverheadMs);
    atMost(f, "work_ms", run.workMs, kMaxRunMs * run.shards); // summed over the shards
    if (run.tasksDone + run.tasksFailed > run.tasks) {
        refuse(f.at("tasks_failed"), QStringLiteral("%1 done and %2 failed of %3 tasks")
                                         .arg(WholeNumber::group(std::int64_t(run.tasksDone)),
                                              WholeNumber::group(std::int64_t(run.tasksFailed)),
                                              WholeNumber::group(std::int64_t(run.tasks))));
    }
    // Percentiles of one sample grow with their rank.
    for (const auto &[key, p] :
         {std::pair{"lag_ms", run.lagMs}, std::pair{"latency_ms", run.latencyMs}}) {
        const Fields object = f.object(key);
        const std::pair<const char *, double> ranks[] = {
            {"p50", p.p50}, {"p90", p.p90}, {"p99", p.p99}, {"max", p.max}};
        for (std::size_t i = 0; i < std::size(ranks); ++i) {
            atMost(object, ranks[i].first, ranks[i].second);
            if (i > 0 && ranks[i].second < ranks[i - 1].second) {
                refuse(object.at(ranks[i].first),
                       QStringLiteral("%1 ms is below %2 %3 ms")
                           .arg(numberText(ranks[i].second), QLatin1String(ranks[i - 1].first),
                                numberText(ranks[i - 1].second)));
            }
        }
    }
    // Every task resumes and ends within the run: wall = the last task's end. (The writer's
    // rounding is far inside the margin.)
    if (run.status == RunStatus::Completed && run.tasksDone > 0) {
        const double margin = run.wallMs * 1e-3 + 1e-3;
        for (const auto &[key, p] :
             {std::pair{"lag_ms", run.lagMs}, std::pair{"latency_ms", run.latencyMs}}) {
            if (p.max > run.wallMs + margin) {
                refuse(f.object(key).at("max"),
                       QStringLiteral("%1 ms is longer than the run's wall_ms %2 ms")
                           .arg(numberText(p.max), numberText(run.wallMs)));
            }
        }
    }
    // A task takes at least a nanosecond.
    if (run.throughputTps > 1e9 * double(std::max<std::int64_t>(run.tasks, 1))) {
        refuse(f.at("throughput_tps"),
               QStringLiteral("%1 tasks/s is more than %2 tasks could reach (1 ns each)")
                   .arg(numberText(run.throughputTps), WholeNumber::group(run.tasks)));
    }
    const QJsonArray shards = f.array("per_shard");
    for (std::size_t i = 0; i < run.perShard.size(); ++i) {
        const ShardStats &s = run.perShard[i];
        const Fields shard(shards[qsizetype(i)], indexed(f.at("per_shard"), qsizetype(i)));
        atMost(shard, "busy_ms", s.busyMs);
        atMost(shard, "cpu_ms", s.cpuMs);
        atMost(shard, "finish_ms", s.finishMs);
    }
}

RunResult readRun(const Fields &f, const ExperimentSpec &spec, double nsPerIter)
{
    RunResult run;
    run.status = f.name<RunStatus>("status", runStatusFromName, runStatusNames());
    // Optional: reports from before runtimes ran on threads.
    run.runtime = f.has("runtime") ? f.name<Runtime>("runtime", runtimeFromName, runtimeNames())
                                   : Runtime::Threads;
    if (!spec.runtimes.contains(run.runtime)) {
        refuse(f.at("runtime"), QStringLiteral("%1 is not among the workload's runtimes")
                                    .arg(runtimeName(run.runtime)));
    }
    run.shards = int(f.whole("shards", RunConfig::kShardRange));
    if (!spec.shardCounts.contains(run.shards)) {
        QStringList counts;
        for (int k : spec.shardCounts)
            counts.append(QString::number(k));
        refuse(f.at("shards"), QStringLiteral("%1 is not among the workload's shards (%2)")
                                   .arg(run.shards)
                                   .arg(counts.join(QStringLiteral(", "))));
    }
    run.partition = f.name<Partition>("partition", partitionFromName, partitionNames());
    run.pinned = f.boolean("pinned");
    // Optional: every run before the field was written ran at the protective schedule.
    run.schedule =
        f.has("shard_schedule")
            ? f.name<ShardSchedule>("shard_schedule", shardScheduleFromName, shardScheduleNames())
            : ShardSchedule::Protective;
    run.repeat = int(f.whole("repeat", NumberRange{0, std::uint64_t(spec.repeats - 1), nullptr}));
    run.startedUtc = f.dateTime("started_utc");
    run.wallMs = f.numberOrNull("wall_ms");
    // Optional: reports from before it was written lack it.
    if (f.has("elapsed_ms"))
        run.elapsedMs = f.numberOrNull("elapsed_ms");
    run.idealMs = f.numberOrNull("ideal_ms");
    run.efficiency = f.numberOrNull("efficiency");
    // Optional: reports from before the bound was measured have neither.
    if (f.has("ideal_estimate_ms"))
        run.estimatedIdealMs = f.numberOrNull("ideal_estimate_ms");
    if (f.has("work_ms"))
        run.workMs = f.numberOrNull("work_ms");
    // A run's plan is its workload's (0 tasks where it failed before a plan existed).
    run.tasks = f.whole("tasks", NumberRange{0, std::uint64_t(spec.workload.tasks), nullptr});
    const NumberRange ofTasks{0, std::uint64_t(run.tasks), nullptr};
    run.tasksDone = f.whole("tasks_done", ofTasks);
    run.tasksFailed = f.whole("tasks_failed", ofTasks);
    if (f.has("tasks_moved")) // optional: reports from before runtimes
        run.tasksMoved =
            f.whole("tasks_moved", NumberRange{0, std::uint64_t(run.tasksDone), nullptr});
    run.checksum = f.checksum("checksum");
    run.throughputTps = f.numberOrNull("throughput_tps");
    run.startOverheadMs = f.numberOrNull("start_overhead_ms");
    // The engine does not clamp the join overhead (a negative one would show a bug in its time
    // stamps): it may be below 0 and still be honest. Lag may not: a task resumes only once its
    // deadline has passed on the same clock. Null wherever the run did not measure it.
    run.joinOverheadMs = f.numberOrNull("join_overhead_ms", Sign::Any);
    run.lagMs = readPercentilesOrNull(f.object("lag_ms"));
    run.latencyMs = readPercentilesOrNull(f.object("latency_ms"));
    const QJsonArray shards = f.array("per_shard");
    // Only shards whose thread started report: at most one entry per shard.
    if (shards.size() > run.shards) {
        refuse(f.at("per_shard"),
               QStringLiteral("%1 entries for %2 shards").arg(shards.size()).arg(run.shards));
    }
    for (qsizetype i = 0; i < shards.size(); ++i)
        run.perShard.push_back(readShard(Fields(shards[i], indexed(f.at("per_shard"), i)), run));
    if (f.has("error"))
        run.error = f.text("error", ReportReader::kMaxLongText);
    // Optional: reports written before the machine-busy check have neither field.
    if (f.has("others_cpu_fraction")) {
        run.othersCpuFraction = f.numberOrNull("others_cpu_fraction");
        if (run.othersCpuFraction > 1)
            refuse(f.at("others_cpu_fraction"), QStringLiteral("a share above 1"));
    }
    if (f.has("machine_busy"))
        f.boolean("machine_busy"); // derived from the share
    f.boolean("outlier");          // derived: summarizeExperiment() flags outliers again
    if (f.has("http"))
        run.http = readHttp(f.object("http"));
    if (f.has("busy_programs")) {
        const QJsonArray programs = f.array("busy_programs");
        run.busyPrograms = busyProgramsFromJson(programs);
        if (run.busyPrograms.size() != std::size_t(programs.size())) {
            refuse(f.at("busy_programs"),
                   QStringLiteral("an entry without a name or with a share outside 0 to 1"));
        }
    }
    run.nsPerIter = nsPerIter;
    checkPossible(run, f);
    return run;
}

// The report's statistics are derived from its runs and recomputed on reading; they are still
// checked, so that a damaged file is not half accepted.
void checkSummary(const Fields &s)
{
    s.whole("n", kCountOfRuns);
    for (const char *key : {"median", "mean", "stddev", "min", "max", "cv"})
        s.numberOrNull(key, Sign::Any);
}

void checkStatistics(const Fields &st)
{
    st.whole("baseline_shards", RunConfig::kShardRange);
    st.numberOrNull("amdahl_serial_fraction");
    st.numberOrNull("amdahl_rmse");
    const QJsonArray configs = st.array("configs");
    for (qsizetype i = 0; i < configs.size(); ++i) {
        const Fields c(configs[i], indexed(st.at("configs"), i));
        if (c.has("runtime")) // optional: reports from before runtimes ran on threads
            c.name<Runtime>("runtime", runtimeFromName, runtimeNames());
        c.whole("shards", RunConfig::kShardRange);
        for (const char *key : {"runs", "completed_runs", "outliers"})
            c.whole(key, kCountOfRuns);
        for (const char *key :
             {"wall_ms", "ideal_ms", "efficiency", "lag_p99_ms", "throughput_tps"})
            checkSummary(c.object(key));
        for (const char *key : {"speedup", "speedup_error", "ideal_speedup", "amdahl_speedup",
                                "mann_whitney_u", "mann_whitney_p"})
            c.numberOrNull(key);
    }
}

void checkSchema(const QJsonObject &report)
{
    const QJsonValue schema = report.value(u"schema");
    if (schema.isUndefined())
        refuse({}, QStringLiteral("not a LoopBench report (no \"schema\")"));
    if (!schema.isString())
        refuse({}, QStringLiteral("not a LoopBench report (\"schema\" is %1)").arg(kindOf(schema)));
    const QString name = schema.toString();
    if (name == QLatin1String(kReportSchema))
        return;
    static const QRegularExpression kOtherVersion(QStringLiteral("^loopbench\\.report/(\\d+)$"));
    if (const auto m = kOtherVersion.match(name); m.hasMatch()) {
        refuse({}, QStringLiteral("LoopBench report version %1, which this build does not read "
                                  "(it reads %2)")
                       .arg(shown(m.captured(1)), QLatin1String(kReportSchema)));
    }
    refuse({}, QStringLiteral("not a LoopBench report (schema \"%1\")").arg(shown(name)));
}

} // namespace

std::optional<ExperimentResult> ReportReader::fromJson(const QJsonObject &report, QString *error)
{
    try {
        checkSchema(report);
        const Fields root(report, QString());
        ExperimentResult result;
        result.machine = readMachine(root.object("meta"));
        result.spec = readSpec(root.object("workload"));
        result.nsPerIter = root.object("calibration").number("ns_per_iter");
        // No kernel iteration (a few instructions) takes a millisecond.
        if (result.nsPerIter > kMaxNsPerIter) {
            refuse(QStringLiteral("calibration.ns_per_iter"),
                   QStringLiteral("%1 ns is more than any iteration takes (at most %2 ns)")
                       .arg(numberText(result.nsPerIter), numberText(kMaxNsPerIter)));
        }
        result.cancelled = root.boolean("cancelled");
        root.text("verdict", kMaxLongText); // derived from the runs, like the statistics
        checkStatistics(root.object("statistics"));
        const QJsonArray runs = root.array("runs");
        result.runs.reserve(std::size_t(runs.size()));
        for (qsizetype i = 0; i < runs.size(); ++i) {
            result.runs.push_back(readRun(Fields(runs[i], indexed(QStringLiteral("runs"), i)),
                                          result.spec, result.nsPerIter));
        }
        result.summary = summarizeExperiment(result);
        return result;
    } catch (const Refused &refused) {
        if (error)
            *error = refused.message;
        return std::nullopt;
    }
}

std::optional<HttpRunStats> ReportReader::httpFromJson(const QJsonObject &http, QString *error)
{
    try {
        return readHttp(Fields(http, QString()));
    } catch (const Refused &refused) {
        if (error)
            *error = refused.message;
        return std::nullopt;
    }
}

namespace {

// The last steps of read() and readFile(): a parsed document (or the reason there is none) into
// a result, and any problem into one message that starts with the file.
std::optional<ExperimentResult> fromDocument(const std::optional<QJsonDocument> &doc,
                                             QString problem, const QString &name, QString *error)
{
    std::optional<ExperimentResult> result;
    if (doc && doc->isObject())
        result = ReportReader::fromJson(doc->object(), &problem);
    else if (doc)
        problem = QStringLiteral("not a LoopBench report (the JSON is an array, not an object)");
    if (!result && error)
        *error = name + QStringLiteral(": ") + problem;
    return result;
}

} // namespace

std::optional<ExperimentResult> ReportReader::read(const QByteArray &bytes, const QString &name,
                                                   QString *error)
{
    QString problem;
    const std::optional<QJsonDocument> doc = UntrustedJson::parse(bytes, &problem);
    return fromDocument(doc, problem, name, error);
}

std::optional<ExperimentResult> ReportReader::readFile(const QString &path, QString *error)
{
    QString problem;
    const std::optional<QJsonDocument> doc = UntrustedJson::readFile(path, &problem);
    return fromDocument(doc, problem, path, error);
}
