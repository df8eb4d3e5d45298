// SPDX-License-Identifier: MIT
#include "ui/config/configpanel.h"

#include "core/engine/runtimecommand.h"
#include "core/experiment/experimentestimate.h"
#include "core/experiment/resourcelimits.h"
#include "core/system/systemlimits.h"

#include "ui/common/formatting.h"
#include "ui/common/wrappedlabel.h"
#include "ui/config/presetstore.h"
#include "ui/config/runtimeprobe.h"
#include "ui/config/workestimate.h"
#include "ui/control/calibrator.h"
#include "ui/control/runcontroller.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStyle>
#include <QThread>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <tuple>

namespace {

QLineEdit *numberEdit(const QString &tooltip, const QString &accessibleName)
{
    auto *edit = new QLineEdit;
    edit->setToolTip(tooltip);
    edit->setAccessibleName(accessibleName);
    // Wide enough for "50000000" tasks or "4000M" iterations in any font and DPI (measured in
    // characters, not pixels), and narrow enough that the form fits a 1024-pixel screen beside
    // the charts; a longer number scrolls inside its field.
    edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 8);
    return edit;
}

// "lognormal:median=300,p99=3000" -> ("lognormal", "median=300,p99=3000").
std::pair<QString, QString> splitShape(const QString &text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    return colon < 0 ? std::pair{text.trimmed(), QString()}
                     : std::pair{text.left(colon).trimmed(), text.mid(colon + 1).trimmed()};
}

QString joinShape(const QComboBox *shape, const QLineEdit *params)
{
    const QString p = params->text().trimmed();
    return p.isEmpty() ? shape->currentText() : shape->currentText() + QLatin1Char(':') + p;
}

QWidget *rangeRow(QLineEdit *min, QLineEdit *max, const QString &unit)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(min, 1);
    layout->addWidget(new QLabel(QObject::tr("to")));
    layout->addWidget(max, 1);
    layout->addWidget(new QLabel(unit));
    return row;
}

} // namespace

