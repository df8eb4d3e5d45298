// SPDX-License-Identifier: MIT
#pragma once

#include "ui/control/stallmeter.h"

#include <QStatusBar>

struct ExperimentResult;
struct RunProgressInfo;
struct RunResult;
class QLabel;
class QProgressBar;

// The window's status bar: what is running and how far it is (text and a progress bar), the GUI
// thread's stall, and the kernel calibration. Turns plain values into words; holds no state of
// the run.
class StatusBar : public QStatusBar
{
    Q_OBJECT
public:
    explicit StatusBar(QWidget *parent = nullptr);

    // The main text, when no run speaks: a hint of what to do next.
    void setHint(const QString &text);
    void showProgress(const RunProgressInfo &info);
    void showRunFinished(const RunResult &result, const StallMeter::Stats &guiStall);
    void showExperimentFinished(const ExperimentResult &result);
    void setIdle();
    void setCalibration(const QString &text, const QString &toolTip);

private:
    QLabel *m_text;
    QProgressBar *m_progress;
    QLabel *m_stall;
    QLabel *m_calibration;
};
