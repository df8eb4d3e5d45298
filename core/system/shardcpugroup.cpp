// SPDX-License-Identifier: MIT
#include "core/system/shardcpugroup.h"

#include "core/system/systemlimits.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

namespace {

// One write(2) of `text` to a cgroup file: the kernel takes or refuses it whole. Empty when it
// took it, else why not.
QString writeFile(const QString &path, const QByteArray &text)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return QStringLiteral("cannot open %1: %2")
            .arg(path, QString::fromLocal8Bit(strerror(errno)));
    const ssize_t written = ::write(fd, text.constData(), static_cast<size_t>(text.size()));
    const int error = errno;
    ::close(fd);
    if (written == static_cast<ssize_t>(text.size()))
        return {};
    return QStringLiteral("cannot write \"%1\" to %2: %3")
        .arg(QString::fromLatin1(text.trimmed()), path, QString::fromLocal8Bit(strerror(error)));
}

// Groups named kPrefix + pid whose process is gone: left by a process that was killed.
void removeStaleGroups(const QString &parent)
{
    const QDir dir(parent);
    const QString prefix = QString::fromLatin1(ShardCpuGroup::kPrefix);
    for (const QString &name : dir.entryList({prefix + QLatin1Char('*')}, QDir::Dirs)) {
        bool ok = false;
        const qint64 pid = name.mid(prefix.size()).section(QLatin1Char('-'), 0, 0).toLongLong(&ok);
        if (ok && pid > 0 && !QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid)))
            ::rmdir(QFile::encodeName(dir.filePath(name)).constData());
    }
}

} // namespace

namespace {
std::atomic<const ShardCpuGroup *> g_window{nullptr}; // set once window() has made its group
// The process's own group's cgroup.procs, for leaveWindowInForkedChild(); empty without a window
// group. Written once, before g_window is published.
char g_windowLeaveProcs[4096] = {};
} // namespace

ShardCpuGroup &ShardCpuGroup::instance()
{
    static ShardCpuGroup group("", kSharesV1, kWeightV2);
    return group;
}

ShardCpuGroup &ShardCpuGroup::window()
{
    static ShardCpuGroup group("-window", kWindowSharesV1, kWindowWeightV2);
    [[maybe_unused]] static const bool published = [] {
        if (group.available()) {
            const QByteArray procs = QFile::encodeName(QFileInfo(group.m_leaveFile).path() +
                                                       QStringLiteral("/cgroup.procs"));
            if (procs.size() < qsizetype(sizeof(g_windowLeaveProcs)))
                std::memcpy(g_windowLeaveProcs, procs.constData(), std::size_t(procs.size()));
        }
        g_window.store(&group, std::memory_order_release);
        return true;
    }();
    return group;
}

const ShardCpuGroup *ShardCpuGroup::windowIfMade()
{
    return g_window.load(std::memory_order_acquire);
}

ShardCpuGroup::ShardCpuGroup(const char *suffix, int sharesV1, int weightV2)
{
    make(suffix, sharesV1, weightV2);
}

