// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/resultstore.h"

// Puts one experiment into a ResultStore as it happens, for the CLI's --record and the desktop
// app alike: the experiment row when its first run ends (the calibration is known by then), each
// run in its own transaction as it ends, the summary when the experiment ends. A cancelled or
// failed experiment keeps the runs that ended; nothing is written for runs that never ran.
class ExperimentRecorder
{
public:
    ExperimentRecorder(ResultStore &store, ExperimentSpec spec, QString kind, QString source);

    // The run's id in the store, or 0 when the store is off or the write failed.
    std::int64_t record(const RunResult &run, RunRole role,
                        double guiStallP99Ms = ResultStore::kNoValue);
    // After the last run; false when the store is off or the write failed.
    bool finish(const ExperimentResult &result);
    std::int64_t experimentId() const { return m_experimentId; }

private:
    ResultStore &m_store;
    ExperimentSpec m_spec;
    QString m_kind;
    QString m_source;
    std::int64_t m_experimentId = 0;
    int m_next = 0; // sequence number of the next run
};
