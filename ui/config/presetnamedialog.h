// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class PresetStore;
class QLabel;
class QLineEdit;
class QPushButton;

// Run > Save as preset: asks for the name in one dialog that says, as it is typed, why a name
// cannot be saved (PresetStore::checkName()) or that it replaces one of the user's presets (the
// button then reads Replace). No second dialog opens over it, so it can be shown with open() and
// answered without a nested event loop.
class PresetNameDialog : public QDialog
{
    Q_OBJECT
public:
    // `formProblem`: why the form cannot be a preset at all (shown, and nothing may be saved);
    // empty when it can.
    PresetNameDialog(const PresetStore &presets, const QString &formProblem,
                     QWidget *parent = nullptr);

    QString name() const; // trimmed
    QLineEdit *nameEdit() const { return m_name; }
    QPushButton *saveButton() const { return m_save; }
    QString message() const;

private:
    void check();

    const PresetStore &m_presets;
    const QString m_formProblem;
    QLineEdit *m_name;
    QLabel *m_message;
    QPushButton *m_save;
};
