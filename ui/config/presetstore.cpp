// SPDX-License-Identifier: MIT
#include "ui/config/presetstore.h"

#include "ui/common/resources.h"

#include "core/experiment/plancodec.h"
#include "core/experiment/speccodec.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>

namespace {

// The built-in presets' names and descriptions (resources/presets/*.json), for lupdate: a JSON file
// is out of its sight. Shown through QCoreApplication::translate("Preset", ...) when loaded;
// tst_translations fails when a built-in preset's text has no Portuguese translation, so a JSON
// edited without this table is caught.
[[maybe_unused]] const char *const kBuiltInTexts[] = {
    QT_TRANSLATE_NOOP("Preset", "Original experiment"),
    QT_TRANSLATE_NOOP("Preset",
                      "The crawler-like workload of the original write-up: 10,000 tasks, 0.2-1.0 s "
                      "of simulated IO each, then 100k-500k iterations of the write-up's own "
                      "`result += i` loop on the response (kernel article)."),
    QT_TRANSLATE_NOOP("Preset", "CPU-heavy"),
    QT_TRANSLATE_NOOP(
        "Preset",
        "CPU parts dominate (about 5 ms each, 100 ms of IO at most): one loop queues them all on "
        "one core, K loops share them out. Takes about 10 s on one loop on a typical desktop."),
    QT_TRANSLATE_NOOP("Preset", "IO-only"),
    QT_TRANSLATE_NOOP("Preset", "Tasks only wait, with no CPU work: one loop already overlaps "
                                "every wait, so sharding should not help."),
    QT_TRANSLATE_NOOP("Preset", "Heavy-tailed crawl"),
    QT_TRANSLATE_NOOP(
        "Preset",
        "Shaped like real crawls: most responses arrive in a few hundred ms (lognormal IO, median "
        "300 ms, 1 % slower than 3 s) and most pages are cheap to parse, but a few are huge "
        "(Pareto CPU work, median 200k iterations, 1 % above 2M). A few heavy tasks decide when a "
        "shard finishes, so how tasks are dealt to shards matters more than with uniform work."),
    QT_TRANSLATE_NOOP("Preset", "Loopback HTTP crawl"),
    QT_TRANSLATE_NOOP(
        "Preset",
        "Fetches over real TCP sockets from a loopbench --serve process on this machine: each task "
        "sends one HTTP GET, the server answers after the task's planned delay (lognormal, median "
        "300 ms, 1 % slower than 1.5 s), then the task parses the response (100k-500k iterations). "
        "The loop now pays system calls and wake-ups for every request."),
    QT_TRANSLATE_NOOP("Preset", "The article, in Python"),
    QT_TRANSLATE_NOOP("Preset",
                      "The original write-up's experiment on its own runtime: CPython asyncio runs "
                      "each task as `await asyncio.sleep(io)` then `result += i` over range(n), "
                      "one asyncio.run per worker process (1 process against K, the article's "
                      "fix). 2,000 tasks: CPython's loop is about 30 times slower than C++'s (20 "
                      "ns an iteration here), so one process needs about 12 s of CPU."),
};

} // namespace

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
        if (preset) {
            // In the window's language; the file's English is the source text.
            preset->name = QCoreApplication::translate("Preset", preset->name.toUtf8().constData());
            preset->description =
                QCoreApplication::translate("Preset", preset->description.toUtf8().constData());
            m_presets.append(*preset);
        } else {
            m_errors.append(QStringLiteral("%1: %2").arg(name, error));
        }
    }
    m_builtIn = static_cast<int>(m_presets.size());
}

namespace {
const QString kUserKey = QStringLiteral("presets/user");
} // namespace