ConfigPanel::ConfigPanel(const PresetStore &presets, QWidget *parent)
    : QWidget(parent)
    , m_presets(presets)
    , m_preset(new QComboBox)
    , m_presetInfo(new WrappedLabel)
    , m_tasks(numberEdit(tr("Number of tasks in the plan, %1. Accepts 10000, 10,000 or 10k.")
                             .arg(WorkloadSpec::kTaskRange.text()),
                         tr("Task count")))
    , m_ioMin(numberEdit(
          tr("Shortest simulated IO delay per task, %1").arg(WorkloadSpec::kIoRange.text()),
          tr("IO delay minimum, ms")))
    , m_ioMax(numberEdit(tr("Longest simulated IO delay per task, %1 (not below the minimum)")
                             .arg(WorkloadSpec::kIoRange.text()),
                         tr("IO delay maximum, ms")))
    , m_cpuMin(numberEdit(tr("Fewest kernel iterations of CPU work per task, %1. Accepts 100k, "
                             "2.5M.")
                              .arg(WorkloadSpec::kCpuRange.text()),
                          tr("CPU work minimum, iterations")))
    , m_cpuMax(numberEdit(tr("Most kernel iterations of CPU work per task, %1 (not below the "
                             "minimum). Accepts 500k, 2.5M.")
                              .arg(WorkloadSpec::kCpuRange.text()),
                          tr("CPU work maximum, iterations")))
    , m_ioShape(new QComboBox)
    , m_ioShapeParams(numberEdit(QString(), tr("IO delay shape parameters")))
    , m_cpuShape(new QComboBox)
    , m_cpuShapeParams(numberEdit(QString(), tr("CPU work shape parameters")))
    , m_estimate(new QLabel)
    , m_kernel(new QComboBox)
    , m_shards(numberEdit(tr("K: event loops (one thread each) for Run K loops and Compare, %1. "
                             "Default: the %2 logical CPUs of this machine.")
                              .arg(RunConfig::kShardRange.text())
                              .arg(QThread::idealThreadCount()),
                          tr("Shard count K")))
    , m_partition(new QComboBox)
    , m_seed(numberEdit(tr("Seed of the plan's random draws, %1 (decimal or 0x hex). The same "
                           "seed gives the same plan on every machine.")
                            .arg(WorkloadSpec::kSeedRange.text()),
                        tr("Seed")))
    , m_pin(new QCheckBox(tr("Pin shard k to lo&gical CPU k")))
    , m_python(new QLineEdit)
    , m_browsePython(new QToolButton)
    , m_probe(new RuntimeProbe(this))
    , m_experimentEstimate(new WrappedLabel)
    , m_transport(new QComboBox)
    , m_connections(numberEdit(tr("HTTP connections: per-task (one connection per request, like "
                                  "a crawler visiting many sites) or N, a keep-alive pool of N "
                                  "per shard that tasks queue for (%1)")
                                   .arg(TransportConfig::kConnectionRange.text()),
                               tr("HTTP connections")))
    , m_responseBytes(numberEdit(tr("Bytes the server answers each request with, %1; every "
                                    "byte is folded into the checksum. Accepts 4096 or 4k.")
                                     .arg(TransportConfig::kResponseBytesRange.text()),
                                 tr("Response bytes")))
    , m_shardList(numberEdit(tr("Shard counts K that Sweep runs, all on the same plan: a list such "
                                "as 1,2,3,4,8 (each %1), or “sweep” for 1, 2, 4, ... up to "
                                "twice the %2 logical CPUs")
                                 .arg(RunConfig::kShardRange.text())
                                 .arg(QThread::idealThreadCount()),
                             tr("Shard counts")))
    , m_repeats(new QSpinBox)
    , m_warmup(new QCheckBox(tr("Warm-&up run first (untimed)")))
    , m_guard(SystemLimits::memory())
    , m_descriptors(SystemLimits::descriptors())
{
    reloadPresets();
    m_preset->setToolTip(tr("Start from a stored workload (the built-in ones, then yours: "
                            "Presets > Save current as preset); editing any field makes it "
                            "Custom"));
    // Whole, on as many lines as it needs; editing a field into Custom keeps the room of the
    // preset left (showPreset()), so the field being typed in does not move.
    m_presetInfo->setForegroundRole(QPalette::PlaceholderText);
    m_presetInfo->setObjectName(QStringLiteral("presetDescription"));
    // Names that do not change with the language, for tests and tools.
    m_tasks->setObjectName(QStringLiteral("tasks"));
    m_shards->setObjectName(QStringLiteral("shards"));
    m_ioShapeParams->setObjectName(QStringLiteral("ioShapeParams"));
    m_cpuShapeParams->setObjectName(QStringLiteral("cpuShapeParams"));
    m_estimate->setWordWrap(true);
    m_estimate->setForegroundRole(QPalette::PlaceholderText);
    // Two lines kept, with or without an estimate, so that the fields below stay where they are.
    m_estimate->setMinimumHeight(2 * m_estimate->fontMetrics().lineSpacing());
    m_estimate->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // Every choice from its enum's table of names, in its order.
    for (const QString &name : kernelNames())
        m_kernel->addItem(name, int(*kernelFromName(name)));
    m_kernel->setToolTip(tr("CPU kernel each task runs: sum is a dependent multiply/xor chain "
                            "like the original loop; hash is FNV-1a over a byte stream"));
    for (const QString &name : partitionNames())
        m_partition->addItem(name, int(*partitionFromName(name)));
    m_partition->setToolTip(tr("How tasks are dealt to shards: contiguous batches (as the "
                               "original experiment) or round-robin"));
    m_pin->setToolTip(tr("Pin shard thread k to logical CPU k mod CPUs (sched_setaffinity)"));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // On a narrow dock a field goes below its label rather than being cut (1024x768 screens).
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    auto addRow = [form](const QString &label, QWidget *field, QWidget *buddy) {
        auto *l = new QLabel(label);
        l->setBuddy(buddy);
        form->addRow(l, field);
    };
    // Mnemonics are unique in the window: the menus hold F, R, P, V, H, the pages L and W, the
    // history Y and the statistics M (tst_configpanel checks it).
    addRow(tr("Pre&set:"), m_preset, m_preset);
    form->addRow(QString(), m_presetInfo);
    addRow(tr("&Tasks:"), m_tasks, m_tasks);
    addErrorRow(QStringLiteral("tasks"), m_tasks, form);
    addRow(tr("&IO delay:"), rangeRow(m_ioMin, m_ioMax, tr("ms")), m_ioMin);
    m_fieldEdits[QStringLiteral("io")].append(m_ioMax);
    addErrorRow(QStringLiteral("io"), m_ioMin, form);
    addShapeRows(m_ioShape, m_ioShapeParams, true, form);
    addErrorRow(QStringLiteral("ioDist"), m_ioShapeParams, form);
    addRow(tr("&CPU work:"), rangeRow(m_cpuMin, m_cpuMax, tr("iterations")), m_cpuMin);
    form->addRow(QString(), m_estimate);
    m_fieldEdits[QStringLiteral("cpu")].append(m_cpuMax);
    addErrorRow(QStringLiteral("cpu"), m_cpuMin, form);
    addShapeRows(m_cpuShape, m_cpuShapeParams, false, form);
    addErrorRow(QStringLiteral("cpuDist"), m_cpuShapeParams, form);
    addRow(tr("Ker&nel:"), m_kernel, m_kernel);
    auto *shardsRow = new QWidget;
    auto *shardsLayout = new QHBoxLayout(shardsRow);
    shardsLayout->setContentsMargins(0, 0, 0, 0);
    shardsLayout->addWidget(m_shards, 1);
    shardsLayout->addWidget(new QLabel(tr("of %1").arg(
        Formatting::counted(QThread::idealThreadCount(), tr("logical CPU"), tr("logical CPUs")))));
    addRow(tr("Shards (&K):"), shardsRow, m_shards);
    addErrorRow(QStringLiteral("shards"), m_shards, form);
    addRow(tr("Partiti&on:"), m_partition, m_partition);
    addRow(tr("S&eed:"), m_seed, m_seed);
    addErrorRow(QStringLiteral("seed"), m_seed, form);
    form->addRow(QString(), m_pin);
    // Runtime and Python: the letters of their labels are taken too; Tab reaches them.
    QWidget *runtimes = runtimeRow(); // before its first box is named the label's buddy
    addRow(tr("Runtime:"), runtimes, m_runtimes.first());
    addErrorRow(QStringLiteral("runtime"), nullptr, form);
    addRow(tr("Python:"), pythonRow(), m_python);
    addErrorRow(QStringLiteral("python"), m_python, form);
    // Transport: the letters of its labels are all taken (see above), so only Response bytes
    // has a mnemonic; Tab reaches the other two.
    m_transport->addItem(tr("Timer"), int(Transport::Timer));
    m_transport->addItem(tr("HTTP (loopback server)"), int(Transport::Http));
    m_transport->setAccessibleName(tr("Transport"));
    m_connections->setPlaceholderText(tr("per-task or N"));
    m_transport->setToolTip(tr("How each task does its IO: a sleep on its shard's timer (the "
                               "original experiment), or one HTTP GET over a real TCP socket to a "
                               "loopbench --serve process this run starts, answered after the "
                               "task's planned delay"));
    addRow(tr("Transport:"), m_transport, m_transport);
    addRow(tr("Connections:"), m_connections, m_connections);
    addErrorRow(QStringLiteral("connections"), m_connections, form);
    addRow(tr("Response &bytes:"), m_responseBytes, m_responseBytes);
    addErrorRow(QStringLiteral("responseBytes"), m_responseBytes, form);

    // Experiment: what Sweep and Repeat compare run.
    auto *experimentTitle = new QLabel(tr("<b>Experiment</b> (Sweep F6, Repeat compare F7)"));
    experimentTitle->setContentsMargins(0, 8, 0, 0);
    form->addRow(experimentTitle);
    addRow(tr("Shar&d list:"), m_shardList, m_shardList);
    addErrorRow(QStringLiteral("shardList"), m_shardList, form);
    m_repeats->setRange(1, ExperimentSpec::kMaxRepeats);
    m_repeats->setAccessibleName(tr("Repeats"));
    m_repeats->setToolTip(tr("R: measured runs per configuration, %1, interleaved 1, K, 1, K, "
                             "... so machine drift hits every configuration alike. From 5 on "
                             "the statistics give a Mann-Whitney p-value.")
                              .arg(ExperimentSpec::kRepeatRange.text()));
    addRow(tr("Repe&ats (R):"), m_repeats, m_repeats);
    m_warmup->setToolTip(tr("One run of the first configuration before the measured ones, "
                            "thrown away: it pays for page faults and CPU frequency ramp-up"));
    form->addRow(QString(), m_warmup);
    m_experimentEstimate->setObjectName(QStringLiteral("experimentEstimate"));
    m_experimentEstimate->setForegroundRole(QPalette::PlaceholderText);
    // Two lines kept, so that the estimate coming and going does not move the form.
    m_experimentEstimate->setReservedText(QStringLiteral(" \n "));
    form->addRow(m_experimentEstimate);
    addWarningMarkers();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);

    for (QLineEdit *e : {m_tasks, m_ioMin, m_ioMax, m_cpuMin, m_cpuMax, m_ioShapeParams,
                         m_cpuShapeParams, m_shards, m_seed, m_connections, m_responseBytes})
        connect(e, &QLineEdit::textChanged, this, &ConfigPanel::reevaluate);
    connect(m_transport, &QComboBox::currentIndexChanged, this, [this] {
        enableHttpFields();
        reevaluate();
    });
    connect(m_kernel, &QComboBox::currentIndexChanged, this, &ConfigPanel::reevaluate);
    connect(m_partition, &QComboBox::currentIndexChanged, this, &ConfigPanel::reevaluate);
    connect(m_pin, &QCheckBox::toggled, this, &ConfigPanel::reevaluate);
    for (QCheckBox *box : std::as_const(m_runtimes))
        connect(box, &QCheckBox::toggled, this, &ConfigPanel::reevaluate);
    // A changed path is asked again (off this thread), once per path.
    connect(m_python, &QLineEdit::textChanged, this, &ConfigPanel::reevaluate);
    connect(m_probe, &RuntimeProbe::probed, this, &ConfigPanel::reevaluate);
    connect(m_shardList, &QLineEdit::textChanged, this, &ConfigPanel::reevaluate);
    connect(m_repeats, &QSpinBox::valueChanged, this, &ConfigPanel::reevaluate);
    connect(m_warmup, &QCheckBox::toggled, this, &ConfigPanel::reevaluate);
    connect(m_preset, &QComboBox::activated, this,
            [this](int item) { applyPreset(m_preset->itemData(item).toInt()); });

    const ConfigInput defaults;
    m_shardList->setText(defaults.shardList);
    m_repeats->setValue(defaults.repeats.toInt());
    m_warmup->setChecked(defaults.warmup);
    setTransport(TransportConfig{});
    RunConfig config;
    config.shards = QThread::idealThreadCount();
    setConfig(WorkloadSpec{}, config);
}

