// SPDX-License-Identifier: MIT
#include "ui/common/translations.h"

#include "core/base/wording.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

bool installTranslations(QCoreApplication &app, const QLocale &locale)
{
    QLocale::setDefault(locale);
    // Qt's own strings (OK, Cancel, file dialogs) from the system's Qt translations (Debian:
    // qt6-translations-l10n); without them those few buttons stay English.
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto *own = new QTranslator(&app);
    const bool found = own->load(locale, QStringLiteral("loopbench"), QStringLiteral("_"),
                                 QStringLiteral(":/translations"));
    if (found)
        QCoreApplication::installTranslator(own);
    else
        delete own;
    Wording::translateOnThisThread();
    return found;
}
