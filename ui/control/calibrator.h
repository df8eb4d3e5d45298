// SPDX-License-Identifier: MIT
#pragma once

#include "core/workload/kernel.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

#include <QCoroTask>

#include <optional>

// Nanoseconds per iteration of every kernel on this machine, measured at startup on Qt's thread
// pool (calibration is 10-20 ms of busy loop per kernel: on the GUI thread that would be a visible
// stall) and again on recalibrate(). The estimates before a run need it (a run builds its own
// bound from its measured work); a figure taken while the machine was busy or at another clock
// is worth measuring again, hence the time it was taken.
class Calibrator : public QObject
{
    Q_OBJECT
public:
    explicit Calibrator(QObject *parent = nullptr);

    void start();
    // Forgets every figure and measures again; nothing happens while a calibration is running.
    void recalibrate();
    bool isCalibrating() const { return m_calibrating; }
    std::optional<double> nsPerIteration(Kernel kernel) const;
    // When the newest figures were taken (local time); invalid before the first.
    QDateTime takenAt() const { return m_takenAt; }

signals:
    void calibrated(Kernel kernel, double nsPerIteration);
    void calibrationStarted();

private:
    QCoro::Task<> calibrateAll();

    QHash<int, double> m_nsPerIter; // by Kernel
    QDateTime m_takenAt;
    bool m_started = false;
    bool m_calibrating = false;
};
