// SPDX-License-Identifier: MIT
#pragma once

#include "ui/export/exportdialog.h"
#include "ui/export/exportjob.h"
#include "ui/export/reportexporter.h"

#include <QList>
#include <QObject>
#include <QSet>

#include <QCoroTask>

#include <cstdint>
#include <optional>

class HistoryController;
class QWidget;

// File > Export: which experiments and runs each scope means, and the export of them. The
// experiment scope is the statistics page's experiment; the selected-runs and history scopes are
// rows of the history, read from the store on its own thread, each experiment with only its
// chosen runs (its summary recomputed for them when they are not all of its runs) in a folder of
// its own. The writing is exportInBackground()'s. Rows are history rows (HistoryModel), passed in
// by the caller that knows the selection.
class ExportController : public QObject
{
    Q_OBJECT
public:
    explicit ExportController(HistoryController &history, QObject *parent = nullptr);

    // The dialog's last choices (restored from and saved to QSettings).
    const ExportOptions &options() const { return m_options; }
    void setOptions(const ExportOptions &options) { m_options = options; }

    // What the experiment scope's reports describe, in words for the dialog; empty when there
    // is no experiment.
    QString experimentScope() const;
    // Every scope the dialog offers, described; empty where there is nothing. With `withTimings`
    // (the stored experiments that kept per-task timings) each scope says which of its
    // experiments' tasks.csv will have no times; without, the rule.
    ExportChoices choices(const QList<int> &selectedRows,
                          const std::optional<QSet<std::int64_t>> &withTimings) const;
    // The stored experiments that kept per-task timings, read on the store's thread; nullopt
    // when the store cannot say.
    QCoro::Task<std::optional<QSet<std::int64_t>>> experimentsWithTimings();

    // The experiments `scope` means, as they will be written (with `selectedRows` for the
    // selected-runs scope), or why they cannot be read.
    struct Collected
    {
        QList<ExportedExperiment> experiments;
        QString error;
    };
    QCoro::Task<Collected> collect(ExportScope scope, QList<int> selectedRows);
    // collect() and write them with `options`; a progress dialog over `parent` when it is long.
    QCoro::Task<ExportOutcome> exportTo(ExportOptions options, QList<int> selectedRows,
                                        QWidget *parent = nullptr);
    // File > Export...: the dialog over `parent`, then the export, then a box that says what was
    // written (not modal) or why it failed. The choices are kept for the next time.
    QCoro::Task<> askAndExport(QWidget *parent, QList<int> selectedRows);

signals:
    // A passing note for the status bar ("Exported to ...").
    void message(const QString &text);

private:
    HistoryController &m_history;
    ExportOptions m_options;
};
