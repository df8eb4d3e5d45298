// SPDX-License-Identifier: MIT
#include "core/engine/runresult.h"
#include "tests/support/uitestsupport.h"
#include "ui/common/elidedlabel.h"
#include "ui/control/runcontroller.h"
#include "ui/window/noticebar.h"
#include "ui/window/statusbar.h"

#include <QLabel>
#include <QProgressBar>
#include <QTest>

#include <cmath>

namespace {

// What the bar shows, read from its labels as a user reads them (the text whole, before eliding).
QString shownText(const StatusBar &bar)
{
    return bar.findChild<ElidedLabel *>(QStringLiteral("statusText"))->text();
}

QString progressText(const StatusBar &bar)
{
    return bar.findChild<QLabel *>(QStringLiteral("progressText"))->text();
}

int progressPermille(const StatusBar &bar)
{
    return bar.findChild<QProgressBar *>(QStringLiteral("progress"))->value();
}

} // namespace

// The status bar tells how far the whole sequence is, not only the run in flight; it leaves
// nothing behind after a cancel, and a long message is never cut without a way to read it.
class TestStatusBar : public QObject
{
    Q_OBJECT
private slots:
    void experimentProgressCountsTheRunsDoneAndTheRunInFlight()
    {
        StatusBar bar;
        RunProgressInfo info;
        info.experiment = true;
        info.role = RunRole::Repeat;
        info.runCount = 4;
        info.tasks = 1000;
        info.runIndex = 0;
        info.finished = 1000;
        info.elapsedMs = 2000;
        info.etaMs = 0;
        bar.showProgress(info);
        info.runIndex = 1; // the second run, half done
        info.finished = 500;
        info.elapsedMs = 1000;
        info.etaMs = 1000;
        bar.showProgress(info);
        QCOMPARE(progressPermille(bar), 375); // (1 + 0.5) of 4 runs
        QVERIFY2(progressText(bar).startsWith(QStringLiteral("run 2 of 4 · 38 % · ETA ")),
                 qPrintable(progressText(bar)));
        // The runs to come are expected to take as long as the finished one did (2 s each).
        QVERIFY2(progressText(bar).endsWith(QStringLiteral("5.00 s")),
                 qPrintable(progressText(bar)));
        QVERIFY(
            shownText(bar).startsWith(QStringLiteral("Experiment, run 2 of 4: 1 loop running")));
    }

    void cancelLeavesTheBarEmpty()
    {
        StatusBar bar;
        RunProgressInfo info;
        info.tasks = 10000;
        info.finished = 4321;
        info.elapsedMs = 500;
        info.etaMs = 700;
        bar.showProgress(info);
        QCOMPARE(progressPermille(bar), 432);
        QVERIFY(progressText(bar).contains(QLocale().toString(4321))); // grouped digits
        bar.setIdle(); // what the window does when a run ends, cancelled or not
        QCOMPARE(progressPermille(bar), 0);
        QCOMPARE(progressText(bar), QStringLiteral("idle"));
    }

    void sequenceEtaAddsTheRunsStillToCome()
    {
        const double nan = std::nan("");
        // Nothing finished yet: later runs are expected to take as long as this one.
        QCOMPARE(StatusBar::sequenceEtaMs(0, 3, 1000, 500, nan), 500 + 2 * 1500.0);
        // With finished runs, their mean; on the last run only its own ETA is left.
        QCOMPARE(StatusBar::sequenceEtaMs(1, 3, 1000, 500, 800), 500 + 800.0);
        QCOMPARE(StatusBar::sequenceEtaMs(2, 3, 1000, 500, 800), 500.0);
        QVERIFY(std::isnan(StatusBar::sequenceEtaMs(0, 3, 10, nan, 800)));
    }

    void aNoticeStaysWholeUntilClosed()
    {
        NoticeBar notice;
        notice.resize(300, 100);
        const QString text = QStringLiteral("Saved settings were damaged and replaced by "
                                            "defaults: config/tasks: 0 is outside 1 to "
                                            "50,000,000 (default used); config/io: ...");
        notice.showNotice(text);
        QCOMPARE(notice.text(), text);
        QTest::qWait(50);
        QCOMPARE(notice.text(), text); // no timeout takes it away
        notice.hide();                 // its close button
        QVERIFY(notice.text().isEmpty());
    }