void ConfigPanel::setTransport(const TransportConfig &transport)
{
    m_settingConfig = true;
    m_transport->setCurrentIndex(m_transport->findData(int(transport.kind)));
    m_connections->setText(transport.connectionsText());
    m_responseBytes->setText(QString::number(transport.responseBytes));
    enableHttpFields();
    m_settingConfig = false;
    reevaluate();
}

void ConfigPanel::enableHttpFields()
{
    // Timer runs have no connections or responses: the fields keep their text for a switch back.
    const bool http = Transport(m_transport->currentData().toInt()) == Transport::Http;
    m_connections->setEnabled(http);
    m_responseBytes->setEnabled(http);
}

QWidget *ConfigPanel::runtimeRow()
{
    const QStringList names = runtimeNames();
    const QHash<Runtime, QString> about{
        {Runtime::Threads, tr("K Qt event loops, one per thread: LoopBench's own engine")},
        {Runtime::Processes,
         tr("K worker processes with one event loop each: the article's design, in C++")},
        {Runtime::Stealing, tr("K threads sharing the work: a task whose IO is done runs its CPU "
                               "part on any idle loop, as work-stealing runtimes do")},
        {Runtime::Asyncio, tr("CPython asyncio running the article's task body: one asyncio.run "
                              "in one process for 1 loop, K processes for K")},
        {Runtime::AsyncioUvloop, tr("CPython asyncio as above, on uvloop's event loop")},
    };
    auto *row = new QWidget;
    auto *grid = new QGridLayout(row);
    grid->setContentsMargins(0, 0, 0, 0);
    // Three a line: five in one would widen the form past a 1024-pixel screen's dock.
    for (int i = 0; i < names.size(); ++i) {
        auto *box = new QCheckBox(names[i]);
        const Runtime runtime = *runtimeFromName(names[i]);
        box->setProperty("runtime", int(runtime));
        box->setProperty("about", about.value(runtime));
        box->setToolTip(about.value(runtime));
        grid->addWidget(box, i / 3, i % 3);
        m_runtimes.append(box);
    }
    row->setToolTip(tr("Check several to compare runtimes: every action then runs the same plan "
                       "on each checked runtime, interleaved like repeats"));
    return row;
}

