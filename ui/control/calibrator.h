// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/runtimecost.h"
#include "core/workload/kernel.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <QCoroTask>

#include <optional>

// Nanoseconds per iteration of every kernel on this machine, measured at startup on Qt's thread
// pool (calibration is 10-20 ms of busy loop per kernel: on the GUI thread that would be a visible
// stall) and again on recalibrate(). The estimates before a run need it (a run builds its own
// bound from its measured work); a figure taken while the machine was busy or at another clock
// is worth measuring again, hence the time it was taken.
//
// The out-of-process runtimes' costs (CPython's kernels, ~20-100x slower than C++, and every
// worker's start-up) are measured by running them (measureRuntimeCost()), on demand, one at a
// time on the pool, and kept per (runtime, kernel, interpreter) until recalibrate().
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
    // What `runtime` costs for `kernel` with `python` (empty: the default interpreter); in
    // process, the C++ figure. nullopt while not measured: the first call for a key queues its
    // measurement (not while held, nor before the C++ kernel is calibrated), and
    // runtimeCalibrated() follows. A runtime whose measuring run failed stays nullopt.
    std::optional<RuntimeCost> runtimeCost(Runtime runtime, Kernel kernel, const QString &python);
    // While held (a run is in flight) nothing new is measured: a calibration run would take CPU
    // from the measured one. Releasing resumes the queue.
    void setHeld(bool held);
    // Every out-of-process cost measured so far, in the order measured.
    struct Measured
    {
        Runtime runtime;
        Kernel kernel;
        QString python; // as asked: empty is the default interpreter
        RuntimeCost cost;
    };
    const QList<Measured> &measured() const { return m_measured; }
    // When the newest figures were taken (local time); invalid before the first.
    QDateTime takenAt() const { return m_takenAt; }

signals:
    void calibrated(Kernel kernel, double nsPerIteration);
    void calibrationStarted();
    void runtimeCalibrated();

private:
    QCoro::Task<> calibrateAll();
    QCoro::Task<> measureQueued();

    QHash<int, double> m_nsPerIter; // by Kernel
    QDateTime m_takenAt;
    bool m_started = false;
    bool m_calibrating = false;
    // Out of process, by "runtime kernel python": measured, failed, and waiting in order.
    QHash<QString, RuntimeCost> m_costs;
    QList<Measured> m_measured;
    QSet<QString> m_failed;
    QStringList m_queue;
    bool m_measuring = false;
    bool m_held = false;
    quint64 m_generation = 0; // recalibrate() drops what a measurement in flight brings
};
