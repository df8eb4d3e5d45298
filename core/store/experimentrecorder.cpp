// SPDX-License-Identifier: MIT
#include "core/store/experimentrecorder.h"

ExperimentRecorder::ExperimentRecorder(ResultStore &store, ExperimentSpec spec, QString kind,
                                       QString source)
    : m_store(store)
    , m_spec(std::move(spec))
    , m_kind(std::move(kind))
    , m_source(std::move(source))
{}

std::int64_t ExperimentRecorder::record(const RunResult &run, RunRole role, double guiStallP99Ms)
{
    if (m_experimentId == 0) {
        m_experimentId = m_store.beginExperiment(m_spec, MachineInfo::current(), run.nsPerIter,
                                                 m_kind, m_source);
        if (m_experimentId == 0)
            return 0;
    }
    return m_store.recordRun(m_experimentId, m_next++, role, run, guiStallP99Ms);
}

bool ExperimentRecorder::finish(const ExperimentResult &result)
{
    return m_experimentId != 0 && m_store.finishExperiment(m_experimentId, result);
}
