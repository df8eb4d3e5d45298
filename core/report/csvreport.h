// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>
#include <deque>
#include <vector>

struct ExperimentResult;
struct LoadSample;
struct MachineInfo;
struct RunResult;

// The CSV reports: tidy tables with fixed headers, one observation per row, units in the column
// names (wall_ms, io_ms, throughput_tps; a bare name is a plain number or a fraction: efficiency
// 0.9 = 90 %). Quoting and numbers follow CsvWriter: RFC 4180 quoting, LF line ends, '.' as
// decimal point in every locale, an empty field where a value does not exist (a NaN, a cancelled
// run's speedup, a task that never ran).
//
//   runs.csv     one row per run, in execution order, whatever its status; after the columns
//                of csv/2's first release, the http ones (transport, bytes_received, connect,
//                first-byte and server-lateness p50/p99, server_cpu_ms, failed_<reason> per
//                HttpFailure), empty where the run fetched nothing
//   summary.csv  one row per configuration (shard count), completed runs only
//   load.csv     one row per load sample of every run: run_index (as in runs.csv), shards,
//                repeat, time_s (from that run's t0), cpu0_busy_frac.., shard0_cpu_frac..
//   tasks.csv    one row per task of one run: task_id, shard, io_ms, iterations, due_ms,
//                resumed_ms, done_ms (times from the run's t0)
//   meta.json    the JSON report (core/jsonreport.h) without its runs: machine, build, workload,
//                calibration, verdict, and the schema of these files
//
// Metadata lines. Unless CsvMetadata::None is asked for, each file begins with lines of the form
// "# key: value", then the header row. The keys, in this order:
//   csv_schema      "loopbench.csv/2"; bumped when a column changes meaning or goes away
//   file            runs, summary, tasks or load
//   app_version, git_hash, cpu_model, logical_cpus, os, qt_version, qcoro_version, compiler,
//   build_type, timestamp_utc, host   the MachineInfo fields, named as in the JSON report's "meta"
// then, every file having an experiment behind it:
//   tasks, io_min_ms, io_max_ms, cpu_min_iterations, cpu_max_iterations, io_dist, cpu_dist,
//   kernel, seed, partition, pin, repeats, ns_per_iter, transport, and with transport http
//   connections and response_bytes
// and per file:
//   summary.csv     baseline_shards, amdahl_serial_fraction, amdahl_rmse (empty when not fitted),
//                   speedup_error (how speedup_err is computed)
//   tasks.csv       run_index, shards, repeat (which run the tasks are from)
// pandas reads the files with read_csv(path, comment='#'), R with read.csv(path,
// comment.char='#'); a reader that knows no comments can skip the lines that start with '#'.
inline constexpr const char *kCsvSchema = "loopbench.csv/2";

enum class CsvMetadata {
    CommentLines, // the "# key: value" lines described above
    None,         // the header row first: for tools that cannot skip comments
};

QByteArray runsCsv(const ExperimentResult &result, CsvMetadata meta = CsvMetadata::CommentLines);
QByteArray summaryCsv(const ExperimentResult &result, CsvMetadata meta = CsvMetadata::CommentLines);
// Needs run.plan; without run.timings the timing columns are empty. Without a plan: header only.
// Ten million rows take seconds: when `cancel` becomes true, rendering stops at its next check
// (every kTasksCsvCancelCheckRows rows) and returns an empty array, which is no report.
QByteArray tasksCsv(const ExperimentResult &result, const RunResult &run,
                    CsvMetadata meta = CsvMetadata::CommentLines,
                    const std::atomic<bool> *cancel = nullptr);
inline constexpr std::size_t kTasksCsvCancelCheckRows = 1 << 16;
// The load each run recorded (RunResult::load), run after run.
QByteArray loadCsv(const ExperimentResult &result, CsvMetadata meta = CsvMetadata::CommentLines);

// The run tasks.csv describes: the last one that kept its per-task timings (ExperimentRunner keeps
// them for the last run only), else the last run with a plan; -1 when there is none.
int tasksCsvRunIndex(const ExperimentResult &result);
