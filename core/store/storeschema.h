// SPDX-License-Identifier: MIT
#pragma once

#include <QSqlDatabase>
#include <QString>

// The result store's tables and their history. Version N of the schema is what the first N
// migrations build, applied in order, each in one transaction with PRAGMA user_version set to
// its number; a database is never changed by anything else. Adding a column or a table is a new
// migration at the end of the list, never an edit of an old one.
namespace StoreSchema {

enum class Check {
    Usable,   // empty, or of a version this build knows (older ones are migrated)
    Newer,    // written by a newer build: left alone
    ReadOnly, // cannot be written here
    Damaged,  // not a database, or one that fails its integrity check
};

// Reads the version and checks the file without changing it.
Check check(QSqlDatabase &db);
// The schema version, or -1 with *error (when given) saying why it could not be read.
int version(QSqlDatabase &db, QString *error = nullptr);
// WAL mode, foreign keys on, and every migration the file has not had yet up to `target` (the
// newest when -1; tests build old files with a lower one). False with *error set when one fails
// (it is rolled back: the file stays at the version before it).
bool migrate(QSqlDatabase &db, QString *error, int target = -1);
// The number of migrations this build knows: the newest schema version.
int latest();

} // namespace StoreSchema
