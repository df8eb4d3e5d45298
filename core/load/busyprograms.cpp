// SPDX-License-Identifier: MIT
#include "core/load/busyprograms.h"

#include "core/base/clock.h"

#include <QDir>
#include <QHash>
#include <QJsonObject>
#include <QStringList>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>

namespace {

// /proc/[pid]/stat is one line of at most a few hundred bytes.
QByteArray readSmall(const QByteArray &path)
{
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return {};
    char buffer[1024];
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    ::close(fd);
    return n > 0 ? QByteArray(buffer, qsizetype(n)) : QByteArray();
}

} // namespace

ProgramCpuSnapshot::ProgramCpuSnapshot(std::vector<Entry> entries, std::int64_t ns)
    : m_entries(std::move(entries))
    , m_ns(ns)
{
    std::sort(m_entries.begin(), m_entries.end(),
              [](const Entry &a, const Entry &b) { return a.pid < b.pid; });
}

std::optional<ProgramCpuSnapshot::Entry> ProgramCpuSnapshot::parseStat(QByteArrayView line)
{
    const qsizetype open = line.indexOf('(');
    const qsizetype close = line.lastIndexOf(')');
    if (open <= 0 || close < open)
        return std::nullopt;
    Entry e;
    bool ok = false;
    e.pid = line.first(open).trimmed().toLongLong(&ok);
    if (!ok || e.pid <= 0)
        return std::nullopt;
    e.name = QString::fromUtf8(line.sliced(open + 1, close - open - 1));
    // Fields after comm, from field 3 (state): utime is the 12th of them, stime the 13th,
    // starttime the 20th.
    const QList<QByteArray> fields = line.sliced(close + 1).toByteArray().simplified().split(' ');
    if (fields.size() < 20)
        return std::nullopt;
    // cutime and cstime (the 14th and 15th) hold the children it has waited for: a build tool's
    // compilers live a second or two each, start and end between two snapshots and are never
    // seen themselves, but their time reaches the tool. (A child alive at the first snapshot
    // brings its time from before the run along: an overestimate of one child's life at most.)
    bool fieldOk[5] = {};
    const std::uint64_t ticks[4] = {
        fields[11].toULongLong(&fieldOk[0]), fields[12].toULongLong(&fieldOk[1]),
        fields[13].toULongLong(&fieldOk[2]), fields[14].toULongLong(&fieldOk[3])};
    e.startTicks = fields[19].toULongLong(&fieldOk[4]);
    e.ppid = fields[1].toLongLong();
    if (!std::all_of(std::begin(fieldOk), std::end(fieldOk), [](bool b) { return b; }))
        return std::nullopt;
    e.cpuTicks = ticks[0] + ticks[1] + ticks[2] + ticks[3];
    return e;
}

ProgramCpuSnapshot ProgramCpuSnapshot::take()
{
    std::vector<Entry> entries;
    const QStringList pids =
        QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Unsorted);
    entries.reserve(std::size_t(pids.size()));
    for (const QString &pid : pids) {
        if (pid.isEmpty() || !pid.front().isDigit())
            continue;
        // A process that ended since the listing has no file: it is simply not there.
        if (auto e = parseStat(readSmall("/proc/" + pid.toLatin1() + "/stat")))
            entries.push_back(std::move(*e));
    }
    return ProgramCpuSnapshot(std::move(entries), nowNs());
}

std::vector<BusyProgram> ProgramCpuSnapshot::top(const ProgramCpuSnapshot &start,
                                                 const ProgramCpuSnapshot &end, int cpus,
                                                 long ticksPerSecond,
                                                 const QList<std::int64_t> &excluded, int count)
{
    const double wallS = double(end.m_ns - start.m_ns) / 1e9;
    if (cpus <= 0 || ticksPerSecond <= 0 || !(wallS > 0))
        return {};
    // A child that lived at the start and was reaped since adds its whole life to its parent's
    // cutime: what it had used by the start was before the run, and is taken off the parent.
    QHash<std::int64_t, std::uint64_t> counted;
    for (const Entry &s : start.m_entries) {
        const auto after =
            std::lower_bound(end.m_entries.begin(), end.m_entries.end(), s.pid,
                             [](const Entry &a, std::int64_t pid) { return a.pid < pid; });
        if (after == end.m_entries.end() || after->pid != s.pid ||
            after->startTicks != s.startTicks)
            counted[s.ppid] += s.cpuTicks;
    }
    std::vector<BusyProgram> out;
    for (const Entry &e : end.m_entries) {
        if (excluded.contains(e.pid))
            continue;
        const auto before =
            std::lower_bound(start.m_entries.begin(), start.m_entries.end(), e.pid,
                             [](const Entry &a, std::int64_t pid) { return a.pid < pid; });
        const bool same = before != start.m_entries.end() && before->pid == e.pid &&
                          before->startTicks == e.startTicks;
        const std::uint64_t from = same ? before->cpuTicks + counted.value(e.pid) : 0;
        if (e.cpuTicks <= from)
            continue;
        const double share =
            double(e.cpuTicks - from) / double(ticksPerSecond) / (wallS * double(cpus));
        out.push_back({e.name, e.pid, std::clamp(share, 0.0, 1.0)});
    }
    std::sort(out.begin(), out.end(), [](const BusyProgram &a, const BusyProgram &b) {
        return a.share != b.share ? a.share > b.share : a.pid < b.pid;
    });
    if (out.size() > std::size_t(std::max(0, count)))
        out.resize(std::size_t(std::max(0, count)));
    return out;
}

QJsonArray busyProgramsToJson(const std::vector<BusyProgram> &programs)
{
    QJsonArray array;
    for (const BusyProgram &p : programs) {
        array.append(QJsonObject{{QStringLiteral("name"), p.name},
                                 {QStringLiteral("pid"), double(p.pid)},
                                 {QStringLiteral("share"), p.share}});
    }
    return array;
}

std::vector<BusyProgram> busyProgramsFromJson(const QJsonArray &array)
{
    std::vector<BusyProgram> out;
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        const QJsonValue name = o.value(QStringLiteral("name"));
        const QJsonValue share = o.value(QStringLiteral("share"));
        if (!name.isString() || !share.isDouble() || !(share.toDouble() >= 0) ||
            share.toDouble() > 1)
            continue;
        out.push_back({name.toString(), std::int64_t(o.value(QStringLiteral("pid")).toDouble()),
                       share.toDouble()});
    }
    return out;
}

QString busyProgramsText(const std::vector<BusyProgram> &programs)
{
    QStringList parts;
    for (const BusyProgram &p : programs) {
        parts.append(QStringLiteral("%1 (pid %2) %3 %")
                         .arg(p.name)
                         .arg(p.pid)
                         .arg(std::lround(p.share * 100)));
    }
    return parts.join(QStringLiteral(", "));
}
