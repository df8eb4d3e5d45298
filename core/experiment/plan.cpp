// SPDX-License-Identifier: MIT
#include "core/experiment/plan.h"

#include "core/base/wording.h"
#include "core/experiment/plancodec.h"

FieldErrors Plan::validate() const
{
    return workload.validate() + transport.validate();
}

QStringList planDifferences(const Plan &a, const Plan &b)
{
    QStringList labels;
    for (const PlanField &field : PlanCodec::fields()) {
        if (field.write(a) != field.write(b))
            labels.append(QLatin1String(field.label));
    }
    return labels;
}

QString differentPlansText(const QStringList &differingFields)
{
    if (differingFields.isEmpty())
        return {};
    return coreTr("Plan", "different plans (%1)").arg(differingFields.join(QStringLiteral(", ")));
}

QString differentPlansText(const Plan &a, const Plan &b)
{
    return differentPlansText(planDifferences(a, b));
}
