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
// again. The asking (a name, a confirmation) is separate from the saving, which tests call
// directly.
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

    // Asks for a name over `parent` until it is one that may be saved (or replaced, once
    // confirmed), then saves.
    void askAndSave(QWidget *parent);
    // Asks over `parent` whether to remove `name`, then removes it.
    void askAndRemove(QWidget *parent, const QString &name);

signals:
    void changed();
    void message(const QString &text);

private:
    PresetStore &m_presets;
    const ConfigPanel *m_form;
};
