// SPDX-License-Identifier: MIT
#include "core/report/reportfile.h"

#include "core/base/nativepath.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QStorageInfo>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

namespace {

QString why(int savedErrno)
{
    return QString::fromLocal8Bit(std::strerror(savedErrno));
}

QString prefix(const ReportFile &f)
{
    return f.option.isEmpty() ? QString() : f.option + QStringLiteral(": ");
}

QString streamName(int fd)
{
    return fd == STDERR_FILENO ? QStringLiteral("standard error")
                               : QStringLiteral("standard output");
}

QByteArray dirOf(const QByteArray &path)
{
    const qsizetype slash = path.lastIndexOf('/');
    return slash <= 0 ? QByteArray(slash == 0 ? "/" : ".") : path.left(slash);
}

QByteArray baseOf(const QByteArray &path)
{
    return path.mid(path.lastIndexOf('/') + 1);
}

// The file a write to `path` lands in, as the shell's `> path` finds it: symlinks are followed,
// including one that points to a file not yet there (the shell creates it).
QByteArray followLinks(QByteArray path)
{
    for (int hops = 0; hops < 40; ++hops) { // 40: the kernel's own limit (ELOOP)
        struct stat st
        {};
        if (::lstat(path.constData(), &st) != 0 || !S_ISLNK(st.st_mode))
            break;
        QByteArray target(PATH_MAX, '\0');
        const ssize_t n = ::readlink(path.constData(), target.data(), target.size());
        if (n <= 0)
            break;
        target.truncate(n);
        path = target.startsWith('/') ? target : dirOf(path) + '/' + target;
    }
    return path;
}

// A target, resolved: a stream of this process, or the regular file the write replaces.
struct Target
{
    int stream = -1;
    QByteArray file;   // symlinks followed
    QByteArray folder; // where its temporary goes: beside the file, on its file system
    QString key;       // the same for two spellings of one file
    bool exists = false;
    struct stat st
    {};
};

Target resolve(const QString &path)
{
    Target t;
    t.stream = reportStream(path);
    if (t.stream >= 0) {
        t.key = QStringLiteral("fd:%1").arg(t.stream);
        return t;
    }
    t.file = followLinks(encodeNativePath(absoluteNativePath(path)));
    t.folder = dirOf(t.file);
    t.exists = ::stat(t.file.constData(), &t.st) == 0;
    // The nearest folder that exists, with its links resolved, and the rest as spelled.
    QByteArray rest = '/' + baseOf(t.file);
    QByteArray folder = t.folder;
    char real[PATH_MAX];
    while (!::realpath(folder.constData(), real) && folder != "/") {
        rest.prepend('/' + baseOf(folder));
        folder = dirOf(folder);
    }
    t.key = QDir::cleanPath(decodeNativePath(QByteArray(real) + rest));
    return t;
}

// The folders on the way to `folder` that do not exist yet, outermost first.
QStringList missingFolders(const QString &folder)
{
    QStringList missing;
    QString f = absoluteNativePath(folder);
    struct stat st
    {};
    while (f != u"/" && ::lstat(encodeNativePath(f).constData(), &st) != 0 && errno == ENOENT) {
        missing.prepend(f);
        const qsizetype slash = f.lastIndexOf(QLatin1Char('/'));
        f = slash <= 0 ? QStringLiteral("/") : f.left(slash);
    }
    return missing;
}

// Why `folder` cannot be created, or empty: the nearest existing ancestor must be a folder.
QString folderProblem(const QString &folder)
{
    QString f = absoluteNativePath(folder);
    struct stat st
    {};
    while (::stat(encodeNativePath(f).constData(), &st) != 0) {
        if (errno != ENOENT)
            return why(errno);
        const qsizetype slash = f.lastIndexOf(QLatin1Char('/'));
        if (slash < 0)
            return QString();
        f = slash == 0 ? QStringLiteral("/") : f.left(slash);
    }
    if (!S_ISDIR(st.st_mode))
        return why(ENOTDIR);
    // The folder that would get the new one must let this user write (read-only file system,
    // permissions): known before the run, not after it.
    if (::access(encodeNativePath(f).constData(), W_OK | X_OK) != 0)
        return why(errno);
    return QString();
}

// The pid holding a flock on (dev, ino), read from /proc/locks; 0 if not found.
qint64 lockHolder(const struct stat &st)
{
    QFile locks(QStringLiteral("/proc/locks"));
    if (!locks.open(QIODevice::ReadOnly | QIODevice::Text))
        return 0;
    // "1: FLOCK  ADVISORY  WRITE 4242 fd:01:131090 0 EOF"
    const QByteArray id = QByteArray::number(major(st.st_dev), 16).rightJustified(2, '0') + ':' +
                          QByteArray::number(minor(st.st_dev), 16).rightJustified(2, '0') + ':' +
                          QByteArray::number(qulonglong(st.st_ino));
    for (const QByteArray &line : locks.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() >= 6 && fields[1] == "FLOCK" && fields[5] == id)
            return fields[4].toLongLong();
    }
    return 0;
}

