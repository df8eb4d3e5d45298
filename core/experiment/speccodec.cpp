// SPDX-License-Identifier: MIT
#include "core/experiment/speccodec.h"

#include "core/base/wholenumber.h"
#include "core/net/endpoint.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

#include <cmath>
#include <tuple>

namespace {

const QString kSweep = QStringLiteral("sweep");

template <typename T> std::optional<T> fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

QString notOneOf(QStringView text, const QStringList &choices)
{
    return QStringLiteral("'%1' is not one of %2").arg(text.toString(), choices.join(u", "));
}

} // namespace

std::optional<QString> SpecCodec::splitPair(QStringView text, const NumberRange &range,
                                            QString &min, QString &max)
{
    const QList<QStringView> parts = text.split(QLatin1Char(':'));
    if (parts.size() != 2) {
        return QStringLiteral("'%1' is not MIN:MAX, each from %2")
            .arg(text.trimmed().toString(), range.text());
    }
    min = parts[0].toString();
    max = parts[1].toString();
    return std::nullopt;
}

std::optional<std::pair<std::uint64_t, std::uint64_t>>
SpecCodec::readPair(QStringView min, QStringView max, const NumberRange &range, QString *error)
{
    const auto lo = range.read(min, error, u"min");
    if (!lo)
        return std::nullopt;
    const auto hi = range.read(max, error, u"max");
    if (!hi)
        return std::nullopt;
    if (const auto e = range.checkOrder(*lo, *hi))
        return fail<std::pair<std::uint64_t, std::uint64_t>>(error, *e);
    return std::pair{*lo, *hi};
}

std::optional<QList<int>> SpecCodec::readShardList(QStringView text, int logicalCpus,
                                                   QString *error)
{
    const QStringView list = text.trimmed();
    if (list.compare(kSweep, Qt::CaseInsensitive) == 0)
        return sweepShardCounts(logicalCpus);
    if (list.isEmpty())
        return fail<QList<int>>(error, QStringLiteral("missing value (a list such as 1,2,4, "
                                                      "each from %1, or sweep)")
                                           .arg(RunConfig::kShardRange.text()));
    QList<int> counts;
    for (QStringView part : list.split(QLatin1Char(','))) {
        // A count that is no number at all makes the list unreadable: say what a list is. One
        // that is a number but out of range is named with the range, like any other number.
        if (WholeNumber::parse(part).status == WholeNumber::Status::NotANumber) {
            return fail<QList<int>>(error,
                                    QStringLiteral("'%1' is not a list such as 1,2,4, "
                                                   "each from %2, or sweep")
                                        .arg(list.toString(), RunConfig::kShardRange.text()));
        }
        const auto k = RunConfig::kShardRange.read(part, error);
        if (!k)
            return std::nullopt;
        if (!counts.contains(int(*k)))
            counts.append(int(*k));
    }
    return counts;
}

std::optional<Kernel> SpecCodec::readKernel(QStringView text, QString *error)
{
    if (const auto kernel = kernelFromName(text.trimmed()))
        return kernel;
    return fail<Kernel>(error, notOneOf(text, kernelNames()));
}

std::optional<Partition> SpecCodec::readPartition(QStringView text, QString *error)
{
    if (const auto partition = partitionFromName(text.trimmed()))
        return partition;
    return fail<Partition>(error, notOneOf(text, partitionNames()));
}

std::optional<QList<Runtime>> SpecCodec::readRuntimes(QStringView text, QString *error)
{
    if (text.trimmed().isEmpty())
        return fail<QList<Runtime>>(error, QStringLiteral("no runtime given"));
    QList<Runtime> runtimes;
    for (QStringView part : text.split(QLatin1Char(','))) {
        const std::optional<Runtime> runtime = runtimeFromName(part.trimmed());
        if (!runtime)
            return fail<QList<Runtime>>(error, notOneOf(part.trimmed(), runtimeNames()));
        if (!runtimes.contains(*runtime))
            runtimes.append(*runtime);
    }
    return runtimes;
}

