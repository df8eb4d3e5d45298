// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <sys/types.h>

// A CPU cgroup of this process's own for the shard threads of a run at the protective schedule
// (ShardSchedule::Protective: K far above the CPUs and a window without a group of its own), so
// that the kernel weighs those shards together, as one entity, against the rest of the process
// (the GUI thread above all) instead of weighing the GUI thread against each of K shards.
//
// Why (bench_guistall with the original experiment's plan, 2 CPUs, Linux 6.18 with EEVDF): with
// 1,024 shards the GUI thread shares one run queue with ~512 of them per CPU. Whatever their nice
// value or policy, the queue's average virtual time then moves with the shards: each shard that
// sleeps or moves to the other CPU after running shifts it, and the GUI thread, even when it did
// nothing, was left "ahead" and not eligible for 0.2-1.8 s at a time (read off
// /sys/kernel/debug/sched/debug while it waited). In a group of their own the shards are one
// entity beside the GUI's: p99 5.5-10.25 ms with 10 ms redraws, against 250 ms.
//
// The group weighs one eighth of a default group (v1 cpu.shares 128 of 1,024, v2 cpu.weight 13 of
// 100). As heavy as a default group, the GUI still stalled 800 ms at times; at one eighth it did
// not, and a run still gets a ninth of a CPU that another program keeps busy (SCHED_IDLE would
// leave it next to nothing); a run that joins it is slower beside any busy program, and its
// reports say so.
//
// It needs a cpu cgroup this process may write: cgroup v1's cpu hierarchy as root, or on cgroup
// v2 a delegated subtree with the cpu controller (a systemd user session's own scope), where the
// group is a threaded child of the process's cgroup. Elsewhere there is none, why() says why, and
// protective shards run in the process's group at ThreadSchedule::background() alone.
//
// The same kind of group, eight times as heavy as a default one, holds the window's thread
// (window()): the other way to keep the GUI responsive, which costs a run nothing the GUI does not
// use. Ordinary threads are weighed one by one, so a GUI thread of ordinary weight that has just
// painted for 2 ms waits until K / CPUs shards of the same weight have caught up (bench_guistall,
// fair shards, p99 ~250 ms at K = 64); in a group of 8x the weight it catches up 8x sooner, and it
// never uses more than the little it needs (~10 ms of CPU a second). Threads the window's thread
// makes start in its group: a fair shard leaves it (leaveThisThread()).
class ShardCpuGroup
{
public:
    static constexpr int kSharesV1 = 128;
    static constexpr int kWeightV2 = 13;
    static constexpr int kWindowSharesV1 = 8192;
    static constexpr int kWindowWeightV2 = 800;
    // The group's folder name is this prefix and the process id (then "-window" for the
    // window's): a group left by a process that died is removed by the next one that makes its
    // own.
    static constexpr const char *kPrefix = "loopbench-";

    // The process-wide group of the shards, made on first use.
    static ShardCpuGroup &instance();
    // The process-wide group of the window's thread, made on first use (by the app only).
    static ShardCpuGroup &window();
    // The window's group if the process has made it, else null (a CLI run never makes it).
    static const ShardCpuGroup *windowIfMade();

    // Moves the calling thread into the group; false, and the thread stays where it was, when
    // there is no group or the kernel refuses.
    bool joinThisThread() const;
    // Moves the calling thread into the process's own cgroup, the one the group was made in;
    // false when there is no group or the kernel refuses.
    bool leaveThisThread() const;
    // In a child process right after fork(): moves it out of the window's group, into the
    // process's own, so that a program the window's thread starts (the http server) runs at an
    // ordinary weight. Async-signal-safe (one open and write of a path prepared in window());
    // does nothing when the process has no window group.
    static void leaveWindowInForkedChild() noexcept;
    bool available() const { return !m_joinFile.isEmpty(); }
    // The group's folder ("/sys/fs/cgroup/cpu/loopbench-123"), empty when there is none.
    QString folder() const { return m_folder; }
    // Why there is no group ("cannot create /sys/fs/cgroup/cpu/loopbench-123: Permission
    // denied"); empty when there is one.
    QString why() const { return m_why; }

    // The path of thread `tid`'s cpu cgroup as /proc shows it ("/loopbench-123"), empty if it
    // cannot be read.
    static QString pathOfThread(pid_t tid);

    ShardCpuGroup(const ShardCpuGroup &) = delete;
    ShardCpuGroup &operator=(const ShardCpuGroup &) = delete;
    ~ShardCpuGroup(); // removes the folder (at exit, when every shard has ended)

private:
    ShardCpuGroup(const char *suffix, int sharesV1, int weightV2);
    void make(const char *suffix, int sharesV1, int weightV2);

    QString m_folder;
    QString m_joinFile;  // "tasks" (v1) or "cgroup.threads" (v2) in m_folder
    QString m_leaveFile; // the same file in the folder m_folder was made in
    QString m_why;
};
