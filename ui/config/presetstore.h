// SPDX-License-Identifier: MIT
#pragma once

#include "core/workload/partition.h"
#include "core/workload/workloadspec.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// A named workload the user can start from. Presets are data (resources/presets/*.json), so a
// new one needs no code.
struct Preset
{
    QString name;
    QString description;
    WorkloadSpec spec;
    // Optional: a preset may ask for a partition; without one the form keeps the user's.
    std::optional<Partition> partition;
};

// Loads the presets from a directory of JSON files (by default the ones compiled into the app's
// resources), in file-name order. Every value goes through the core's SpecCodec (unknown kernel
// or partition, min above max, numbers out of range, fractions, text where a number belongs,
// unknown keys); a bad file is skipped and named in errors() with the key and the allowed range
// ("bad.json: \"tasks\": 0 is outside 1 to 50,000,000"), so a broken preset cannot break the app.
class PresetStore
{
public:
    explicit PresetStore(const QString &dir = QStringLiteral(":/presets"));

    const QList<Preset> &presets() const { return m_presets; }
    const QStringList &errors() const { return m_errors; }
    // The index of the preset whose spec equals `spec`, or -1 (the form then shows "Custom").
    int indexOf(const WorkloadSpec &spec) const;

    // One preset from its JSON text; nullopt and a message when it is not a valid preset.
    static std::optional<Preset> fromJson(const QByteArray &json, QString *error = nullptr);

private:
    QList<Preset> m_presets;
    QStringList m_errors;
};
