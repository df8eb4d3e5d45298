// SPDX-License-Identifier: MIT
#pragma once

#include "ui/charts/comparisonchart.h"
#include "ui/config/configpanel.h"
#include "ui/control/loadmonitor.h"
#include "ui/control/runcontroller.h"
#include "ui/controllers/exportcontroller.h"
#include "ui/controllers/historycontroller.h"
#include "ui/controllers/importcontroller.h"
#include "ui/controllers/presetcontroller.h"
#include "ui/models/experimentstatsmodel.h"
#include "ui/models/historymodel.h"
#include "ui/window/historyview.h"
#include "ui/window/livepage.h"
#include "ui/window/mainwindow.h"
#include "ui/window/noticebar.h"
#include "ui/window/statusbar.h"
#include "ui/window/sweeppage.h"
#include "ui/window/windowactions.h"

#include <QTest>
#include <QThread>

#include <QCoroTask>

#include <utility>

// A part of a MainWindow that a test drives or reads (its RunController, HistoryModel,
// ExportController, ...), found among the window's children by type, as a user's tools find
// widgets: the window keeps no getters for tests. Fails the test when the window has none or
// more than one.
template <typename T> T *part(const MainWindow &window)
{
    const QList<T *> found = window.findChildren<T *>();
    if (found.size() != 1)
        qFatal("the window has %d parts of the type asked for, not one", int(found.size()));
    return found.front();
}

// Waits until the window's history has answered every store call made so far: the store works on
// a thread of its own, so rows and statistics arrive after the run (or the window) that made them.
inline void settle(const MainWindow &window)
{
    QCoro::waitFor(part<HistoryController>(window)->settled());
}

// `fn(ResultStore &)` on the window's store thread, after every call made so far; its answer.
template <typename Fn> auto inStore(const MainWindow &window, Fn fn)
{
    auto answer = part<HistoryController>(window)->store().submit(std::move(fn));
    // Not result() at once: waiting on a future that has not started runs it on this thread.
    while (!answer.isFinished())
        QThread::msleep(1);
    return answer.result();
}

// File > Export without the dialog: `options` with the rows selected in the history.
inline ExportOutcome exportFrom(const MainWindow &window, const ExportOptions &options)
{
    return QCoro::waitFor(part<ExportController>(window)->exportTo(
        options, part<LivePage>(window)->historyView()->selectedRows()));
}
