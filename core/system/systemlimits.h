// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/numberrange.h"
#include "core/system/descriptorguard.h"
#include "core/system/memoryguard.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>

// Reads what the system lets this process use, for the guards' arithmetic: /proc/meminfo,
// /proc/self/status, getrlimit, the memory cgroup (v2 or v1) and /proc/self/fd. Every reading
// that fails means "no limit known": a guard never refuses a run on a file it could not read.
// The parsers take the files' text (and the cgroup tree's root), so tests feed made-up ones.
class SystemLimits
{
public:
    // Lets tests and users see what a smaller machine would refuse, without owning one.
    static constexpr const char *kAvailableOverride = "LOOPBENCH_MEM_AVAILABLE_MB";
    // 1 MB to 1 PiB: 0 would refuse every run, and no machine has more.
    static constexpr NumberRange kAvailableOverrideRange{1, 1ULL << 30, "MB"};

    // The soft RLIMIT_NOFILE raised to the hard one (both the CLI and the GUI do this at start):
    // the soft default of 1,024 is below what 1,024 shards need, and raising it is allowed.
    static void raiseOpenFileLimit();
    static DescriptorGuard descriptors();

    // This process's memory limits. An invalid LOOPBENCH_MEM_AVAILABLE_MB sets *error ("the
    // variable: the problem, the allowed range") and is otherwise ignored.
    static MemoryGuard memory(QString *error = nullptr);
    // The value of LOOPBENCH_MEM_AVAILABLE_MB in bytes, nullopt if unset or invalid (*error set).
    static std::optional<std::uint64_t> availableOverride(QString *error);

    // "MemAvailable:  123 kB" (meminfo) or "VmSize:  456 kB" (status): the value of `key`, bytes.
    static std::optional<std::uint64_t> procKb(const QByteArray &text, const char *key);
    // A procfs or cgroupfs file's whole text (they report size 0); empty if it cannot be read.
    static QByteArray readWhole(const QString &path);
    // Where this process's cgroup for `controller` ("memory", "cpu") is: the hierarchy's folder
    // under `root` (/sys/fs/cgroup), the process's path in it from `procSelfCgroup`
    // (/proc/self/cgroup's text), and whether it is v1. A v1 line naming the controller wins over
    // v2's "0::/path"; nothing when neither is there.
    struct CgroupLocation
    {
        QString hierarchy; // root/<controller> for v1, root for v2
        QString path;      // "/" or "/user.slice/..."
        bool v1 = false;
    };
    static std::optional<CgroupLocation>
    cgroupOf(const QByteArray &procSelfCgroup, const QString &root, const QByteArray &controller);
    // What the memory cgroup of this process has left: the smallest limit minus usage (inactive
    // page cache excluded, as the kernel reclaims it before an OOM kill) over its cgroup and every
    // ancestor. `procSelfCgroup` is /proc/self/cgroup's text; `root` the cgroup mount
    // (/sys/fs/cgroup): v1 (a "memory" controller line, under root/memory, memory.limit_in_bytes
    // and memory.usage_in_bytes) wins over v2 ("0::/path", memory.max and memory.current).
    static std::optional<std::uint64_t> cgroupRemaining(const QByteArray &procSelfCgroup,
                                                        const QString &root);
};