void PresetStore::loadUserPresets(const QSettings &settings)
{
    m_presets.resize(m_builtIn);
    const QStringList stored = settings.value(kUserKey).toStringList();
    for (const QString &json : stored) {
        QString error;
        std::optional<Preset> preset = fromJson(json.toUtf8(), &error);
        if (preset && checkName(preset->name))
            error = *checkName(preset->name);
        if (!preset || !error.isEmpty()) {
            m_errors.append(QStringLiteral("%1: %2").arg(kUserKey, error));
            continue;
        }
        preset->user = true;
        m_presets.append(*preset);
    }
}

std::optional<QString> PresetStore::checkName(const QString &name) const
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return QCoreApplication::translate("PresetStore", "a preset needs a name");
    if (trimmed.size() > kMaxNameLength)
        return QCoreApplication::translate("PresetStore", "a preset name has at most %1 characters")
            .arg(kMaxNameLength);
    if (std::any_of(trimmed.begin(), trimmed.end(),
                    [](QChar c) { return c.category() == QChar::Other_Control; }))
        return QCoreApplication::translate(
            "PresetStore", "a preset name cannot hold line breaks or control characters");
    if (trimmed.compare(QStringLiteral("Custom"), Qt::CaseInsensitive) == 0)
        return QCoreApplication::translate(
            "PresetStore", "“Custom” stands for an edited form: choose another name");
    const int existing = indexOfName(trimmed);
    if (existing >= 0 && !m_presets[existing].user)
        return QCoreApplication::translate("PresetStore",
                                           "“%1” is a built-in preset: choose another name")
            .arg(m_presets[existing].name);
    return std::nullopt;
}

