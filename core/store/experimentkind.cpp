// SPDX-License-Identifier: MIT
#include "core/store/experimentkind.h"

#include "core/base/enumnames.h"

namespace {

constexpr EnumName<ExperimentKind> kKindNames[] = {
    {ExperimentKind::Run, u"run"},           {ExperimentKind::Compare, u"compare"},
    {ExperimentKind::Repeat, u"repeat"},     {ExperimentKind::Sweep, u"sweep"},
    {ExperimentKind::Runtimes, u"runtimes"}, {ExperimentKind::Cli, u"cli"},
    {ExperimentKind::Imported, u"imported"},
};

} // namespace

QString experimentKindName(ExperimentKind kind)
{
    return nameOf(kKindNames, kind);
}
