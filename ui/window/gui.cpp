// SPDX-License-Identifier: MIT
#include "ui/window/gui.h"

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

    MainWindow window;
    window.show();
    return app.exec();
}
