// SPDX-License-Identifier: MIT
#include "ui/controllers/presetcontroller.h"

#include "ui/config/configpanel.h"
#include "ui/config/presetstore.h"

#include <QInputDialog>
#include <QMessageBox>
#include <QSettings>

PresetController::PresetController(PresetStore &presets, const ConfigPanel *form, QObject *parent)
    : QObject(parent)
    , m_presets(presets)
    , m_form(form)
{}

std::optional<QString> PresetController::saveForm(const QString &name)
{
    if (!m_form->canRun())
        return tr("fix the highlighted fields first: a preset is a valid workload");
    const ConfigInput::Parsed &p = m_form->parsed();
    Preset preset;
    preset.name = name;
    preset.description = tr("Yours: %1").arg(p.spec.describe());
    preset.plan = {p.spec, p.transport};
    preset.partition = p.config.partition;
    QSettings settings;
    if (auto problem = m_presets.saveUserPreset(preset, settings))
        return problem;
    emit changed();
    return std::nullopt;
}

bool PresetController::remove(const QString &name)
{
    QSettings settings;
    if (!m_presets.removeUserPreset(name, settings))
        return false;
    emit changed();
    return true;
}

void PresetController::askAndSave(QWidget *parent)
{
    QString name;
    for (;;) {
        bool ok = false;
        name = QInputDialog::getText(
            parent, tr("Save as preset"),
            tr("Name of the preset (at most %1 characters):").arg(PresetStore::kMaxNameLength),
            QLineEdit::Normal, name, &ok);
        if (!ok)
            return;
        if (const auto problem = m_presets.checkName(name)) {
            QMessageBox::warning(parent, tr("Save as preset"), *problem);
            continue;
        }
        const int existing = m_presets.indexOfName(name);
        if (existing >= 0 &&
            QMessageBox::question(
                parent, tr("Save as preset"),
                tr("Replace your preset “%1”?").arg(m_presets.presets()[existing].name),
                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
            continue;
        break;
    }
    if (const auto problem = saveForm(name))
        QMessageBox::warning(parent, tr("Save as preset"), *problem);
    else
        emit message(tr("Saved the preset “%1”").arg(name.trimmed()));
}

void PresetController::askAndRemove(QWidget *parent, const QString &name)
{
    if (QMessageBox::question(parent, tr("Remove preset"), tr("Remove your preset “%1”?").arg(name),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) == QMessageBox::Yes)
        remove(name);
}