ShardCpuGroup::~ShardCpuGroup()
{
    if (m_folder.isEmpty())
        return;
    // The thread that ends the process may be a member (the window's thread is). Shard threads
    // that ended a moment ago may still count as members until the kernel has released them
    // (EBUSY): a short wait, then the next process removes what is left.
    leaveThisThread();
    const QByteArray folder = QFile::encodeName(m_folder);
    for (int attempt = 0; attempt < 20 && ::rmdir(folder.constData()) != 0 && errno == EBUSY;
         ++attempt)
        ::usleep(10'000);
}

void ShardCpuGroup::make(const char *suffix, int sharesV1, int weightV2)
{
    const auto location =
        SystemLimits::cgroupOf(SystemLimits::readWhole(QStringLiteral("/proc/self/cgroup")),
                               QStringLiteral("/sys/fs/cgroup"), "cpu");
    if (!location) {
        m_why = QStringLiteral("this process is in no cpu cgroup");
        return;
    }
    // /proc/self/cgroup is the main thread's: in the app, the window's group. Both groups are
    // made beside each other in the process's own.
    QString path = location->path;
    const QString window = QLatin1Char('/') + QLatin1String(kPrefix) + QString::number(::getpid()) +
                           QStringLiteral("-window");
    if (path.endsWith(window))
        path.chop(window.size());
    QString parent = location->hierarchy + (path.isEmpty() || path == u"/" ? QString() : path);
    // Inside a container the path may name a folder that is not mounted there: the mount's root
    // is then the container's own cgroup.
    if (!QFileInfo(parent).isDir())
        parent = location->hierarchy;
    if (!location->v1 && !SystemLimits::readWhole(parent + QStringLiteral("/cgroup.controllers"))
                              .simplified()
                              .split(' ')
                              .contains("cpu")) {
        m_why = QStringLiteral("the cpu controller is not available in %1").arg(parent);
        return;
    }
    removeStaleGroups(parent);
    const QString folder = parent + QLatin1Char('/') + QLatin1String(kPrefix) +
                           QString::number(::getpid()) + QLatin1String(suffix);
    if (::mkdir(QFile::encodeName(folder).constData(), 0755) != 0 && errno != EEXIST) {
        m_why = QStringLiteral("cannot create %1: %2")
                    .arg(folder, QString::fromLocal8Bit(strerror(errno)));
        return;
    }
    m_folder = folder;
    QString failed;
    if (location->v1) {
        failed =
            writeFile(folder + QStringLiteral("/cpu.shares"), QByteArray::number(sharesV1) + '\n');
        if (failed.isEmpty()) {
            m_joinFile = folder + QStringLiteral("/tasks");
            m_leaveFile = parent + QStringLiteral("/tasks");
        }
    } else {
        // Threads of one process may sit in different groups only in a threaded subtree: the
        // new group turns threaded (its parent becomes a threaded domain), then gets the cpu
        // controller and its weight.
        failed = writeFile(folder + QStringLiteral("/cgroup.type"), "threaded\n");
        if (failed.isEmpty() &&
            !SystemLimits::readWhole(parent + QStringLiteral("/cgroup.subtree_control"))
                 .contains("cpu"))
            failed = writeFile(parent + QStringLiteral("/cgroup.subtree_control"), "+cpu\n");
        if (failed.isEmpty())
            failed = writeFile(folder + QStringLiteral("/cpu.weight"),
                               QByteArray::number(weightV2) + '\n');
        if (failed.isEmpty()) {
            m_joinFile = folder + QStringLiteral("/cgroup.threads");
            m_leaveFile = parent + QStringLiteral("/cgroup.threads");
        }
    }
    if (!failed.isEmpty()) {
        m_why = failed;
        ::rmdir(QFile::encodeName(folder).constData());
        m_folder.clear();
    }
}

bool ShardCpuGroup::joinThisThread() const
{
    return available() &&
           writeFile(m_joinFile, QByteArray::number(static_cast<qint64>(::gettid())) + '\n')
               .isEmpty();
}

bool ShardCpuGroup::leaveThisThread() const
{
    return available() &&
           writeFile(m_leaveFile, QByteArray::number(static_cast<qint64>(::gettid())) + '\n')
               .isEmpty();
}

void ShardCpuGroup::leaveWindowInForkedChild() noexcept
{
    if (g_windowLeaveProcs[0] == 0)
        return;
    const int fd = ::open(g_windowLeaveProcs, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    // "0": the writing process itself.
    [[maybe_unused]] const ssize_t written = ::write(fd, "0\n", 2);
    ::close(fd);
}

QString ShardCpuGroup::pathOfThread(pid_t tid)
{
    const auto location = SystemLimits::cgroupOf(
        SystemLimits::readWhole(QStringLiteral("/proc/self/task/%1/cgroup").arg(tid)), QString(),
        "cpu");
    return location ? location->path : QString();
}
