// SPDX-License-Identifier: MIT
#include "ui/control/calibrator.h"

#include "core/base/workpool.h"
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <QCoroFuture>

Calibrator::Calibrator(QObject *parent)
    : QObject(parent)
{}

void Calibrator::start()
{
    if (m_started)
        return;
    m_started = true;
    calibrateAll();
}

void Calibrator::recalibrate()
{
    if (m_calibrating)
        return;
    m_started = true;
    m_nsPerIter.clear();
    calibrateAll();
}

QCoro::Task<> Calibrator::calibrateAll()
{
    // The pool job outlives this object if the window closes meanwhile; it owns nothing of ours.
    const QPointer<Calibrator> self(this);
    m_calibrating = true;
    emit calibrationStarted();
    const std::vector<Kernel> all = kernels();
    for (Kernel kernel : all) {
        // Named before it is awaited: GCC 12 mishandles a temporary lambda in a co_await.
        const QFuture<double> calibrating =
            QtConcurrent::run(&workPool(), [kernel] { return calibrateNsPerIteration(kernel); });
        const double ns = co_await calibrating;
        if (!self)
            co_return;
        m_nsPerIter.insert(static_cast<int>(kernel), ns);
        m_takenAt = QDateTime::currentDateTime();
        if (kernel == all.back()) // the last one: a slot may start the next calibration
            m_calibrating = false;
        emit calibrated(kernel, ns);
    }
}

std::optional<double> Calibrator::nsPerIteration(Kernel kernel) const
{
    const auto it = m_nsPerIter.constFind(static_cast<int>(kernel));
    return it == m_nsPerIter.cend() ? std::nullopt : std::optional<double>(*it);
}