std::optional<Distribution> SpecCodec::readDistribution(QStringView text, const NumberRange &range,
                                                        QString *error)
{
    const QStringView trimmed = text.trimmed();
    const qsizetype colon = trimmed.indexOf(QLatin1Char(':'));
    const QStringView name = (colon < 0 ? trimmed : trimmed.left(colon)).trimmed();
    const auto shape = shapeFromName(name);
    if (!shape) {
        return fail<Distribution>(error, name.isEmpty()
                                             ? QStringLiteral("missing shape (one of %1)")
                                                   .arg(shapeNames().join(QStringLiteral(", ")))
                                             : notOneOf(name, shapeNames()));
    }
    // KEY=VALUE pieces; a piece without '=' continues the value before it ("median=10,000").
    QList<std::pair<QString, QString>> params;
    // "uniform:" reads as "uniform": nothing after the colon is no parameters.
    if (colon >= 0 && !trimmed.mid(colon + 1).trimmed().isEmpty()) {
        for (QStringView piece : trimmed.mid(colon + 1).split(QLatin1Char(','))) {
            const qsizetype eq = piece.indexOf(QLatin1Char('='));
            if (eq >= 0) {
                params.append(
                    {piece.left(eq).trimmed().toString().toLower(), piece.mid(eq + 1).toString()});
            } else if (!params.isEmpty()) {
                params.last().second += QLatin1Char(',') + piece.toString();
            } else {
                return fail<Distribution>(
                    error, QStringLiteral("'%1' is not KEY=VALUE").arg(piece.trimmed().toString()));
            }
        }
    }
    const QStringList keys = *shape == Distribution::Shape::Bimodal
                                 ? QStringList{QStringLiteral("heavy")}
                             : *shape == Distribution::Shape::Uniform
                                 ? QStringList{}
                                 : QStringList{QStringLiteral("median"), QStringLiteral("p99")};
    QHash<QString, QString> values;
    for (const auto &[key, value] : params) {
        if (!keys.contains(key)) {
            return fail<Distribution>(
                error, keys.isEmpty()
                           ? QStringLiteral("%1 takes no parameters").arg(name.toString())
                           : QStringLiteral("'%1' is not a parameter of %2 (it takes %3)")
                                 .arg(key, shapeName(*shape), keys.join(QStringLiteral(", "))));
        }
        if (values.contains(key))
            return fail<Distribution>(error, QStringLiteral("%1 given twice").arg(key));
        values.insert(key, value);
    }
    switch (*shape) {
    case Distribution::Shape::Uniform:
        return Distribution::uniform();
    case Distribution::Shape::LogNormal:
    case Distribution::Shape::Pareto: {
        const auto median = range.read(values.value(QStringLiteral("median")), error, u"median");
        if (!median)
            return std::nullopt;
        const auto p99 = range.read(values.value(QStringLiteral("p99")), error, u"p99");
        if (!p99)
            return std::nullopt;
        return *shape == Distribution::Shape::Pareto ? Distribution::pareto(*median, *p99)
                                                     : Distribution::logNormal(*median, *p99);
    }
    case Distribution::Shape::Bimodal: {
        const QString heavyText = values.value(QStringLiteral("heavy")).trimmed();
        if (heavyText.isEmpty())
            return fail<Distribution>(error,
                                      QStringLiteral("missing heavy value (a fraction from 0 to 1, "
                                                     "such as 0.1)"));
        bool ok = false;
        const double heavy = heavyText.toDouble(&ok);
        if (!ok || !std::isfinite(heavy)) {
            return fail<Distribution>(
                error, QStringLiteral("heavy '%1' is not a fraction from 0 to 1").arg(heavyText));
        }
        const Distribution d = Distribution::bimodal(heavy);
        if (const auto e = d.check(0, 0, range))
            return fail<Distribution>(error, *e);
        return d;
    }
    }
    return std::nullopt;
}

