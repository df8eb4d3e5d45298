// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/storedrun.h"

#include <QDialog>
#include <QList>

#include <cstdint>

class QLabel;
class TimelineView;

// The timelines of some stored runs, one window: a sentence on what it shows (and, for each run
// whose per-task timings were not kept, why), the TimelineView, and its reset. Filled once the
// store has answered (setRuns()), so the window opens at once and the store is read on its own
// thread.
class TimelineWindow : public QDialog
{
    Q_OBJECT
public:
    explicit TimelineWindow(QWidget *parent = nullptr);

    // The runs as the store read them (ResultStore::runTasks), their timings drawn where kept.
    // `highlight`: the run asked for, named first in the heading.
    void setRuns(const QList<StoredRunTasks> &runs, std::int64_t highlight);
    // Why a run has no per-task timings, in words the user can act on.
    static QString whyNotKept(const StoredRunTasks &run);
    TimelineView *view() const { return m_view; }
    QLabel *caption() const { return m_caption; }

private:
    QLabel *m_caption;
    TimelineView *m_view;
};
