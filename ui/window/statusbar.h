// SPDX-License-Identifier: MIT
#pragma once

#include "ui/control/stallmeter.h"

#include <QStatusBar>

#include <vector>

class ElidedLabel;
struct ExperimentResult;
struct RunProgressInfo;
struct RunResult;
class QLabel;
class QProgressBar;
class QTimer;

// The window's status bar: what is running and how far it is (a text, a bar without text and the
// figures beside it), the GUI thread's stall, and the kernel calibration. Turns plain values into
// words; keeps only what the ETA of a sequence needs. Every text is one elided line with the whole
// text as its tooltip, so nothing overlaps or pushes the permanent labels off the bar. Messages
// that must stay until read go to the window's NoticeBar, not here.
class StatusBar : public QStatusBar
{
    Q_OBJECT
public:
    explicit StatusBar(QWidget *parent = nullptr);

    // The main text, when no run speaks: a hint of what to do next.
    void setHint(const QString &text);
    // A short note ("Exported to ..."), shown instead of the main text for `timeoutMs`.
    void notify(const QString &text, int timeoutMs = 10000);
    void showProgress(const RunProgressInfo &info);
    void showRunFinished(const RunResult &result, const StallMeter::Stats &guiStall);
    // `headline`: the experiment in one line (ExperimentStatsModel::headline()).
    void showExperimentFinished(const ExperimentResult &result, const QString &headline);
    // Nothing runs: the bar is emptied (a cancelled run leaves no partial fill behind).
    void setIdle();
    void setCalibration(const QString &text, const QString &toolTip);

    // The time left of a sequence of `runCount` runs, in the middle of run `runIndex`
    // (0-based) with `runEtaMs` left of it: the runs still to come are assumed to take the mean
    // of those finished, or as long as this one when none has. NaN while this run's ETA is.
    static double sequenceEtaMs(int runIndex, int runCount, double runElapsedMs, double runEtaMs,
                                double meanFinishedRunMs);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void showText();
    void fitText();
    static QString stallText(double p99Ms, double maxMs, bool lastRun);

    ElidedLabel *m_text;
    QProgressBar *m_progress;
    QLabel *m_progressText;
    ElidedLabel *m_stall;
    ElidedLabel *m_calibration;
    QTimer *m_noticeTimer;
    QString m_statusText;
    QString m_notice;
    std::vector<double> m_finishedRunsMs; // elapsed time of the sequence's finished runs
    int m_lastRunIndex = -1;
    double m_lastElapsedMs = 0;
};
