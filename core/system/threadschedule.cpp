// SPDX-License-Identifier: MIT
#include "core/system/threadschedule.h"

#include "core/base/enumnames.h"

#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace {

// The first version of the kernel's struct sched_attr (SCHED_ATTR_SIZE_VER0, 48 bytes). Spelled
// out here: glibc before 2.41 has neither the struct nor a sched_setattr wrapper, and the one in
// <linux/sched/types.h> clashes with newer glibc's <sched.h>.
struct SchedAttr
{
    std::uint32_t size = sizeof(SchedAttr);
    std::uint32_t policy = 0;
    std::uint64_t flags = 0;
    std::int32_t nice = 0;
    std::uint32_t priority = 0;
    std::uint64_t runtime = 0; // for SCHED_OTHER and SCHED_BATCH: the slice, from Linux 6.12
    std::uint64_t deadline = 0;
    std::uint64_t period = 0;
};
static_assert(sizeof(SchedAttr) == 48);

constexpr EnumName<ShardSchedule> kShardScheduleNames[] = {
    {ShardSchedule::Fair, u"fair"},
    {ShardSchedule::Protective, u"protective"},
};

} // namespace

QString shardScheduleName(ShardSchedule schedule)
{
    return nameOf(kShardScheduleNames, schedule);
}

std::optional<ShardSchedule> shardScheduleFromName(QStringView name)
{
    return valueOf(kShardScheduleNames, name);
}

QStringList shardScheduleNames()
{
    return namesOf(kShardScheduleNames);
}

// Where a cpu cgroup can be made the shards also run in one of their own (ShardCpuGroup): with
// hundreds of shards per CPU no per-thread schedule kept the GUI thread eligible. This schedule
// still orders the shards inside that group and is all there is where no group can be made.
// Why this schedule (bench_guistall, 2 CPUs, Linux 6.18 with EEVDF). At K = 64 the GUI thread,
// one runnable thread among 65 of the same weight, stalled 250 ms at p99.
// - SCHED_BATCH: a shard that wakes from its IO never preempts the thread that is running.
// - Nice 19, the lowest weight (15 against the GUI's 1024): a thread that has run more than its
//   share waits until the others catch up, for about as long as it ran times the weight of the
//   shards queued on its CPU over its own. After a 2 ms redraw that wait is 7 ms at K = 64 and
//   110 ms at K = 1,024 at nice 10; at nice 19, 1 and 15 ms.
// - A 10 ms slice (the default is 0.75 ms times 1 + log2 of the CPUs): a shard's deadline lies
//   a slice, scaled by its weight, after its start, so the waking GUI thread, whose slice is
//   shorter, is picked first and preempts it. 3 to 10 ms all helped; 50 and 100 ms made it worse.
// Together: p99 3.75-4.25 ms at K = 64 and 8.25-12.75 ms at K = 1,024, against 10-35 ms at K = 64
// for nice 10 with the default slice. Not SCHED_IDLE: p99 160-250 ms at K = 1,024, and an
// idle-policy thread gets next to nothing while another program in the same session is busy (a run
// beside a build sat at 0 % for 14 s). Nice 19 pays that cost too, within one session only: beside
// two busy loops of the same session a 0.5 s run took 35 s (5 s at nice 10); beside two of another
// session, 2.0 s (1.7 s).
ThreadSchedule ThreadSchedule::background()
{
    return ThreadSchedule{SCHED_BATCH, 19, 10'000'000};
}

// Why fair: beside one `yes` on 2 CPUs, 2 loops of the original 4,000-task plan ran no faster than
// 1 at the background schedule (1.545 s against 1.546 s) and 1.3x faster as ordinary threads
// (bench_busy). The GUI stays responsive beside ordinary shards when its thread has a heavier cpu
// group of its own (ShardCpuGroup::window(); bench_guistall, fair shards, original plan: p99
// 2.3-4.3 ms for K = 1 to 128, 8 ms at K = 1,024). Without that group a GUI thread of ordinary
// weight waits behind K / CPUs shards each time it has painted: p99 11-22 ms at K = 8, 70 ms at
// 16, ~250 ms at 64 (the meter's cap). Protective only above 32 shards per CPU there: K = 64 on 2
// CPUs is the largest K the issue asks to run as an ordinary program, and past it the stalls
// grow with K while the run gains nothing from more shards than it has cores.
ShardSchedule ThreadSchedule::forRun(int shards, int logicalCpus, bool windowExposed)
{
    return windowExposed && shards > kProtectiveShardsPerCpu * std::max(1, logicalCpus)
               ? ShardSchedule::Protective
               : ShardSchedule::Fair;
}

bool ThreadSchedule::applyToThisThread() const
{
    SchedAttr attr;
    attr.policy = static_cast<std::uint32_t>(policy);
    attr.nice = nice;
    attr.runtime = static_cast<std::uint64_t>(sliceNs);
    if (syscall(SYS_sched_setattr, 0, &attr, 0) == 0)
        return true;
    // Linux ignores QThread priorities under SCHED_OTHER, hence the system calls.
    const sched_param param{};
    const bool policySet = pthread_setschedparam(pthread_self(), policy, &param) == 0;
    const bool niceSet = setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), nice) == 0;
    return policySet || niceSet;
}

std::optional<ThreadSchedule> ThreadSchedule::readThread(pid_t tid)
{
    SchedAttr attr;
    if (syscall(SYS_sched_getattr, tid, &attr, sizeof(attr), 0) != 0) {
        // Without sched_getattr: policy and nice, the slice unknown.
        const int policy = sched_getscheduler(tid);
        errno = 0;
        const int nice = getpriority(PRIO_PROCESS, static_cast<id_t>(tid));
        if (policy < 0 || errno != 0)
            return std::nullopt;
        return ThreadSchedule{policy, nice, 0};
    }
    return ThreadSchedule{static_cast<int>(attr.policy), attr.nice,
                          static_cast<std::int64_t>(attr.runtime)};
}
