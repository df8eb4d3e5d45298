// SPDX-License-Identifier: MIT
#pragma once

#include "ui/control/runcontroller.h"

#include <QList>
#include <QObject>
#include <QString>

class Calibrator;
class ConfigPanel;

// Run, Compare, Repeat compare, Sweep and Recalibrate: which may start now and what the status
// bar hints, from the form, the kernel calibration and the run in flight; and starting them with
// the form's values. Run, Compare and Repeat compare need every field but the shard list valid,
// Sweep needs the shard list too, and everything needs the kernel calibrated.
class LaunchController : public QObject
{
    Q_OBJECT
public:
    // None is owned.
    LaunchController(const ConfigPanel *form, Calibrator *calibrator, RunController *runs,
                     QObject *parent = nullptr);

    struct State
    {
        bool running = false;
        bool canRun = false;   // Run, Compare, Repeat compare
        bool canSweep = false; // the form is valid (Sweep also waits for canRun's conditions)
        bool canRecalibrate = false;
        // What the actions would run, from the form as it is now: 0 / empty where not valid.
        int shards = 0;
        QList<int> shardCounts;
        int repeats = 1;
        QString hint; // empty while running: the progress says it all
    };
    // `historyEmpty`: the first hint shows where to begin.
    State state(bool historyEmpty) const;

    // Each false when it may not start now.
    bool startRun(RunController::Mode mode);
    bool startExperiment(bool sweep);
    bool recalibrate();

    // What the status bar says of the calibration ("sum 1.25 ns/iter · hash 2.50 ns/iter · taken
    // 12:00"), and its tooltip, which also lists every runtime cost measured (CPython's kernel
    // per iteration, a worker's start-up); the text is empty before the first calibration ends.
    QString calibrationText() const;
    QString calibrationToolTip() const;

private:
    // One line per runtime cost measured ("asyncio on /usr/bin/python3, sum kernel: ...").
    QString runtimeCostsText() const;

    const ConfigPanel *m_form;
    Calibrator *m_calibrator;
    RunController *m_runs;
};
