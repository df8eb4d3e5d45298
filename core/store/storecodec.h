// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/tasktiming.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <vector>

// How a run's load samples and per-task timings fit in one row each (load_samples, task_timings).
namespace StoreCodec {

// Sample `i` of every series as "0.5,,1": one fraction per core or shard, "" where unknown (NaN);
// one row a sample however many shards, and still readable in sqlite3.
QString fractions(const std::vector<std::vector<double>> &series, std::size_t i);
// Appends one sample's fractions to the columns of `series`, growing it as needed.
void appendFractions(std::vector<std::vector<double>> &series, const QString &text,
                     std::size_t sample);
// Per task id, resumed and done times from t0 in ns as two little-endian int64: 16 B a task.
QByteArray timings(const std::vector<TaskTiming> &timings);
std::vector<TaskTiming> timingsOf(const QByteArray &bytes);

} // namespace StoreCodec
