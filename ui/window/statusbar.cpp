// SPDX-License-Identifier: MIT
#include "ui/window/statusbar.h"

#include "core/experiment/experiment.h"
#include "ui/common/formatting.h"
#include "ui/control/runcontroller.h"
#include "ui/models/comparison.h"

#include <QLabel>
#include <QProgressBar>

#include <climits>
#include <cmath>

StatusBar::StatusBar(QWidget *parent)
    : QStatusBar(parent)
    , m_text(new QLabel(tr("Ready")))
    , m_progress(new QProgressBar)
    , m_stall(new QLabel(tr("GUI stall: —")))
    , m_calibration(new QLabel(tr("calibrating…")))
{
    m_progress->setTextVisible(true);
    m_progress->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('0')) * 36);
    m_progress->setFormat(tr("idle"));
    m_progress->setValue(0);
    m_stall->setToolTip(tr("Lateness of a 10 ms heartbeat timer on the GUI thread during "
                           "the run (p99 and max): how responsive the window stayed. "
                           "Target: p99 at most 16 ms, one frame."));
    m_calibration->setToolTip(tr("Kernel calibration on this machine, measured at start"));
    addWidget(m_text, 1);
    addPermanentWidget(m_progress);
    addPermanentWidget(m_stall);
    addPermanentWidget(m_calibration);
}

void StatusBar::setHint(const QString &text)
{
    m_text->setText(text);
}

void StatusBar::setIdle()
{
    m_progress->setFormat(tr("idle"));
}

void StatusBar::setCalibration(const QString &text, const QString &toolTip)
{
    m_calibration->setText(text);
    m_calibration->setToolTip(toolTip.isEmpty() ? tr("Kernel calibration on this machine")
                                                : toolTip);
}

void StatusBar::showProgress(const RunProgressInfo &info)
{
    m_progress->setMaximum(int(std::min<std::int64_t>(info.tasks, INT_MAX)));
    m_progress->setValue(int(std::min<std::int64_t>(info.finished, INT_MAX)));
    m_progress->setFormat(
        tr("%L1 / %L2 tasks · ETA %3")
            .arg(info.finished)
            .arg(info.tasks)
            .arg(std::isnan(info.etaMs) ? tr("…") : Formatting::duration(info.etaMs)));
    const QString step =
        info.role == RunRole::Warmup ? tr("Warm-up: ")
        : info.experiment
            ? tr("Experiment, run %1 of %2: ").arg(info.runIndex + 1).arg(info.runCount)
        : info.runCount > 1
            ? tr("Compare, run %1 of %2: ").arg(info.runIndex + 1).arg(info.runCount)
            : QString();
    m_text->setText(tr("%1%2 running · %3 elapsed")
                        .arg(step, loopsLabel(info.shards), Formatting::duration(info.elapsedMs)));
    m_stall->setText(tr("GUI stall p99 %1 · max %2")
                         .arg(Formatting::duration(info.guiStall.p99Ms),
                              Formatting::duration(info.guiStall.maxMs)));
}

void StatusBar::showRunFinished(const RunResult &result, const StallMeter::Stats &guiStall)
{
    m_stall->setText(
        tr("GUI stall p99 %1 · max %2 (last run)")
            .arg(Formatting::duration(guiStall.p99Ms), Formatting::duration(guiStall.maxMs)));
    if (result.completed()) {
        m_text->setText(tr("%1: %2 (ideal %3, efficiency %4)")
                            .arg(loopsLabel(result.shards), Formatting::duration(result.wallMs),
                                 Formatting::duration(result.idealMs),
                                 Formatting::percent(result.efficiency)));
    } else {
        m_text->setText(tr("%1: %2 after %L3 of %L4 tasks %5")
                            .arg(loopsLabel(result.shards), runStatusName(result.status))
                            .arg(result.tasksDone)
                            .arg(result.tasks)
                            .arg(result.error));
    }
}

void StatusBar::showExperimentFinished(const ExperimentResult &result)
{
    int failed = 0;
    for (const RunResult &r : result.runs)
        failed += r.status == RunStatus::Failed ? 1 : 0;
    m_text->setText(tr("%1%2").arg(result.verdict(),
                                   failed ? tr(" · %n run(s) failed: see the history", "", failed)
                                          : QString()));
}
