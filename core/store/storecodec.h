// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/tasktiming.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <vector>

// How a run's load samples and per-task timings fit in one row each (load_samples, task_timings).
namespace StoreCodec {

// Sample `i` of every series as "0.5,,1": one fraction per core or shard, "" where unknown (NaN);
// one row a sample however many shards, and still readable in sqlite3.
QString fractions(const std::vector<std::vector<double>> &series, std::size_t i);
// Appends one sample's fractions to the columns of `series`, growing it as needed.
void appendFractions(std::vector<std::vector<double>> &series, const QString &text,
                     std::size_t sample);
// Per task id, resumed and done times from t0 in ns as two little-endian int64: 16 B a task
// (task_timings.resumed_done_ns). workNs is not in it: see work().
QByteArray timings(const std::vector<TaskTiming> &timings);
std::vector<TaskTiming> timingsOf(const QByteArray &bytes);
// Per task id, the kernel's CPU time in ns as one little-endian int64: 8 B a task
// (task_timings.work_ns).
QByteArray work(const std::vector<TaskTiming> &timings);
// Sets workNs of `timings` from `bytes`; false (nothing set) when `bytes` is not one int64 a task.
bool setWork(std::vector<TaskTiming> &timings, const QByteArray &bytes);
// Per task id, the loop that ran its CPU part as one little-endian uint16: 2 B a task
// (task_timings.cpu_loops, the stealing runtime only).
QByteArray loops(const std::vector<std::uint16_t> &loops);
std::vector<std::uint16_t> loopsOf(const QByteArray &bytes);

// What keeping one task's timings costs in the store: resumed, done and CPU time (the stealing
// runtime adds 2 B for its loop). The one figure every offer to keep them quotes.
inline constexpr int kTimingBytesPerTask = 24;

} // namespace StoreCodec
