// SPDX-License-Identifier: MIT
#include "core/report/reportfile.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>
#include <QStorageInfo>

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace {

// QSaveFile reports some failures (a full disk at commit) as "Unknown error"; errno still says
// what happened.
QString reason(const QFileDevice &file, int savedErrno)
{
    const QString text = file.errorString();
    if (savedErrno != 0 && (text.isEmpty() || text == QLatin1String("Unknown error")))
        return QString::fromLocal8Bit(std::strerror(savedErrno));
    return text;
}

} // namespace

bool writeReport(const QString &path, const QByteArray &bytes, QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, why);
        return false;
    };
    if (path == QLatin1String("-")) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || out.write(bytes) != bytes.size()) {
            if (error)
                *error = QStringLiteral("cannot write to standard output");
            return false;
        }
        return true;
    }
    // QSaveFile writes a temporary file beside the target and renames it over the target. Over a
    // device, a FIFO or a directory that would replace the node itself (as root, /dev/full would
    // become a regular file): refuse anything that exists and is not a regular file.
    const QFileInfo info(path);
    if (info.exists() && !info.isFile())
        return fail(QStringLiteral("not a regular file"));

    QSaveFile file(path);
    // Unbuffered: Qt 6.4's QSaveFile::commit() does not notice when the final flush of its write
    // buffer fails, so a full disk would leave a truncated report and report success (seen on a
    // 4 KiB tmpfs). Writing straight through makes write() itself fail.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return fail(reason(file, errno));
    errno = 0;
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        const QString why = reason(file, errno); // before cancelWriting() replaces the error
        file.cancelWriting();
        return fail(why);
    }
    errno = 0;
    if (!file.commit()) // the temporary file is removed: no partial report is left
        return fail(reason(file, errno));
    return true;
}

bool writeReportSet(const QList<ReportFile> &files, const std::atomic<bool> *cancel,
                    QStringList *written, QString *error)
{
    auto cancelled = [&] {
        if (!cancel || !cancel->load())
            return false;
        if (error)
            *error = QStringLiteral("export cancelled: nothing was written");
        return true;
    };
    if (cancelled())
        return false;
    // Free space is per file system, so files in two folders of one disk are added up.
    struct Need
    {
        QString folder; // named in the message
        qint64 bytes = 0;
        qint64 available = -1;
    };
    QHash<QString, Need> perFileSystem;
    for (const ReportFile &f : files) {
        if (f.path == QLatin1String("-"))
            continue;
        const QString folder = QFileInfo(f.path).absolutePath();
        const QStorageInfo storage(folder);
        if (!storage.isValid())
            continue;
        Need &need = perFileSystem[storage.rootPath()];
        if (need.folder.isEmpty())
            need = {folder, 0, storage.bytesAvailable()};
        need.bytes += f.bytes.size();
    }
    for (const Need &need : std::as_const(perFileSystem)) {
        if (need.available >= 0 && need.available < need.bytes) {
            if (error)
                *error = QStringLiteral("cannot write %1: %2 KB needed, %3 KB free")
                             .arg(need.folder)
                             .arg((need.bytes + 1023) / 1024)
                             .arg(need.available / 1024);
            return false;
        }
    }
    // A file the set replaces keeps its previous content under a second name (a hard link: no
    // copy, and the replacement is a new inode) until the whole set is written, so that a
    // rollback restores it instead of deleting a file that existed before the command.
    struct Done
    {
        QString path;
        QString previous; // empty when the file did not exist before
    };
    QList<Done> done;
    auto rollBack = [&] {
        for (const Done &d : std::as_const(done)) {
            if (d.previous.isEmpty())
                QFile::remove(d.path);
            else
                std::rename(QFile::encodeName(d.previous), QFile::encodeName(d.path));
        }
        return false;
    };
    for (const ReportFile &f : files) {
        if (cancelled())
            return rollBack();
        QString previous;
        if (f.path != QLatin1String("-") && QFileInfo(f.path).isFile()) {
            previous = f.path + QStringLiteral(".loopbench-previous");
            QFile::remove(previous);
            if (::link(QFile::encodeName(f.path), QFile::encodeName(previous)) != 0 &&
                !QFile::copy(f.path, previous)) {
                if (error)
                    *error = QStringLiteral("cannot write %1: cannot keep its previous version")
                                 .arg(f.path);
                return rollBack();
            }
        }
        if (!writeReport(f.path, f.bytes, error)) {
            if (!previous.isEmpty())
                QFile::remove(previous); // writeReport() left the file itself untouched
            return rollBack();
        }
        if (f.path != QLatin1String("-"))
            done.append({f.path, previous});
    }
    QStringList paths;
    for (const Done &d : std::as_const(done)) {
        if (!d.previous.isEmpty())
            QFile::remove(d.previous);
        paths.append(d.path);
    }
    if (written)
        written->append(paths);
    return true;
}
