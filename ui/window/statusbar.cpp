// SPDX-License-Identifier: MIT
#include "ui/window/statusbar.h"

#include "core/base/missingmark.h"
#include "core/experiment/experiment.h"
#include "ui/common/elidedlabel.h"
#include "ui/common/formatting.h"
#include "ui/common/shownname.h"
#include "ui/control/runcontroller.h"
#include "ui/models/comparison.h"

#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QTimer>

#include <cmath>
#include <numeric>

namespace {
// The bar's resolution: per mille, so that a sequence of 200 runs still moves.
constexpr int kBarSteps = 1000;
} // namespace

StatusBar::StatusBar(QWidget *parent)
    : QStatusBar(parent)
    , m_text(new ElidedLabel(tr("Ready")))
    , m_progress(new QProgressBar)
    , m_progressText(new QLabel(tr("idle")))
    , m_stall(new ElidedLabel(tr("GUI stall: %1").arg(missingMark())))
    , m_calibration(new ElidedLabel(tr("calibrating…")))
    , m_noticeTimer(new QTimer(this))
{
    m_statusText = m_text->text();
    // The figures stand beside the bar, not on it: text drawn over the fill is unreadable where
    // the fill ends, in every style.
    m_progress->setTextVisible(false);
    m_progress->setRange(0, kBarSteps);
    m_progress->setValue(0);
    m_progress->setFixedWidth(fontMetrics().horizontalAdvance(QLatin1Char('0')) * 12);
    m_progress->setMaximumHeight(fontMetrics().height());
    m_text->setObjectName(QStringLiteral("statusText"));

    m_progress->setObjectName(QStringLiteral("progress"));
    m_progressText->setObjectName(QStringLiteral("progressText"));
    m_stall->setObjectName(QStringLiteral("guiStall"));
    m_stall->setExplanation(tr("Lateness of a 10 ms heartbeat timer on the GUI thread during "
                               "the run (p99 and max): how responsive the window stayed. "
                               "Target: p99 at most 16 ms, one frame."));
    // As wide as its text where there is room (its size hint); on a narrow window it gives way
    // down to this.
    m_stall->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('0')) * 14);
    m_stall->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_calibration->setObjectName(QStringLiteral("calibration"));
    m_calibration->setExplanation(tr("Kernel calibration on this machine, measured at start"));
    m_calibration->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('0')) * 10);
    m_calibration->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_noticeTimer->setSingleShot(true);
    connect(m_noticeTimer, &QTimer::timeout, this, [this] {
        m_notice.clear();
        showText();
    });
    addWidget(m_text, 1);
    addPermanentWidget(m_progress);
    addPermanentWidget(m_progressText);
    addPermanentWidget(m_stall);
    addPermanentWidget(m_calibration);
}

QString StatusBar::stallText(double p99Ms, double maxMs, bool lastRun)
{
    const QString p99 = Formatting::duration(p99Ms);
    const QString max = Formatting::duration(maxMs);
    return lastRun ? tr("GUI stall p99 %1 · max %2 (last run)").arg(p99, max)
                   : tr("GUI stall p99 %1 · max %2").arg(p99, max);
}

void StatusBar::showText()
{
    m_text->setText(m_notice.isEmpty() ? m_statusText : m_notice);
    fitText();
}

void StatusBar::fitText()
{
    // The bar is shared out here, not by its layout: the layout cut the message as much as the
    // figures beside it (the verdict elided at 1280 px in Portuguese), or gave the message all it
    // could and squeezed the figures beside a short one; and a minimum width taken from the
    // bar's own width made the window wider than the screen. Only maximum widths are set, so the
    // bar never asks for more than it has. The message first, up to the width it needs; then
    // the GUI stall; then the calibration; each figure elided (whole in its tooltip) below its
    // width and never below its minimum.
    const int wanted = m_text->sizeHint().width();
    m_text->setMaximumWidth(wanted);
    // The progress bar and its figures, the spacing between five items and the size grip.
    const int fixed = m_progress->width() + m_progressText->sizeHint().width() +
                      8 * fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const int room = width() - fixed - wanted; // for the stall and the calibration
    const int stall = std::clamp(room - m_calibration->minimumWidth(), m_stall->minimumWidth(),
                                 std::max(m_stall->minimumWidth(), m_stall->sizeHint().width()));
    const int calibration =
        std::clamp(room - stall, m_calibration->minimumWidth(),
                   std::max(m_calibration->minimumWidth(), m_calibration->sizeHint().width()));
    m_stall->setMaximumWidth(stall);
    m_calibration->setMaximumWidth(calibration);
}

void StatusBar::resizeEvent(QResizeEvent *event)
{
    QStatusBar::resizeEvent(event);
    fitText();
}

void StatusBar::setHint(const QString &text)
{
    m_statusText = text;
    showText();
}

void StatusBar::notify(const QString &text, int timeoutMs)
{
    m_notice = text;
    m_noticeTimer->start(timeoutMs);
    showText();
}

