// SPDX-License-Identifier: MIT
// A window saved larger than today's screen comes back whole on it (the offscreen platform's
// screen is 800 x 600): MainWindow's restore goes through WindowFit (tst_windowfit has the cases).
#include "tests/support/uitestsupport.h"
#include "tests/support/windowparts.h"
#include "ui/window/mainwindow.h"

#include <QDebug>
#include <QScreen>
#include <QSettings>
#include <QTest>

class TestWindowGeometry : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { isolateSettings(m_settings); }

    void aWindowSavedLargerThanTheScreenFitsIt()
    {
        const QRect screen = QGuiApplication::primaryScreen()->availableGeometry();
        QVERIFY(screen.width() < 1440 && screen.height() < 900);
        {
            MainWindow saved;
            saved.setWindowState(Qt::WindowNoState);
            saved.setGeometry(300, 200, 1440, 900);
            saved.show();
            QVERIFY(QTest::qWaitForWindowExposed(&saved));
            settle(saved);
            QCOMPARE(saved.size(), QSize(1440, 900));
            QVERIFY(saved.close());
        }
        QVERIFY(QSettings().contains(QStringLiteral("window/geometry")));

        MainWindow restored;
        QVERIFY(!(restored.windowState() & Qt::WindowMaximized));
        restored.show();
        QVERIFY(QTest::qWaitForWindowExposed(&restored));
        settle(restored);
        QString where;
        QDebug(&where) << restored.frameGeometry() << "on" << screen;
        QVERIFY2(screen.contains(restored.frameGeometry()), qPrintable(where));
        // As large as the screen allows, not shrunk further.
        QCOMPARE(restored.frameGeometry().size(), screen.size());
    }

    // A long message in the status bar never makes the window want more than a 1024-pixel
    // screen (a minimum width taken from the bar's own width grew the window to 1,050 px).
    void aLongStatusMessageDoesNotWidenTheWindow()
    {
        MainWindow window;
        window.setWindowState(Qt::WindowNoState);
        window.resize(1024, 740);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        settle(window);
        StatusBar *bar = part<StatusBar>(window);
        bar->setHint(QString(QStringLiteral("a long verdict ")).repeated(20));
        for (int i = 0; i < 5; ++i) {
            QTest::qWait(20);
            QVERIFY2(window.minimumSizeHint().width() <= 1024,
                     qPrintable(QString::number(window.minimumSizeHint().width())));
            QCOMPARE(window.width(), 1024);
        }
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestWindowGeometry)
#include "tst_windowgeometry.moc"
