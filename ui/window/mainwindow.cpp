// SPDX-License-Identifier: MIT
#include "ui/window/mainwindow.h"

#include "core/base/workpool.h"
#include "core/report/reportreader.h"
#include "ui/charts/comparisonchart.h"
#include "ui/charts/coreloadview.h"
#include "ui/charts/efficiencychart.h"
#include "ui/charts/shardloadview.h"
#include "ui/charts/sweepchart.h"
#include "ui/common/formatting.h"
#include "ui/common/resources.h"
#include "ui/config/configpanel.h"
#include "ui/config/configsettings.h"
#include "ui/control/calibrator.h"
#include "ui/control/loadmonitor.h"
#include "ui/export/exportdialog.h"
#include "ui/export/exportsettings.h"
#include "ui/models/comparison.h"
#include "ui/models/experimentstatsmodel.h"
#include "ui/models/historymodel.h"
#include "ui/window/historyview.h"
#include "ui/window/livepage.h"
#include "ui/window/noticebar.h"
#include "ui/window/statusbar.h"
#include "ui/window/sweeppage.h"
#include "ui/window/windowactions.h"

#include <QAction>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QMimeData>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

#include <QCoroFuture>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QHash>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_calibrator(new Calibrator(this))
    , m_controller(new RunController(this))
    , m_monitor(new LoadMonitor(std::make_unique<ProcStatSource>(), this))
    , m_history(new HistoryModel(this))
    , m_stats(new ExperimentStatsModel(this))
    , m_config(new ConfigPanel(m_presets))
    , m_livePage(new LivePage(m_monitor, m_history))
    , m_sweepPage(new SweepPage(m_stats))
    , m_tabs(new QTabWidget)
    , m_actions(new WindowActions(this, m_presets))
    , m_status(new StatusBar)
    , m_notice(new NoticeBar)
{
    initResources();
    setWindowTitle(tr("One event loop vs K event loops"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/loopbench.svg")));

    // Live load and single runs on one page, the experiment's statistics on the other: a sweep
    // needs the room of a whole page for its chart and table.
    m_tabs->setObjectName(QStringLiteral("pages"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_livePage, tr("&Live"));
    m_tabs->addTab(m_sweepPage, tr("S&weep && statistics"));
    auto *central = new QWidget;
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(2);
    centralLayout->addWidget(m_notice);
    centralLayout->addWidget(m_tabs, 1);
    setCentralWidget(central);
    setStatusBar(m_status);

    auto *dock = new QDockWidget(tr("Configuration"), this);
    dock->setObjectName(QStringLiteral("configDock"));
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_config);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Never a horizontal scroll bar: the dock is as wide as the form needs (its long rows wrap
    // below their labels), so no unit or message is cut on a 1024-pixel screen.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(m_config->minimumSizeHint().width() +
                            scroll->verticalScrollBar()->sizeHint().width());
    dock->setWidget(scroll);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable |
                      QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    m_actions->viewMenu()->addAction(dock->toggleViewAction());

    connect(m_actions, &WindowActions::runRequested, this, &MainWindow::startRun);
    connect(m_actions, &WindowActions::experimentRequested, this, &MainWindow::startExperiment);
    connect(m_actions, &WindowActions::cancelRequested, m_controller, &RunController::cancel);
    connect(m_actions, &WindowActions::exportRequested, this, &MainWindow::showExportDialog);
    connect(m_actions, &WindowActions::presetRequested, m_config, &ConfigPanel::applyPreset);
    connect(m_actions, &WindowActions::clearHistoryRequested, this, &MainWindow::clearHistory);
    connect(m_livePage, &LivePage::message, this,
            [this](const QString &text) { m_status->notify(text, 6000); });
    connect(m_actions, &WindowActions::savePresetRequested, this, &MainWindow::askPresetName);
    connect(m_actions, &WindowActions::removePresetRequested, this, &MainWindow::askRemovePreset);

    m_monitor->setRunSource([this] { return m_controller->runProgress(); });
    m_monitor->setServerSource([this] { return m_controller->serverPid(); });
    connect(m_config, &ConfigPanel::changed, this, &MainWindow::updateActions);
    connect(m_calibrator, &Calibrator::calibrated, this, &MainWindow::onCalibrated);
    connect(m_controller, &RunController::runningChanged, this, &MainWindow::onRunningChanged);
    connect(m_controller, &RunController::experimentFinished, this,
            &MainWindow::onExperimentFinished);
    connect(m_controller, &RunController::progressed, m_status, &StatusBar::showProgress);
    connect(m_controller, &RunController::runStarted, this,
            [this](RunRole, int shards) { m_monitor->markRunStart(shards); });
    connect(m_controller, &RunController::runFinished, this, &MainWindow::onRunFinished);
    connect(m_controller, &RunController::comparisonFinished, comparisonChart(),
            &ComparisonChart::setComparison);

    connect(m_livePage, &LivePage::experimentSelected, this, &MainWindow::showExperiment);
    connect(m_actions, &WindowActions::openReportRequested, this, &MainWindow::showOpenDialog);
    connect(m_actions, &WindowActions::recalibrateRequested, this, &MainWindow::recalibrate);
    connect(m_actions->keepTaskTimings(), &QAction::toggled, this,
            [this](bool keep) { m_store.setKeepTaskTimings(keep); });
    setAcceptDrops(true); // JSON reports dropped on the window are opened

    {
        const QSettings settings;
        m_presets.loadUserPresets(settings);
    }
    presetsChanged();
    restoreSettings();
    openStore();
    m_calibrator->start();
    m_monitor->start();
    updateActions();
}

MainWindow::~MainWindow()
{
    // Threads first: nothing may outlive the views it reports to.
    m_controller->shutdown();
}

ComparisonChart *MainWindow::comparisonChart() const
{
    return m_livePage->comparisonChart();
}

void MainWindow::onCalibrated()
{
    QStringList parts;
    for (Kernel kernel : {Kernel::Sum, Kernel::Hash}) {
        if (const auto ns = m_calibrator->nsPerIteration(kernel)) {
            m_config->setCalibration(kernel, *ns);
            parts.append(
                QStringLiteral("%1 %2 ns/iter").arg(kernelName(kernel)).arg(*ns, 0, 'f', 2));
        }
    }
    const QDateTime taken = m_calibrator->takenAt();
    if (taken.isValid())
        parts.append(tr("taken %1").arg(QLocale().toString(taken.time(), QLocale::ShortFormat)));
    m_status->setCalibration(parts.join(QStringLiteral(" · ")),
                             taken.isValid()
                                 ? tr("Kernel calibration on this machine, taken %1. It estimates "
                                      "a run before it starts; each run's bound comes from its "
                                      "own measured work. Run > Recalibrate measures again.")
                                       .arg(QLocale().toString(taken, QLocale::LongFormat))
                                 : QString());
    updateActions();
}

void MainWindow::recalibrate()
{
    if (m_controller->isRunning() || m_calibrator->isCalibrating())
        return;
    m_status->setCalibration(tr("calibrating…"), QString());
    m_calibrator->recalibrate();
    updateActions();
}

void MainWindow::updateActions()
{
    const bool running = m_controller->isRunning();
    const ConfigInput::Parsed &p = m_config->parsed();
    const bool calibrated = m_calibrator->nsPerIteration(p.spec.kernel).has_value();
    const bool canRun = !running && m_config->canRun() && calibrated;
    m_actions->setRunning(running, canRun, m_config->isValid());
    m_actions->recalibrate()->setEnabled(!running && !m_calibrator->isCalibrating());
    // The labels follow the form as it is now, valid or not.
    auto fieldOk = [&p](const char *field) {
        return std::none_of(p.errors.begin(), p.errors.end(), [field](const FieldError &e) {
            return e.field == QLatin1String(field);
        });
    };
    m_actions->describe(fieldOk("shards") ? p.config.shards : 0,
                        fieldOk("shardList") ? p.shardCounts : QList<int>{}, p.repeats);
    if (!running && !m_config->canRun())
        m_status->setHint(tr("Fix the highlighted fields to run"));
    else if (!running && !m_config->isValid())
        m_status->setHint(tr("Sweep needs a valid shard list; Run and Compare are ready"));
    else if (!running && !calibrated)
        m_status->setHint(tr("Calibrating the kernel…"));
    else if (!running && m_history->rowCount() == 0)
        m_status->setHint(tr("Ready: Compare (F5) runs one plan on 1 loop, then on %1")
                              .arg(loopsLabel(p.config.shards)));
    else if (!running)
        m_status->setHint(tr("Ready"));
}

void MainWindow::startRun(RunController::Mode mode)
{
    const ConfigInput::Parsed &p = m_config->parsed();
    const auto ns = m_calibrator->nsPerIteration(p.spec.kernel);
    if (!m_config->canRun() || !ns || m_controller->isRunning())
        return;
    m_controller->start(mode, p.spec, p.config, *ns, p.transport);
}

void MainWindow::startExperiment(bool sweep)
{
    const ConfigInput::Parsed &p = m_config->parsed();
    const auto ns = m_calibrator->nsPerIteration(p.spec.kernel);
    if (!(sweep ? m_config->isValid() : m_config->canRun()) || !ns || m_controller->isRunning())
        return;
    m_controller->startExperiment(sweep ? p.sweepSpec() : p.repeatCompareSpec(), *ns);
}

void MainWindow::openStore()
{
    // A store that cannot be used leaves the app working, with a history of this session only:
    // the status bar says why for as long as it matters.
    if (!m_store.open(ResultStore::defaultPath())) {
        m_notice->showNotice(tr("History is not saved: %1").arg(m_store.error()));
        return;
    }
    if (!m_store.notice().isEmpty())
        m_notice->showNotice(m_store.notice());
    m_history->load(m_store.runs());
    if (!m_store.error().isEmpty()) { // a file this build's queries cannot read: say so
        m_notice->showNotice(tr("History: %1").arg(m_store.error()));
        return;
    }
    const QList<StoredExperiment> experiments = m_store.experiments();
    // The statistics page and the comparison chart open on the newest experiment that was not
    // cancelled.
    for (auto it = experiments.crbegin(); it != experiments.crend(); ++it) {
        if (it->finished && !it->result.cancelled && !it->result.runs.empty()) {
            m_stats->setResult(it->result);
            m_shownExperiment = it->id;
            if (const auto pair = Comparison::ofExperiment(it->result))
                comparisonChart()->setComparison(*pair);
            break;
        }
    }
}

void MainWindow::showExperiment(std::int64_t experimentId)
{
    // Reopening an experiment of the history: its statistics come from the stored rows, as
    // they would after a restart.
    if (experimentId <= 0 || !m_store.isOpen())
        return;
    if (m_stats->hasResult() && m_shownExperiment == experimentId)
        return;
    const auto experiment = m_store.experiment(experimentId);
    if (!experiment || experiment->result.runs.empty())
        return;
    m_shownExperiment = experimentId;
    m_stats->setResult(experiment->result);
}

namespace {

// A report file as read: the experiment, or why it is not one.
using ReportRead = std::pair<std::optional<ExperimentResult>, QString>;

QList<ReportRead> readReports(const QStringList &paths)
{
    QList<ReportRead> out;
    for (const QString &path : paths) {
        QString error;
        std::optional<ExperimentResult> result = ReportReader::readFile(path, &error);
        out.append({std::move(result), error});
    }
    return out;
}

} // namespace

QCoro::Task<int> MainWindow::openReports(QStringList paths, QStringList *refused)
{
    const QPointer<MainWindow> self(this);
    // Reading is checked and bounded (64 MB), but a large file still takes a second: not on the
    // GUI thread.
    // The future is made outside the co_await expression: GCC 12 destroys temporaries of a
    // co_await operand twice when they own memory (a lambda capturing a list did).
    QFuture<QList<ReportRead>> reading = QtConcurrent::run(&workPool(), readReports, paths);
    const QList<ReportRead> reads = co_await reading;
    if (!self)
        co_return 0;
    int added = 0;
    QStringList problems;
    // A run is the same run when it started at the same millisecond on as many loops with the
    // same checksum; a report all of whose runs are in the history already (reopened, or
    // exported from it) adds nothing.
    auto key = [](const RunResult &r) {
        return QStringLiteral("%1|%2|%3")
            .arg(r.startedUtc.toMSecsSinceEpoch())
            .arg(r.shards)
            .arg(r.checksum);
    };
    QHash<QString, std::int64_t> known;
    for (const HistoryEntry &e : m_history->entries()) {
        if (e.result.startedUtc.isValid())
            known.insert(key(e.result), e.experimentId);
    }
    for (qsizetype i = 0; i < reads.size(); ++i) {
        const std::optional<ExperimentResult> &result = reads[i].first;
        const QString &error = reads[i].second;
        if (!result) {
            problems.append(error);
            continue;
        }
        if (!m_store.isOpen()) {
            problems.append(tr("%1: the history is off (%2)")
                                .arg(QFileInfo(paths[i]).fileName(), m_store.error()));
            continue;
        }
        const bool seen =
            !result->runs.empty() &&
            std::all_of(result->runs.begin(), result->runs.end(), [&](const RunResult &r) {
                return r.startedUtc.isValid() && known.contains(key(r));
            });
        if (seen) {
            const std::int64_t in = known.value(key(result->runs.front()));
            problems.append(tr("%1: already in the history%2, nothing added")
                                .arg(QFileInfo(paths[i]).fileName(),
                                     in > 0 ? tr(" (experiment #%1)").arg(in) : QString()));
            continue;
        }
        const std::int64_t id =
            m_store.addExperiment(*result, QStringLiteral("imported"), paths[i]);
        if (id == 0) {
            problems.append(tr("%1: %2").arg(QFileInfo(paths[i]).fileName(), m_store.error()));
            continue;
        }
        for (const RunResult &r : result->runs) {
            if (r.startedUtc.isValid())
                known.insert(key(r), id);
        }
        ++added;
        m_shownExperiment = id;
        m_stats->setResult(result->runs.empty() ? *result : m_store.experiment(id)->result);
    }
    if (added > 0)
        m_history->load(m_store.runs());
    if (refused)
        *refused = problems;
    co_return added;
}

QCoro::Task<> MainWindow::showOpenDialog()
{
    const QStringList paths =
        QFileDialog::getOpenFileNames(this, tr("Open LoopBench reports"), QString(),
                                      tr("LoopBench reports (*.json);;All files (*)"));
    if (paths.isEmpty())
        co_return;
    const QPointer<MainWindow> self(this);
    QStringList refused;
    QCoro::Task<int> opening = openReports(paths, &refused); // not inside co_await: see above
    const int added = co_await opening;
    if (!self)
        co_return;
    if (!refused.isEmpty()) {
        QStringList lines;
        for (const QString &line : std::as_const(refused))
            lines.append(line.toHtmlEscaped());
        QMessageBox::warning(
            this, tr("Open reports"),
            tr("<p>Not opened:</p><p>%1</p>").arg(lines.join(QStringLiteral("<br>"))));
    }
    if (added > 0)
        m_status->notify(
            tr("Added %1 to the history").arg(Formatting::counted(added, tr("experiment"))));
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    // Fire and forget: the coroutine reports through the status bar.
    [](QPointer<MainWindow> self, QStringList files) -> QCoro::Task<> {
        QStringList refused;
        QCoro::Task<int> opening = self->openReports(files, &refused);
        const int added = co_await opening;
        if (!self)
            co_return;
        if (refused.isEmpty())
            self->m_status->notify(
                tr("Added %1 to the history").arg(Formatting::counted(added, tr("experiment"))));
        else
            self->m_notice->showNotice(
                tr("Added %L1; not opened: %2").arg(added).arg(refused.join(QStringLiteral("; "))));
    }(QPointer<MainWindow>(this), paths);
}

void MainWindow::clearHistory()
{
    if (m_history->rowCount() > 0 && m_store.isOpen()) {
        const auto answer =
            QMessageBox::question(this, tr("Clear history"),
                                  tr("Delete all %1 from the saved history? This cannot be undone.")
                                      .arg(Formatting::counted(m_history->rowCount(), tr("run"))),
                                  QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    m_store.clear(m_controller->isRunning() && m_recorder ? m_recorder->experimentId() : 0);
    m_history->clear();
    comparisonChart()->clear();
    m_stats->clear();
    m_shownExperiment = 0;
}

void MainWindow::onRunningChanged(bool running)
{
    if (running) {
        m_recorder.emplace(m_store, m_controller->currentSpec(), m_controller->currentKind(),
                           QStringLiteral("app"));
        m_history->beginExperiment();
    } else {
        m_monitor->markRunEnd();
        m_status->setIdle();
    }
    updateActions();
}

void MainWindow::onRunFinished(const RunResult &result, RunRole role, double guiStallP99Ms)
{
    m_monitor->markRunEnd();
    // Into the store first (one transaction), then into the view: the row shows what was saved.
    HistoryEntry stored;
    if (m_recorder) {
        stored.runId = m_recorder->record(result, role, guiStallP99Ms);
        stored.experimentId = m_recorder->experimentId();
        if (stored.runId == 0 && m_store.isOpen())
            m_notice->showNotice(tr("History is not saved: %1").arg(m_store.error()));
    }
    stored.plan = m_controller->currentSpec().plan();
    stored.machine = QSysInfo::machineHostName();
    m_history->append(result, role, guiStallP99Ms, stored);
    m_status->showRunFinished(result, m_controller->stallMeter().stats());
}

void MainWindow::onExperimentFinished(const ExperimentResult &result)
{
    std::int64_t experimentId = 0;
    if (m_recorder) {
        m_recorder->finish(result);
        experimentId = m_recorder->experimentId();
        m_recorder.reset();
    }
    m_history->applyExperiment(result.summary);
    // A cancelled experiment never replaces the statistics of a complete one; it stays in the
    // history, and selecting its rows shows what it has.
    if (result.cancelled && m_stats->hasResult()) {
        m_status->showExperimentFinished(result, result.verdict());
        return;
    }
    m_stats->setResult(result);
    m_shownExperiment = experimentId;
    // A Compare has just drawn its pair; a Repeat compare or a Sweep draws its typical pair; a
    // lone run has none and leaves the chart behind what was done.
    if (m_controller->currentKind() != QLatin1String("compare")) {
        if (const auto pair = Comparison::ofExperiment(result))
            comparisonChart()->setComparison(*pair);
        else
            comparisonChart()->markStale(tr("a %1 ran since").arg(m_controller->currentKind()));
    }
    if (result.spec.repeats > 1 || result.spec.shardCounts.size() > 2)
        m_tabs->setCurrentWidget(m_sweepPage);
    m_status->showExperimentFinished(result, m_stats->headline());
}

bool MainWindow::statisticsFromStore() const
{
    // Listed with the store's experiments (after a restart) its runs have no per-shard figures
    // or load samples; every run that ran, or was read in full, has them.
    const auto &runs = m_stats->result().runs;
    return m_stats->hasResult() && m_shownExperiment > 0 &&
           std::all_of(runs.begin(), runs.end(), [](const RunResult &r) {
               return r.perShard.empty() && r.load.tSec.empty();
           });
}

QString MainWindow::exportScope() const
{
    if (!m_stats->hasResult())
        return {};
    const ExperimentResult &r = m_stats->result();
    QStringList shards;
    for (const int k : r.spec.shardCounts)
        shards.append(QString::number(k));
    const QString when =
        r.runs.empty()
            ? QString()
            : r.runs.front().startedUtc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    // The dialog's radio button names the scope; this says which runs it holds.
    return tr("%1 of %2 on K = %3, %4%5")
        .arg(Formatting::counted(qint64(r.runs.size()), tr("run")),
             Formatting::counted(r.spec.workload.tasks, tr("task")),
             shards.join(QStringLiteral(", ")), when,
             m_shownExperiment > 0 ? tr(" (#%1)").arg(m_shownExperiment) : QString());
}

ExportChoices MainWindow::exportChoices(const std::optional<QSet<std::int64_t>> &withTimings) const
{
    ExportChoices choices;
    choices.experiment = exportScope();
    auto describe = [this](const QList<HistoryEntry> &entries) {
        QSet<std::int64_t> experiments;
        int runs = 0;
        for (const HistoryEntry &e : entries) {
            if (e.runId > 0 && e.role != RunRole::Warmup) {
                ++runs;
                experiments.insert(e.experimentId);
            }
        }
        if (runs == 0)
            return QString();
        return tr("%1 of %2")
            .arg(Formatting::counted(runs, tr("run")),
                 Formatting::counted(experiments.size(), tr("experiment")));
    };
    QList<HistoryEntry> selected;
    for (const int row : m_livePage->historyView()->selectedRows())
        selected.append(m_history->entry(row));
    choices.selectedRuns = describe(selected);
    choices.history = describe(m_history->entries());
    // tasks.csv holds the times of the last run that kept them. The statistics page's runs in
    // memory say it themselves; stored experiments are named by `withTimings` (read off this
    // thread before the dialog), or, when that could not be read, the rule is said.
    const QString none = tr("Per-task timings were not kept for these runs: tasks.csv lists the "
                            "plan (io, iterations, due) without resumed and done times. Run > "
                            "Keep per-task timings keeps them for the next runs.");
    if (m_stats->hasResult()) {
        const auto &runs = m_stats->result().runs;
        const bool kept = statisticsFromStore()
                              ? withTimings && withTimings->contains(m_shownExperiment)
                              : std::any_of(runs.begin(), runs.end(),
                                            [](const RunResult &r) { return r.timings; });
        if (!kept && (withTimings || !statisticsFromStore()))
            choices.noTimings[int(ExportScope::Experiment)] = none;
    }
    auto note = [&](const QList<HistoryEntry> &entries) {
        if (!withTimings)
            return m_store.keepsTaskTimings()
                       ? QString()
                       : tr("Per-task timings are kept only for runs recorded with Run > Keep "
                            "per-task timings on (it is off): for other runs tasks.csv lists the "
                            "plan without resumed and done times.");
        QList<std::int64_t> without;
        int experiments = 0;
        QSet<std::int64_t> seen;
        for (const HistoryEntry &e : entries) {
            if (e.runId <= 0 || e.role == RunRole::Warmup || seen.contains(e.experimentId))
                continue;
            seen.insert(e.experimentId);
            ++experiments;
            if (!withTimings->contains(e.experimentId))
                without.append(e.experimentId);
        }
        if (without.isEmpty())
            return QString();
        if (without.size() == experiments)
            return none;
        QStringList ids;
        for (const std::int64_t id : without.mid(0, 5))
            ids.append(QStringLiteral("#%1").arg(id));
        if (without.size() > 5)
            ids.append(QStringLiteral("…"));
        return tr("Per-task timings were not kept for %1 (%2): their tasks.csv lists the plan "
                  "without resumed and done times.")
            .arg(Formatting::counted(without.size(), tr("experiment")),
                 ids.join(QStringLiteral(", ")));
    };
    choices.noTimings[int(ExportScope::SelectedRuns)] = note(selected);
    choices.noTimings[int(ExportScope::History)] = note(m_history->entries());
    return choices;
}

namespace {

// Which stored runs an export of the history describes: their experiments in the order they
// first appear in the history, and the runs themselves.
struct StoredSelection
{
    QList<std::int64_t> experiments;
    QSet<std::int64_t> runs;
};

// The experiments of `selection` read from the store at `path` through a connection of this
// (a worker) thread, each with only its chosen runs (summary recomputed for them); the reason
// when one cannot be read.
std::pair<QList<ExportedExperiment>, QString> readStoredSelection(const QString &path,
                                                                  const StoredSelection &selection)
{
    QList<ExportedExperiment> out;
    ResultStore store;
    if (!store.open(path))
        return {out, store.error()};
    for (const std::int64_t id : selection.experiments) {
        std::optional<StoredExperiment> stored = store.experiment(id);
        if (!stored)
            return {{},
                    QObject::tr("experiment #%1 could not be read from the history%2")
                        .arg(id)
                        .arg(store.error().isEmpty() ? QString()
                                                     : QStringLiteral(": ") + store.error())};
        ExperimentResult &r = stored->result;
        std::vector<RunResult> kept;
        for (std::size_t i = 0; i < r.runs.size(); ++i) {
            if (selection.runs.contains(stored->runIds[i]))
                kept.push_back(std::move(r.runs[i]));
        }
        if (kept.empty())
            continue; // only its warm-up was chosen
        // The runs were moved out: they go back whether or not all were chosen. (Keeping the
        // moved-from ones when all were chosen is what wrote every started_utc empty and every
        // load.csv header-only for whole experiments.)
        const bool all = kept.size() == r.runs.size();
        r.runs = std::move(kept);
        if (!all)
            r.summary = summarizeExperiment(r);
        out.append({QStringLiteral("experiment-%1-%2").arg(id).arg(stored->kind), std::move(r)});
    }
    if (out.size() == 1)
        out.front().folder.clear();
    return {out, QString()};
}

} // namespace

QCoro::Task<ExportOutcome> MainWindow::exportTo(ExportOptions options)
{
    StoredSelection selection;
    QList<int> rows;
    if (options.scope == ExportScope::Experiment) {
        // The statistics page's experiment as it is in memory, unless it was listed from the
        // store without its runs' details (the one shown after a restart): then from the store,
        // with its load samples, per-shard figures and kept task timings.
        if (!statisticsFromStore()) {
            QList<ExportedExperiment> shown;
            if (m_stats->hasResult())
                shown.append({QString(), m_stats->result()});
            QCoro::Task<ExportOutcome> exporting = exportInBackground(shown, options, this);
            co_return co_await exporting;
        }
        for (int row = 0; row < m_history->rowCount(); ++row) {
            if (m_history->entry(row).experimentId == m_shownExperiment)
                rows.append(row);
        }
    } else if (options.scope == ExportScope::SelectedRuns) {
        rows = m_livePage->historyView()->selectedRows();
        std::sort(rows.begin(), rows.end());
    } else {
        for (int row = 0; row < m_history->rowCount(); ++row)
            rows.append(row);
    }
    for (const int row : std::as_const(rows)) {
        const HistoryEntry &e = m_history->entry(row);
        if (e.runId <= 0)
            continue;
        selection.runs.insert(e.runId);
        if (!selection.experiments.contains(e.experimentId))
            selection.experiments.append(e.experimentId);
    }
    // The store is read off this thread, through a connection of the worker's own.
    const QPointer<MainWindow> self(this);
    QFuture<std::pair<QList<ExportedExperiment>, QString>> reading =
        QtConcurrent::run(&workPool(), readStoredSelection, m_store.path(), selection);
    const std::pair<QList<ExportedExperiment>, QString> read = co_await reading;
    if (!self)
        co_return ExportOutcome{false, {}, tr("the window closed"), {}};
    if (!read.second.isEmpty())
        co_return ExportOutcome{false, {}, read.second, {}};
    QCoro::Task<ExportOutcome> exporting = exportInBackground(read.first, options, this);
    co_return co_await exporting;
}

QCoro::Task<> MainWindow::showExportDialog()
{
    ExportOptions defaults = m_exportOptions;
    if (defaults.directory.isEmpty()) {
        defaults.directory =
            QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                .filePath(QStringLiteral("loopbench-export"));
    }
    // Which stored experiments kept per-task timings, for the dialog to say: read through a
    // connection of a worker's own (an in-memory history has no second connection: unknown).
    std::optional<QSet<std::int64_t>> withTimings;
    const QPointer<MainWindow> self(this);
    if (m_store.isOpen() && m_store.path() != QLatin1String(":memory:")) {
        QFuture<std::optional<QSet<std::int64_t>>> reading =
            QtConcurrent::run(&workPool(), [path = m_store.path()] {
                ResultStore store;
                std::optional<QSet<std::int64_t>> ids;
                if (store.open(path)) {
                    ids = store.experimentsWithTaskTimings();
                    if (!store.error().isEmpty())
                        ids.reset();
                }
                return ids;
            });
        withTimings = co_await reading;
        if (!self)
            co_return;
    }
    ExportDialog dialog(defaults, exportChoices(withTimings), this);
    if (dialog.exec() != QDialog::Accepted)
        co_return;
    m_exportOptions = dialog.options();
    {
        QSettings settings;
        ExportSettings::save(settings, m_exportOptions);
    }
    const ExportOutcome outcome = co_await exportTo(m_exportOptions);
    if (!self)
        co_return;
    if (!outcome.ok) {
        QMessageBox::warning(
            this, tr("Export failed"),
            tr("<p>Nothing more was written.</p><p>%1</p>%2")
                .arg(outcome.error.toHtmlEscaped(),
                     outcome.written.isEmpty()
                         ? QString()
                         : tr("<p>Written before the failure: %1</p>")
                               .arg(outcome.written.join(QStringLiteral(", ")).toHtmlEscaped())));
        co_return;
    }
    QStringList names;
    for (const QString &path : outcome.written)
        names.append(QFileInfo(path).fileName());
    const QString folder = QDir::toNativeSeparators(m_exportOptions.directory);
    m_status->notify(tr("Exported to %1: %2").arg(folder, names.join(QStringLiteral(", "))), 15000);
    // Not modal: the window stays usable, and the box offers the one thing people do next.
    auto *done = new QMessageBox(
        QMessageBox::Information, tr("Export finished"),
        tr("%1 written to %2.%3")
            .arg(Formatting::counted(names.size(), tr("file")), folder,
                 outcome.notes.isEmpty()
                     ? QString()
                     : QStringLiteral("\n\n") + outcome.notes.join(QLatin1Char('\n'))),
        QMessageBox::Close, this);
    done->setObjectName(QStringLiteral("exportFinished"));
    done->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *open = done->addButton(tr("&Open folder"), QMessageBox::ActionRole);
    const QString directory = m_exportOptions.directory;
    connect(open, &QPushButton::clicked, this,
            [directory] { QDesktopServices::openUrl(QUrl::fromLocalFile(directory)); });
    done->open();
}

void MainWindow::restoreSettings()
{
    QSettings s;
    QStringList problems;
    const ConfigInput stored = ConfigSettings::load(s, &problems);
    const ConfigInput::Parsed parsed = stored.parse();
    m_config->setTransport(parsed.transport);
    m_config->setConfig(parsed.spec, parsed.config);
    m_config->setExperiment(stored.shardList, parsed.repeats, stored.warmup);
    if (!problems.isEmpty()) {
        // Not a dialog at start: the form is valid again, the user only needs to know why.
        m_notice->showNotice(tr("Saved settings were damaged and replaced by defaults: %1")
                                 .arg(problems.join(QStringLiteral("; "))));
    }
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray())) {
        resize(screen()->availableSize() * 0.9);
        // First start on a small screen (1024 or 1280 wide): the 10 % margin would cost the
        // history its Status column; take the whole screen.
        if (screen()->availableSize().width() < 1400)
            setWindowState(windowState() | Qt::WindowMaximized);
    }
    if (!restoreState(s.value(QStringLiteral("window/state")).toByteArray())) {
        // First start: the form as narrow as it goes without cutting, the rest for the charts
        // and the history (on a 1024-pixel screen every pixel counts).
        if (auto *dock = findChild<QDockWidget *>(QStringLiteral("configDock")))
            resizeDocks({dock}, {dock->widget()->minimumWidth()}, Qt::Horizontal);
    }
    m_livePage->restoreLayout(s);
    m_actions->keepTaskTimings()->setChecked(
        s.value(QStringLiteral("history/keepTaskTimings"), false).toBool());
    m_exportOptions = ExportSettings::load(s);
    if (!m_presets.errors().isEmpty())
        m_notice->showNotice(
            tr("Presets not loaded: %1").arg(m_presets.errors().join(QStringLiteral("; "))));
}

void MainWindow::saveSettings()
{
    QSettings s;
    const ConfigInput::Parsed &p = m_config->parsed();
    if (p.ok()) // an invalid form is not worth coming back to
        ConfigSettings::save(s, m_config->input());
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    m_livePage->saveLayout(s);
    s.setValue(QStringLiteral("history/keepTaskTimings"),
               m_actions->keepTaskTimings()->isChecked());
}

std::optional<QString> MainWindow::saveCurrentAsPreset(const QString &name)
{
    if (!m_config->canRun())
        return tr("fix the highlighted fields first: a preset is a valid workload");
    const ConfigInput::Parsed &p = m_config->parsed();
    Preset preset;
    preset.name = name;
    preset.description = tr("Yours: %1").arg(p.spec.describe());
    preset.plan = {p.spec, p.transport};
    preset.partition = p.config.partition;
    QSettings settings;
    if (auto problem = m_presets.saveUserPreset(preset, settings))
        return problem;
    presetsChanged();
    return std::nullopt;
}

bool MainWindow::removeUserPreset(const QString &name)
{
    QSettings settings;
    if (!m_presets.removeUserPreset(name, settings))
        return false;
    presetsChanged();
    return true;
}

void MainWindow::presetsChanged()
{
    m_config->reloadPresets();
    m_actions->setPresets(m_presets);
}

void MainWindow::askPresetName()
{
    QString name;
    for (;;) {
        bool ok = false;
        name = QInputDialog::getText(
            this, tr("Save as preset"),
            tr("Name of the preset (at most %1 characters):").arg(PresetStore::kMaxNameLength),
            QLineEdit::Normal, name, &ok);
        if (!ok)
            return;
        if (const auto problem = m_presets.checkName(name)) {
            QMessageBox::warning(this, tr("Save as preset"), *problem);
            continue;
        }
        const int existing = m_presets.indexOfName(name);
        if (existing >= 0 &&
            QMessageBox::question(
                this, tr("Save as preset"),
                tr("Replace your preset “%1”?").arg(m_presets.presets()[existing].name),
                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
            continue;
        break;
    }
    if (const auto problem = saveCurrentAsPreset(name))
        QMessageBox::warning(this, tr("Save as preset"), *problem);
    else
        m_status->notify(tr("Saved the preset “%1”").arg(name.trimmed()));
}

void MainWindow::askRemovePreset(const QString &name)
{
    if (QMessageBox::question(this, tr("Remove preset"), tr("Remove your preset “%1”?").arg(name),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) == QMessageBox::Yes)
        removeUserPreset(name);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    // Cancel and join here, not later in a destructor: the window must not close over threads
    // that still run, and a cancelled run stops within ~50 ms.
    m_monitor->stop();
    m_controller->shutdown();
    event->accept();
}
