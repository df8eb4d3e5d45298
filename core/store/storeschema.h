// SPDX-License-Identifier: MIT
#pragma once

#include <QSqlDatabase>
#include <QString>

// The result store's tables and their history. Version N of the schema is what the first N
// migrations build, applied in order with PRAGMA user_version set to the version reached; a
// database is never changed by anything else. Adding a column or a table is a new migration at
// the end of the list, never an edit of an old one, and a column has its row in StoreTables
// (storetables.h), which reads and writes it. latest() is the one schema version.
namespace StoreSchema {

enum class Outcome {
    Ready,   // at the target version, with the tables of that version
    Newer,   // written by a newer build: left alone
    Damaged, // SQLite says its content is not a sound database: the only case to move it aside
    Failed,  // cannot be used now (locked, full, read-only, tables changed by hand): left alone
};

struct Preparation
{
    Outcome outcome = Outcome::Failed;
    QString problem; // what is wrong, in words naming the file; empty when Ready
    // Failed because another connection held a lock: SQLite returns that at once, without
    // waiting out the busy timeout, where waiting could deadlock (WAL snapshot, lock upgrade).
    bool busy = false;
};

// Checks the file (a schema version this build knows, SQLite's quick integrity check, the tables
// its version must have), then under one write lock (BEGIN IMMEDIATE, the version read again
// inside it) applies the migrations it has not had up to `target` (the newest when -1; tests
// build old files with a lower one). Instances that open a file that does not exist yet at once
// thus create its tables once. A failed migration is rolled back: the file stays as it was.
// Sets WAL mode and turns foreign keys on.
Preparation prepare(QSqlDatabase &db, int target = -1);
// prepare() for callers that only need to know whether it worked; *error says why not.
bool migrate(QSqlDatabase &db, QString *error, int target = -1);
// The schema version, or -1 with *error (when given) saying why it could not be read.
int version(QSqlDatabase &db, QString *error = nullptr);
// The number of migrations this build knows: the newest schema version.
int latest();
// How the tables of `db` differ from those the first `version` migrations build (a table or a
// column missing, or one a later migration would add already there), "; "-separated; empty when
// they match. Tables no version has are the user's and are not looked at, except in a file of
// version 0, which has no tables unless it is another program's database.
QString schemaProblem(QSqlDatabase &db, int version);

} // namespace StoreSchema
