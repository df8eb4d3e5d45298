// SPDX-License-Identifier: MIT
#pragma once

#include "core/system/descriptorguard.h"
#include "core/system/memoryguard.h"
#include "ui/config/configinput.h"

#include <QHash>
#include <QWidget>

class PresetStore;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class Calibrator;
class QToolButton;
class RuntimeProbe;
class WrappedLabel;

// The run configuration form: a preset to start from, then every input of WorkloadSpec and
// RunConfig. Numbers are typed as text and decoded by the core's SpecCodec, so each problem is
// shown beside its field in the same sentence the CLI prints after the option name. Shows, does
// not compute: estimates come from WorkEstimate, calibration from outside.
class ConfigPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ConfigPanel(const PresetStore &presets, QWidget *parent = nullptr);

    void setConfig(const WorkloadSpec &spec, const RunConfig &config);
    // The experiment inputs: shard list ("1,2,4" or "sweep"), repeats R, warm-up.
    void setExperiment(const QString &shardList, int repeats, bool warmup);
    // The transport row: timer or http, and for http the connections and response size (the
    // other http settings, a target, server loops and a timeout, are the CLI's alone).
    void setTransport(const TransportConfig &transport);
    // The runtimes every action runs, in runtimeNames() order; several make a "Compare
    // runtimes" experiment. setConfig() sets one, config.runtime, and the interpreter.
    void setRuntimes(const QList<Runtime> &runtimes);
    // Whether every chosen runtime is known to run here (or known not to: then an error stands
    // beside its field); false while the interpreter is being asked.
    bool runtimesChecked() const { return m_runtimesChecked; }
    void applyPreset(int index);
    // Every field from `in` (a stored experiment's SpecText::of(), saved settings), through the
    // one codec: the plan, K, the runtimes, the transport, the shard list, repeats and warm-up.
    void setInput(const ConfigInput &in);
    // The guards Run is checked against; by default this process's limits at start (memory:
    // MemAvailable, ulimit -v, the memory cgroup; open files). Tests set small ones to see the
    // refusals: the memory message stands beside Tasks, or beside Shards when the shards alone
    // do not fit; the open-file message beside Shards.
    void setMemoryGuard(const MemoryGuard &guard);
    void setDescriptorGuard(const DescriptorGuard &guard);
    ConfigInput input() const;
    const ConfigInput::Parsed &parsed() const { return m_parsed; }
    // Every field valid: what Sweep needs.
    bool isValid() const { return m_parsed.ok(); }
    // Every field but the shard list valid: what Run, Compare and Repeat compare need (the shard
    // list is Sweep's alone, so a half-typed list must not stop them).
    bool canRun() const;
    // The presets changed (a user preset saved or removed): the preset box lists them again.
    void reloadPresets();

    // Feeds "about X ms per task on this machine".
    void setCalibration(Kernel kernel, double nsPerIteration);
    // Feeds the experiment's estimate: every runtime's cost (not owned; measured as the form
    // asks for it). Without one the form estimates no experiment.
    void setCalibrator(Calibrator *calibrator);
    // "Sweep: 41 runs, about 3 min 20 s · ...": empty while nothing can be estimated.
    QString experimentEstimate() const;
    // The message shown beside `field` ("tasks", "io", "ioDist", "cpu", "cpuDist", "shards",
    // "seed", "runtime", "python", "connections", "responseBytes", "shardList", "repeat"), empty
    // if none.
    QString errorText(const QString &field) const;

signals:
    // Any edit; validity and the spec may have changed.
    void changed();

private:
    void reevaluate();
    void addWarningMarkers();
    void addErrorRow(const QString &field, QLineEdit *edit, class QFormLayout *form);
    void checkLimits();
    void showPreset();
    void addShapeRows(QComboBox *shape, QLineEdit *params, bool io, class QFormLayout *form);
    void enableHttpFields();
    QWidget *runtimeRow();
    QWidget *pythonRow();
    void checkRuntimes();
    void estimateExperiment();

    const PresetStore &m_presets;
    QComboBox *m_preset;
    WrappedLabel *m_presetInfo;
    QLineEdit *m_tasks;
    QLineEdit *m_ioMin;
    QLineEdit *m_ioMax;
    QLineEdit *m_cpuMin;
    QLineEdit *m_cpuMax;
    // A shape per range: the combo names it, the edit holds its parameters ("median=300,
    // p99=3000"); together they are the codec's text ("lognormal:median=300,p99=3000").
    QComboBox *m_ioShape;
    QLineEdit *m_ioShapeParams;
    QComboBox *m_cpuShape;
    QLineEdit *m_cpuShapeParams;
    QLabel *m_estimate;
    QComboBox *m_kernel;
    QLineEdit *m_shards;
    QComboBox *m_partition;
    QLineEdit *m_seed;
    QCheckBox *m_pin;
    QList<QCheckBox *> m_runtimes; // one per runtime, in runtimeNames() order
    QLineEdit *m_python;
    QToolButton *m_browsePython;
    RuntimeProbe *m_probe;
    bool m_runtimesChecked = true;
    Calibrator *m_calibrator = nullptr;
    WrappedLabel *m_experimentEstimate;
    QComboBox *m_transport;
    QLineEdit *m_connections;
    QLineEdit *m_responseBytes;
    QLineEdit *m_shardList;
    QSpinBox *m_repeats;
    QCheckBox *m_warmup;
    MemoryGuard m_guard;
    DescriptorGuard m_descriptors;

    QHash<QString, WrappedLabel *> m_errorLabels;
    QHash<QString, QList<QLineEdit *>> m_fieldEdits;
    QHash<int, double> m_nsPerIter; // by Kernel
    ConfigInput::Parsed m_parsed;
    bool m_settingConfig = false;
};
