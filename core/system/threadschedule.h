// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <sys/types.h>

#include <cstdint>
#include <optional>

// The schedule a run's shards ran at, as every report of the run names it.
enum class ShardSchedule {
    // As an ordinary program: the process's own cgroup and nice value, so a run gets the share of
    // a busy machine any other program gets (ThreadSchedule::fair()).
    Fair,
    // Below every other thread of the process (ThreadSchedule::background() in a low-weight
    // ShardCpuGroup): keeps the window responsive where K far exceeds the CPUs and the window has
    // no cpu group of its own, and slows the run when other programs are busy (forRun()).
    Protective,
};
QString shardScheduleName(ShardSchedule schedule); // "fair", "protective"
std::optional<ShardSchedule> shardScheduleFromName(QStringView name);
QStringList shardScheduleNames(); // "fair", "protective": every name, in order

// How the kernel schedules one thread: its policy, nice value and (Linux 6.12 and later) the
// time slice it asked for. Shards of a protective run take background() so that the GUI thread,
// and any other thread of the process, runs first when it wakes (resources/doc/how-it-works.md, "A
// fair run and a responsive GUI at any K"); readThread() lets tests and bench_guistall see what a
// thread really runs at.
struct ThreadSchedule
{
    int policy = 0;           // SCHED_OTHER, SCHED_BATCH, ...
    int nice = 0;             // -20 .. 19
    std::int64_t sliceNs = 0; // 0: the kernel's default slice (or a kernel without custom slices)

    // SCHED_BATCH at nice 19 with a 10 ms slice: see applyToThisThread() for why each.
    static ThreadSchedule background();
    // What a run's shards take: Fair, except above kProtectiveShardsPerCpu shards per logical
    // CPU in a process whose window has no cpu group of its own (`windowExposed`: it made
    // ShardCpuGroup::window() and none could be made). A process without a window (the CLI) has
    // no GUI to protect. The .cpp says why.
    static ShardSchedule forRun(int shards, int logicalCpus, bool windowExposed);
    static constexpr int kProtectiveShardsPerCpu = 32;

    // Sets the calling thread's schedule. Needs no privilege: a thread may always lower its own
    // priority. Where sched_setattr is missing or refused (an old kernel, a seccomp filter), the
    // policy and nice value are set the older way and the slice is left as it was. Returns false
    // if the thread runs as before.
    bool applyToThisThread() const;

    // The schedule of thread `tid` of this machine, or nothing if it cannot be read.
    static std::optional<ThreadSchedule> readThread(pid_t tid);
};