QWidget *ConfigPanel::pythonRow()
{
    m_python->setPlaceholderText(QString::fromLatin1(RuntimeCommand::kDefaultPython));
    m_python->setObjectName(QStringLiteral("python"));
    m_python->setAccessibleName(tr("Python interpreter"));
    m_python->setToolTip(
        tr("The interpreter of the asyncio runtimes: a path such as a venv's bin/python3. Empty: "
           "%1, Debian's, where python3-uvloop and python3-aiohttp install (a python3 earlier on "
           "PATH may lack them).")
            .arg(QString::fromLatin1(RuntimeCommand::kDefaultPython)));
    // An icon, not "Browse…": in a narrow dock the path needs the width.
    m_browsePython->setIcon(style()->standardIcon(QStyle::SP_DirOpenIcon));
    m_browsePython->setToolTip(tr("Choose the Python interpreter"));
    m_browsePython->setAccessibleName(m_browsePython->toolTip()); // an icon has no text to read
    connect(m_browsePython, &QToolButton::clicked, this, [this] {
        const QString current = m_python->text().trimmed().isEmpty()
                                    ? QString::fromLatin1(RuntimeCommand::kDefaultPython)
                                    : m_python->text().trimmed();
        const QString path = QFileDialog::getOpenFileName(this, tr("Python interpreter"), current);
        if (!path.isEmpty())
            m_python->setText(path);
    });
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_python, 1);
    layout->addWidget(m_browsePython);
    return row;
}

