// SPDX-License-Identifier: MIT
#include "ui/controllers/presetcontroller.h"

#include "ui/config/configpanel.h"
#include "ui/config/presetnamedialog.h"
#include "ui/config/presetstore.h"

#include <QMessageBox>
#include <QSettings>

PresetController::PresetController(PresetStore &presets, const ConfigPanel *form, QObject *parent)
    : QObject(parent)
    , m_presets(presets)
    , m_form(form)
{}

std::optional<QString> PresetController::formProblem() const
{
    if (!m_form->canRun())
        return tr("fix the highlighted fields first: a preset is a valid workload");
    return std::nullopt;
}

std::optional<QString> PresetController::saveForm(const QString &name)
{
    if (auto problem = formProblem())
        return problem;
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
    auto *dialog = new PresetNameDialog(m_presets, formProblem().value_or(QString()), parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString name = dialog->name();
        if (const auto problem = saveForm(name))
            emit message(tr("The preset “%1” was not saved: %2").arg(name, *problem));
        else
            emit message(tr("Saved the preset “%1”").arg(name));
    });
    dialog->open();
}

void PresetController::askAndRemove(QWidget *parent, const QString &name)
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove preset"),
                                tr("Remove your preset “%1”?").arg(name),
                                QMessageBox::Yes | QMessageBox::Cancel, parent);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, name](int answer) {
        if (answer == QMessageBox::Yes)
            remove(name);
    });
    box->open();
}
