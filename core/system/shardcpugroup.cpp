// SPDX-License-Identifier: MIT
#include "core/system/shardcpugroup.h"

#include "core/system/systemlimits.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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
        const qint64 pid = name.mid(prefix.size()).toLongLong(&ok);
        if (ok && pid > 0 && !QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid)))
            ::rmdir(QFile::encodeName(dir.filePath(name)).constData());
    }
}

} // namespace

ShardCpuGroup &ShardCpuGroup::instance()
{
    static ShardCpuGroup group;
    return group;
}

ShardCpuGroup::ShardCpuGroup()
{
    make();
}

ShardCpuGroup::~ShardCpuGroup()
{
    if (m_folder.isEmpty())
        return;
    // Shard threads that ended a moment ago may still count as members until the kernel has
    // released them (EBUSY): a short wait, then the next process removes what is left.
    const QByteArray folder = QFile::encodeName(m_folder);
    for (int attempt = 0; attempt < 20 && ::rmdir(folder.constData()) != 0 && errno == EBUSY;
         ++attempt)
        ::usleep(10'000);
}

void ShardCpuGroup::make()
{
    const auto location =
        SystemLimits::cgroupOf(SystemLimits::readWhole(QStringLiteral("/proc/self/cgroup")),
                               QStringLiteral("/sys/fs/cgroup"), "cpu");
    if (!location) {
        m_why = QStringLiteral("this process is in no cpu cgroup");
        return;
    }
    QString parent = location->hierarchy + (location->path == u"/" ? QString() : location->path);
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
    const QString folder =
        parent + QLatin1Char('/') + QLatin1String(kPrefix) + QString::number(::getpid());
    if (::mkdir(QFile::encodeName(folder).constData(), 0755) != 0 && errno != EEXIST) {
        m_why = QStringLiteral("cannot create %1: %2")
                    .arg(folder, QString::fromLocal8Bit(strerror(errno)));
        return;
    }
    m_folder = folder;
    QString failed;
    if (location->v1) {
        failed =
            writeFile(folder + QStringLiteral("/cpu.shares"), QByteArray::number(kSharesV1) + '\n');
        if (failed.isEmpty())
            m_joinFile = folder + QStringLiteral("/tasks");
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
                               QByteArray::number(kWeightV2) + '\n');
        if (failed.isEmpty())
            m_joinFile = folder + QStringLiteral("/cgroup.threads");
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

QString ShardCpuGroup::pathOfThread(pid_t tid)
{
    const auto location = SystemLimits::cgroupOf(
        SystemLimits::readWhole(QStringLiteral("/proc/self/task/%1/cgroup").arg(tid)), QString(),
        "cpu");
    return location ? location->path : QString();
}
