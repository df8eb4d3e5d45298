// SPDX-License-Identifier: MIT
#pragma once

#include "ui/config/configinput.h"

#include <QStringList>

class QSettings;

// The last run configuration across sessions, under "config/" in QSettings: the plan's fields
// under PlanCodec's keys ("config/io_min_ms"; the keys of older settings still read), then K,
// the shard list, repeats, partition, pinning and warm-up. Restored values go
// through the same codec as the form and the CLI (ConfigInput::parse(), the core's SpecCodec): a
// missing, corrupted or hand-edited value falls back to its default, field by field, and is
// named in `problems` with the allowed range, so one bad key cannot open a broken form or crash.
class ConfigSettings
{
public:
    static void save(QSettings &settings, const ConfigInput &input);
    // Always valid form input (ConfigInput::parse() is ok): the stored one where it is valid,
    // defaults elsewhere. `problems` gets one message per field that fell back ("config/tasks: ...
    // (default used)").
    static ConfigInput load(QSettings &settings, QStringList *problems = nullptr);
    // The form's defaults: the core's WorkloadSpec, K = logical CPUs, a sweep with R = 5.
    static ConfigInput defaults();
};
