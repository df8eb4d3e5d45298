// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// Opening the store's file, apart from reading and writing its rows: its folder is made, what
// stands in the way (a device at the path, a read-only place, a full disk) is named before SQLite
// reads a byte, the schema is checked and migrated (StoreSchema::prepare()), and a file SQLite says
// is damaged is moved aside, never deleted, for a new one.
namespace StoreFile {

struct Opened
{
    bool ok = false;
    QString error;  // "history is off: ..." when not ok
    QString notice; // a damaged file moved aside: what the user should know though all is well
};

// Opens `path` on the QSQLITE connection named `connection` (added when missing), creating the
// file and its folder, migrating it, or moving a damaged one to "<path>.corrupt-<UTC time>" and
// starting anew. ResultStore::open() says which failures leave the file as it is.
Opened open(const QString &connection, const QString &path);

} // namespace StoreFile
