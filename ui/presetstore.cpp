#include "presetstore.h"

#include "gui.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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

std::optional<Preset> PresetStore::fromJson(const QByteArray &json, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject())
        return fail(parseError.errorString());
    const QJsonObject o = doc.object();

    Preset p;
    p.name = o.value(QLatin1String("name")).toString();
    p.description = o.value(QLatin1String("description")).toString();
    if (p.name.isEmpty())
        return fail(QStringLiteral("no \"name\""));
    const QJsonArray io = o.value(QLatin1String("ioMs")).toArray();
    const QJsonArray cpu = o.value(QLatin1String("cpuIterations")).toArray();
    if (io.size() != 2 || cpu.size() != 2)
        return fail(QStringLiteral("\"ioMs\" and \"cpuIterations\" must be [min, max]"));

    WorkloadSpec &s = p.spec;
    s.tasks = o.value(QLatin1String("tasks")).toInt(-1);
    s.ioMinMs = io[0].toInt(-1);
    s.ioMaxMs = io[1].toInt(-1);
    // JSON numbers are doubles: exact for every integer below 2^53, far above kMaxIterations.
    s.cpuMin = static_cast<std::uint64_t>(cpu[0].toDouble(0));
    s.cpuMax = static_cast<std::uint64_t>(cpu[1].toDouble(0));
    if (o.contains(QLatin1String("seed")))
        s.seed = static_cast<std::uint64_t>(o.value(QLatin1String("seed")).toDouble());
    if (o.contains(QLatin1String("kernel"))) {
        const auto kernel = kernelFromName(o.value(QLatin1String("kernel")).toString());
        if (!kernel)
            return fail(QStringLiteral("unknown kernel"));
        s.kernel = *kernel;
    }
    const FieldErrors errors = s.validate();
    if (!errors.isEmpty())
        return fail(errors.first().message);
    return p;
}
