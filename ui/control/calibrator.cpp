// SPDX-License-Identifier: MIT
#include "ui/control/calibrator.h"

#include <QThread>

Calibrator::Calibrator(QObject *parent)
    : QObject(parent)
{}

Calibrator::~Calibrator()
{
    if (m_thread)
        m_thread->wait();
}

void Calibrator::start()
{
    if (m_thread)
        return;
    m_thread.reset(QThread::create([this] {
        for (Kernel kernel : {Kernel::Sum, Kernel::Hash}) {
            const double ns = calibrateNsPerIteration(kernel);
            // Back to the owner's thread; the destructor waits for us, so `this` is alive.
            QMetaObject::invokeMethod(
                this,
                [this, kernel, ns] {
                    m_nsPerIter.insert(static_cast<int>(kernel), ns);
                    emit calibrated(kernel, ns);
                },
                Qt::QueuedConnection);
        }
    }));
    m_thread->setObjectName(QStringLiteral("calibration"));
    m_thread->start();
}

std::optional<double> Calibrator::nsPerIteration(Kernel kernel) const
{
    const auto it = m_nsPerIter.constFind(static_cast<int>(kernel));
    return it == m_nsPerIter.cend() ? std::nullopt : std::optional<double>(*it);
}