QString formatSize(qint64 bytes)
{
    // KB below 10 MB, so that a small set never reads "0 MB".
    if (bytes < 10 * 1024 * 1024)
        return QStringLiteral("%1 KB").arg((bytes + 1023) / 1024);
    return QStringLiteral("%1 MB").arg((bytes + 1024 * 1024 - 1) / (1024 * 1024));
}

mode_t newFileMode()
{
    // The umask without umask(2), which would change it for every thread for a moment.
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("Umask:"))
                return 0666 & ~mode_t(line.mid(6).trimmed().toUInt(nullptr, 8));
        }
    }
    return 0644;
}

// A file name cut so that a suffix of up to 50 bytes keeps it within NAME_MAX (255): a target
// whose name is already 250 bytes long still gets its temporary and its previous version.
QByteArray fitName(const QByteArray &name)
{
    return name.left(200);
}

// A write interrupted by a signal goes on, unless the signal cancelled the set: a stream nobody
// reads (a full pipe) must not outlast Ctrl-C.
bool writeAll(int fd, const QByteArray &bytes, int *savedErrno,
              const std::atomic<bool> *cancel = nullptr)
{
    const char *p = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        // A signal during a write that had already moved some bytes ends it short, not EINTR.
        if (cancel && cancel->load()) {
            *savedErrno = EINTR;
            return false;
        }
        const ssize_t n = ::write(fd, p, size_t(left));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            *savedErrno = n < 0 ? errno : EIO;
            return false;
        }
        p += n;
        left -= n;
    }
    return true;
}

// Writes `bytes` to a new temporary file in `folder` named after `name`; returns its path, or
// empty with `*savedErrno` set (and nothing left behind).
QByteArray writeTemporary(const QByteArray &folder, const QByteArray &name, const QByteArray &bytes,
                          mode_t mode, int *savedErrno)
{
    QByteArray path = folder + "/." + fitName(name) + ".loopbench-XXXXXX";
    const int fd = ::mkostemp(path.data(), O_CLOEXEC);
    if (fd < 0) {
        *savedErrno = errno;
        return {};
    }
    // fdatasync: the rename must never publish a file whose blocks are not on the disk yet.
    const bool ok = ::fchmod(fd, mode) == 0 && writeAll(fd, bytes, savedErrno) &&
                    (::fdatasync(fd) == 0 || errno == EINVAL || (*savedErrno = errno, false));
    if (!ok && *savedErrno == 0)
        *savedErrno = errno;
    if (::close(fd) != 0 && ok) {
        *savedErrno = errno;
        ::unlink(path.constData());
        return {};
    }
    if (!ok) {
        ::unlink(path.constData());
        return {};
    }
    return path;
}