namespace {

// A shape read, then checked against its range's bounds where the range read too: what the text
// form and the JSON form of a spec both do.
std::optional<Distribution>
readBoundedShape(QStringView text, const NumberRange &range,
                 const std::optional<std::pair<std::uint64_t, std::uint64_t>> &bounds,
                 QString *error)
{
    auto d = SpecCodec::readDistribution(text, range, error);
    if (d && bounds) {
        if (const auto e = d->check(bounds->first, bounds->second, range)) {
            *error = *e;
            d.reset();
        }
    }
    return d;
}

} // namespace

std::optional<Transport> SpecCodec::readTransport(QStringView text, QString *error)
{
    if (const auto kind = transportFromName(text.trimmed()))
        return kind;
    return fail<Transport>(
        error,
        QStringLiteral("'%1' is not %2").arg(text, transportNames().join(QStringLiteral(" or "))));
}

FieldErrors SpecCodec::readHttp(const TransportText &in, TransportConfig &into)
{
    FieldErrors errors;
    QString error;
    if (const auto n = TransportConfig::readConnections(in.connections, &error))
        into.connections = *n;
    else
        errors.append({QStringLiteral("connections"), error});
    const std::tuple<const char *, const QString *, const NumberRange *, int TransportConfig::*>
        numbers[] = {
            {"responseBytes", &in.responseBytes, &TransportConfig::kResponseBytesRange,
             &TransportConfig::responseBytes},
            {"serverLoops", &in.serverLoops, &TransportConfig::kServerLoopRange,
             &TransportConfig::serverLoops},
            {"httpTimeout", &in.httpTimeout, &TransportConfig::kTimeoutRange,
             &TransportConfig::timeoutMs},
        };
    for (const auto &[field, text, range, member] : numbers) {
        if (const auto n = range->read(*text, &error))
            into.*member = int(*n);
        else
            errors.append({QLatin1String(field), error});
    }
    const QString target = in.target.trimmed();
    if (target.isEmpty())
        into.target.clear();
    else if (Endpoint::read(target, &error, false))
        into.target = target;
    else
        errors.append({QStringLiteral("target"), error});
    return errors;
}

SpecText::Parsed SpecCodec::decode(const SpecText &in)
{
    return decode(in, QThread::idealThreadCount());
}

SpecText::Parsed SpecCodec::decode(const SpecText &in, int logicalCpus)
{
    SpecText::Parsed out;
    QString error;
    auto failed = [&](const char *field) { out.errors.append({QLatin1String(field), error}); };
    WorkloadSpec &w = out.spec;

    const auto tasks = WorkloadSpec::kTaskRange.read(in.tasks, &error);
    if (tasks)
        w.tasks = int(*tasks);
    else
        failed("tasks");
    // A shape that reads is then checked against its range, if that range read too.
    auto shape = [&](const QString &text, const NumberRange &range,
                     std::optional<std::pair<std::uint64_t, std::uint64_t>> bounds,
                     Distribution &into, const char *field) {
        if (const auto d = readBoundedShape(text, range, bounds, &error))
            into = *d;
        else
            failed(field);
    };
    const auto io = readPair(in.ioMinMs, in.ioMaxMs, WorkloadSpec::kIoRange, &error);
    if (io) {
        w.ioMinMs = int(io->first);
        w.ioMaxMs = int(io->second);
    } else {
        failed("io");
    }
    shape(in.ioDist, WorkloadSpec::kIoRange, io, w.ioDist, "ioDist");
    const auto cpu = readPair(in.cpuMin, in.cpuMax, WorkloadSpec::kCpuRange, &error);
    if (cpu) {
        w.cpuMin = cpu->first;
        w.cpuMax = cpu->second;
    } else {
        failed("cpu");
    }
    shape(in.cpuDist, WorkloadSpec::kCpuRange, cpu, w.cpuDist, "cpuDist");
    if (const auto seed = WorkloadSpec::kSeedRange.read(in.seed, &error))
        w.seed = *seed;
    else
        failed("seed");
    if (const auto kernel = readKernel(in.kernel, &error))
        w.kernel = *kernel;
    else
        failed("kernel");

    if (const auto k = RunConfig::kShardRange.read(in.shards, &error))
        out.config.shards = int(*k);
    else
        failed("shards");
    if (const auto partition = readPartition(in.partition, &error))
        out.config.partition = *partition;
    else
        failed("partition");
    out.config.pin = in.pin;
    if (const auto runtimes = readRuntimes(in.runtime, &error)) {
        out.runtimes = *runtimes;
        out.config.runtime = runtimes->first();
    } else {
        failed("runtime");
    }
    out.config.python = in.python.trimmed();

    if (const auto counts = readShardList(in.shardList, logicalCpus, &error))
        out.shardCounts = *counts;
    else
        failed("shardList");
    if (const auto r = ExperimentSpec::kRepeatRange.read(in.repeats, &error))
        out.repeats = int(*r);
    else
        failed("repeat");
    out.warmup = in.warmup;
    // A task id of this plan; without a valid task count there is no plan to name one of.
    if (!in.failTask.trimmed().isEmpty() && tasks) {
        const NumberRange ids{0, *tasks - 1, nullptr};
        if (const auto id = ids.read(in.failTask, &error))
            out.config.failTask = std::int64_t(*id);
        else
            failed("failTask");
    }
    if (const auto kind = readTransport(in.transport, &error)) {
        out.transport.kind = *kind;
        if (*kind == Transport::Http) {
            out.errors += readHttp(
                {in.connections, in.responseBytes, in.target, in.serverLoops, in.httpTimeout},
                out.transport);
        }
    } else {
        failed("transport");
    }
    return out;
}