    void theGuiStallIsWholeOnAWideWindowAndExplainedOnANarrowOne()
    {
        QWidget window;
        auto *bar = new StatusBar(&window);
        auto *stall = bar->findChild<ElidedLabel *>(QStringLiteral("guiStall"));
        QVERIFY(stall);
        StallMeter::Stats stats;
        stats.p99Ms = 68.96;
        stats.maxMs = 123.4;
        RunResult result;
        result.shards = 64;
        // Shown first, as in the window: the text changes on a bar that is already laid out.
        bar->resize(1600, bar->sizeHint().height());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        bar->showRunFinished(result, stats);
        const QString whole = stall->text();
        QVERIFY2(whole.contains(QStringLiteral("(last run)")), qPrintable(whole));
        // 1,600 pixels: the whole text (it was cut to "GUI stall p99 69 …" at a fixed width),
        // and the tooltip explains what the figure is.
        QTRY_VERIFY(!stall->isElided());
        QVERIFY(stall->toolTip().contains(QStringLiteral("heartbeat")));
        // 500 pixels: cut, and the tooltip holds the whole text and still the explanation.
        bar->resize(500, bar->height());
        QTRY_VERIFY(stall->isElided());
        QVERIFY(stall->toolTip().startsWith(whole));
        QVERIFY(stall->toolTip().contains(QStringLiteral("heartbeat")));
    }

    // The message comes first, the figures beside it next: on a bar with room for all, a verdict
    // of ~60 characters, the stall and the calibration are all whole (the stall and calibration
    // were squeezed to a few characters beside the message's empty room); at 900 pixels the
    // figures give way (whole in their tooltips) and the verdict is still whole.
    void theMessageAndTheFiguresShareTheBar()
    {
        QWidget window;
        auto *bar = new StatusBar(&window);
        auto *text = bar->findChild<ElidedLabel *>(QStringLiteral("statusText"));
        auto *stall = bar->findChild<ElidedLabel *>(QStringLiteral("guiStall"));
        auto *calibration = bar->findChild<ElidedLabel *>(QStringLiteral("calibration"));
        QVERIFY(text && stall && calibration);
        bar->resize(1200, bar->sizeHint().height());
        window.resize(1200, bar->height());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        bar->setCalibration(QStringLiteral("sum 1.07 · hash 1.70 · article 0.27 ns/iter"),
                            QString());
        StallMeter::Stats stats;
        stats.p99Ms = 9.04;
        stats.maxMs = 11.2;
        bar->showRunFinished(RunResult{}, stats);
        const QString verdict =
            QStringLiteral("2 loops: 1.87× faster than 1 loop (ideal 1.98×) · one run each");
        bar->setHint(verdict);
        QTRY_COMPARE(text->text(), verdict);
        QTRY_VERIFY(!text->isElided());
        QTRY_VERIFY(!stall->isElided());
        QTRY_VERIFY(!calibration->isElided());

        QVERIFY(bar->minimumSizeHint().width() <= bar->width());
        bar->resize(900, bar->height());
        QTRY_VERIFY(stall->isElided() || calibration->isElided());
        QTRY_VERIFY(!text->isElided());
        // The message's room never makes the bar want more than it has: a window would grow.
        QVERIFY2(bar->minimumSizeHint().width() <= bar->width(),
                 qPrintable(QString::number(bar->minimumSizeHint().width())));
        QVERIFY(stall->toolTip().contains(stall->text()) ||
                calibration->toolTip().contains(calibration->text()));
    }

    void aLabelGivenItsSizeHintShowsItsWholeText()
    {
        // elidedText() measures in fractions of a pixel: a hint of the integer advance cut
        // "GUI stall p99 2.8 ms · max 3.8 ms (last run)" to "… (last r…" in the window.
        for (const QString &text :
             {QStringLiteral("GUI stall p99 2.8 ms · max 3.8 ms (last run)"),
              QStringLiteral("GUI stall p99 68 ms · max 68 ms (last run)"),
              QStringLiteral("sum 1.13 ns/iter · hash 1.72 ns/iter · taken 21:09:23"),
              QStringLiteral("Could not read the settings\nthey were reset to defaults"),
              QStringLiteral("illicit llama lilt 1111 iiii")}) {
            ElidedLabel label(text);
            label.resize(label.sizeHint());
            label.show();
            QVERIFY(QTest::qWaitForWindowExposed(&label));
            QVERIFY2(!label.isElided(), qPrintable(text));
        }
    }

    void aShortNoteTimesOutBackToTheStatus()
    {
        StatusBar bar;
        bar.setHint(QStringLiteral("Ready"));
        bar.notify(QStringLiteral("Exported"), 30);
        QCOMPARE(shownText(bar), QStringLiteral("Exported"));
        QTRY_COMPARE(shownText(bar), QStringLiteral("Ready"));
    }
};

QTEST_MAIN(TestStatusBar)
#include "tst_statusbar.moc"
