// SPDX-License-Identifier: MIT
#include "ui/controllers/launchcontroller.h"

#include "core/engine/runtimecommand.h"
#include "core/experiment/speccodec.h"
#include "core/experiment/verdict.h"
#include "ui/config/configpanel.h"
#include "ui/control/calibrator.h"

#include <QLocale>

#include <algorithm>

namespace {

QStringList runtimeList(const QList<Runtime> &runtimes)
{
    QStringList names;
    for (Runtime r : runtimes)
        names.append(runtimeName(r));
    return names;
}

} // namespace

LaunchController::LaunchController(const ConfigPanel *form, Calibrator *calibrator,
                                   RunController *runs, QObject *parent)
    : QObject(parent)
    , m_form(form)
    , m_calibrator(calibrator)
    , m_runs(runs)
{}

LaunchController::State LaunchController::state(bool historyEmpty) const
{
    State s;
    const ConfigInput::Parsed &p = m_form->parsed();
    const bool calibrated = m_calibrator->nsPerIteration(p.spec.kernel).has_value();
    s.running = m_runs->isRunning();
    s.canRun = !s.running && m_form->canRun() && calibrated && m_form->runtimesChecked();
    s.canSweep = m_form->isValid();
    s.canRecalibrate = !s.running && !m_calibrator->isCalibrating();
    // The labels follow the form as it is now, valid or not.
    auto fieldOk = [&p](const char *field) {
        return std::none_of(p.errors.begin(), p.errors.end(), [field](const FieldError &e) {
            return e.field == QLatin1String(field);
        });
    };
    s.shards = fieldOk("shards") ? p.config.shards : 0;
    s.shardCounts = fieldOk("shardList") ? p.shardCounts : QList<int>{};
    s.repeats = p.repeats;
    if (s.running)
        return s;
    if (!m_form->canRun())
        s.hint = tr("Fix the highlighted fields to run");
    else if (!m_form->isValid())
        s.hint = tr("Sweep needs a valid shard list; Run and Compare are ready");
    else if (!calibrated)
        s.hint = tr("Calibrating the kernel…");
    else if (!m_form->runtimesChecked())
        s.hint = tr("Checking whether the chosen runtimes can run here…");
    else if (p.runtimes.size() > 1)
        s.hint = tr("Ready: Compare (F5) runs one plan on 1 loop, then on %1, on each of %2")
                     .arg(loopsLabel(p.config.shards))
                     .arg(QLocale().createSeparatedList(runtimeList(p.runtimes)));
    else if (historyEmpty)
        s.hint = tr("Ready: Compare (F5) runs one plan on 1 loop, then on %1")
                     .arg(loopsLabel(p.config.shards));
    else
        s.hint = tr("Ready");
    return s;
}

bool LaunchController::startRun(RunController::Mode mode)
{
    const ConfigInput::Parsed &p = m_form->parsed();
    const auto ns = m_calibrator->nsPerIteration(p.spec.kernel);
    if (!m_form->canRun() || !m_form->runtimesChecked() || !ns || m_runs->isRunning())
        return false;
    if (p.runtimes.size() > 1) {
        // Several runtimes: a "Compare runtimes" experiment, as the CLI's --runtime a,b,c runs
        // it, over the shard counts of the action, once each.
        const QList<int> shardCounts = mode == RunController::Mode::OneLoop ? QList<int>{1}
                                       : mode == RunController::Mode::KLoops
                                           ? QList<int>{p.config.shards}
                                           : SpecCodec::compareShards(p.config.shards);
        return m_runs->startExperiment(
            SpecCodec::experiment(p.spec, p.config, shardCounts, 1, false, p.transport, p.runtimes),
            *ns);
    }
    return m_runs->start(mode, p.spec, p.config, *ns, p.transport);
}

bool LaunchController::startExperiment(bool sweep)
{
    const ConfigInput::Parsed &p = m_form->parsed();
    const auto ns = m_calibrator->nsPerIteration(p.spec.kernel);
    if (!(sweep ? m_form->isValid() : m_form->canRun()) || !m_form->runtimesChecked() || !ns ||
        m_runs->isRunning())
        return false;
    return m_runs->startExperiment(sweep ? p.sweepSpec() : p.repeatCompareSpec(), *ns);
}

bool LaunchController::recalibrate()
{
    if (m_runs->isRunning() || m_calibrator->isCalibrating())
        return false;
    m_calibrator->recalibrate();
    return true;
}

QString LaunchController::calibrationText() const
{
    // Short, for the status bar of a 1024-pixel window: the unit once, and when it was taken in
    // the tooltip (calibrationToolTip()); the whole line cost the status message its room.
    QStringList parts;
    for (Kernel kernel : kernels()) {
        if (const auto ns = m_calibrator->nsPerIteration(kernel))
            parts.append(QStringLiteral("%1 %L2").arg(kernelName(kernel)).arg(*ns, 0, 'f', 2));
    }
    return parts.isEmpty() ? QString()
                           : parts.join(QStringLiteral(" · ")) + QStringLiteral(" ns/iter");
}

QString LaunchController::calibrationToolTip() const
{
    const QDateTime taken = m_calibrator->takenAt();
    if (!taken.isValid())
        return {};
    return tr("Kernel calibration on this machine, taken %1. It estimates a run before it starts; "
              "each run's bound comes from its own measured work. Run > Recalibrate measures "
              "again.")
               .arg(QLocale().toString(taken, QLocale::LongFormat)) +
           runtimeCostsText();
}

QString LaunchController::runtimeCostsText() const
{
    QString text;
    for (const Calibrator::Measured &m : m_calibrator->measured()) {
        // `processes` runs the C++ kernel: its interpreter is loopbench itself.
        const QString runtime =
            m.runtime == Runtime::Processes
                ? runtimeName(m.runtime)
                : tr("%1 on %2")
                      .arg(runtimeName(m.runtime),
                           m.python.isEmpty() ? QString::fromLatin1(RuntimeCommand::kDefaultPython)
                                              : m.python);
        text += QLatin1Char('\n') + tr("%1, %2 kernel: %L3 ns/iteration, %L4 ms to start a worker")
                                        .arg(runtime, kernelName(m.kernel))
                                        .arg(m.cost.nsPerIter, 0, 'f', 1)
                                        .arg(m.cost.startMsPerWorker, 0, 'f', 0);
    }
    return text;
}
