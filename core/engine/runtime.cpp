// SPDX-License-Identifier: MIT
#include "core/engine/runtime.h"

#include "core/base/enumnames.h"

namespace {

constexpr EnumName<Runtime> kRuntimeNames[] = {
    {Runtime::Threads, u"threads"},
    {Runtime::Processes, u"processes"},
    {Runtime::Stealing, u"stealing"},
    {Runtime::Asyncio, u"asyncio"},
    {Runtime::AsyncioUvloop, u"asyncio-uvloop"},
};

} // namespace

QString runtimeName(Runtime runtime)
{
    return nameOf(kRuntimeNames, runtime);
}

std::optional<Runtime> runtimeFromName(QStringView name)
{
    return valueOf(kRuntimeNames, name);
}

QStringList runtimeNames()
{
    return namesOf(kRuntimeNames);
}

bool runsCppKernels(Runtime runtime)
{
    return runtime != Runtime::Asyncio && runtime != Runtime::AsyncioUvloop;
}
