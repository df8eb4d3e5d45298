// SPDX-License-Identifier: MIT
#include "ui/config/presetstore.h"

#include "ui/common/resources.h"

#include "core/experiment/speccodec.h"

#include <QDir>
#include <QFile>
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
    const QJsonObject o = doc.object();

    Preset p;
    p.name = o.value(QLatin1String("name")).toString();
    p.description = o.value(QLatin1String("description")).toString();
    if (p.name.trimmed().isEmpty())
        return fail(QStringLiteral("\"name\": missing value (a non-empty string)"));
    // The workload is the core's to read, in the same words as the CLI and the form.
    const SpecCodec::JsonWorkload workload =
        SpecCodec::decodeJson(o, {QStringLiteral("name"), QStringLiteral("description")});
    if (!workload.errors.isEmpty()) {
        QStringList messages;
        for (const FieldError &e : workload.errors)
            messages.append(QStringLiteral("\"%1\": %2").arg(e.field, e.message));
        return fail(messages.join(QStringLiteral("; ")));
    }
    p.spec = workload.spec;
    p.partition = workload.partition;
    return p;
}
