// SPDX-License-Identifier: MIT
#include "core/load/processcpu.h"

#include <QFile>
#include <QList>
#include <QString>

#include <algorithm>
#include <limits>

#include <unistd.h>

double ProcessCpu::ms() const
{
    return double(ticks) * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

std::optional<ProcessCpu> ProcessCpu::parse(const QByteArray &stat)
{
    // "pid (comm) S ppid ... utime stime ...": comm may hold spaces and parentheses, so fields
    // are counted after the last ')'. State is field 3, utime and stime fields 14 and 15.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return std::nullopt;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    if (fields.size() < 13 || fields[0].isEmpty())
        return std::nullopt;
    bool ok1 = false, ok2 = false;
    const std::uint64_t utime = fields[11].toULongLong(&ok1);
    const std::uint64_t stime = fields[12].toULongLong(&ok2);
    if (!ok1 || !ok2)
        return std::nullopt;
    return ProcessCpu{utime + stime, fields[0][0]};
}

std::optional<ProcessCpu> ProcessCpu::read(std::int64_t pid)
{
    if (pid <= 0)
        return std::nullopt;
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return parse(file.readAll());
}

double machineShare(double prevCpuMs, double curCpuMs, std::int64_t prevWallNs,
                    std::int64_t curWallNs, int cpus)
{
    if (curWallNs <= prevWallNs || cpus <= 0)
        return std::numeric_limits<double>::quiet_NaN();
    const double wallMs = double(curWallNs - prevWallNs) / 1e6;
    // Ticks are 10 ms: a short interval can show a little over the machine; a reused pid less
    // than before.
    return std::clamp((curCpuMs - prevCpuMs) / (wallMs * cpus), 0.0, 1.0);
}
