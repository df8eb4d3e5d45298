// SPDX-License-Identifier: MIT
#include "ui/window/guidedialog.h"

#include "ui/common/resources.h"

#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QVBoxLayout>

GuideDialog::GuideDialog(QWidget *parent)
    : QDialog(parent)
    , m_browser(new QTextBrowser)
{
    initResources();
    setWindowTitle(tr("LoopBench guide"));
    setObjectName(QStringLiteral("guideDialog"));
    m_browser->setOpenExternalLinks(true);
    m_browser->setSearchPaths({QStringLiteral(":/help")});
    m_browser->setSource(QUrl(QStringLiteral("qrc:/help/guide.html")));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    // Fits a 1024x768 screen with room for the window's frame.
    resize(720, 640);
}
