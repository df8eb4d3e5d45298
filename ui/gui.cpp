#include "gui.h"

#include "mainwindow.h"

#include <QApplication>
#include <QIcon>

void initResources()
{
    static const bool done = [] {
        Q_INIT_RESOURCE(loopbench);
        return true;
    }();
    (void)done;
}

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
