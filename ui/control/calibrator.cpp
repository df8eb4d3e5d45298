// SPDX-License-Identifier: MIT
#include "ui/control/calibrator.h"

#include "core/base/workpool.h"
#include "core/engine/runtimecommand.h"

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
    m_costs.clear();
    m_measured.clear();
    m_failed.clear();
    m_queue.clear();
    ++m_generation;
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

std::optional<RuntimeCost> Calibrator::runtimeCost(Runtime runtime, Kernel kernel,
                                                   const QString &python)
{
    const std::optional<double> ns = nsPerIteration(kernel);
    if (!RuntimeCommand::isOutOfProcess(runtime))
        return ns ? std::optional(RuntimeCost{*ns, 0}) : std::nullopt;
    const QString key =
        QStringList{runtimeName(runtime), kernelName(kernel), python.trimmed()}.join(u'\n');
    if (const auto it = m_costs.constFind(key); it != m_costs.cend())
        return *it;
    if (ns && !m_failed.contains(key) && !m_queue.contains(key)) {
        m_queue.append(key);
        if (!m_measuring && !m_held)
            measureQueued();
    }
    return std::nullopt;
}

void Calibrator::setHeld(bool held)
{
    m_held = held;
    if (!held && !m_measuring && !m_queue.isEmpty())
        measureQueued();
}

QCoro::Task<> Calibrator::measureQueued()
{
    const QPointer<Calibrator> self(this);
    m_measuring = true;
    while (!m_queue.isEmpty() && !m_held) {
        const QString key = m_queue.constFirst();
        const QStringList parts = key.split(u'\n');
        const Runtime runtime = *runtimeFromName(parts[0]);
        const Kernel kernel = *kernelFromName(parts[1]);
        const QString python = parts[2];
        const std::optional<double> ns = nsPerIteration(kernel);
        const quint64 generation = m_generation;
        const QFuture<std::optional<RuntimeCost>> measuring =
            QtConcurrent::run(&workPool(), [runtime, kernel, python, ns] {
                return measureRuntimeCost(runtime, kernel, python, ns.value_or(0));
            });
        const std::optional<RuntimeCost> cost = co_await measuring;
        if (!self)
            co_return;
        if (generation != m_generation) // recalibrate() emptied the queue meanwhile
            continue;
        m_queue.removeFirst();
        if (cost) {
            m_costs.insert(key, *cost);
            m_measured.append({runtime, kernel, python, *cost});
        } else
            m_failed.insert(key);
        emit runtimeCalibrated();
    }
    m_measuring = false;
}

std::optional<double> Calibrator::nsPerIteration(Kernel kernel) const
{
    const auto it = m_nsPerIter.constFind(static_cast<int>(kernel));
    return it == m_nsPerIter.cend() ? std::nullopt : std::optional<double>(*it);
}
