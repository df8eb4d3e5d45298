// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/storedrun.h"
#include "ui/charts/timelineview.h"

#include <QDialog>
#include <QList>

#include <cstdint>

class QLabel;

// The timelines of some stored runs, one window: a sentence on what it shows (and, for each run
// whose per-task timings were not kept, why), the TimelineView, and its reset. Filled once the
// store has answered (setRuns()), so the window opens at once and the store is read on its own
// thread.
class TimelineWindow : public QDialog
{
    Q_OBJECT
public:
    explicit TimelineWindow(QWidget *parent = nullptr);

    // What the window shows of some runs: the picture of those that kept their timings and a
    // caption that says what it shows and why the others are not drawn.
    struct Layout
    {
        TimelineView::Picture picture;
        QString caption;
        bool drawn = false;
    };
    // The runs as the store read them (ResultStore::runTasks), laid out; `highlight`: the run
    // asked for, marked in its heading. Thread-safe: the window lays out off its thread.
    static Layout layOut(const QList<StoredRunTasks> &runs, std::int64_t highlight);
    void showLayout(Layout layout);
    void setRuns(const QList<StoredRunTasks> &runs, std::int64_t highlight)
    {
        showLayout(layOut(runs, highlight));
    }
    // Why a run has no per-task timings, in words the user can act on.
    static QString whyNotKept(const StoredRunTasks &run);
    TimelineView *view() const { return m_view; }
    QLabel *caption() const { return m_caption; }

private:
    QLabel *m_caption;
    TimelineView *m_view;
};