// The set with every file whose folder is one of the set's own folders marked so: `--json
// d/report.json --csv d` writes the JSON into the folder the CSV set creates.
QList<ReportFile> withOwnFolders(QList<ReportFile> files)
{
    QStringList own;
    for (const ReportFile &f : std::as_const(files)) {
        if (f.ownFolder)
            own.append(folderOfPath(absoluteNativePath(f.path)));
    }
    for (ReportFile &f : files) {
        if (!f.ownFolder && own.contains(folderOfPath(absoluteNativePath(f.path))))
            f.ownFolder = true;
    }
    return files;
}

} // namespace

int reportStream(const QString &path)
{
    if (path == QLatin1String("-"))
        return STDOUT_FILENO;
    struct stat target
    {};
    if (::stat(encodeNativePath(path).constData(), &target) != 0)
        return -1;
    for (const int fd : {STDOUT_FILENO, STDERR_FILENO}) {
        struct stat open
        {};
        if (::fstat(fd, &open) == 0 && open.st_dev == target.st_dev && open.st_ino == target.st_ino)
            return fd;
    }
    return -1;
}

std::optional<QString> checkReportSet(const QList<ReportFile> &set)
{
    const QList<ReportFile> files = withOwnFolders(set);
    // Two reports in one file first: of all problems, the one that names both options.
    QList<Target> targets;
    QHash<QString, qsizetype> seen;
    for (qsizetype i = 0; i < files.size(); ++i) {
        const ReportFile &f = files[i];
        targets.append(resolve(f.path));
        if (const auto other = seen.constFind(targets.last().key); other != seen.cend()) {
            const ReportFile &first = files[*other];
            if (first.option == f.option)
                return prefix(f) + QStringLiteral("%1 is written twice").arg(f.path);
            return QStringLiteral("%1 and %2 both write to %3: give each report its own file")
                .arg(first.option, f.option, first.path);
        }
        seen.insert(targets.last().key, i);
    }
    for (qsizetype i = 0; i < files.size(); ++i) {
        const ReportFile &f = files[i];
        const Target &t = targets[i];
        if (t.stream >= 0)
            continue;
        const QString cannotWrite = prefix(f) + QStringLiteral("cannot write %1: ").arg(f.path);
        // Renaming a temporary over a device or FIFO would replace the node itself.
        if (t.exists && !S_ISREG(t.st.st_mode))
            return cannotWrite + QStringLiteral("not a regular file");
        if (f.ownFolder) {
            const QString folder = folderOfPath(f.path);
            if (const QString problem = folderProblem(folder); !problem.isEmpty())
                return prefix(f) +
                       QStringLiteral("cannot create folder %1: %2").arg(folder, problem);
            continue;
        }
        struct stat folder
        {};
        if (::stat(t.folder.constData(), &folder) != 0)
            return cannotWrite + why(errno);
        if (!S_ISDIR(folder.st_mode))
            return cannotWrite + why(ENOTDIR);
        // A temporary is created in the folder and renamed: the folder must be writable, even
        // when the file itself is (EACCES, EROFS before the run, not after it).
        if (::access(t.folder.constData(), W_OK | X_OK) != 0)
            return cannotWrite + why(errno);
    }
    return std::nullopt;
}

QString reportTargetPath(const QString &path)
{
    const Target t = resolve(path);
    return t.stream >= 0 ? QString() : decodeNativePath(t.file);
}

bool writeReport(const QString &path, const QByteArray &bytes, QString *error)
{
    return writeReportSet({ReportFile{path, bytes, {}, false}}, nullptr, nullptr, error);
}

