// SPDX-License-Identifier: MIT
#include "core/engine/runresult.h"

#include "core/base/enumnames.h"
#include "core/workload/taskplan.h"

#include <QStringList>

#include <algorithm>

namespace {

constexpr EnumName<RunStatus> kRunStatusNames[] = {
    {RunStatus::Completed, u"completed"},
    {RunStatus::Cancelled, u"cancelled"},
    {RunStatus::Failed, u"failed"},
};

} // namespace

QString runStatusName(RunStatus status)
{
    return nameOf(kRunStatusNames, status);
}

std::optional<RunStatus> runStatusFromName(QStringView name)
{
    return valueOf(kRunStatusNames, name);
}

QString protectiveScheduleNote(const std::vector<RunResult> &runs)
{
    QList<int> shards;
    for (const RunResult &r : runs) {
        if (r.schedule == ShardSchedule::Protective && !shards.contains(r.shards))
            shards.append(r.shards);
    }
    if (shards.isEmpty())
        return {};
    QStringList ks;
    for (int k : shards)
        ks << QString::number(k);
    return QStringLiteral("protective schedule at K = %1: its shards ran below every other "
                          "program to keep the window responsive (K is far above the CPUs), so "
                          "other busy programs slowed it more than an ordinary program")
        .arg(ks.join(QStringLiteral(", ")));
}

QString checksumText(std::uint64_t checksum)
{
    return QStringLiteral("0x%1").arg(checksum, 16, 16, QLatin1Char('0'));
}

QStringList runStatusNames()
{
    return namesOf(kRunStatusNames);
}

int loopOfTask(const RunResult &run, std::uint32_t task)
{
    if (run.cpuLoops && task < run.cpuLoops->size() && run.timings && task < run.timings->size() &&
        (*run.timings)[task].doneNs >= 0)
        return (*run.cpuLoops)[task];
    const std::size_t tasks = run.plan ? run.plan->size() : static_cast<std::size_t>(run.tasks);
    return shardOf(run.partition, tasks, std::max(1, run.shards), task);
}
