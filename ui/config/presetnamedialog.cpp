// SPDX-License-Identifier: MIT
#include "ui/config/presetnamedialog.h"

#include "ui/config/presetstore.h"

#include <QDialogButtonBox>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

PresetNameDialog::PresetNameDialog(const PresetStore &presets, const QString &formProblem,
                                   QWidget *parent)
    : QDialog(parent)
    , m_presets(presets)
    , m_formProblem(formProblem)
    , m_name(new QLineEdit)
    , m_message(new QLabel)
{
    setWindowTitle(tr("Save as preset"));
    setObjectName(QStringLiteral("presetNameDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(
        tr("Name of the preset (at most %1 characters):").arg(PresetStore::kMaxNameLength));
    label->setBuddy(m_name);
    // A name of the longest allowed length is seen whole.
    m_name->setMinimumWidth(m_name->fontMetrics().averageCharWidth() *
                            (PresetStore::kMaxNameLength + 4));
    // And the title, in a window manager's bold type beside its icon and three buttons: in a
    // 320-pixel dialog it read "Salvar como pre... o — LoopBench".
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics title(bold);
    setMinimumWidth(title.horizontalAdvance(windowTitle() + QStringLiteral(" — ") +
                                            QGuiApplication::applicationDisplayName()) +
                    6 * title.height());
    layout->addWidget(label);
    layout->addWidget(m_name);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_save = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    m_save->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &PresetNameDialog::check);
    check();
}

QString PresetNameDialog::name() const
{
    return m_name->text().trimmed();
}

QString PresetNameDialog::message() const
{
    return m_message->text();
}

void PresetNameDialog::check()
{
    QString message = m_formProblem;
    bool replaces = false;
    if (message.isEmpty()) {
        // Nothing typed yet is not an error worth a message; the button waits for a name.
        if (const auto problem = m_presets.checkName(m_name->text()); problem && !name().isEmpty())
            message = *problem;
        const int existing = m_presets.indexOfName(name());
        replaces = existing >= 0 && m_presets.presets()[existing].user;
        if (replaces && message.isEmpty())
            message = tr("Replaces your preset “%1”.").arg(m_presets.presets()[existing].name);
    }
    m_message->setText(message);
    m_save->setText(replaces ? tr("&Replace") : tr("&Save"));
    m_save->setEnabled(m_formProblem.isEmpty() && !m_presets.checkName(m_name->text()));
}
