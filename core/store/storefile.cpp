// SPDX-License-Identifier: MIT
#include "core/store/storefile.h"

#include "core/store/storefault.h"
#include "core/store/storeschema.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QThread>

#include <cerrno>
#include <sys/stat.h>

namespace StoreFile {

Opened open(const QString &connection, const QString &path)
{
    QString notice;
    const auto off = [&](const QString &why) {
        return Opened{false, QStringLiteral("history is off: ") + why, notice};
    };
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return off(QStringLiteral("Qt's SQLite driver is not installed (libqt6sql6-sqlite)"));
    const bool inMemory = path == QLatin1String(":memory:");
    const QString folder = QFileInfo(path).absolutePath();
    if (!inMemory && !QDir().mkpath(folder)) {
        // Why not, from the nearest folder that exists (read-only, full, a file in the way) or
        // else from the system's answer for the first folder to make (a name too long).
        QString existing = folder;
        QString first = folder;
        while (!QFileInfo::exists(existing) && QFileInfo(existing).absolutePath() != existing) {
            first = existing;
            existing = QFileInfo(existing).absolutePath();
        }
        QString why = QFileInfo(existing).isDir()
                          ? StoreFault::obstacle(first)
                          : QStringLiteral("%1 is not a folder").arg(existing);
        if (why.isEmpty() && ::mkdir(QFile::encodeName(first).constData(), 0777) != 0)
            why = qt_error_string(errno);
        return off(QStringLiteral("cannot create folder %1").arg(folder) +
                   (why.isEmpty() ? QString() : QStringLiteral(": ") + why));
    }
    // A device, a FIFO, a read-only place or a full disk: said as it is, before SQLite reads a
    // byte (it would report most of them as a damaged file, and a FIFO would block the open).
    if (const QString why = inMemory ? QString() : StoreFault::obstacle(path); !why.isEmpty())
        return off(why);

    QString damage;
    QElapsedTimer sinceOpen;
    sinceOpen.start();
    for (int attempt = 0; attempt < 2; ++attempt) {
        {
            QSqlDatabase db =
                QSqlDatabase::contains(connection)
                    ? QSqlDatabase::database(connection, false)
                    : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            db.setDatabaseName(path);
            // Another process (the app and a CLI --record) may hold the write lock briefly.
            db.setConnectOptions(
                QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(StoreFault::kBusyTimeoutMs));
            if (!db.open())
                return off(StoreFault::explain(db.lastError(), path));
            const StoreSchema::Preparation ready = StoreSchema::prepare(db);
            switch (ready.outcome) {
            case StoreSchema::Outcome::Ready:
                return {true, {}, notice};
            case StoreSchema::Outcome::Failed:
                // Instances creating one new file at once: SQLite refuses some of them at once
                // rather than wait (see Preparation::busy). They try again, as long as the busy
                // timeout would have let them wait.
                if (ready.busy && sinceOpen.elapsed() < StoreFault::kBusyTimeoutMs) {
                    db.close();
                    QThread::msleep(20);
                    --attempt;
                    continue;
                }
                db.close();
                return off(ready.problem);
            case StoreSchema::Outcome::Newer:
                db.close();
                return off(ready.problem);
            case StoreSchema::Outcome::Damaged:
                damage = ready.problem;
                break;
            }
            db.close();
        }
        // SQLite says the content is not a sound database: keep it for the user under another
        // name and start a new one.
        const QString aside =
            path + QStringLiteral(".corrupt-") +
            QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        if (!QFile::rename(path, aside))
            return {
                false,
                QStringLiteral("history is off: %1 is damaged: it could not be moved aside to %2")
                    .arg(path, aside),
                {}};
        // Its write-ahead log goes with it, under the name SQLite looks for beside the kept
        // file: it may hold committed runs (or belong to an instance still running on a file
        // replaced under it), so it is kept, never deleted, and no longer read as the new file's.
        for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::rename(path + suffix, aside + suffix);
        notice =
            QStringLiteral("%1; it was moved to %2 and a new history started").arg(damage, aside);
    }
    return off(QStringLiteral("%1 cannot be used").arg(path));
}

} // namespace StoreFile
