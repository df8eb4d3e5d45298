// SPDX-License-Identifier: MIT
#include "ui/window/gui.h"

#include "core/engine/shard.h"
#include "ui/common/resources.h"
#include "ui/window/mainwindow.h"

#include <QApplication>
#include <QIcon>

int runGui(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("LoopBench"));
    QApplication::setApplicationName(QStringLiteral("LoopBench"));
    QApplication::setApplicationDisplayName(QStringLiteral("LoopBench"));
    QApplication::setDesktopFileName(QStringLiteral("loopbench"));
    initResources();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/loopbench.svg")));

    // The GUI thread first: shards yield to it at once (Shard::Yield).
    Shard::setYield(Shard::Yield::Idle);
    MainWindow window;
    window.show();
    return app.exec();
}
