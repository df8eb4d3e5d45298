// SPDX-License-Identifier: MIT
#include "core/system/systemlimits.h"

#include <QDir>
#include <QFile>
#include <QThread>

#include <pthread.h>
#include <sys/resource.h>

#include <algorithm>

namespace {

// A cgroup file holding one number, or "max" (v2's "no limit").
std::optional<std::uint64_t> readNumber(const QString &path)
{
    const QByteArray text = SystemLimits::readWhole(path).trimmed();
    if (text.isEmpty())
        return std::nullopt;
    if (text == "max")
        return MemoryGuard::kUnlimited;
    bool ok = false;
    const std::uint64_t value = text.toULongLong(&ok);
    return ok ? std::optional(value) : std::nullopt;
}

// "inactive_file 1234" in memory.stat (v2), "total_inactive_file 1234" (v1).
std::uint64_t statValue(const QByteArray &stat, const QByteArray &key)
{
    for (const QByteArray &line : stat.split('\n')) {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() == 2 && parts[0] == key)
            return parts[1].toULongLong();
    }
    return 0;
}

} // namespace

void SystemLimits::raiseOpenFileLimit()
{
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
    }
}

DescriptorGuard SystemLimits::descriptors()
{
    DescriptorGuard guard;
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY)
        guard.limit = files.rlim_cur;
    // Listing the folder holds one descriptor of its own, counted too: a spare one.
    guard.open = static_cast<std::uint64_t>(
        QDir(QStringLiteral("/proc/self/fd"))
            .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System)
            .size());
    return guard;
}

std::optional<std::uint64_t> SystemLimits::availableOverride(QString *error)
{
    if (!qEnvironmentVariableIsSet(kAvailableOverride))
        return std::nullopt;
    QString problem;
    const auto mb =
        kAvailableOverrideRange.read(qEnvironmentVariable(kAvailableOverride), &problem);
    if (!mb) {
        if (error)
            *error = QLatin1String(kAvailableOverride) + QStringLiteral(": ") + problem;
        return std::nullopt;
    }
    return *mb * 1024 * 1024;
}

MemoryGuard SystemLimits::memory(QString *error)
{
    MemoryGuard guard;
    if (const auto override = availableOverride(error))
        guard.availableBytes = *override;
    else if (const auto kb =
                 procKb(SystemLimits::readWhole(QStringLiteral("/proc/meminfo")), "MemAvailable"))
        guard.availableBytes = *kb * 1024;

    rlimit as{};
    if (getrlimit(RLIMIT_AS, &as) == 0 && as.rlim_cur != RLIM_INFINITY) {
        const auto vmKb =
            procKb(SystemLimits::readWhole(QStringLiteral("/proc/self/status")), "VmSize");
        const std::uint64_t used = vmKb ? *vmKb * 1024 : 0;
        guard.addressSpaceBytes = as.rlim_cur > used ? as.rlim_cur - used : 0;
    }
    if (const auto left =
            cgroupRemaining(SystemLimits::readWhole(QStringLiteral("/proc/self/cgroup")),
                            QStringLiteral("/sys/fs/cgroup")))
        guard.cgroupBytes = *left;

    pthread_attr_t attr;
    std::size_t stack = 0;
    if (pthread_getattr_default_np(&attr) == 0) {
        if (pthread_attr_getstacksize(&attr, &stack) == 0 && stack > 0)
            guard.threadStackBytes = stack;
        pthread_attr_destroy(&attr);
    }
    // glibc's default M_ARENA_MAX on 64-bit: 8 per core.
    guard.mallocArenas = 8 * static_cast<std::uint64_t>(std::max(1, QThread::idealThreadCount()));
    return guard;
}

std::optional<std::uint64_t> SystemLimits::procKb(const QByteArray &text, const char *key)
{
    const QByteArray prefix = QByteArray(key) + ':';
    for (const QByteArray &line : text.split('\n')) {
        if (!line.startsWith(prefix))
            continue;
        bool ok = false;
        const std::uint64_t kb =
            line.mid(prefix.size()).trimmed().split(' ').value(0).toULongLong(&ok);
        return ok ? std::optional(kb) : std::nullopt;
    }
    return std::nullopt;
}

QByteArray SystemLimits::readWhole(const QString &path)
{
    QFile f(path);
    // procfs and cgroupfs files report size 0: read them whole, never by size.
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

std::optional<SystemLimits::CgroupLocation> SystemLimits::cgroupOf(const QByteArray &procSelfCgroup,
                                                                   const QString &root,
                                                                   const QByteArray &controller)
{
    std::optional<CgroupLocation> found;
    for (const QByteArray &line : procSelfCgroup.split('\n')) {
        const QList<QByteArray> parts = line.split(':');
        if (parts.size() < 3)
            continue;
        const QString path = QString::fromUtf8(parts.mid(2).join(':'));
        if (parts[1].split(',').contains(controller))
            return CgroupLocation{root + QLatin1Char('/') + QString::fromLatin1(controller), path,
                                  true};
        if (parts[0] == "0" && parts[1].isEmpty())
            found = CgroupLocation{root, path, false};
    }
    return found;
}

std::optional<std::uint64_t> SystemLimits::cgroupRemaining(const QByteArray &procSelfCgroup,
                                                           const QString &root)
{
    const auto location = cgroupOf(procSelfCgroup, root, "memory");
    if (!location)
        return std::nullopt;
    const QString &base = location->hierarchy;
    const bool v1 = location->v1;
    const QString limitFile =
        v1 ? QStringLiteral("/memory.limit_in_bytes") : QStringLiteral("/memory.max");
    const QString usageFile =
        v1 ? QStringLiteral("/memory.usage_in_bytes") : QStringLiteral("/memory.current");
    const QByteArray inactiveKey = v1 ? "total_inactive_file" : "inactive_file";
    // v1 writes "no limit" as the largest page-aligned 63-bit value.
    constexpr std::uint64_t kNoLimit = 1ULL << 62;

    std::optional<std::uint64_t> least;
    // The process's own cgroup and every ancestor up to the mount: any of them may hold the
    // binding limit. Inside a container the path may name a folder that is not mounted there;
    // the mount's root is then the container's own cgroup.
    QString dir = location->path;
    for (;;) {
        const QString at = base + (dir == u"/" ? QString() : dir);
        const auto limit = readNumber(at + limitFile);
        const auto usage = readNumber(at + usageFile);
        if (limit && usage && *limit < kNoLimit) {
            const std::uint64_t inactive = std::min(
                *usage, statValue(SystemLimits::readWhole(at + QStringLiteral("/memory.stat")),
                                  inactiveKey));
            const std::uint64_t used = *usage - inactive;
            const std::uint64_t left = *limit > used ? *limit - used : 0;
            least = std::min(least.value_or(MemoryGuard::kUnlimited), left);
        }
        if (dir.isEmpty() || dir == u"/")
            break;
        dir.truncate(std::max<qsizetype>(dir.lastIndexOf(QLatin1Char('/')), 0));
        if (dir.isEmpty())
            dir = QStringLiteral("/");
    }
    return least;
}
