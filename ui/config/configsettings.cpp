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
    {"seed", &ConfigInput::seed, "seed"},
    {"shards", &ConfigInput::shards, "shards"},
    {"shardList", &ConfigInput::shardList, "shardList"},
    {"repeats", &ConfigInput::repeats, "repeat"},
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
    s.setValue(QStringLiteral("kernel"), kernelName(in.kernel));
    s.setValue(QStringLiteral("partition"), partitionName(in.partition));
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
    const QString kernel =
        s.value(QStringLiteral("kernel"), kernelName(fallback.kernel)).toString();
    if (const auto parsed = kernelFromName(kernel))
        in.kernel = *parsed;
    else
        messages.append(QStringLiteral("config/kernel: “%1” is not one of sum, hash").arg(kernel));
    const QString partition =
        s.value(QStringLiteral("partition"), partitionName(fallback.partition)).toString();
    if (const auto parsed = partitionFromName(partition))
        in.partition = *parsed;
    else
        messages.append(
            QStringLiteral("config/partition: “%1” is not one of contiguous, round-robin")
                .arg(partition));
    in.pin = s.value(QStringLiteral("pin"), false).toBool();
    in.warmup = s.value(QStringLiteral("warmup"), fallback.warmup).toBool();
    s.endGroup();

    // Field by field: every key whose field does not validate goes back to its default.
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