void ConfigPanel::setRuntimes(const QList<Runtime> &runtimes)
{
    m_settingConfig = true;
    for (QCheckBox *box : std::as_const(m_runtimes))
        box->setChecked(runtimes.contains(Runtime(box->property("runtime").toInt())));
    m_settingConfig = false;
    reevaluate();
}

void ConfigPanel::checkRuntimes()
{
    // A runtime that cannot run here is disabled with the reason the CLI prints; one the user
    // (or a preset, or saved settings) chose anyway stays enabled, to be unchecked, and its
    // reason stands beside the field instead.
    const bool http = Transport(m_transport->currentData().toInt()) == Transport::Http;
    const QString python = m_python->text().trimmed();
    m_runtimesChecked = true;
    for (QCheckBox *box : std::as_const(m_runtimes)) {
        const Runtime runtime = Runtime(box->property("runtime").toInt());
        const QString about = box->property("about").toString();
        const std::optional<FieldErrors> errors = m_probe->check(runtime, python, http);
        if (!errors) {
            box->setEnabled(true);
            box->setToolTip(about + QLatin1Char('\n') + tr("Checking whether it can run here…"));
            if (box->isChecked())
                m_runtimesChecked = false;
            continue;
        }
        const QString implementation = m_probe->implementation(runtime, python, http);
        box->setEnabled(errors->isEmpty() || box->isChecked());
        box->setToolTip(!errors->isEmpty()         ? errors->first().message
                        : implementation.isEmpty() ? about
                                                   : about + QLatin1Char('\n') + implementation);
        if (box->isChecked() && m_parsed.runtimes.contains(runtime))
            m_parsed.errors += *errors;
    }
}

void ConfigPanel::setExperiment(const QString &shardList, int repeats, bool warmup)
{
    m_settingConfig = true;
    m_shardList->setText(shardList);
    m_repeats->setValue(repeats);
    m_warmup->setChecked(warmup);
    m_settingConfig = false;
    reevaluate();
}

void ConfigPanel::setMemoryGuard(const MemoryGuard &guard)
{
    m_guard = guard;
    reevaluate();
}

void ConfigPanel::setDescriptorGuard(const DescriptorGuard &guard)
{
    m_descriptors = guard;
    reevaluate();
}

void ConfigPanel::addErrorRow(const QString &field, QLineEdit *edit, QFormLayout *form)
{
    // Always one line high, empty while the field is valid, so that a message appearing does not
    // push every field below it down while the user types. A message longer than the line wraps
    // onto more lines: read whole, never cut.
    auto *label = new WrappedLabel;
    label->setReservedText(QStringLiteral(" "));
    label->setObjectName(QStringLiteral("error_") + field);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, QColor(200, 30, 30));
    label->setPalette(p);
    form->addRow(QString(), label);
    m_errorLabels.insert(field, label);
    if (edit) // a row of check boxes has no field to mark
        m_fieldEdits[field].prepend(edit);
}

