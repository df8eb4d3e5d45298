// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QStringList>

#include <QCoroTask>

class HistoryController;
class QWidget;

// File > Open report and reports dropped on the window: reads LoopBench JSON reports off the GUI
// thread and adds their experiments to the history (through the HistoryController, so the store
// is written on its own thread), each marked with the machine it ran on. A file that is not a
// report is refused with its reason; a report whose runs are all in the history already (reopened,
// or exported from it) adds nothing.
class ImportController : public QObject
{
    Q_OBJECT
public:
    explicit ImportController(HistoryController &history, QObject *parent = nullptr);

    struct Outcome
    {
        int added = 0;       // experiments added to the history
        QStringList refused; // one line per file not added: its name and why
    };
    QCoro::Task<Outcome> open(QStringList paths);
    // File > Open report: the file dialog over `parent`, then a box naming the files refused.
    QCoro::Task<> askAndOpen(QWidget *parent);
    // Files dropped on the window: there is no dialog to answer in, so a refusal is a notice.
    QCoro::Task<> openDropped(QStringList paths);

signals:
    // A passing note for the status bar ("Added 2 experiments to the history").
    void message(const QString &text);
    // What must be read: the files a drop could not open.
    void notice(const QString &text);

private:
    HistoryController &m_history;
};
