// SPDX-License-Identifier: MIT
#include "core/engine/runconfig.h"

FieldErrors RunConfig::validate() const
{
    FieldErrors errors;
    if (auto e = kShardRange.check(shards))
        errors.append({QStringLiteral("shards"), *e});
    return errors;
}
