// SPDX-License-Identifier: MIT
#include "core/engine/runconfig.h"

FieldErrors RunConfig::validate() const
{
    FieldErrors errors;
    if (shards < 1 || shards > kMaxShards) {
        errors.append(
            {QStringLiteral("shards"),
             QStringLiteral("shard count %1 is outside 1..%2").arg(shards).arg(kMaxShards)});
    }
    return errors;
}