ExperimentSpec SpecCodec::experiment(const WorkloadSpec &workload, const RunConfig &config,
                                     const QList<int> &shardCounts, int repeats, bool warmup,
                                     const TransportConfig &transport,
                                     const QList<Runtime> &runtimes)
{
    ExperimentSpec e;
    e.runtimes = runtimes.isEmpty() ? QList<Runtime>{config.runtime} : runtimes;
    e.workload = workload;
    e.shardCounts = shardCounts;
    e.partition = config.partition;
    e.pin = config.pin;
    e.python = config.python;
    e.failTask = config.failTask;
    e.repeats = repeats;
    e.warmup = warmup;
    e.transport = transport;
    return e;
}

QList<int> SpecCodec::compareShards(int k)
{
    return k == 1 ? QList<int>{1} : QList<int>{1, k};
}

QString SpecCodec::jsonText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        // Whole numbers as written (2^64 as 18446744073709551616, not 1.8e+19), below 1e21
        // where fixed notation stops being readable.
        const double d = v.toDouble();
        return d == std::floor(d) && std::abs(d) < 1e21 ? QString::number(d, 'f', 0)
                                                        : QString::number(d, 'g', 17);
    }
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isNull())
        return QStringLiteral("null");
    return QString::fromUtf8(
        (v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject()))
            .toJson(QJsonDocument::Compact));
}

// JSON numbers are doubles: every integer up to 2^53 is exact, far above every limit but the
// seed's.
std::optional<std::uint64_t> SpecCodec::readJsonNumber(const QJsonValue &v,
                                                       const NumberRange &range, QString *error,
                                                       QStringView label)
{
    if (v.isUndefined())
        return fail<std::uint64_t>(error, range.missing(label));
    if (v.isString())
        return range.read(v.toString(), error, label);
    if (!v.isDouble())
        return fail<std::uint64_t>(error, range.notANumber(jsonText(v), label));
    const double d = v.toDouble();
    constexpr double kTwo64 = 18446744073709551616.0;
    constexpr double kTwo53 = 9007199254740992.0;
    if (!std::isfinite(d) || d != std::floor(d))
        return fail<std::uint64_t>(error, range.notANumber(jsonText(v), label));
    if (std::abs(d) >= kTwo64)
        return fail<std::uint64_t>(error, range.outside(jsonText(v), label));
    const auto value = range.read(jsonText(v), error, label);
    if (value && d > kTwo53) {
        return fail<std::uint64_t>(
            error, QStringLiteral("%1 is past 2^53, where JSON numbers lose digits: write it as "
                                  "a string")
                       .arg(WholeNumber::group(*value)));
    }
    return value;
}
