// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/runtime.h"
#include "core/experiment/plan.h"
#include "core/workload/partition.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QSettings;

// A named plan the user can start from. Presets are data (resources/presets/*.json), so a new
// one needs no code.
struct Preset
{
    QString name;
    QString description;
    // Every field of the plan: one the file does not name takes its default, so that choosing a
    // preset sets the whole plan (the timer after an http preset).
    Plan plan;
    // Optional: a preset may ask for a partition (how a run deals the plan, not the plan);
    // without one the form keeps the user's.
    std::optional<Partition> partition;
    // Optional too: the runtime the preset is about ("The article, in Python": asyncio).
    std::optional<Runtime> runtime;
    // Saved by the user from the form (QSettings), not shipped with the app: removable.
    bool user = false;
};

// Loads the presets from a directory of JSON files (by default the ones compiled into the app's
// resources), in file-name order. A preset is its name, description and optional partition beside
// a plan in PlanCodec's dialect (the keys of a report's "workload"); presets written before it
// ("ioMs": [min, max], "cpuIterations", "ioDist", "cpuDist", "responseBytes") still read, and
// their errors name the keys they wrote. Every value goes through the core's codecs (unknown
// kernel or partition, min above max, numbers out of range, fractions, text where a number
// belongs, unknown keys); a bad file is skipped and named in errors() with the key and the
// allowed range ("bad.json: \"tasks\": 0 is outside 1 to 50,000,000"), so a broken preset cannot
// break the app.
class PresetStore
{
public:
    explicit PresetStore(const QString &dir = QStringLiteral(":/presets"));

    const QList<Preset> &presets() const { return m_presets; }
    const QStringList &errors() const { return m_errors; }
    // The index of the preset whose plan equals `plan`, or -1 (the form then shows "Custom").
    int indexOf(const Plan &plan) const;

    // One preset from its JSON text; nullopt and a message when it is not a valid preset.
    static std::optional<Preset> fromJson(const QByteArray &json, QString *error = nullptr);
    // The JSON text fromJson() reads back to the same preset: every field of its plan
    // (PlanCodec), its partition when it has one, its name and description.
    static QByteArray toJson(const Preset &preset);

    // The user's presets follow the built-in ones, in the order saved, under presets/user in
    // `settings`; an entry that no longer reads (an edited file) is skipped and named in errors().
    void loadUserPresets(const QSettings &settings);
    // Why `name` cannot name a user preset (empty, too long, a control character, or the name of
    // a built-in preset or of "Custom"); nullopt when it can. A user preset's name may be reused:
    // saving replaces it.
    std::optional<QString> checkName(const QString &name) const;
    // Saves `preset` (its name checked) as a user preset, replacing one of the same name, and
    // writes every user preset to `settings`. The message of checkName() when refused.
    std::optional<QString> saveUserPreset(Preset preset, QSettings &settings);
    // Removes the user preset called `name`; false when there is none.
    bool removeUserPreset(const QString &name, QSettings &settings);
    // The index of the preset called `name` (case-insensitive), or -1.
    int indexOfName(const QString &name) const;
    int builtInCount() const { return m_builtIn; }

    // A name longer than this would not fit the preset box and the menu.
    static constexpr int kMaxNameLength = 40;

private:
    void writeUserPresets(QSettings &settings) const;

    QList<Preset> m_presets;
    int m_builtIn = 0;
    QStringList m_errors;
};
