// SPDX-License-Identifier: MIT
#pragma once

#include "ui/export/reportexporter.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

// What each ExportScope would export, in words ("experiment #12: 6 runs of 10,000 tasks on K =
// 1, 2"); empty where there is nothing (no experiment shown, no row selected, history off).
struct ExportChoices
{
    QString experiment;
    QString selectedRuns;
    QString history;
    // Per scope (ExportScope order), why tasks.csv would have no resumed and done times (the
    // per-task timings of its runs were not kept); empty when they were or it is not known.
    QString noTimings[3];
};

// File > Export...: which runs, where to, which reports and the PNG size. Collects ExportOptions
// and nothing else; the window hands them to ReportExporter. Says which charts each experiment
// gets, and when tasks.csv would have no times.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    // The scope of `defaults` is chosen when it is available, else the first one that is; with
    // none, only the charts can be exported.
    ExportDialog(const ExportOptions &defaults, const ExportChoices &choices,
                 QWidget *parent = nullptr);

    ExportOptions options() const;

private:
    void updateState();

    QRadioButton *m_scopeExperiment;
    QRadioButton *m_scopeSelected;
    QRadioButton *m_scopeHistory;
    QLineEdit *m_directory;
    QCheckBox *m_csv;
    QCheckBox *m_tasksCsv;
    QLabel *m_tasksNote;
    QCheckBox *m_json;
    QCheckBox *m_markdown;
    QCheckBox *m_png;
    QCheckBox *m_svg;
    QSpinBox *m_width;
    QSpinBox *m_height;
    QLabel *m_files;
    QDialogButtonBox *m_buttons;
    bool m_haveReports;
    ExportChoices m_choices;
};
