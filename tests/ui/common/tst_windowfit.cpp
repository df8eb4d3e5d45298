// SPDX-License-Identifier: MIT
// A restored window fits the screens of today (WindowFit::fitted): whatever it was saved as, its
// whole frame, title bar to status bar, lands on one screen.
#include "ui/common/windowfit.h"

#include <QTest>

#include <algorithm>

class TestWindowFit : public QObject
{
    Q_OBJECT
private slots:
    void fitsTheScreensOfToday_data()
    {
        QTest::addColumn<QRect>("saved");
        QTest::addColumn<QList<QRect>>("screens");
        QTest::addColumn<QRect>("expected");
        // Openbox's frame in Xvfb: a 4 px border and a 21 px title bar.
        const QRect small(0, 0, 1280, 720);
        const QRect wide(0, 0, 1920, 1080);
        QTest::newRow("fits: unchanged")
            << QRect(100, 80, 800, 500) << QList<QRect>{small} << QRect(100, 80, 800, 500);
        // The case: closed at 1440 x 900, reopened on 1280 x 720.
        QTest::newRow("larger than the screen")
            << QRect(4, 25, 1432, 871) << QList<QRect>{small} << QRect(4, 25, 1272, 691);
        QTest::newRow("maximized on the old screen")
            << QRect(0, 0, 1440, 900) << QList<QRect>{small} << QRect(4, 25, 1272, 691);
        QTest::newRow("wider only: keeps its height and place")
            << QRect(50, 100, 1400, 500) << QList<QRect>{small} << QRect(4, 100, 1272, 500);
        QTest::newRow("off to the right: moved in, size kept")
            << QRect(900, 200, 800, 400) << QList<QRect>{small} << QRect(476, 200, 800, 400);
        QTest::newRow("below the bottom: moved up")
            << QRect(100, 600, 800, 400) << QList<QRect>{small} << QRect(100, 316, 800, 400);
        QTest::newRow("left of the screen and above it")
            << QRect(-300, -50, 800, 400) << QList<QRect>{small} << QRect(4, 25, 800, 400);
        QTest::newRow("on a screen that is gone: the primary one")
            << QRect(2000, 100, 1600, 1000) << QList<QRect>{small} << QRect(4, 25, 1272, 691);
        // Available geometry without a 27 px top panel.
        QTest::newRow("below a panel")
            << QRect(0, 0, 1000, 600) << QList<QRect>{QRect(0, 27, 1280, 693)}
            << QRect(4, 52, 1000, 600);
        QTest::newRow("taller than the screen below a panel")
            << QRect(10, 30, 1000, 900) << QList<QRect>{QRect(0, 27, 1280, 693)}
            << QRect(10, 52, 1000, 664);
        // Two screens side by side: the second one stays where the window is.
        QTest::newRow("on the second screen")
            << QRect(1400, 100, 1000, 600) << QList<QRect>{small, QRect(1280, 0, 1920, 1080)}
            << QRect(1400, 100, 1000, 600);
        QTest::newRow("mostly on the second screen, larger than it")
            << QRect(1200, 0, 2000, 1200) << QList<QRect>{small, QRect(1280, 0, 1920, 1080)}
            << QRect(1284, 25, 1912, 1051);
        QTest::newRow("second screen gone")
            << QRect(1400, 100, 1000, 600) << QList<QRect>{wide} << QRect(916, 100, 1000, 600);
        QTest::newRow("no screens: unchanged")
            << QRect(1400, 100, 1000, 600) << QList<QRect>{} << QRect(1400, 100, 1000, 600);
    }
    void fitsTheScreensOfToday()
    {
        QFETCH(QRect, saved);
        QFETCH(QList<QRect>, screens);
        QFETCH(QRect, expected);
        const QMargins frame(4, 25, 4, 4);
        const QRect fit = WindowFit::fitted(saved, frame, screens);
        QCOMPARE(fit, expected);
        // The whole frame on one of the screens.
        if (!screens.isEmpty()) {
            QVERIFY(std::any_of(screens.begin(), screens.end(), [&](const QRect &s) {
                return s.contains(fit.marginsAdded(frame));
            }));
        }
    }
};

QTEST_MAIN(TestWindowFit)
#include "tst_windowfit.moc"
