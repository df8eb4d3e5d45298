#include "configsettings.h"

#include <QSettings>

#include <algorithm>
#include <iterator>

void ConfigSettings::save(QSettings &s, const WorkloadSpec &spec, const RunConfig &config)
{
    s.beginGroup(QStringLiteral("config"));
    s.setValue(QStringLiteral("tasks"), spec.tasks);
    s.setValue(QStringLiteral("ioMinMs"), spec.ioMinMs);
    s.setValue(QStringLiteral("ioMaxMs"), spec.ioMaxMs);
    s.setValue(QStringLiteral("cpuMin"), QString::number(spec.cpuMin));
    s.setValue(QStringLiteral("cpuMax"), QString::number(spec.cpuMax));
    s.setValue(QStringLiteral("kernel"), kernelName(spec.kernel));
    // As text: QSettings' INI and native backends do not all keep 64-bit unsigned values.
    s.setValue(QStringLiteral("seed"), QString::number(spec.seed));
    s.setValue(QStringLiteral("shards"), config.shards);
    s.setValue(QStringLiteral("partition"), partitionName(config.partition));
    s.setValue(QStringLiteral("pin"), config.pin);
    s.endGroup();
}

std::optional<ConfigSettings::Stored> ConfigSettings::load(QSettings &s)
{
    s.beginGroup(QStringLiteral("config"));
    Stored out;
    bool ok[8] = {};
    out.spec.tasks = s.value(QStringLiteral("tasks")).toInt(&ok[0]);
    out.spec.ioMinMs = s.value(QStringLiteral("ioMinMs")).toInt(&ok[1]);
    out.spec.ioMaxMs = s.value(QStringLiteral("ioMaxMs")).toInt(&ok[2]);
    out.spec.cpuMin = s.value(QStringLiteral("cpuMin")).toString().toULongLong(&ok[3]);
    out.spec.cpuMax = s.value(QStringLiteral("cpuMax")).toString().toULongLong(&ok[4]);
    out.spec.seed = s.value(QStringLiteral("seed")).toString().toULongLong(&ok[5]);
    out.config.shards = s.value(QStringLiteral("shards")).toInt(&ok[6]);
    out.config.pin = s.value(QStringLiteral("pin")).toBool();
    const auto kernel = kernelFromName(s.value(QStringLiteral("kernel")).toString());
    const auto partition = partitionFromName(s.value(QStringLiteral("partition")).toString());
    ok[7] = kernel && partition;
    s.endGroup();
    if (!std::all_of(std::begin(ok), std::end(ok), [](bool b) { return b; }))
        return std::nullopt;
    out.spec.kernel = *kernel;
    out.config.partition = *partition;
    if (!out.spec.validate().isEmpty() || !out.config.validate().isEmpty())
        return std::nullopt;
    return out;
}