void ConfigPanel::addShapeRows(QComboBox *shape, QLineEdit *params, bool io, QFormLayout *form)
{
    const QString unit = io ? tr("ms") : tr("iterations");
    for (const QString &name : shapeNames())
        shape->addItem(name, int(*shapeFromName(name)));
    shape->setAccessibleName(io ? tr("IO delay shape") : tr("CPU work shape"));
    shape->setToolTip(tr("Where inside the range the draws fall; the range stays the bounds "
                         "(every draw is clamped to it). uniform: all values alike. lognormal: "
                         "median M and 99th percentile P. pareto: a power-law tail through M and "
                         "P, heavier past P. bimodal: a fraction F of heavy tasks in the top "
                         "tenth of the range, the rest in the bottom tenth."));
    params->setToolTip(tr("lognormal and pareto: median=M, p99=P in %1 (min <= M < P <= max); "
                          "bimodal: heavy=F, a fraction from 0 to 1; uniform: nothing")
                           .arg(unit));
    // A shape chosen from the list starts from parameters that fit the range, for the user to
    // edit: the median a quarter of the way up, p99 nine tenths of the way.
    connect(shape, &QComboBox::activated, this, [this, shape, params, io] {
        const auto s = Distribution::Shape(shape->currentData().toInt());
        const std::uint64_t lo =
            m_parsed.ok() ? (io ? std::uint64_t(m_parsed.spec.ioMinMs) : m_parsed.spec.cpuMin) : 0;
        const std::uint64_t hi =
            m_parsed.ok() ? (io ? std::uint64_t(m_parsed.spec.ioMaxMs) : m_parsed.spec.cpuMax) : 0;
        QString text;
        if (s == Distribution::Shape::Bimodal) {
            text = QStringLiteral("heavy=0.1");
        } else if (s != Distribution::Shape::Uniform && hi > lo + 1) {
            const std::uint64_t median = std::max<std::uint64_t>(lo + (hi - lo) / 4, 1);
            const std::uint64_t p99 = std::max(median + 1, lo + (hi - lo) / 10 * 9);
            text = QStringLiteral("median=%1, p99=%2").arg(median).arg(p99);
        }
        params->setText(text); // reevaluates
        params->setEnabled(s != Distribution::Shape::Uniform);
        reevaluate();
    });
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("shaped")));
    layout->addWidget(shape);
    layout->addStretch(1);
    form->addRow(QString(), row);
    // The parameters on a line of their own, wide enough for a preset's whole text
    // ("median=200000,p99=2000000") beside the warning icon: beside the shape they were cut.
    const QFontMetrics fm = params->fontMetrics();
    params->setMinimumWidth(fm.horizontalAdvance(QStringLiteral("median=200000,p99=2000000")) +
                            fm.height());
    form->addRow(QString(), params);
}

void ConfigPanel::addWarningMarkers()
{
    // One hidden warning icon inside each checked field, shown while the field is invalid.
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const QList<QLineEdit *> &edits : std::as_const(m_fieldEdits)) {
        for (QLineEdit *edit : edits)
            edit->addAction(warning, QLineEdit::TrailingPosition)->setVisible(false);
    }
}

void ConfigPanel::setConfig(const WorkloadSpec &spec, const RunConfig &config)
{
    const ConfigInput in = ConfigInput::from(spec, config);
    m_settingConfig = true; // one reevaluate() for the whole form, not one per field
    m_tasks->setText(in.tasks);
    m_ioMin->setText(in.ioMinMs);
    m_ioMax->setText(in.ioMaxMs);
    m_cpuMin->setText(in.cpuMin);
    m_cpuMax->setText(in.cpuMax);
    for (const auto &[text, shape, params] :
         {std::tuple{in.ioDist, m_ioShape, m_ioShapeParams},
          std::tuple{in.cpuDist, m_cpuShape, m_cpuShapeParams}}) {
        const auto [name, values] = splitShape(text);
        shape->setCurrentIndex(
            shape->findData(int(shapeFromName(name).value_or(Distribution::Shape::Uniform))));
        params->setText(values);
        params->setEnabled(!values.isEmpty());
    }
    m_shards->setText(in.shards);
    m_seed->setText(in.seed);
    m_kernel->setCurrentIndex(m_kernel->findData(int(spec.kernel)));
    m_partition->setCurrentIndex(m_partition->findData(int(config.partition)));
    m_pin->setChecked(in.pin);
    for (QCheckBox *box : std::as_const(m_runtimes))
        box->setChecked(Runtime(box->property("runtime").toInt()) == config.runtime);
    m_python->setText(in.python);
    m_settingConfig = false;
    reevaluate();
}

void ConfigPanel::reloadPresets()
{
    // The item data is the preset's index; a separator parts the built-in ones from the user's.
    const QSignalBlocker blocker(m_preset);
    m_preset->clear();
    const QList<Preset> &presets = m_presets.presets();
    for (int i = 0; i < presets.size(); ++i) {
        if (i == m_presets.builtInCount() && i > 0)
            m_preset->insertSeparator(m_preset->count());
        m_preset->addItem(presets[i].user ? tr("%1 (yours)").arg(presets[i].name) : presets[i].name,
                          i);
        m_preset->setItemData(m_preset->count() - 1, presets[i].description, Qt::ToolTipRole);
    }
    m_preset->addItem(tr("Custom"), -1);
    if (!m_settingConfig && m_presetInfo)
        showPreset();
}

