// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/storethread.h"
#include "ui/controllers/historycontroller.h"
#include "ui/models/experimentstatsmodel.h"
#include "ui/models/historymodel.h"

#include <QRegularExpression>
#include <QTest>
#include <QThread>

#include <QCoroTask>

// The history as the window composes it, without the window: a store on its own thread, the
// history and statistics models, and the HistoryController between them. The test's thread is
// the GUI thread here, and forbidden to the store as the window forbids its own: a store call
// made on it fails, and so does the test (Qt's warning for a connection used on another thread
// than its own fails it too).
struct HistoryFixture
{
    StoreThread store;
    HistoryModel history;
    ExperimentStatsModel stats;
    HistoryController control{store, &history, &stats};

    explicit HistoryFixture(const QString &path = QStringLiteral(":memory:"))
    {
        ResultStore::forbidThread(QThread::currentThread());
        QTest::failOnWarning(QRegularExpression(QStringLiteral("does not belong to the calling")));
        QCoro::waitFor(control.open(path));
    }
    ~HistoryFixture() { ResultStore::forbidThread(nullptr); }

    // The experiments added as a report of each would be, oldest first; their store ids.
    QList<std::int64_t> add(const QList<ExperimentResult> &experiments)
    {
        QStringList sources;
        for (qsizetype i = 0; i < experiments.size(); ++i)
            sources.append(QStringLiteral("report-%1.json").arg(i));
        QList<std::int64_t> ids;
        for (const HistoryController::Added &a : QCoro::waitFor(
                 control.addExperiments(experiments, QStringLiteral("imported"), sources)))
            ids.append(a.id);
        return ids;
    }
};