void StatusBar::setIdle()
{
    m_progress->setValue(0);
    m_progressText->setText(tr("idle"));
    m_finishedRunsMs.clear();
    m_lastRunIndex = -1;
    m_lastElapsedMs = 0;
}

void StatusBar::setCalibration(const QString &text, const QString &toolTip)
{
    m_calibration->setText(text);
    fitText();
    m_calibration->setExplanation(toolTip.isEmpty() ? tr("Kernel calibration on this machine")
                                                    : toolTip);
}

double StatusBar::sequenceEtaMs(int runIndex, int runCount, double runElapsedMs, double runEtaMs,
                                double meanFinishedRunMs)
{
    if (std::isnan(runEtaMs))
        return runEtaMs;
    const int later = std::max(0, runCount - runIndex - 1);
    const double perRun =
        std::isnan(meanFinishedRunMs) ? runElapsedMs + runEtaMs : meanFinishedRunMs;
    return runEtaMs + later * perRun;
}

void StatusBar::showProgress(const RunProgressInfo &info)
{
    const bool warmup = info.role == RunRole::Warmup;
    if (!warmup && info.runIndex > m_lastRunIndex) {
        if (m_lastRunIndex >= 0)
            m_finishedRunsMs.push_back(m_lastElapsedMs);
        m_lastRunIndex = info.runIndex;
    }
    if (!warmup)
        m_lastElapsedMs = info.elapsedMs;

    const double inRun = info.tasks > 0 ? double(info.finished) / double(info.tasks) : 0.0;
    const int runCount = std::max(1, info.runCount);
    const double overall = warmup ? inRun : (info.runIndex + inRun) / runCount;
    m_progress->setValue(int(std::lround(std::clamp(overall, 0.0, 1.0) * kBarSteps)));

    const double mean = m_finishedRunsMs.empty() ? std::numeric_limits<double>::quiet_NaN()
                                                 : std::accumulate(m_finishedRunsMs.begin(),
                                                                   m_finishedRunsMs.end(), 0.0) /
                                                       double(m_finishedRunsMs.size());
    const double eta =
        warmup ? info.etaMs
               : sequenceEtaMs(info.runIndex, runCount, info.elapsedMs, info.etaMs, mean);
    const QString etaText = std::isnan(eta) ? tr("…") : Formatting::duration(eta);
    const QLocale locale;
    if (runCount > 1 && !warmup) {
        m_progressText->setText(tr("run %1 of %2 · %3 · ETA %4")
                                    .arg(info.runIndex + 1)
                                    .arg(runCount)
                                    .arg(Formatting::percent(overall), etaText));
        m_progressText->setToolTip(
            tr("this run: %1 of %2 tasks")
                .arg(locale.toString(qint64(info.finished)), locale.toString(qint64(info.tasks))));
    } else {
        m_progressText->setText(tr("%1 of %2 tasks · ETA %3")
                                    .arg(locale.toString(qint64(info.finished)),
                                         locale.toString(qint64(info.tasks)), etaText));
    }
    const QString step =
        warmup            ? tr("Warm-up: ")
        : info.experiment ? tr("Experiment, run %1 of %2: ").arg(info.runIndex + 1).arg(runCount)
        : runCount > 1    ? tr("Compare, run %1 of %2: ").arg(info.runIndex + 1).arg(runCount)
                          : QString();
    // The task count stands beside the bar (or in its tooltip during a sequence).
    m_statusText = tr("%1%2 running · %3 elapsed")
                       .arg(step, loopsLabel(info.shards), Formatting::duration(info.elapsedMs));
    m_stall->setText(stallText(info.guiStall.p99Ms, info.guiStall.maxMs, false));
    showText();
}

void StatusBar::showRunFinished(const RunResult &result, const StallMeter::Stats &guiStall)
{
    m_stall->setText(stallText(guiStall.p99Ms, guiStall.maxMs, true));
    const QLocale locale;
    if (result.completed()) {
        m_statusText =
            tr("%1: %2 (ideal %3, efficiency %4)")
                .arg(loopsLabel(result.shards), Formatting::duration(result.wallMs),
                     Formatting::duration(result.idealMs), Formatting::percent(result.efficiency));
    } else {
        m_statusText = tr("%1: %2 after %3 of %4 tasks %5")
                           .arg(loopsLabel(result.shards), shownName(runStatusName(result.status)),
                                locale.toString(qint64(result.tasksDone)),
                                locale.toString(qint64(result.tasks)), result.error);
    }
    showText();
}

void StatusBar::showExperimentFinished(const ExperimentResult &result, const QString &headline)
{
    int failed = 0;
    for (const RunResult &r : result.runs)
        failed += r.status == RunStatus::Failed ? 1 : 0;
    m_statusText = tr("%1%2").arg(
        headline, failed ? tr(" · %1 failed: see the history")
                               .arg(Formatting::counted(failed, tr("run"), tr("runs")))
                         : QString());
    showText();
}
