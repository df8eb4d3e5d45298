// SPDX-License-Identifier: MIT
#pragma once

#include "ui/export/reportexporter.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

// File > Export...: where to, which reports and the PNG size. Collects ExportOptions and nothing
// else; the window hands them to ReportExporter.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    // `haveReports`: an experiment exists; without one only the charts can be exported.
    // `scope` says what the reports describe ("Experiment #12 · compare · …"); empty when there
    // is nothing to report, and only charts can be exported.
    ExportDialog(const ExportOptions &defaults, const QString &scope, QWidget *parent = nullptr);

    ExportOptions options() const;

private:
    void updateState();

    QLineEdit *m_directory;
    QCheckBox *m_csv;
    QCheckBox *m_tasksCsv;
    QCheckBox *m_json;
    QCheckBox *m_markdown;
    QCheckBox *m_png;
    QCheckBox *m_svg;
    QSpinBox *m_width;
    QSpinBox *m_height;
    QLabel *m_files;
    QDialogButtonBox *m_buttons;
    bool m_haveReports;
};
