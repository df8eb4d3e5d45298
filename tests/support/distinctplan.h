// SPDX-License-Identifier: MIT
#pragma once

// A plan whose every field differs from its default and from the other fields of its type, and
// for every PlanCodec field a valid value other than that plan's: the tests of plan equality
// (the codec's, a comparison's "same plan", the store's round trip) change one field at a time
// by iterating PlanCodec::fields() with these.

#include "core/experiment/plancodec.h"

#include <QHash>
#include <QJsonValue>
#include <QString>
#include <QTest>

#include <limits>
#include <optional>

namespace distinctplan {

// An http plan whose every field differs from its default and from every other field of its
// type: a codec entry that wrote or read the wrong member changes the plan read back.
inline Plan distinctPlan()
{
    Plan p;
    WorkloadSpec &w = p.workload;
    w.tasks = 1234;
    w.ioMinMs = 5;
    w.ioMaxMs = 6000;
    w.cpuMin = 7;
    w.cpuMax = 4'000'000'000;
    w.kernel = Kernel::Hash;
    w.seed = std::numeric_limits<std::uint64_t>::max();
    w.ioDist = Distribution::logNormal(300, 3000);
    w.cpuDist = Distribution::pareto(200, 9000);
    TransportConfig &t = p.transport;
    t.kind = Transport::Http;
    t.connections = 16;
    t.responseBytes = 65536;
    t.target = QStringLiteral("127.0.0.1:8123");
    t.serverLoops = 3;
    t.timeoutMs = 2500;
    return p;
}

// For every field, a valid value other than distinctPlan()'s. A field missing here fails
// everyFieldHasAnotherValue: give a new field its row.
inline const QHash<QString, QJsonValue> &otherValues()
{
    static const QHash<QString, QJsonValue> values{
        {QStringLiteral("tasks"), 1235},
        {QStringLiteral("io_min_ms"), 6},
        {QStringLiteral("io_max_ms"), 5999},
        {QStringLiteral("io_dist"), QStringLiteral("bimodal:heavy=0.5")},
        {QStringLiteral("cpu_min_iterations"), 8},
        {QStringLiteral("cpu_max_iterations"), 3'999'999'999.0},
        {QStringLiteral("cpu_dist"), QStringLiteral("uniform")},
        {QStringLiteral("kernel"), QStringLiteral("sum")},
        {QStringLiteral("seed"), QStringLiteral("1")},
        {QStringLiteral("transport"), QStringLiteral("timer")},
        {QStringLiteral("connections"), QStringLiteral("per-task")},
        {QStringLiteral("response_bytes"), 0},
        {QStringLiteral("target"), QString()},
        {QStringLiteral("server_loops"), 1},
        {QStringLiteral("http_timeout_ms"), 1},
    };
    return values;
}

// A data-driven test's rows: one per PlanCodec field, its key in the column "key".
inline void addRowPerField()
{
    QTest::addColumn<QString>("key");
    for (const PlanField &f : PlanCodec::fields())
        QTest::newRow(f.key) << QString::fromLatin1(f.key);
}

// `plan` with the field `key` alone set to its other value (otherValues()); nullopt when that
// value does not read, which is a fault of this table.
inline std::optional<Plan> changedIn(const Plan &plan, const QString &key)
{
    Plan changed = plan;
    if (PlanCodec::field(key)->read(otherValues().value(key), changed))
        return std::nullopt;
    return changed;
}

} // namespace distinctplan
