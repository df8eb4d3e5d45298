// SPDX-License-Identifier: MIT
#include "core/system/memoryguard.h"

#include <QFile>

#include <limits>

MemoryGuard MemoryGuard::current()
{
    MemoryGuard guard;
    guard.availableBytes = std::numeric_limits<std::uint64_t>::max();
    // Lets tests and users see what a smaller machine would refuse, without owning one.
    bool overridden = false;
    const auto overrideMb = qEnvironmentVariableIntValue("LOOPBENCH_MEM_AVAILABLE_MB", &overridden);
    if (overridden && overrideMb >= 0) {
        guard.availableBytes = static_cast<std::uint64_t>(overrideMb) * 1024 * 1024;
        return guard;
    }
    QFile meminfo(QStringLiteral("/proc/meminfo"));
    if (!meminfo.open(QIODevice::ReadOnly | QIODevice::Text))
        return guard;
    // procfs files report size 0, so QFile::atEnd() is true at once: read it whole instead.
    const QList<QByteArray> lines = meminfo.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("MemAvailable:")) {
            bool ok = false;
            const std::uint64_t kb = line.mid(13).trimmed().split(' ').value(0).toULongLong(&ok);
            if (ok)
                guard.availableBytes = kb * 1024;
            break;
        }
    }
    return guard;
}

std::uint64_t MemoryGuard::estimateBytes(std::uint64_t tasks, int shards)
{
    return tasks * kBytesPerTask + static_cast<std::uint64_t>(shards) * kBytesPerShard;
}

std::uint64_t MemoryGuard::budgetBytes() const
{
    if (availableBytes == std::numeric_limits<std::uint64_t>::max())
        return availableBytes;
    return static_cast<std::uint64_t>(static_cast<double>(availableBytes) * kSafeShare);
}

std::uint64_t MemoryGuard::maxTasks(int shards) const
{
    const std::uint64_t budget = budgetBytes();
    const std::uint64_t fixed = static_cast<std::uint64_t>(shards) * kBytesPerShard;
    return budget <= fixed ? 0 : (budget - fixed) / kBytesPerTask;
}

std::optional<FieldError> MemoryGuard::check(std::uint64_t tasks, int shards) const
{
    const std::uint64_t need = estimateBytes(tasks, shards);
    if (need <= budgetBytes())
        return std::nullopt;
    auto mb = [](std::uint64_t bytes) { return QString::number(bytes / (1024 * 1024)); };
    return FieldError{QStringLiteral("tasks"),
                      QStringLiteral("%1 tasks need about %2 MB, more than the %3 MB LoopBench may "
                                     "use (half of the %4 MB available); at most %5 tasks fit")
                          .arg(tasks)
                          .arg(mb(need), mb(budgetBytes()), mb(availableBytes))
                          .arg(maxTasks(shards))};
}
