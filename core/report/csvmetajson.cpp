// SPDX-License-Identifier: MIT
#include "core/report/csvmetajson.h"

#include "core/base/wording.h"
#include "core/experiment/experiment.h"
#include "core/experiment/experimentsummary.h"
#include "core/report/csvreport.h"
#include "core/report/jsonreport.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace {

QJsonValue finiteOrNull(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

} // namespace

QByteArray csvMetaJson(const ExperimentResult &result, const QStringList &files)
{
    // English whatever the window's language: programs read reports (core/base/wording.h).
    const Wording::EnglishScope english;
    QJsonObject o = experimentToJson(result);
    o.remove(QStringLiteral("runs")); // they are runs.csv
    o.insert(QStringLiteral("csv_schema"), QString::fromLatin1(kCsvSchema));
    o.insert(QStringLiteral("files"), QJsonArray::fromStringList(files));
    const ExperimentSummary &summary = result.summary;
    o.insert(QStringLiteral("baseline_shards"), summary.baselineShards);
    o.insert(QStringLiteral("amdahl"),
             QJsonObject{
                 {QStringLiteral("serial_fraction"), finiteOrNull(summary.amdahl.serialFraction)},
                 {QStringLiteral("rmse"), finiteOrNull(summary.amdahl.rmse)}});
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}
