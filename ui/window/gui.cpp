// SPDX-License-Identifier: MIT
#include "ui/window/gui.h"

#include "core/system/shardcpugroup.h"
#include "ui/common/desktopmanners.h"
#include "ui/common/resources.h"
#include "ui/common/translations.h"
#include "ui/window/mainwindow.h"

#include <QApplication>
#include <QIcon>

int runGui(int argc, char *argv[])
{
    // The window's thread in a cpu group of 8x an ordinary weight where one can be made: it stays
    // responsive beside many busy shards that compete as ordinary threads (ShardCpuGroup says
    // why). Before QApplication, so that the threads it starts for the window join it too.
    ShardCpuGroup::window().joinThisThread();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("LoopBench"));
    QApplication::setApplicationName(QStringLiteral("LoopBench"));
    QApplication::setApplicationDisplayName(QStringLiteral("LoopBench"));
    QApplication::setDesktopFileName(QStringLiteral("loopbench"));
    initResources();
    installTranslations(app);
    installDesktopManners(app);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/loopbench.svg")));

    MainWindow window;
    window.show();
    return app.exec();
}