bool writeReportSet(const QList<ReportFile> &set, const std::atomic<bool> *cancel,
                    QStringList *written, QString *error)
{
    const QList<ReportFile> files = withOwnFolders(set);
    QString message;
    QStringList createdFolders; // outermost first
    QList<int> locks;
    QList<QByteArray> temporaries; // per file; empty for a stream
    QList<QByteArray> previous;    // per file: a hard link to the content it replaced
    QList<Target> targets;

    // Undoes everything but the renames: the temporaries, the links, the locks, the folders.
    auto cleanUp = [&] {
        for (const QByteArray &t : std::as_const(temporaries)) {
            if (!t.isEmpty())
                ::unlink(t.constData());
        }
        for (const QByteArray &p : std::as_const(previous)) {
            if (!p.isEmpty())
                ::unlink(p.constData());
        }
        for (const int fd : std::as_const(locks))
            ::close(fd); // releases the flock
        for (qsizetype i = createdFolders.size() - 1; i >= 0; --i)
            ::rmdir(encodeNativePath(createdFolders[i]).constData());
        if (error)
            *error = message;
        return false;
    };
    auto cancelled = [&] {
        if (!cancel || !cancel->load())
            return false;
        message = QStringLiteral("export cancelled: nothing was written");
        return true;
    };
    if (cancelled())
        return cleanUp();
    if (const auto problem = checkReportSet(files)) {
        message = *problem;
        return cleanUp();
    }

    // The set's own folders: created, then locked, before anything is written into them.
    QHash<QString, bool> ownFolders;
    for (const ReportFile &f : files) {
        if (!f.ownFolder || reportStream(f.path) >= 0)
            continue;
        const QString folder = folderOfPath(absoluteNativePath(f.path));
        if (ownFolders.contains(folder))
            continue;
        ownFolders.insert(folder, true);
        for (const QString &missing : missingFolders(folder)) {
            if (::mkdir(encodeNativePath(missing).constData(), 0777) != 0) {
                message = prefix(f) + QStringLiteral("cannot create folder %1: %2")
                                          .arg(folderOfPath(f.path), why(errno));
                return cleanUp();
            }
            createdFolders.append(missing);
        }
        const int fd =
            ::open(encodeNativePath(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0) {
            message =
                prefix(f) +
                QStringLiteral("cannot open folder %1: %2").arg(folderOfPath(f.path), why(errno));
            return cleanUp();
        }
        locks.append(fd);
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            const int savedErrno = errno;
            struct stat st
            {};
            const qint64 pid = ::fstat(fd, &st) == 0 ? lockHolder(st) : 0;
            if (savedErrno == EWOULDBLOCK) {
                message = prefix(f) +
                          QStringLiteral("folder %1 is being written by another LoopBench")
                              .arg(folderOfPath(f.path)) +
                          (pid > 0 ? QStringLiteral(" (pid %1)").arg(pid) : QString());
            } else {
                message = prefix(f) + QStringLiteral("cannot lock folder %1: %2")
                                          .arg(folderOfPath(f.path), why(savedErrno));
            }
            return cleanUp();
        }
    }

    // Free space per file system, for the whole set: the old files stay until the renames.
    struct Need
    {
        QString folder;
        qint64 bytes = 0;
        qint64 available = -1;
    };
    QHash<dev_t, Need> perFileSystem;
    for (const ReportFile &f : files) {
        targets.append(resolve(f.path));
        const Target &t = targets.last();
        if (t.stream >= 0)
            continue;
        struct stat folder
        {};
        struct statvfs fs
        {};
        // A file system that counts no blocks (/proc) says nothing about space: the write will.
        if (::stat(t.folder.constData(), &folder) != 0 ||
            ::statvfs(t.folder.constData(), &fs) != 0 || fs.f_blocks == 0)
            continue;
        Need &need = perFileSystem[folder.st_dev];
        if (need.folder.isEmpty())
            need = {decodeNativePath(t.folder), 0, qint64(fs.f_bavail) * qint64(fs.f_frsize)};
        need.bytes += f.bytes.size();
    }
    for (const Need &need : std::as_const(perFileSystem)) {
        if (need.available >= 0 && need.available < need.bytes) {
            const QStorageInfo storage(need.folder);
            message =
                QStringLiteral("the reports need %1 on %2 (%3), %4 free")
                    .arg(formatSize(need.bytes), storage.rootPath(),
                         QString::fromUtf8(storage.fileSystemType()), formatSize(need.available));
            return cleanUp();
        }
    }

    // Every file to a temporary beside its target.
    const mode_t mode = newFileMode();
    for (qsizetype i = 0; i < files.size(); ++i) {
        if (cancelled())
            return cleanUp();
        const Target &t = targets[i];
        if (t.stream >= 0) {
            temporaries.append(QByteArray());
            continue;
        }
        int savedErrno = 0;
        // A replaced file keeps its permissions, as with the shell's `>`.
        const QByteArray tmp = writeTemporary(t.folder, baseOf(t.file), files[i].bytes,
                                              t.exists ? t.st.st_mode & 07777 : mode, &savedErrno);
        if (tmp.isEmpty()) {
            message = prefix(files[i]) +
                      QStringLiteral("cannot write %1: %2").arg(files[i].path, why(savedErrno));
            return cleanUp();
        }
        temporaries.append(tmp);
    }
    if (cancelled())
        return cleanUp();
    // The streams last but one: a refusal above has streamed nothing, and a failed stream
    // has replaced nothing.
    for (qsizetype i = 0; i < files.size(); ++i) {
        if (targets[i].stream < 0)
            continue;
        int savedErrno = 0;
        if (!writeAll(targets[i].stream, files[i].bytes, &savedErrno, cancel)) {
            message = prefix(files[i]) + QStringLiteral("cannot write to %1: %2")
                                             .arg(streamName(targets[i].stream), why(savedErrno));
            return cleanUp();
        }
    }

    // Each replaced file keeps its content under a second name (a hard link: no copy, and the
    // replacement is a new inode) until every rename is done, so that a failed rename puts
    // every earlier one back.
    for (qsizetype i = 0; i < files.size(); ++i) {
        const Target &t = targets[i];
        previous.append(QByteArray());
        if (t.stream >= 0 || !t.exists)
            continue;
        const QByteArray base = t.folder + '/' + fitName(baseOf(t.file)) + ".loopbench-previous";
        QByteArray name = base;
        // A file of that name that is not ours is left alone: try the next name.
        for (int n = 1; ::link(t.file.constData(), name.constData()) != 0; ++n) {
            if (errno != EEXIST || n > 100) {
                message = prefix(files[i]) + QStringLiteral("cannot write %1: cannot keep its "
                                                            "previous version: %2")
                                                 .arg(files[i].path, why(errno));
                return cleanUp();
            }
            name = base + '-' + QByteArray::number(n);
        }
        previous.last() = name;
    }
    for (qsizetype i = 0; i < files.size(); ++i) {
        const Target &t = targets[i];
        if (t.stream >= 0)
            continue;
        if (::rename(temporaries[i].constData(), t.file.constData()) != 0) {
            message = prefix(files[i]) +
                      QStringLiteral("cannot write %1: %2").arg(files[i].path, why(errno));
            for (qsizetype j = 0; j < i; ++j) {
                if (targets[j].stream >= 0)
                    continue;
                temporaries[j].clear(); // renamed already
                if (previous[j].isEmpty()) {
                    ::unlink(targets[j].file.constData());
                } else if (::rename(previous[j].constData(), targets[j].file.constData()) != 0) {
                    // Never lose it: the old content stays under its second name.
                    message += QStringLiteral("; the previous %1 is kept as %2")
                                   .arg(files[j].path, decodeNativePath(previous[j]));
                }
                previous[j].clear(); // renamed back, or kept
            }
            return cleanUp();
        }
    }
    for (const QByteArray &p : std::as_const(previous)) {
        if (!p.isEmpty())
            ::unlink(p.constData());
    }
    for (const int fd : std::as_const(locks))
        ::close(fd);
    if (written) {
        for (const ReportFile &f : files)
            written->append(f.path);
    }
    return true;
}
