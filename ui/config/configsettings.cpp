// SPDX-License-Identifier: MIT
#include "ui/config/configsettings.h"

#include <QSettings>
#include <QThread>

namespace {

// Settings key -> the ConfigInput text it feeds and the field its errors are reported under.
struct Key
{
    const char *name;
    QString ConfigInput::*text;
    const char *field;
};

const Key kKeys[] = {
    {"tasks", &ConfigInput::tasks, "tasks"},
    {"ioMinMs", &ConfigInput::ioMinMs, "io"},
    {"ioMaxMs", &ConfigInput::ioMaxMs, "io"},
    {"cpuMin", &ConfigInput::cpuMin, "cpu"},
    {"cpuMax", &ConfigInput::cpuMax, "cpu"},
    {"ioDist", &ConfigInput::ioDist, "ioDist"},
    {"cpuDist", &ConfigInput::cpuDist, "cpuDist"},
    {"seed", &ConfigInput::seed, "seed"},
    {"shards", &ConfigInput::shards, "shards"},
    {"shardList", &ConfigInput::shardList, "shardList"},
    {"repeats", &ConfigInput::repeats, "repeat"},
    {"kernel", &ConfigInput::kernel, "kernel"},
    {"partition", &ConfigInput::partition, "partition"},
    {"transport", &ConfigInput::transport, "transport"},
    {"connections", &ConfigInput::connections, "connections"},
    {"responseBytes", &ConfigInput::responseBytes, "responseBytes"},
};

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
    for (const Key &k : kKeys)
        s.setValue(QLatin1String(k.name), in.*k.text);
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
    for (const Key &k : kKeys) {
        const QVariant v = s.value(QLatin1String(k.name));
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
    for (const Key &k : kKeys) {
        if (hasError(parsed.errors, QLatin1String(k.field)))
            in.*k.text = fallback.*k.text;
    }
    if (!in.parse().ok()) // not with valid defaults; but never open a broken form regardless
        in = fallback;
    if (problems && any) {
        for (QString &m : messages)
            m += QStringLiteral(" (default used)");
        *problems = messages;
    }
    return in;
}
