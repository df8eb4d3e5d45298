// SPDX-License-Identifier: MIT
#include "core/store/storefault.h"

#include "core/system/systemlimits.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>

#include <cerrno>
#include <climits>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace {

// SQLite's primary result codes (sqlite3.h), for the failures told apart here.
constexpr int kSqlitePerm = 3;
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteIoErr = 10;
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteFull = 13;
constexpr int kSqliteCantOpen = 14;
constexpr int kSqliteNotADb = 26;

QString kindOf(mode_t mode)
{
    if (S_ISDIR(mode))
        return QStringLiteral("a folder");
    if (S_ISCHR(mode))
        return QStringLiteral("a character device");
    if (S_ISBLK(mode))
        return QStringLiteral("a block device");
    if (S_ISFIFO(mode))
        return QStringLiteral("a FIFO");
    if (S_ISSOCK(mode))
        return QStringLiteral("a socket");
    return QStringLiteral("not a regular file");
}

// The file SQLite opens for `path`: it follows symbolic links and keeps its log and shared index
// beside the target, on the target's filesystem. Empty for a loop of links.
QString followLinks(const QString &path)
{
    QString file = QFileInfo(path).absoluteFilePath();
    for (int hops = 0; hops < 40; ++hops) {
        struct stat st
        {};
        const QByteArray name = QFile::encodeName(file);
        if (::lstat(name.constData(), &st) != 0 || !S_ISLNK(st.st_mode))
            return file;
        QByteArray target(PATH_MAX, '\0');
        const ssize_t length = ::readlink(name.constData(), target.data(), target.size());
        if (length <= 0)
            return file;
        target.truncate(length);
        const QString next = QFile::decodeName(target);
        file = QFileInfo(next).isAbsolute()
                   ? QDir::cleanPath(next)
                   : QDir::cleanPath(QFileInfo(file).absolutePath() + QLatin1Char('/') + next);
    }
    return {};
}

QString kib(qint64 bytes)
{
    return QStringLiteral("%1 KiB").arg(bytes / 1024);
}

QString folderOf(const QString &path)
{
    return QFileInfo(path).absolutePath();
}

// The bytes this process may still write on the filesystem holding `folder` (root may use the
// blocks reserved for it), -1 when unknown or when it has no blocks at all (/proc, /sys: not a
// full disk but no disk).
qint64 freeBytes(const QString &folder)
{
    struct statvfs fs
    {};
    if (::statvfs(QFile::encodeName(folder).constData(), &fs) != 0 || fs.f_blocks == 0)
        return -1;
    const auto blocks = ::geteuid() == 0 ? fs.f_bfree : fs.f_bavail;
    return static_cast<qint64>(blocks) * static_cast<qint64>(fs.f_frsize);
}

// Why `path` (or, when it does not exist, its folder) cannot be written, from the system.
QString readOnlyReason(const QString &path)
{
    const QByteArray file = QFile::encodeName(path);
    const QString folder = folderOf(path);
    struct statvfs fs
    {};
    if (::statvfs(QFile::encodeName(folder).constData(), &fs) == 0 && (fs.f_flag & ST_RDONLY))
        return QStringLiteral("%1 is on a read-only filesystem").arg(path);
    struct stat st
    {};
    if (::stat(file.constData(), &st) == 0 && ::access(file.constData(), W_OK) != 0)
        return errno == EROFS ? QStringLiteral("%1 is on a read-only filesystem").arg(path)
                              : QStringLiteral("%1 is read-only").arg(path);
    // SQLite writes its log and shared index beside the file.
    if (::access(QFile::encodeName(folder).constData(), W_OK | X_OK) != 0)
        return errno == EROFS ? QStringLiteral("%1 is on a read-only filesystem").arg(path)
                              : QStringLiteral("its folder %1 is read-only").arg(folder);
    return {};
}

QString fullReason(const QString &path)
{
    const qint64 free = freeBytes(folderOf(path));
    if (free >= 0 && free < StoreFault::kMinFreeBytes)
        return QStringLiteral("the disk holding %1 is full (%2 free)").arg(path, kib(free));
    // A write over `ulimit -f` fails with EFBIG, which SQLite reports as an I/O error.
    struct rlimit limit
    {};
    if (::getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
        for (const QString &file : {path, path + QStringLiteral("-wal")}) {
            const qint64 size = QFileInfo(file).size();
            if (size > 0 && static_cast<rlim_t>(size) + 65536 > limit.rlim_cur)
                return QStringLiteral("%1 has reached the file size limit (ulimit -f, %2)")
                    .arg(file, kib(static_cast<qint64>(limit.rlim_cur)));
        }
    }
    return {};
}

} // namespace

