// SPDX-License-Identifier: MIT
#include "ui/config/presetstore.h"

#include "ui/common/resources.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

PresetStore::PresetStore(const QString &dir)
{
    initResources();
    const QDir d(dir);
    const QStringList files = d.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        QFile file(d.filePath(name));
        QString error;
        std::optional<Preset> preset;
        if (file.open(QIODevice::ReadOnly))
            preset = fromJson(file.readAll(), &error);
        else
            error = file.errorString();
        if (preset)
            m_presets.append(*preset);
        else
            m_errors.append(QStringLiteral("%1: %2").arg(name, error));
    }
}

int PresetStore::indexOf(const WorkloadSpec &spec) const
{
    for (qsizetype i = 0; i < m_presets.size(); ++i) {
        if (m_presets[i].spec == spec)
            return static_cast<int>(i);
    }
    return -1;
}

namespace {

QString jsonText(const QJsonValue &v)
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
        QJsonDocument(v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject()))
            .toJson(QJsonDocument::Compact));
}

// A whole JSON number in min..max. JSON numbers are doubles: exact for every integer below 2^53,
// far above every limit here; a fraction, a string or 1e300 is refused, never truncated.
std::optional<std::int64_t> wholeNumber(const QJsonValue &v, const QString &key, std::int64_t min,
                                        std::int64_t max, QString *error)
{
    const QString range = QStringLiteral("%1..%2").arg(min).arg(max);
    if (v.isUndefined()) {
        *error = QStringLiteral("\"%1\": missing (a whole number in %2)").arg(key, range);
        return std::nullopt;
    }
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || !std::isfinite(d) || d != std::floor(d)) {
        *error =
            QStringLiteral("\"%1\": “%2” is not a whole number in %3").arg(key, jsonText(v), range);
        return std::nullopt;
    }
    if (d < double(min) || d > double(max)) {
        *error = QStringLiteral("\"%1\": %2 is outside %3").arg(key, jsonText(v), range);
        return std::nullopt;
    }
    return static_cast<std::int64_t>(d);
}

} // namespace

std::optional<Preset> PresetStore::fromJson(const QByteArray &json, QString *error)
{
    QString message;
    auto fail = [error, &message]() -> std::optional<Preset> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        message = parseError.error != QJsonParseError::NoError
                      ? QStringLiteral("not JSON: %1 at offset %2")
                            .arg(parseError.errorString())
                            .arg(parseError.offset)
                      : QStringLiteral("not a JSON object");
        return fail();
    }
    const QJsonObject o = doc.object();

    Preset p;
    p.name = o.value(QLatin1String("name")).toString();
    p.description = o.value(QLatin1String("description")).toString();
    if (p.name.trimmed().isEmpty()) {
        message = QStringLiteral("\"name\": missing (a non-empty string)");
        return fail();
    }
    WorkloadSpec &s = p.spec;
    const auto tasks = wholeNumber(o.value(QLatin1String("tasks")), QStringLiteral("tasks"), 1,
                                   WorkloadSpec::kMaxTasks, &message);
    if (!tasks)
        return fail();
    s.tasks = int(*tasks);

    // [min, max] pairs: each number in range, then min <= max (the core's message).
    auto pair = [&](const char *key, std::int64_t max, std::int64_t &lo, std::int64_t &hi) {
        const QJsonValue v = o.value(QLatin1String(key));
        const QJsonArray a = v.toArray();
        if (!v.isArray() || a.size() != 2) {
            message = QStringLiteral("\"%1\": “%2” is not [min, max] with each in 0..%3")
                          .arg(QLatin1String(key), jsonText(v))
                          .arg(max);
            return false;
        }
        const auto l =
            wholeNumber(a[0], QStringLiteral("%1[0]").arg(QLatin1String(key)), 0, max, &message);
        if (!l)
            return false;
        const auto h =
            wholeNumber(a[1], QStringLiteral("%1[1]").arg(QLatin1String(key)), 0, max, &message);
        if (!h)
            return false;
        lo = *l;
        hi = *h;
        return true;
    };
    std::int64_t lo = 0, hi = 0;
    if (!pair("ioMs", WorkloadSpec::kMaxIoMs, lo, hi))
        return fail();
    s.ioMinMs = int(lo);
    s.ioMaxMs = int(hi);
    if (!pair("cpuIterations", std::int64_t(WorkloadSpec::kMaxIterations), lo, hi))
        return fail();
    s.cpuMin = std::uint64_t(lo);
    s.cpuMax = std::uint64_t(hi);
    if (o.contains(QLatin1String("seed"))) {
        // 2^53: the largest integer a JSON number (a double) holds exactly.
        const auto seed = wholeNumber(o.value(QLatin1String("seed")), QStringLiteral("seed"), 0,
                                      std::int64_t{1} << 53, &message);
        if (!seed)
            return fail();
        s.seed = std::uint64_t(*seed);
    }
    if (o.contains(QLatin1String("kernel"))) {
        const QJsonValue v = o.value(QLatin1String("kernel"));
        const auto kernel = kernelFromName(v.toString());
        if (!v.isString() || !kernel) {
            message = QStringLiteral("\"kernel\": “%1” is not one of sum, hash").arg(jsonText(v));
            return fail();
        }
        s.kernel = *kernel;
    }
    if (o.contains(QLatin1String("partition"))) {
        const QJsonValue v = o.value(QLatin1String("partition"));
        const auto partition = partitionFromName(v.toString());
        if (!v.isString() || !partition) {
            message = QStringLiteral("\"partition\": “%1” is not one of contiguous, round-robin")
                          .arg(jsonText(v));
            return fail();
        }
        p.partition = *partition;
    }
    // Cross-field rules (min above max) are the core's, in the core's words.
    const FieldErrors errors = s.validate();
    if (!errors.isEmpty()) {
        const FieldError &e = errors.first();
        const QString key = e.field == QLatin1String("io")    ? QStringLiteral("ioMs")
                            : e.field == QLatin1String("cpu") ? QStringLiteral("cpuIterations")
                                                              : e.field;
        message = QStringLiteral("\"%1\": %2").arg(key, e.message);
        return fail();
    }
    return p;
}