int PresetStore::indexOfName(const QString &name) const
{
    for (qsizetype i = 0; i < m_presets.size(); ++i) {
        if (m_presets[i].name.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return static_cast<int>(i);
    }
    return -1;
}

std::optional<QString> PresetStore::saveUserPreset(Preset preset, QSettings &settings)
{
    if (const auto problem = checkName(preset.name))
        return problem;
    preset.name = preset.name.trimmed();
    preset.user = true;
    const int existing = indexOfName(preset.name);
    if (existing >= 0)
        m_presets[existing] = preset;
    else
        m_presets.append(preset);
    writeUserPresets(settings);
    return std::nullopt;
}

bool PresetStore::removeUserPreset(const QString &name, QSettings &settings)
{
    const int index = indexOfName(name);
    if (index < 0 || !m_presets[index].user)
        return false;
    m_presets.removeAt(index);
    writeUserPresets(settings);
    return true;
}

void PresetStore::writeUserPresets(QSettings &settings) const
{
    QStringList stored;
    for (const Preset &p : m_presets) {
        if (p.user)
            stored.append(QString::fromUtf8(toJson(p)));
    }
    settings.setValue(kUserKey, stored);
}

QByteArray PresetStore::toJson(const Preset &preset)
{
    QJsonObject o{{QLatin1String("name"), preset.name},
                  {QLatin1String("description"), preset.description}};
    PlanCodec::insertInto(o, preset.plan);
    if (preset.partition)
        o.insert(QLatin1String("partition"), partitionName(*preset.partition));
    if (preset.runtime)
        o.insert(QLatin1String("runtime"), runtimeName(*preset.runtime));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

int PresetStore::indexOf(const Plan &plan) const
{
    for (qsizetype i = 0; i < m_presets.size(); ++i) {
        if (m_presets[i].plan == plan)
            return static_cast<int>(i);
    }
    return -1;
}

namespace {

// A key of the presets written before PlanCodec, and the key(s) it is now: a [min, max] pair is
// two.
struct LegacyKey
{
    const char *key;
    const char *now;
    const char *max; // the pair's second key; nullptr for a renamed key
};
const LegacyKey kLegacyKeys[] = {
    {"ioMs", "io_min_ms", "io_max_ms"},
    {"cpuIterations", "cpu_min_iterations", "cpu_max_iterations"},
    {"ioDist", "io_dist", nullptr},
    {"cpuDist", "cpu_dist", nullptr},
    {"responseBytes", "response_bytes", nullptr},
};

// `o` in PlanCodec's keys; `renamed` maps each new key back to the one the file wrote, so that
// messages name what the user sees ("ioMs[1]"); a pair that is no pair is an error of its own.
QJsonObject fromLegacyKeys(QJsonObject o, QHash<QString, QString> &renamed, FieldErrors &errors)
{
    for (const LegacyKey &legacy : kLegacyKeys) {
        const QString key = QLatin1String(legacy.key);
        if (!o.contains(key))
            continue;
        const QJsonValue v = o.take(key);
        if (!legacy.max) {
            o.insert(QLatin1String(legacy.now), v);
            renamed.insert(QLatin1String(legacy.now), key);
            continue;
        }
        const NumberRange &range =
            key == u"ioMs" ? WorkloadSpec::kIoRange : WorkloadSpec::kCpuRange;
        if (!v.isArray() || v.toArray().size() != 2) {
            errors.append({key, QStringLiteral("'%1' is not [min, max], each from %2")
                                    .arg(SpecCodec::jsonText(v), range.text())});
            continue;
        }
        o.insert(QLatin1String(legacy.now), v.toArray().at(0));
        o.insert(QLatin1String(legacy.max), v.toArray().at(1));
        renamed.insert(QLatin1String(legacy.now), key + QStringLiteral("[0]"));
        renamed.insert(QLatin1String(legacy.max), key + QStringLiteral("[1]"));
    }
    return o;
}

} // namespace

std::optional<Preset> PresetStore::fromJson(const QByteArray &json, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<Preset> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        return fail(parseError.error != QJsonParseError::NoError
                        ? QStringLiteral("not JSON: %1 at offset %2")
                              .arg(parseError.errorString())
                              .arg(parseError.offset)
                        : QStringLiteral("not a JSON object"));
    }
    QJsonObject o = doc.object();

    Preset p;
    p.name = o.take(QLatin1String("name")).toString();
    p.description = o.take(QLatin1String("description")).toString();
    if (p.name.trimmed().isEmpty())
        return fail(QStringLiteral("\"name\": missing value (a non-empty string)"));
    FieldErrors errors;
    QString why;
    const QJsonValue partition = o.take(QLatin1String("partition"));
    if (!partition.isUndefined()) {
        const QString text =
            partition.isString() ? partition.toString() : SpecCodec::jsonText(partition);
        if (const auto value = SpecCodec::readPartition(text, &why))
            p.partition = *value;
        else
            errors.append({QStringLiteral("partition"), why});
    }
    const QJsonValue runtime = o.take(QLatin1String("runtime"));
    if (!runtime.isUndefined()) {
        if (const auto value = runtimeFromName(runtime.toString()); value && runtime.isString())
            p.runtime = *value;
        else
            errors.append(
                {QStringLiteral("runtime"),
                 QStringLiteral("'%1' is not one of %2")
                     .arg(runtime.isString() ? runtime.toString() : SpecCodec::jsonText(runtime),
                          runtimeNames().join(QStringLiteral(", ")))});
    }
    // The plan is the core's to read, in the same words as reports, the CLI and the form.
    QHash<QString, QString> renamed;
    o = fromLegacyKeys(o, renamed, errors);
    const PlanCodec::Read plan =
        PlanCodec::fromJson(o, PlanCodec::Missing::Default, true,
                            {QStringLiteral("name"), QStringLiteral("description"),
                             QStringLiteral("partition"), QStringLiteral("runtime")});
    for (const FieldError &e : plan.errors)
        errors.append({renamed.value(e.field, e.field), e.message});
    if (!errors.isEmpty()) {
        QStringList messages;
        for (const FieldError &e : errors)
            messages.append(QStringLiteral("\"%1\": %2").arg(e.field, e.message));
        return fail(messages.join(QStringLiteral("; ")));
    }
    p.plan = plan.plan;
    return p;
}
