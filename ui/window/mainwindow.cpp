// SPDX-License-Identifier: MIT
#include "ui/window/mainwindow.h"

#include "core/experiment/spectext.h"
#include "core/experiment/verdict.h"
#include "core/store/experimentkind.h"
#include "core/store/resultstore.h"
#include "ui/charts/comparisonchart.h"
#include "ui/common/formatting.h"
#include "ui/common/resources.h"
#include "ui/common/shownname.h"
#include "ui/common/windowfit.h"
#include "ui/config/configpanel.h"
#include "ui/config/configsettings.h"
#include "ui/control/calibrator.h"
#include "ui/control/loadmonitor.h"
#include "ui/control/runcontroller.h"
#include "ui/controllers/exportcontroller.h"
#include "ui/controllers/historycontroller.h"
#include "ui/controllers/importcontroller.h"
#include "ui/controllers/launchcontroller.h"
#include "ui/controllers/presetcontroller.h"
#include "ui/export/exportsettings.h"
#include "ui/models/comparison.h"
#include "ui/models/experimentstatsmodel.h"
#include "ui/models/historymodel.h"
#include "ui/window/historyview.h"
#include "ui/window/livepage.h"
#include "ui/window/noticebar.h"
#include "ui/window/statusbar.h"
#include "ui/window/sweeppage.h"
#include "ui/window/timelinewindow.h"
#include "ui/window/windowactions.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QGuiApplication>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QTabWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <QCoroFuture>
#include <QCoroTask>
#include <QtConcurrent/QtConcurrentRun>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_calibrator(new Calibrator(this))
    , m_controller(new RunController(this))
    , m_monitor(new LoadMonitor(std::make_unique<ProcStatSource>(), this))
    , m_history(new HistoryModel(this))
    , m_stats(new ExperimentStatsModel(this))
    , m_historyControl(new HistoryController(m_store, m_history, m_stats, this))
    , m_import(new ImportController(*m_historyControl, this))
    , m_export(new ExportController(*m_historyControl, this))
    , m_config(new ConfigPanel(m_presets))
    , m_presetControl(new PresetController(m_presets, m_config, this))
    , m_launch(new LaunchController(m_config, m_calibrator, m_controller, this))
    , m_livePage(new LivePage(m_monitor, m_history))
    , m_sweepPage(new SweepPage(m_stats))
    , m_tabs(new QTabWidget)
    , m_actions(new WindowActions(this, m_presets))
    , m_status(new StatusBar)
    , m_notice(new NoticeBar)
{
    // This thread serves the window: a store call on it would freeze the window for as long as
    // the disk takes, so the store refuses to open here (StoreThread holds the store).
    ResultStore::forbidThread(thread());
    initResources();
    setWindowTitle(tr("One event loop vs K event loops"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/loopbench.svg")));
    buildLayout();
    connectRuns();
    connectHistory();

    connect(m_actions, &WindowActions::presetRequested, m_config, &ConfigPanel::applyPreset);
    connect(m_actions, &WindowActions::savePresetRequested, m_presetControl,
            [this] { m_presetControl->askAndSave(this); });
    connect(m_actions, &WindowActions::removePresetRequested, m_presetControl,
            [this](const QString &name) { m_presetControl->askAndRemove(this, name); });
    connect(m_presetControl, &PresetController::changed, this, &MainWindow::presetsChanged);
    connect(m_presetControl, &PresetController::message, m_status,
            [this](const QString &text) { m_status->notify(text); });
    connect(m_livePage, &LivePage::message, m_status,
            [this](const QString &text) { m_status->notify(text, 6000); });
    connect(m_config, &ConfigPanel::changed, this, &MainWindow::updateActions);
    setAcceptDrops(true); // JSON reports dropped on the window are opened

    {
        const QSettings settings;
        m_presets.loadUserPresets(settings);
    }
    presetsChanged();
    restoreSettings();
    m_historyControl->open(ResultStore::defaultPath());
    m_calibrator->start();
    m_monitor->start();
    updateActions();
}

MainWindow::~MainWindow()
{
    // Threads first: nothing may outlive the views it reports to.
    m_controller->shutdown();
}

void MainWindow::buildLayout()
{
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

    // The history's row actions for the selected run, also in the View menu beside Clear
    // history. Made when opened: others add row actions after this.
    auto *history = new QMenu(tr("Selected &run"), this);
    history->setObjectName(QStringLiteral("historyMenu"));
    connect(history, &QMenu::aboutToShow, this, [this, history] {
        history->clear();
        const QList<QAction *> actions = m_livePage->historyView()->rowActions();
        for (qsizetype i = 0; i < actions.size(); ++i) {
            // Load, run again, delete, then the others' actions: a separator between the groups.
            if (i == 2 || i == 4 || i == 6)
                history->addSeparator();
            history->addAction(actions[i]);
        }
    });
    m_actions->viewMenu()->addMenu(history);
}

void MainWindow::connectRuns()
{
    connect(m_actions, &WindowActions::runRequested, m_launch, &LaunchController::startRun);
    connect(m_actions, &WindowActions::experimentRequested, m_launch,
            &LaunchController::startExperiment);
    connect(m_actions, &WindowActions::cancelRequested, m_controller, &RunController::cancel);
    connect(m_actions, &WindowActions::recalibrateRequested, this, [this] {
        if (m_launch->recalibrate()) {
            m_status->setCalibration(tr("calibrating…"), QString());
            updateActions();
        }
    });
    connect(m_calibrator, &Calibrator::calibrated, this, &MainWindow::onCalibrated);
    connect(m_calibrator, &Calibrator::runtimeCalibrated, this, &MainWindow::onCalibrated);
    m_config->setCalibrator(m_calibrator);
    // No calibration run beside a measured one.
    connect(m_controller, &RunController::runningChanged, m_calibrator, &Calibrator::setHeld);
    m_monitor->setRunSource([this] { return m_controller->runProgress(); });
    m_monitor->setServerSource([this] { return m_controller->serverPid(); });
    connect(m_controller, &RunController::progressed, m_status, &StatusBar::showProgress);
    connect(m_controller, &RunController::runStarted, m_monitor,
            [this](RunRole, int shards) { m_runSpan = m_monitor->markRunStart(shards); });
    connect(m_controller, &RunController::comparisonFinished, comparisonChart(),
            &ComparisonChart::setComparison);
    // What ran goes to the history (saved first, on the store's thread); the live views and the
    // status bar follow the run at once.
    connect(m_controller, &RunController::runningChanged, this, [this](bool running) {
        if (running) {
            m_historyControl->beginExperiment(m_controller->currentSpec(),
                                              m_controller->currentKind());
        } else {
            m_monitor->markRunEnd();
            m_status->setIdle();
        }
        updateActions();
    });
    connect(m_controller, &RunController::runFinished, this,
            [this](const RunResult &result, RunRole role, double guiStallP99Ms) {
                m_monitor->markRunEnd();
                // Once saved, the run's band on the load chart knows its run in the history.
                m_historyControl->recordRun(result, role, guiStallP99Ms)
                    .then([monitor = QPointer<LoadMonitor>(m_monitor),
                           span = m_runSpan](std::int64_t runId) {
                        if (monitor && runId != 0)
                            monitor->setSpanRun(span, runId);
                    });
                m_status->showRunFinished(result, m_controller->stallMeter().stats());
            });
    connect(m_controller, &RunController::experimentFinished, m_historyControl,
            [this](const ExperimentResult &result) { m_historyControl->finishExperiment(result); });
}

void MainWindow::connectHistory()
{
    connect(m_historyControl, &HistoryController::problem, m_notice, &NoticeBar::showNotice);
    connect(m_historyControl, &HistoryController::restored, this,
            [this](const ExperimentResult &shown) {
                if (const auto pair = Comparison::ofExperiment(shown))
                    comparisonChart()->setComparison(*pair);
            });
    connect(m_historyControl, &HistoryController::experimentRecorded, this,
            &MainWindow::onExperimentRecorded);
    connect(m_historyControl, &HistoryController::cleared, this,
            [this] { comparisonChart()->clear(); });
    connect(m_history, &HistoryModel::modelReset, this, &MainWindow::updateActions);
    connect(m_livePage, &LivePage::experimentSelected, m_historyControl,
            [this](std::int64_t id) { m_historyControl->showExperiment(id); });
    for (QAction *keep : {m_actions->keepTaskTimings(), m_actions->keepSmallRunTimings()})
        connect(keep, &QAction::toggled, this, [this] {
            m_historyControl->setTaskTimingsLimit(
                m_actions->keepTaskTimings()->isChecked()       ? ResultStore::kEveryRun
                : m_actions->keepSmallRunTimings()->isChecked() ? ResultStore::kSmallRunTasks
                                                                : 0);
        });
    connect(m_livePage->historyView(), &HistoryView::timelineRequested, this,
            &MainWindow::showTimeline);
    connect(m_actions, &WindowActions::lastTimelineRequested, this,
            [this] { showTimeline(m_history->rowCount() - 1); });
    connect(m_history, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateActions);
    connect(m_actions, &WindowActions::clearHistoryRequested, this, &MainWindow::clearHistory);
    connect(m_livePage->historyView(), &HistoryView::configurationRequested, this,
            &MainWindow::loadConfiguration);
    connect(m_livePage->historyView(), &HistoryView::deleteRequested, this, &MainWindow::deleteRow);
    connect(m_historyControl, &HistoryController::deleted, this, [this](bool shownDeleted) {
        if (shownDeleted)
            comparisonChart()->markStale(tr("its runs were deleted"));
        updateActions();
    });
    connect(m_actions, &WindowActions::openReportRequested, m_import,
            [this] { m_import->askAndOpen(this); });
    connect(m_import, &ImportController::message, m_status,
            [this](const QString &text) { m_status->notify(text); });
    connect(m_import, &ImportController::notice, m_notice, &NoticeBar::showNotice);
    connect(m_actions, &WindowActions::exportRequested, m_export,
            [this] { m_export->askAndExport(this, m_livePage->historyView()->selectedRows()); });
    connect(m_export, &ExportController::message, m_status,
            [this](const QString &text) { m_status->notify(text, 15000); });
}

ComparisonChart *MainWindow::comparisonChart() const
{
    return m_livePage->comparisonChart();
}

void MainWindow::onCalibrated()
{
    for (Kernel kernel : kernels()) {
        if (const auto ns = m_calibrator->nsPerIteration(kernel))
            m_config->setCalibration(kernel, *ns);
    }
    m_status->setCalibration(m_launch->calibrationText(), m_launch->calibrationToolTip());
    updateActions();
}

void MainWindow::updateActions()
{
    const LaunchController::State s = m_launch->state(m_history->rowCount() == 0);
    m_actions->setRunning(s.running, s.canRun, s.canSweep);
    m_actions->recalibrate()->setEnabled(s.canRecalibrate);
    m_actions->describe(s.shards, s.shardCounts, s.repeats);
    if (!s.hint.isEmpty())
        m_status->setHint(s.hint);
    m_actions->showLastTimeline()->setEnabled(m_history->rowCount() > 0);
}

void MainWindow::showTimeline(int row)
{
    if (row < 0 || row >= m_history->rowCount())
        return;
    const HistoryEntry &chosen = m_history->entry(row);
    auto *window = new TimelineWindow(this);
    window->show();
    if (chosen.runId <= 0) {
        window->setRuns({}, 0);
        return;
    }
    // The run and the others of its experiment (a comparison's 1 and K loops side by side), at
    // most kTimelineRuns around it: each is up to 2.4 MB to read and draw.
    constexpr int kTimelineRuns = 6;
    QList<std::int64_t> ids;
    int first = row;
    while (first > 0 && row - first < kTimelineRuns / 2 &&
           m_history->entry(first - 1).experimentId == chosen.experimentId)
        --first;
    for (int r = first; r < m_history->rowCount() && ids.size() < kTimelineRuns; ++r) {
        const HistoryEntry &e = m_history->entry(r);
        if (e.experimentId == chosen.experimentId && e.runId > 0 && e.role != RunRole::Warmup)
            ids.append(e.runId);
    }
    if (!ids.contains(chosen.runId))
        ids.prepend(chosen.runId);
    [](HistoryController *history, QList<std::int64_t> runIds, QPointer<TimelineWindow> shown,
       std::int64_t asked) -> QCoro::Task<> {
        const QList<StoredRunTasks> runs = co_await history->runTasks(runIds);
        // Sorting each run's tasks takes tens of milliseconds at 100,000: not on this thread.
        const QFuture<TimelineWindow::Layout> laying =
            QtConcurrent::run([runs, asked] { return TimelineWindow::layOut(runs, asked); });
        TimelineWindow::Layout layout = co_await laying;
        if (shown)
            shown->showLayout(std::move(layout));
    }(m_historyControl, ids, QPointer<TimelineWindow>(window), chosen.runId);
}

void MainWindow::onExperimentRecorded(const ExperimentResult &result, const QString &kind,
                                      bool shown)
{
    if (!shown) {
        m_status->showExperimentFinished(result, result.verdict());
        return;
    }
    // A Compare has just drawn its pair; a Repeat compare or a Sweep draws its typical pair; a
    // lone run has none and leaves the chart behind what was done.
    if (kind != experimentKindName(ExperimentKind::Compare)) {
        if (const auto pair = Comparison::ofExperiment(result))
            comparisonChart()->setComparison(*pair);
        else
            comparisonChart()->markStale(tr("a %1 ran since").arg(shownName(kind)));
    }
    if (result.spec.repeats > 1 || result.spec.shardCounts.size() > 2)
        m_tabs->setCurrentWidget(m_sweepPage);
    m_status->showExperimentFinished(result, m_stats->headline());
}

void MainWindow::clearHistory()
{
    if (m_history->rowCount() > 0 && m_historyControl->isOpen()) {
        const auto answer = QMessageBox::question(
            this, tr("Clear history"),
            tr("Delete all %1 from the saved history? This cannot be undone.")
                .arg(Formatting::counted(m_history->rowCount(), tr("run"), tr("runs"))),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    m_historyControl->clear();
}

void MainWindow::deleteRow(int row, bool wholeExperiment)
{
    const HistoryEntry e = m_history->entry(row);
    int runs = 0;
    for (const HistoryEntry &other : m_history->entries())
        runs += other.experimentId == e.experimentId ? 1 : 0;
    const QString question =
        wholeExperiment
            ? tr("Delete experiment #%1 and its %2 from the saved history? This cannot be undone.")
                  .arg(e.experimentId)
                  .arg(Formatting::counted(runs, tr("run"), tr("runs")))
            : tr("Delete run #%1 (%2, %3, %4) from the saved history? This cannot be undone.%5")
                  .arg(e.runId)
                  .arg(loopsLabel(e.result.shards), Formatting::duration(e.result.wallMs),
                       HistoryModel::timeText(e.result.startedUtc, QDate::currentDate()),
                       runs > 1 ? tr("\nThe speedups and outliers of experiment #%1 are then "
                                     "derived from its other runs.")
                                      .arg(e.experimentId)
                                : tr("\nIt is the last run of experiment #%1, which goes with it.")
                                      .arg(e.experimentId));
    const auto answer = QMessageBox::question(
        this, wholeExperiment ? tr("Delete experiment") : tr("Delete run"), question,
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    if (wholeExperiment)
        m_historyControl->deleteExperiment(e.experimentId);
    else
        m_historyControl->deleteRun(e.runId);
}

QCoro::Task<> MainWindow::loadConfiguration(int row, bool wholeExperiment, bool start)
{
    const HistoryEntry e = m_history->entry(row);
    const QPointer<MainWindow> self(this);
    QCoro::Task<std::optional<ExperimentSpec>> reading =
        m_historyControl->configuration(e.experimentId, e.runId, wholeExperiment);
    const std::optional<ExperimentSpec> spec = co_await reading;
    if (!self || !spec)
        co_return;
    m_config->setInput(SpecText::of(*spec));
    const QString what =
        wholeExperiment ? tr("experiment #%1").arg(e.experimentId) : tr("run #%1").arg(e.runId);
    // What the form cannot hold (an HTTP target, a failing task) is named, never dropped
    // silently; Run again still runs the stored configuration whole.
    const ExperimentSpec loaded = m_config->parsed().sweepSpec();
    QStringList lost = planDifferences(loaded.plan(), spec->plan());
    if (loaded.runtimes != spec->runtimes)
        lost << tr("runtimes");
    if (loaded.failTask != spec->failTask)
        lost << tr("failing task");
    if (!lost.isEmpty())
        m_notice->showNotice(tr("The form cannot hold every setting of %1: %2 kept as stored "
                                "only for Run again")
                                 .arg(what, lost.join(QStringLiteral(", "))));
    if (!start) {
        m_status->notify(tr("Loaded the configuration of %1 into the form").arg(what));
        co_return;
    }
    const std::optional<double> ns = m_calibrator->nsPerIteration(spec->workload.kernel);
    if (m_controller->isRunning() || !ns || !m_config->isValid()) {
        m_status->notify(m_controller->isRunning()
                             ? tr("%1 not started: a run is in flight").arg(what)
                         : !ns ? tr("%1 not started: the kernel is being calibrated").arg(what)
                               : tr("%1 not started: fix the highlighted fields").arg(what));
        co_return;
    }
    if (m_controller->startExperiment(*spec, *ns))
        m_status->notify(tr("Running %1 again").arg(what));
    updateActions();
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
    m_import->openDropped(paths);
}

void MainWindow::presetsChanged()
{
    m_config->reloadPresets();
    m_actions->setPresets(m_presets);
}

void MainWindow::restoreSettings()
{
    QSettings s;
    QStringList problems;
    const ConfigInput stored = ConfigSettings::load(s, &problems);
    const ConfigInput::Parsed parsed = stored.parse();
    m_config->setTransport(parsed.transport);
    m_config->setConfig(parsed.spec, parsed.config);
    m_config->setRuntimes(parsed.runtimes);
    m_config->setExperiment(stored.shardList, parsed.repeats, stored.warmup);
    if (!problems.isEmpty()) {
        // Not a dialog at start: the form is valid again, the user only needs to know why.
        m_notice->showNotice(tr("Saved settings were damaged and replaced by defaults: %1")
                                 .arg(problems.join(QStringLiteral("; "))));
    }
    if (restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray())) {
        fitToScreens(s.value(QStringLiteral("window/frame")));
    } else {
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
    // Small runs' timings are kept unless the user said otherwise: they cost little and give
    // every such run its timeline.
    m_actions->keepSmallRunTimings()->setChecked(
        s.value(QStringLiteral("history/keepSmallRunTimings"), true).toBool());
    m_actions->keepTaskTimings()->setChecked(
        s.value(QStringLiteral("history/keepTaskTimings"), false).toBool());
    m_export->setOptions(ExportSettings::load(s));
    if (!m_presets.errors().isEmpty())
        m_notice->showNotice(
            tr("Presets not loaded: %1").arg(m_presets.errors().join(QStringLiteral("; "))));
}

void MainWindow::fitToScreens(const QVariant &savedFrame)
{
    // restoreGeometry() (Qt 6.4) keeps a saved size the screens of today may not hold: closed at
    // 1440 x 900 and reopened at 1280 x 720, the status bar and Export were off the screen. A
    // maximized window is the window manager's to fit.
    if (windowState() & (Qt::WindowMaximized | Qt::WindowFullScreen))
        return;
    QList<QRect> screens;
    if (QScreen *primary = QGuiApplication::primaryScreen())
        screens.append(primary->availableGeometry());
    for (QScreen *other : QGuiApplication::screens()) {
        if (other != QGuiApplication::primaryScreen())
            screens.append(other->availableGeometry());
    }
    // Before the first start that saved it, a frame as large as common window managers draw.
    const QMargins frame =
        savedFrame.canConvert<QMargins>() ? savedFrame.value<QMargins>() : QMargins(8, 32, 8, 8);
    // Not shown yet: pos() is where the frame's corner goes, size() the client area's.
    const QRect saved(pos() + QPoint(frame.left(), frame.top()), size());
    const QRect fit = WindowFit::fitted(saved, frame, screens);
    if (fit != saved) {
        move(fit.topLeft() - QPoint(frame.left(), frame.top()));
        resize(fit.size());
    }
}

void MainWindow::saveSettings()
{
    QSettings s;
    const ConfigInput::Parsed &p = m_config->parsed();
    if (p.ok()) // an invalid form is not worth coming back to
        ConfigSettings::save(s, m_config->input());
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    // The window manager's frame, known only while the window is shown: the next start fits the
    // whole frame, title bar included, on its screen.
    const QRect inner = geometry();
    const QRect outer = frameGeometry();
    if (isVisible() && outer.contains(inner))
        s.setValue(QStringLiteral("window/frame"),
                   QVariant::fromValue(
                       QMargins(inner.left() - outer.left(), inner.top() - outer.top(),
                                outer.right() - inner.right(), outer.bottom() - inner.bottom())));
    s.setValue(QStringLiteral("window/state"), saveState());
    m_livePage->saveLayout(s);
    s.setValue(QStringLiteral("history/keepTaskTimings"),
               m_actions->keepTaskTimings()->isChecked());
    s.setValue(QStringLiteral("history/keepSmallRunTimings"),
               m_actions->keepSmallRunTimings()->isChecked());
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
