// SPDX-License-Identifier: MIT
#pragma once

#include "core/workload/kernel.h"

#include <QHash>
#include <QObject>

#include <memory>
#include <optional>

class QThread;

// Nanoseconds per iteration of every kernel on this machine, measured once at startup on a
// thread of its own (calibration is 10-20 ms of busy loop per kernel: on the GUI thread that
// would be a visible stall) and cached for the session. Runs need it for the ideal bound.
class Calibrator : public QObject
{
    Q_OBJECT
public:
    explicit Calibrator(QObject *parent = nullptr);
    ~Calibrator() override; // waits for a calibration in flight (tens of ms at most)

    void start();
    std::optional<double> nsPerIteration(Kernel kernel) const;

signals:
    void calibrated(Kernel kernel, double nsPerIteration);

private:
    QHash<int, double> m_nsPerIter; // by Kernel
    std::unique_ptr<QThread> m_thread;
};
