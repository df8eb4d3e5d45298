// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>
#include <QJsonArray>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

// Another program that took CPU while a run was measured: what a busy machine's verdict names.
struct BusyProgram
{
    QString name; // its comm (/proc/[pid]/stat), at most 15 characters
    std::int64_t pid = 0;
    double share = 0; // of all CPUs' time during the run, in [0, 1]

    friend bool operator==(const BusyProgram &, const BusyProgram &) = default;
};

// Every process's CPU time at one moment, from /proc/[pid]/stat: two of them, at a run's start
// and end, say which other programs took the CPUs meanwhile. One read of a small file per process
// (about 200 on a desktop: a few milliseconds), so it is taken off the GUI thread. A program that
// both started and ended between the two counts in the parent that waited for it (a build tool
// for its compilers); one that started meanwhile counts from 0.
class ProgramCpuSnapshot
{
public:
    // The processes of /proc now.
    static ProgramCpuSnapshot take();

    // The `count` programs with the largest share of all `cpus` CPUs between `start` and `end`,
    // largest first, leaving out `excluded` pids (the benchmark and the helpers it started) and
    // those that took nothing.
    static std::vector<BusyProgram> top(const ProgramCpuSnapshot &start,
                                        const ProgramCpuSnapshot &end, int cpus,
                                        long ticksPerSecond, const QList<std::int64_t> &excluded,
                                        int count = 3);

    // One /proc/[pid]/stat line: "pid (comm) state ppid ..."; comm may hold spaces and ')', so
    // it ends at the last ')'. utime, stime, cutime, cstime are fields 14 to 17, starttime field
    // 22 (ticks).
    struct Entry
    {
        std::int64_t pid = 0;
        std::int64_t ppid = 0;
        QString name;
        std::uint64_t cpuTicks = 0;   // utime + stime + cutime + cstime (its reaped children's)
        std::uint64_t startTicks = 0; // a pid reused during the run has another start time
    };
    static std::optional<Entry> parseStat(QByteArrayView line);

    // A snapshot of `entries` (take() reads them from /proc), taken at `ns` on the steady clock.
    ProgramCpuSnapshot(std::vector<Entry> entries, std::int64_t ns);
    ProgramCpuSnapshot() = default;

private:
    std::vector<Entry> m_entries; // by pid
    std::int64_t m_ns = 0;
};

// The report's and the store's form: [{"name": ..., "pid": ..., "share": ...}], largest first.
QJsonArray busyProgramsToJson(const std::vector<BusyProgram> &programs);
// Entries that are not objects with a name and a share in [0, 1] are skipped.
std::vector<BusyProgram> busyProgramsFromJson(const QJsonArray &array);
// "yes (pid 4242) 48 %, cc1plus (pid 977) 3 %": for tooltips and the text report.
QString busyProgramsText(const std::vector<BusyProgram> &programs);
