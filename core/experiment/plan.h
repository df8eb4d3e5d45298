// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/fielderror.h"
#include "core/net/transportconfig.h"
#include "core/workload/workloadspec.h"

#include <QStringList>

// What is measured: the tasks (WorkloadSpec) and how they do their IO (TransportConfig). Two
// runs compare only when their plans are equal: a speedup between different plans measures the
// plans. Every reader and writer of a plan (reports, CSV, `compare`, the store, presets, saved
// settings) goes through PlanCodec, whose table names every field; equality is over every field.
struct Plan
{
    WorkloadSpec workload;
    TransportConfig transport;

    // The workload's problems, then the transport's, in their fields' keys.
    FieldErrors validate() const;

    friend bool operator==(const Plan &, const Plan &) = default;
};

// The labels ("transport", "IO shape") of the fields in which `a` and `b` differ, in PlanCodec's
// order; empty when the plans are equal.
QStringList planDifferences(const Plan &a, const Plan &b);
// "different plans (transport, connections)": what a comparison of two plans says instead of a
// speedup, from planDifferences()' labels; empty when there are none. Every view and report
// words it through this one function.
QString differentPlansText(const QStringList &differingFields);
QString differentPlansText(const Plan &a, const Plan &b);
