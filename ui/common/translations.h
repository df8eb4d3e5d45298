// SPDX-License-Identifier: MIT
#pragma once

#include <QLocale>

class QCoreApplication;

// Installs the window's translation for `locale` (the system's: LANG=pt_BR.UTF-8 reads
// Portuguese) and Qt's own for its standard dialogs and buttons, and marks this thread as the one
// whose core sentences are translated (core/base/wording.h). Makes `locale` the default, so
// numbers written with QLocale() follow it (ui/common/formatting.h). English needs nothing: it is
// the source language. Call once, from the GUI thread, after the application object exists.
// Returns whether a LoopBench translation was found for the locale.
bool installTranslations(QCoreApplication &app, const QLocale &locale = QLocale::system());
