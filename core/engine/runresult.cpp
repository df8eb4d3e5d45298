// SPDX-License-Identifier: MIT
#include "core/engine/runresult.h"

#include "core/base/enumnames.h"

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

QString checksumText(std::uint64_t checksum)
{
    return QStringLiteral("0x%1").arg(checksum, 16, 16, QLatin1Char('0'));
}
