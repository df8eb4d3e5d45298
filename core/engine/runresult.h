// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/runtime.h"
#include "core/engine/tasktiming.h"
#include "core/load/busyprograms.h"
#include "core/load/loadseries.h"
#include "core/net/httpfailure.h"
#include "core/system/threadschedule.h"
#include "core/workload/partition.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

class TaskPlan;

enum class RunStatus { Completed, Cancelled, Failed };
QString runStatusName(RunStatus status);
std::optional<RunStatus> runStatusFromName(QStringView name);
QStringList runStatusNames(); // "completed", "cancelled", "failed": every name, in order

// How every report and view writes a checksum: "0x" and 16 hex digits. Text, because JSON numbers
// are doubles (a 64-bit value would lose bits) and bare digits such as 12e4 read as numbers.
QString checksumText(std::uint64_t checksum);

// NaN is "not measured" in every figure of a run (a cancelled run's wall time, the latencies of a
// run that never started): JSON writes null, CSV an empty field, text and the app missingMark().
// Never 0, which is a measurement.
inline constexpr double kNotMeasured = std::numeric_limits<double>::quiet_NaN();

struct Percentiles
{
    double p50 = kNotMeasured;
    double p90 = kNotMeasured;
    double p99 = kNotMeasured;
    double max = kNotMeasured;
};

struct ShardStats
{
    int index = 0;
    int cpu = -1;
    std::int64_t tasks = 0;
    std::int64_t tasksDone = 0;
    double busyMs = 0;   // time its loop spent inside kernels
    double cpuMs = 0;    // its thread's CPU time
    double finishMs = 0; // its last task, from t0
    std::uint64_t checksum = 0;
    // A worker process's peak resident set (the out-of-process runtimes); -1 for a thread.
    std::int64_t peakRssKb = -1;
};

// What a run over the http transport measured beside the tasks' own timings.
struct HttpRunStats
{
    std::int64_t bytesReceived = 0; // response bodies, every byte folded into the checksum
    Percentiles connectMs;          // exchange start to connected (0 on a reused connection)
    Percentiles firstByteMs;        // exchange start to the response's first byte
    Percentiles serverLateMs;       // how late the server answered against the requested delay
    // The server process's CPU time during the run (NaN: unknown, e.g. a --target server).
    double serverCpuMs = std::numeric_limits<double>::quiet_NaN();
    HttpFailureCounts failures{}; // failed exchanges, indexed by HttpFailure
    friend bool operator==(const HttpRunStats &, const HttpRunStats &) = default;
};

// Everything one run measured. A plain value: copying it shares the per-task arrays.
struct RunResult
{
    RunStatus status = RunStatus::Completed;
    QString error;

    Runtime runtime = Runtime::Threads;
    // What ran an out-of-process runtime's loops, as its workers said ("CPython 3.11.2 asyncio");
    // empty for the runtimes in this process.
    QString implementation = QString();
    int shards = 1;
    Partition partition = Partition::Contiguous;
    bool pinned = false;
    // The schedule its shards ran at: Protective slowed the run for the window's sake, and every
    // report of the run says so.
    ShardSchedule schedule = ShardSchedule::Fair;
    int repeat = 0;
    QDateTime startedUtc;

    std::int64_t tasks = 0;
    std::int64_t tasksDone = 0;
    std::int64_t tasksFailed = 0;
    // Tasks whose CPU part ran on another loop than the one that awaited their IO: 0 for every
    // runtime but stealing.
    std::int64_t tasksMoved = 0;
    double nsPerIter = 0; // calibration the ideal bound was computed with

    // Every figure below is kNotMeasured where the run did not measure it. A run that did not
    // complete has no wall time (its tasks did not all finish), throughput, bound or efficiency.
    double wallMs = kNotMeasured; // max done - t0, of a completed run
    // t0 until the run ended, however it ended: how long a cancelled run ran. Not measured when
    // it never reached t0.
    double elapsedMs = kNotMeasured;
    double idealMs = kNotMeasured; // release-time bound T* for P = min(shards, CPUs), measured work
    // The same bound from the calibration, as estimated; not measured for the asyncio runtimes,
    // whose kernels the (C++) calibration does not time (runsCppKernels()).
    double estimatedIdealMs = kNotMeasured;
    double workMs = kNotMeasured;          // the tasks' measured work: their kernels' time, summed
    double efficiency = kNotMeasured;      // idealMs / wallMs
    double throughputTps = kNotMeasured;   // tasks done per second of wall time
    double startOverheadMs = kNotMeasured; // creating the threads until every loop runs
    double joinOverheadMs = kNotMeasured;  // last task done until every thread is joined
    Percentiles lagMs;                     // resumed - due: event-loop lag
    Percentiles latencyMs;                 // done - t0
    std::vector<ShardStats> perShard;
    std::uint64_t checksum = 0; // sum over shards; equal for every K on one plan
    // Share of all CPUs that other processes used during the run (MachineLoad); NaN unknown.
    double othersCpuFraction = kNotMeasured;
    // The other programs that took the most CPU during the run (ProgramCpuSnapshot::top()),
    // largest share first, at most three; empty where none took any or /proc could not say.
    std::vector<BusyProgram> busyPrograms;
    // Transport http only; unset for the timer transport.
    std::optional<HttpRunStats> http;

    // Every core's and shard's load, sampled at 4 Hz while the run was in flight, times from its
    // t0 (RunLoadRecorder): load.csv and the store's load_samples. Empty for a run read back
    // from a JSON report, which does not carry it.
    LoadSeries load;

    std::shared_ptr<const TaskPlan> plan;
    std::shared_ptr<const std::vector<TaskTiming>> timings; // indexed by task id
    // Runtime stealing: per task id, the loop that ran its CPU part (tasks that completed only);
    // null for runtimes where every task runs on its slice's loop.
    std::shared_ptr<const std::vector<std::uint16_t>> cpuLoops;

    bool completed() const { return status == RunStatus::Completed; }
    // Other processes used more than MachineLoad::kBusyThreshold of the machine meanwhile.
    bool machineBusy() const { return othersCpuFraction > kMachineBusyThreshold; }
    static constexpr double kMachineBusyThreshold = 0.10;
};

// The loop that ran task `task`'s CPU part: for the stealing runtime the one run.cpuLoops names
// (a task that completed), else the shard its slice was dealt to. Where a timeline draws it.
int loopOfTask(const RunResult &run, std::uint32_t task);

// The one sentence every report prints under runs of which some ran at ShardSchedule::Protective
// ("protective schedule at K = 1024: ..."); empty when every run was fair.
QString protectiveScheduleNote(const std::vector<RunResult> &runs);
