// SPDX-License-Identifier: MIT
#pragma once

// What the result store's tests share: a store path in a temporary folder, an experiment recorded
// as the app records it, and a value read through a connection of its own, as another process sees
// the file.

#include "core/store/resultstore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>

namespace storetest {

inline QString dbPath(const QTemporaryDir &dir)
{
    return dir.filePath(QStringLiteral("history/results.sqlite"));
}

// Records `e` as the app does: experiment row, runs one by one, then the summary.
inline std::int64_t record(ResultStore &store, const ExperimentResult &e)
{
    const std::int64_t id = store.beginExperiment(e.spec, e.machine, e.nsPerIter,
                                                  QStringLiteral("repeat"), QStringLiteral("app"));
    for (std::size_t i = 0; i < e.runs.size(); ++i)
        store.recordRun(id, int(i), RunRole::Repeat, e.runs[i], 1.5 + double(i));
    store.finishExperiment(id, e);
    return id;
}

// Records `e` into the store at `path` and closes it, so that a new ResultStore on the file sees
// what a restart of the app would; the experiment's id, 0 when the store would not open or record.
inline std::int64_t recordAndClose(const QString &path, const ExperimentResult &e)
{
    ResultStore store;
    if (!store.open(path)) {
        qWarning("%s", qPrintable(store.error()));
        return 0;
    }
    const std::int64_t id = record(store, e);
    if (id <= 0)
        qWarning("%s", qPrintable(store.error()));
    return id;
}

// Runs `sql` on the file through a connection of its own, as another process would see it.
inline QVariant scalar(const QString &path, const QString &sql)
{
    QVariant value;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0);
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    return value;
}

} // namespace storetest
