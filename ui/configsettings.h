#pragma once

#include "runconfig.h"
#include "workloadspec.h"

#include <optional>

class QSettings;

// The last run configuration across sessions, under "config/" in QSettings. Loading returns
// nothing unless every stored value is there and valid: a half-written or hand-edited file falls
// back to defaults rather than opening with a broken form.
class ConfigSettings
{
public:
    static void save(QSettings &settings, const WorkloadSpec &spec, const RunConfig &config);
    struct Stored
    {
        WorkloadSpec spec;
        RunConfig config;
    };
    static std::optional<Stored> load(QSettings &settings);
};
