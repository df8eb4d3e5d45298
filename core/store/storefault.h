// SPDX-License-Identifier: MIT
#pragma once

#include <QSqlError>
#include <QString>
#include <QStringList>

// Why a result store cannot be used, told apart: only SQLite saying the content is not a sound
// database (SQLITE_CORRUPT, SQLITE_NOTADB, a failed integrity check) makes a store "damaged" and
// moved aside. A store that cannot be opened, locked, written or extended (a full disk, another
// process holding its lock, a read-only filesystem or folder, a device file at its path) is left
// untouched, and the message says which, from the system rather than from SQLite's generic text.
namespace StoreFault {

// How long a statement waits for another process's lock before it fails with SQLITE_BUSY: the
// app and a CLI --record share one file, and a run's commit holds the lock for milliseconds.
constexpr int kBusyTimeoutMs = 5000;
// Less free space than this and the store is not opened: a run's rows and load samples append
// tens of KiB to the write-ahead log, which grows to ~4 MiB between checkpoints; a history that
// fails halfway through an experiment is worse than one that says "disk full" before it.
constexpr qint64 kMinFreeBytes = 1024 * 1024;

// SQLite's primary result code of a failed statement (the low byte of the extended code Qt's
// driver reports in nativeErrorCode()), 0 when there is none.
int code(const QSqlError &error);
// SQLite's message for a failed statement ("file is not a database").
QString sqliteText(const QSqlError &error);
// True only when SQLite itself says the content is not a database or is corrupt.
bool isCorrupt(const QSqlError &error);
// SQLite refused because another connection holds a lock (SQLITE_BUSY, SQLITE_LOCKED).
bool isBusy(const QSqlError &error);
// What keeps a store at `path` from being used, found from the system before SQLite touches it:
// something other than a regular file at the path, a read-only filesystem, file or folder, a
// full disk. Empty when none is found.
QString obstacle(const QString &path);
// The other processes holding a POSIX lock on `path` or on its shared-memory index "-shm"
// (from /proc/locks), each as "pid N (name)"; empty when none can be found.
QStringList lockHolders(const QString &path);
// A failed statement on the store at `path`, in words: "locked by another process (pid 812,
// sqlite3) for longer than 5 s", "the disk holding ... is full (12 KiB free)", "... is on a
// read-only filesystem", else SQLite's own text.
QString explain(const QSqlError &error, const QString &path);

} // namespace StoreFault