namespace StoreFault {

QString sqliteText(const QSqlError &error)
{
    // SQLite's own words ("file is not a database"), without the driver's "Unable to fetch row".
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

int code(const QSqlError &error)
{
    bool ok = false;
    const int extended = error.nativeErrorCode().toInt(&ok);
    return ok ? (extended & 0xff) : 0;
}

bool isBusy(const QSqlError &error)
{
    const int c = code(error);
    return c == kSqliteBusy || c == kSqliteLocked;
}

bool isCorrupt(const QSqlError &error)
{
    const int c = code(error);
    return c == kSqliteCorrupt || c == kSqliteNotADb;
}

QString obstacle(const QString &path)
{
    const QString file = followLinks(path);
    if (file.isEmpty())
        return QStringLiteral("%1 is a loop of symbolic links: the history needs a regular file")
            .arg(path);
    if (!QFileInfo(folderOf(file)).isDir())
        return QStringLiteral("%1 is a link to %2, whose folder does not exist").arg(path, file);
    struct stat st
    {};
    // The target, not the link: a link to a regular file is a store; a link to /dev/null is not.
    if (::stat(QFile::encodeName(file).constData(), &st) == 0 && !S_ISREG(st.st_mode))
        return QStringLiteral("%1 is %2, not a file: the history needs a regular file")
            .arg(path, kindOf(st.st_mode));
    // SQLite opens its log and shared index beside the file and would read a FIFO or a device
    // there as its own (and delete it when it closes).
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (::lstat(QFile::encodeName(file + suffix).constData(), &st) == 0 && !S_ISREG(st.st_mode))
            return QStringLiteral("%1 is %2, not a file: SQLite keeps the store's %3 there")
                .arg(file + suffix,
                     S_ISLNK(st.st_mode) ? QStringLiteral("a symbolic link") : kindOf(st.st_mode),
                     suffix == QLatin1String("-wal") ? QStringLiteral("write-ahead log")
                                                     : QStringLiteral("shared index"));
    }
    if (QString why = readOnlyReason(file); !why.isEmpty())
        return why;
    return fullReason(file);
}

QStringList lockHolders(const QString &path)
{
    struct Id
    {
        unsigned major;
        unsigned minor;
        unsigned long long inode;
    };
    QList<Id> files;
    for (const QString &file : {path, path + QStringLiteral("-shm")}) {
        struct stat st
        {};
        if (::stat(QFile::encodeName(file).constData(), &st) == 0)
            files.append({::major(st.st_dev), ::minor(st.st_dev),
                          static_cast<unsigned long long>(st.st_ino)});
    }
    QStringList holders;
    const QByteArray own = QByteArray::number(::getpid());
    // "1: POSIX  ADVISORY  WRITE 812 08:01:1234 1073741824 1073741825"; a waiter's line has "->"
    // after the number, an open file description lock has pid -1.
    for (const QByteArray &line :
         SystemLimits::readWhole(QStringLiteral("/proc/locks")).split('\n')) {
        QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 6 || fields.value(1) == "->")
            continue;
        const QByteArray pid = fields[4];
        const QList<QByteArray> id = fields[5].split(':');
        if (pid == own || pid.startsWith('-') || id.size() != 3)
            continue;
        bool ok = true;
        const unsigned major = id[0].toUInt(&ok, 16);
        const unsigned minor = ok ? id[1].toUInt(&ok, 16) : 0;
        const unsigned long long inode = ok ? id[2].toULongLong(&ok) : 0;
        if (!ok)
            continue;
        for (const Id &f : files) {
            if (f.major != major || f.minor != minor || f.inode != inode)
                continue;
            const QString name = QString::fromLocal8Bit(
                SystemLimits::readWhole(
                    QStringLiteral("/proc/%1/comm").arg(QString::fromLatin1(pid)))
                    .trimmed());
            const QString holder = name.isEmpty() ? QStringLiteral("pid %1").arg(pid)
                                                  : QStringLiteral("pid %1, %2").arg(pid, name);
            if (!holders.contains(holder))
                holders.append(holder);
        }
    }
    return holders;
}

QString explain(const QSqlError &error, const QString &given)
{
    const int c = code(error);
    // The filesystem and folder that matter are the link's target's.
    const QString followed = followLinks(given);
    const QString path = followed.isEmpty() ? given : followed;
    if (c == kSqliteBusy || c == kSqliteLocked) {
        const QStringList holders = lockHolders(path);
        return QStringLiteral("%1 is locked by another process%2 for longer than %3 s")
            .arg(path,
                 holders.isEmpty()
                     ? QString()
                     : QStringLiteral(" (%1)").arg(holders.join(QStringLiteral("; "))),
                 QString::number(kBusyTimeoutMs / 1000));
    }
    if (c == kSqliteFull || c == kSqliteIoErr) {
        if (QString why = fullReason(path); !why.isEmpty())
            return why;
        if (c == kSqliteFull)
            return QStringLiteral("the disk holding %1 is full").arg(path);
    }
    if (c == kSqliteReadOnly || c == kSqlitePerm || c == kSqliteCantOpen || c == kSqliteIoErr) {
        if (QString why = readOnlyReason(path); !why.isEmpty())
            return why;
    }
    return QStringLiteral("cannot use %1: %2").arg(given, sqliteText(error));
}

} // namespace StoreFault
