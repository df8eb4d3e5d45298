// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/fielderror.h"
#include "core/experiment/plan.h"
#include "core/experiment/spectext.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>
#include <span>

// One field of a plan: its one name in every file (reports, CSV, `compare`, the store's column,
// presets, saved settings), how it is written and read, and the form text that holds it.
struct PlanField
{
    const char *key;   // "io_min_ms"
    const char *label; // "IO min": how "different plans (...)" names it
    // The FieldError key of the form and the CLI ("io" for both ends of the IO range).
    const char *formField;
    QString SpecText::*text; // its text in the form, the CLI and saved settings
    // In every report since the first: a report without it is refused. Other fields, when
    // absent, take their default (a file written before they existed).
    bool required;
    // Only an http plan has it: written only then, and for a timer plan it keeps its default.
    bool httpOnly;
    // The value as written: a JSON number where it is one below 2^53, text otherwise (a 64-bit
    // seed, a shape in Distribution's grammar, a name from its enum's table).
    QJsonValue (*write)(const Plan &plan);
    // Reads `value` (a JSON number, or text in the grammar typed text has) into `plan`;
    // nullopt, or the problem in NumberRange's and SpecCodec's words (no field name).
    std::optional<QString> (*read)(const QJsonValue &value, Plan &plan);
};

// The one codec of a plan. Adding a field to WorkloadSpec or TransportConfig stops plancodec.cpp
// compiling until the field has its entry in fields(); tests iterate that table, so the round
// trip, the equality and every file that writes a plan then cover the new field.
class PlanCodec
{
public:
    static std::span<const PlanField> fields();
    // The field named `key`, or nullptr.
    static const PlanField *field(QStringView key);
    // Whether `plan` has the field (an http-only field belongs to an http plan only).
    static bool applies(const PlanField &field, const Plan &plan);

    // The field's value as text: a number in digits, text as itself ("per-task", "lognormal:...").
    static QString text(const PlanField &field, const Plan &plan);

    // Every field that applies to `plan`, by key: what reports, presets and `compare` write.
    static QJsonObject toJson(const Plan &plan);
    // toJson() inserted into `object` (a report's "workload", a preset beside its name).
    static void insertInto(QJsonObject &object, const Plan &plan);

    struct Read
    {
        Plan plan;
        // One per field at most, keyed by the field's key, in the table's order: the range of a
        // pair is checked once both ends read ("io_max_ms: min 950 ms is above max 900 ms"), a
        // shape against its range's ends ("io_dist: ...").
        FieldErrors errors;
        bool ok() const { return errors.isEmpty(); }
    };
    enum class Missing {
        Default, // a field not given takes its default (presets: "a preset names what it sets")
        Refused, // a required field not given is an error (reports)
    };
    // The plan in `object`. With `strictKeys` (presets, written by people): keys other than the
    // table's and `otherKeys` are refused, and so is an http-only key in a timer plan, so that a
    // misspelt key cannot silently fall back to a default. Without: other keys are left to the
    // caller and http-only keys of a timer plan are skipped (the store's columns hold them all).
    static Read fromJson(const QJsonObject &object, Missing missing = Missing::Default,
                         bool strictKeys = false, const QStringList &otherKeys = {});
};