void ConfigPanel::showPreset()
{
    // A preset is a plan: how it runs (the shard list, a runtime that cannot run here) does not
    // make it another one.
    const bool planOk =
        std::all_of(m_parsed.errors.begin(), m_parsed.errors.end(), [](const FieldError &e) {
            return e.field == QLatin1String("shardList") || e.field == QLatin1String("runtime") ||
                   e.field == QLatin1String("python");
        });
    const int preset = planOk ? m_presets.indexOf(Plan{m_parsed.spec, m_parsed.transport}) : -1;
    m_preset->setCurrentIndex(m_preset->findData(preset));
    if (preset >= 0)
        m_presetInfo->setReservedText(m_presets.presets()[preset].description);
    m_presetInfo->setText(preset >= 0 ? m_presets.presets()[preset].description
                                      : tr("Your own workload."));
}

bool ConfigPanel::canRun() const
{
    return std::all_of(m_parsed.errors.begin(), m_parsed.errors.end(),
                       [](const FieldError &e) { return e.field == QLatin1String("shardList"); });
}

void ConfigPanel::applyPreset(int index)
{
    if (index < 0 || index >= m_presets.presets().size())
        return;
    ConfigInput::Parsed current = m_parsed;
    // A preset is a whole plan, its transport too; shards, partition and pinning stay as the
    // user set them, unless the preset names a partition.
    const Preset &preset = m_presets.presets()[index];
    RunConfig config = current.ok() ? current.config : RunConfig{};
    if (preset.partition)
        config.partition = *preset.partition;
    if (preset.runtime)
        config.runtime = *preset.runtime;
    setTransport(preset.plan.transport);
    setConfig(preset.plan.workload, config);
    // The user's runtimes, all of them, unless the preset is about one.
    if (!preset.runtime && current.ok())
        setRuntimes(current.runtimes);
}

void ConfigPanel::setInput(const ConfigInput &in)
{
    const ConfigInput::Parsed parsed = in.parse();
    setTransport(parsed.transport);
    setConfig(parsed.spec, parsed.config);
    setRuntimes(parsed.runtimes); // setConfig() sets one, config.runtime
    setExperiment(in.shardList, parsed.repeats, in.warmup);
}

ConfigInput ConfigPanel::input() const
{
    ConfigInput in;
    in.tasks = m_tasks->text();
    in.ioMinMs = m_ioMin->text();
    in.ioMaxMs = m_ioMax->text();
    in.cpuMin = m_cpuMin->text();
    in.cpuMax = m_cpuMax->text();
    in.ioDist = joinShape(m_ioShape, m_ioShapeParams);
    in.cpuDist = joinShape(m_cpuShape, m_cpuShapeParams);
    in.shards = m_shards->text();
    in.seed = m_seed->text();
    in.kernel = kernelName(static_cast<Kernel>(m_kernel->currentData().toInt()));
    in.partition = partitionName(static_cast<Partition>(m_partition->currentData().toInt()));
    in.pin = m_pin->isChecked();
    QStringList runtimes;
    for (const QCheckBox *box : m_runtimes) {
        if (box->isChecked())
            runtimes.append(runtimeName(Runtime(box->property("runtime").toInt())));
    }
    in.runtime = runtimes.join(QLatin1Char(','));
    in.python = m_python->text();
    in.shardList = m_shardList->text();
    in.repeats = QString::number(m_repeats->value());
    in.warmup = m_warmup->isChecked();
    in.transport = transportName(Transport(m_transport->currentData().toInt()));
    in.connections = m_connections->text();
    in.responseBytes = m_responseBytes->text();
    return in;
}

void ConfigPanel::setCalibration(Kernel kernel, double nsPerIteration)
{
    m_nsPerIter.insert(int(kernel), nsPerIteration);
    reevaluate();
}

void ConfigPanel::setCalibrator(Calibrator *calibrator)
{
    m_calibrator = calibrator;
    connect(calibrator, &Calibrator::calibrated, this, &ConfigPanel::reevaluate);
    connect(calibrator, &Calibrator::runtimeCalibrated, this, &ConfigPanel::reevaluate);
    reevaluate();
}

QString ConfigPanel::experimentEstimate() const
{
    return m_experimentEstimate->text();
}

