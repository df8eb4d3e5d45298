// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

#include <optional>

class ConfigPanel;
class PresetStore;
class QWidget;

// Run > Save as preset and Remove preset: the form's workload saved as a user preset, or a user
// preset removed, in QSettings; changed() then tells the form and the menus to list the presets
// again. The asking (a name, a confirmation: dialogs opened with open(), one at a time) is
// separate from the saving, which tests call directly.
class PresetController : public QObject
{
    Q_OBJECT
public:
    // Neither is owned; `form` is the workload that a new preset keeps.
    PresetController(PresetStore &presets, const ConfigPanel *form, QObject *parent = nullptr);

    const PresetStore &presets() const { return m_presets; }

    // Saves the form's workload as the user preset `name` (replacing one of that name); the
    // reason when refused (an empty name, a built-in's name, an invalid form).
    std::optional<QString> saveForm(const QString &name);
    // Removes the user preset `name`; false when there is none.
    bool remove(const QString &name);

    // Why the form cannot be saved as a preset; nullopt when it can.
    std::optional<QString> formProblem() const;

    // A PresetNameDialog over `parent` (window-modal, not a nested event loop); saves when it is
    // accepted.
    void askAndSave(QWidget *parent);
    // Asks over `parent` whether to remove `name`, and removes it on Yes.
    void askAndRemove(QWidget *parent, const QString &name);

signals:
    void changed();
    void message(const QString &text);

private:
    PresetStore &m_presets;
    const ConfigPanel *m_form;
};
