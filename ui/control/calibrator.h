// SPDX-License-Identifier: MIT
#pragma once

#include "core/workload/kernel.h"

#include <QHash>
#include <QObject>

#include <QCoroTask>

#include <optional>

// Nanoseconds per iteration of every kernel on this machine, measured once at startup on Qt's
// thread pool (calibration is 10-20 ms of busy loop per kernel: on the GUI thread that would be a
// visible stall) and cached for the session. Runs need it for the ideal bound.
class Calibrator : public QObject
{
    Q_OBJECT
public:
    explicit Calibrator(QObject *parent = nullptr);

    void start();
    std::optional<double> nsPerIteration(Kernel kernel) const;

signals:
    void calibrated(Kernel kernel, double nsPerIteration);

private:
    QCoro::Task<> calibrateAll();

    QHash<int, double> m_nsPerIter; // by Kernel
    bool m_started = false;
};
