// SPDX-License-Identifier: MIT
#include "ui/config/configsettings.h"

#include "core/experiment/plancodec.h"

#include <QCoreApplication>
#include <QSettings>
#include <QThread>

namespace {

// Settings key -> the ConfigInput text it feeds and the field its errors are reported under.
struct Key
{
    QString name;
    QString ConfigInput::*text;
    QString field;
};

// The plan's fields under PlanCodec's keys, then how the form runs it.
QList<Key> keys()
{
    QList<Key> keys;
    for (const PlanField &f : PlanCodec::fields())
        keys.append({QLatin1String(f.key), f.text, QLatin1String(f.formField)});
    keys.append({QStringLiteral("shards"), &ConfigInput::shards, QStringLiteral("shards")});
    keys.append(
        {QStringLiteral("shardList"), &ConfigInput::shardList, QStringLiteral("shardList")});
    keys.append({QStringLiteral("repeats"), &ConfigInput::repeats, QStringLiteral("repeat")});
    keys.append(
        {QStringLiteral("partition"), &ConfigInput::partition, QStringLiteral("partition")});
    keys.append({QStringLiteral("runtime"), &ConfigInput::runtime, QStringLiteral("runtime")});
    keys.append({QStringLiteral("python"), &ConfigInput::python, QStringLiteral("python")});
    return keys;
}

// Keys settings had before the plan's fields took PlanCodec's names: read when the new key is
// absent, never written.
const std::pair<const char *, const char *> kLegacyKeys[] = {
    {"ioMinMs", "io_min_ms"},
    {"ioMaxMs", "io_max_ms"},
    {"cpuMin", "cpu_min_iterations"},
    {"cpuMax", "cpu_max_iterations"},
    {"ioDist", "io_dist"},
    {"cpuDist", "cpu_dist"},
    {"responseBytes", "response_bytes"},
};

QVariant stored(const QSettings &s, const QString &key)
{
    const QVariant v = s.value(key);
    if (v.isValid())
        return v;
    for (const auto &[legacy, now] : kLegacyKeys) {
        if (key == QLatin1String(now))
            return s.value(QLatin1String(legacy));
    }
    return {};
}

bool hasError(const FieldErrors &errors, const QString &field)
{
    for (const FieldError &e : errors) {
        if (e.field == field)
            return true;
    }
    return false;
}

} // namespace

ConfigInput ConfigSettings::defaults()
{
    RunConfig config;
    config.shards = QThread::idealThreadCount();
    return ConfigInput::from(WorkloadSpec{}, config);
}

void ConfigSettings::save(QSettings &s, const ConfigInput &in)
{
    // As text, all of it: QSettings' INI and native backends do not all keep 64-bit unsigned
    // values, and text is what load() validates anyway. "sweep" stays "sweep", so the list
    // follows the machine the settings are opened on.
    s.beginGroup(QStringLiteral("config"));
    for (const Key &k : keys())
        s.setValue(k.name, in.*k.text);
    for (const auto &[legacy, now] : kLegacyKeys)
        s.remove(QLatin1String(legacy));
    s.setValue(QStringLiteral("pin"), in.pin);
    s.setValue(QStringLiteral("warmup"), in.warmup);
    s.endGroup();
}

ConfigInput ConfigSettings::load(QSettings &s, QStringList *problems)
{
    const ConfigInput fallback = defaults();
    ConfigInput in = fallback;
    QStringList messages;
    s.beginGroup(QStringLiteral("config"));
    const bool any = !s.childKeys().isEmpty();
    const QList<Key> all = keys();
    for (const Key &k : all) {
        const QVariant v = stored(s, k.name);
        if (v.isValid())
            in.*k.text = v.toString();
    }
    in.pin = s.value(QStringLiteral("pin"), false).toBool();
    in.warmup = s.value(QStringLiteral("warmup"), fallback.warmup).toBool();
    s.endGroup();

    // Field by field, through the same codec as the form and the CLI: every key whose field does
    // not decode goes back to its default.
    ConfigInput::Parsed parsed = in.parse();
    for (const FieldError &e : std::as_const(parsed.errors))
        messages.append(QStringLiteral("config/%1: %2").arg(e.field, e.message));
    for (const Key &k : all) {
        if (hasError(parsed.errors, k.field))
            in.*k.text = fallback.*k.text;
    }
    if (!in.parse().ok()) // not with valid defaults; but never open a broken form regardless
        in = fallback;
    if (problems && any) {
        for (QString &m : messages)
            m += QCoreApplication::translate("ConfigSettings", " (default used)");
        *problems = messages;
    }
    return in;
}