void ConfigPanel::estimateExperiment()
{
    // Nothing before the C++ kernel is calibrated: the line above says so already.
    if (!m_calibrator || !canRun() || !m_runtimesChecked ||
        !m_calibrator->nsPerIteration(m_parsed.spec.kernel)) {
        m_experimentEstimate->setText(QString());
        return;
    }
    const Kernel kernel = m_parsed.spec.kernel;
    const QString python = m_parsed.config.python;
    auto costOf = [this, kernel, python](Runtime runtime) {
        return m_calibrator->runtimeCost(runtime, kernel, python);
    };
    const int cpus = QThread::idealThreadCount();
    QStringList lines;
    std::optional<ExperimentEstimate> longest;
    auto describe = [&](const QString &action, const ExperimentSpec &spec) {
        const auto e =
            ExperimentEstimate::of(spec, costOf, cpus, RunController::kExperimentSettleMs);
        if (!e) {
            lines.append(tr("%1: measuring the runtimes…").arg(action));
            return;
        }
        lines.append(tr("%1: %2, about %3")
                         .arg(action, Formatting::counted(e->runs, tr("run"), tr("runs")),
                              Formatting::duration(e->totalMs)));
        if (!longest || e->longestRunMs > longest->longestRunMs)
            longest = e;
    };
    if (isValid())
        describe(tr("Sweep"), m_parsed.sweepSpec());
    describe(tr("Repeat compare"), m_parsed.repeatCompareSpec());
    QString text = lines.join(QStringLiteral(" · "));
    if (longest) {
        text += QLatin1Char('\n') + tr("longest run: %1 at K = %2, about %3")
                                        .arg(runtimeName(longest->longestRuntime))
                                        .arg(longest->longestShards)
                                        .arg(Formatting::duration(longest->longestRunMs));
    }
    m_experimentEstimate->setText(text);
}

QString ConfigPanel::errorText(const QString &field) const
{
    const WrappedLabel *label = m_errorLabels.value(field);
    return label ? label->text() : QString();
}

void ConfigPanel::checkLimits()
{
    // Only a plan that is otherwise valid is worth sizing. Run and Compare
    // start K threads; Sweep also the largest K of its list, and what that one does not fit is
    // the shard list's problem alone, beside the list, leaving Run and Compare enabled.
    auto blames = [this](std::initializer_list<const char *> fields) {
        return std::any_of(
            m_parsed.errors.begin(), m_parsed.errors.end(), [&](const FieldError &e) {
                return std::any_of(fields.begin(), fields.end(),
                                   [&](const char *f) { return e.field == QLatin1String(f); });
            });
    };
    if (blames({"tasks", "shards", "connections"}))
        return;
    const bool listOk = !blames({"shardList"});
    auto check = [this](int shards) {
        return checkResourceLimits(std::uint64_t(m_parsed.spec.tasks), shards, m_parsed.transport,
                                   m_descriptors, m_guard);
    };
    if (auto error = check(m_parsed.config.shards)) {
        m_parsed.errors.append(*error); // beside Tasks, or Shards when the shards alone do not fit
        return;
    }
    if (listOk && m_parsed.maxShards() > m_parsed.config.shards) {
        if (auto error = check(m_parsed.maxShards())) {
            error->field = QStringLiteral("shardList");
            error->message = tr("K = %1: %2").arg(m_parsed.maxShards()).arg(error->message);
            m_parsed.errors.append(*error);
        }
    }
}

void ConfigPanel::reevaluate()
{
    if (m_settingConfig)
        return;
    m_parsed = input().parse();
    checkLimits();
    checkRuntimes();

    QHash<QString, QStringList> messages;
    for (const FieldError &e : std::as_const(m_parsed.errors))
        messages[e.field].append(e.message);
    for (auto it = m_errorLabels.cbegin(); it != m_errorLabels.cend(); ++it) {
        const QStringList text = messages.value(it.key());
        it.value()->setText(text.join(QLatin1Char('\n')));
        // A warning icon inside each offending field, beside the message below it.
        for (QLineEdit *edit : m_fieldEdits.value(it.key())) {
            QAction *marker = edit->actions().constFirst();
            marker->setVisible(!text.isEmpty());
            marker->setToolTip(text.join(QLatin1Char('\n')));
        }
    }

    showPreset();

    const auto ns = m_nsPerIter.constFind(int(m_parsed.spec.kernel));
    if (!canRun())
        m_estimate->clear();
    else if (ns == m_nsPerIter.cend())
        m_estimate->setText(tr("calibrating the kernel…"));
    else
        m_estimate->setText(WorkEstimate::of(m_parsed.spec, *ns).text());
    estimateExperiment();
    emit changed();
}
