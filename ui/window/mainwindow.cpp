// SPDX-License-Identifier: MIT
#include "ui/window/mainwindow.h"

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
#include "ui/models/experimentstatsmodel.h"
#include "ui/models/historymodel.h"
#include "ui/window/historyview.h"
#include "ui/window/sweeppage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QEventLoop>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QProgressDialog>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QThread>
#include <QTimer>
#include <QToolBar>

#include <atomic>
#include <memory>
#include <optional>

#include <cmath>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_calibrator(new Calibrator(this))
    , m_controller(new RunController(this))
    , m_monitor(new LoadMonitor(std::make_unique<ProcStatSource>(), this))
    , m_history(new HistoryModel(this))
    , m_stats(new ExperimentStatsModel(this))
    , m_config(new ConfigPanel(m_presets))
    , m_coreLoad(new CoreLoadView)
    , m_shardLoad(new ShardLoadView)
    , m_comparison(new ComparisonChart)
    , m_historyView(new HistoryView(m_history))
    , m_sweepPage(new SweepPage(m_stats))
    , m_tabs(new QTabWidget)
    , m_vertical(new QSplitter(Qt::Vertical))
    , m_top(new QSplitter(Qt::Horizontal))
    , m_bottom(new QSplitter(Qt::Horizontal))
{
    initResources();
    setWindowTitle(tr("One event loop vs K event loops"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/loopbench.svg")));

    m_top->addWidget(m_coreLoad);
    m_top->addWidget(m_shardLoad);
    m_top->setStretchFactor(0, 3);
    m_top->setStretchFactor(1, 2);
    m_bottom->addWidget(m_comparison);
    m_bottom->addWidget(m_historyView);
    m_bottom->setStretchFactor(0, 2);
    m_bottom->setStretchFactor(1, 3);
    m_vertical->addWidget(m_top);
    m_vertical->addWidget(m_bottom);
    m_vertical->setStretchFactor(0, 1);
    m_vertical->setStretchFactor(1, 1);
    m_vertical->setObjectName(QStringLiteral("verticalSplitter"));
    // Live load and single runs on one page, the experiment's statistics on the other: a sweep
    // needs the room of a whole page for its chart and table.
    m_tabs->setObjectName(QStringLiteral("pages"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_vertical, tr("&Live"));
    m_tabs->addTab(m_sweepPage, tr("S&weep && statistics"));
    setCentralWidget(m_tabs);

    auto *dock = new QDockWidget(tr("Configuration"), this);
    dock->setObjectName(QStringLiteral("configDock"));
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_config);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    dock->setWidget(scroll);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable |
                      QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::LeftDockWidgetArea, dock);

    createActions();
    createMenus();
    menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu"))->addAction(dock->toggleViewAction());
    createStatusBar();

    m_monitor->setShardSource([this] { return m_controller->shards(); });
    m_coreLoad->setMonitor(m_monitor);
    m_shardLoad->setMonitor(m_monitor);

    connect(m_config, &ConfigPanel::changed, this, &MainWindow::updateActions);
    connect(m_calibrator, &Calibrator::calibrated, this, [this](Kernel k, double ns) {
        m_config->setCalibration(k, ns);
        QStringList parts;
        for (Kernel kernel : {Kernel::Sum, Kernel::Hash}) {
            if (const auto v = m_calibrator->nsPerIteration(kernel))
                parts.append(
                    QStringLiteral("%1 %2 ns/iter").arg(kernelName(kernel)).arg(*v, 0, 'f', 2));
        }
        m_calibrationLabel->setText(parts.join(QStringLiteral(" · ")));
        updateActions();
    });
    connect(m_controller, &RunController::runningChanged, this, &MainWindow::onRunningChanged);
    connect(m_controller, &RunController::experimentFinished, this,
            &MainWindow::onExperimentFinished);
    connect(m_controller, &RunController::progressed, this, &MainWindow::onProgress);
    connect(m_controller, &RunController::runStarted, this,
            [this](RunRole, int shards) { m_monitor->markRunStart(shards); });
    connect(m_controller, &RunController::runFinished, this, &MainWindow::onRunFinished);
    connect(m_controller, &RunController::comparisonFinished, m_comparison,
            &ComparisonChart::setComparison);
    connect(m_historyView, &HistoryView::compareRequested, this, &MainWindow::compareRows);

    restoreSettings();
    m_calibrator->start();
    m_monitor->start();
    updateActions();
}

MainWindow::~MainWindow()
{
    // Threads first: nothing may outlive the views it reports to.
    m_controller->shutdown();
}

void MainWindow::createActions()
{
    auto make = [this](const QString &text, const QString &tip, QStyle::StandardPixmap icon,
                       const QList<QKeySequence> &keys, auto slot) {
        auto *a = new QAction(style()->standardIcon(icon), text, this);
        a->setShortcuts(keys);
        // The shortcut goes into the tooltip, so toolbar users learn it.
        a->setToolTip(QStringLiteral("%1 (%2)\n%3")
                          .arg(QString(text).remove(QLatin1Char('&')),
                               keys.first().toString(QKeySequence::NativeText), tip));
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_runOne = make(tr("Run &one loop"), tr("Run the plan on a single event loop (one thread)"),
                    QStyle::SP_MediaPlay, {QKeySequence(Qt::CTRL | Qt::Key_R)},
                    [this] { startRun(RunController::Mode::OneLoop); });
    m_runK = make(tr("Run &K loops"), tr("Run the plan on K event loops, one thread each"),
                  QStyle::SP_MediaSeekForward, {QKeySequence(Qt::CTRL | Qt::Key_K)},
                  [this] { startRun(RunController::Mode::KLoops); });
    m_compare =
        make(tr("&Compare"), tr("Run the same plan on one loop, then on K loops, and chart both"),
             QStyle::SP_BrowserReload,
             {QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)},
             [this] { startRun(RunController::Mode::Compare); });
    m_cancel = make(tr("C&ancel"), tr("Stop the run in flight; its partial result is kept"),
                    QStyle::SP_MediaStop, {QKeySequence(Qt::Key_Escape)},
                    [this] { m_controller->cancel(); });
    m_sweep = make(tr("S&weep"),
                   tr("Run every K of the shard list, R times each, interleaved, on one plan; "
                      "chart speedup against K"),
                   QStyle::SP_FileDialogDetailedView,
                   {QKeySequence(Qt::Key_F6), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W)},
                   [this] { startExperiment(true); });
    m_repeatCompare =
        make(tr("&Repeat compare"),
             tr("Run 1 and K loops R times each, interleaved 1, K, 1, K, ..., "
                "with statistics"),
             QStyle::SP_BrowserReload,
             {QKeySequence(Qt::Key_F7), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)},
             [this] { startExperiment(false); });
    m_export = make(tr("&Export…"),
                    tr("Write CSV, JSON and Markdown reports and every chart as PNG and SVG"),
                    QStyle::SP_DialogSaveButton, {QKeySequence(Qt::CTRL | Qt::Key_E)},
                    [this] { showExportDialog(); });
    m_sweep->setObjectName(QStringLiteral("actionSweep"));
    m_repeatCompare->setObjectName(QStringLiteral("actionRepeatCompare"));
    m_export->setObjectName(QStringLiteral("actionExport"));
    m_runOne->setObjectName(QStringLiteral("actionRunOne"));
    m_runK->setObjectName(QStringLiteral("actionRunK"));
    m_compare->setObjectName(QStringLiteral("actionCompare"));
    m_cancel->setObjectName(QStringLiteral("actionCancel"));

    auto *toolbar = addToolBar(tr("Run"));
    toolbar->setObjectName(QStringLiteral("runToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addActions({m_runOne, m_runK, m_compare});
    toolbar->addSeparator();
    toolbar->addActions({m_sweep, m_repeatCompare});
    toolbar->addSeparator();
    toolbar->addAction(m_cancel);
    toolbar->addSeparator();
    toolbar->addAction(m_export);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_export);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->addActions({m_runOne, m_runK, m_compare});
    run->addSeparator();
    run->addActions({m_sweep, m_repeatCompare});
    run->addSeparator();
    run->addAction(m_cancel);

    QMenu *presets = menuBar()->addMenu(tr("&Presets"));
    for (int i = 0; i < m_presets.presets().size(); ++i) {
        QAction *a =
            presets->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(m_presets.presets()[i].name),
                               this, [this, i] { m_config->applyPreset(i); });
        a->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)));
        a->setToolTip(m_presets.presets()[i].description);
    }

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(tr("C&lear history"), this, [this] {
        m_history->clear();
        m_comparison->clear();
        m_stats->clear();
    });
    view->addSeparator();

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About LoopBench"), this, [this] {
        QMessageBox::about(this, tr("About LoopBench"),
                           tr("<p><b>LoopBench %1</b></p><p>How much faster do many IO-then-CPU "
                              "tasks finish when one event loop becomes K event loops, one per "
                              "thread? Run the same plan both ways and watch every core.</p>")
                               .arg(QApplication::applicationVersion()));
    });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::createStatusBar()
{
    m_statusText = new QLabel(tr("Ready"));
    m_progress = new QProgressBar;
    m_progress->setTextVisible(true);
    m_progress->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('0')) * 36);
    m_progress->setFormat(tr("idle"));
    m_progress->setValue(0);
    m_stallLabel = new QLabel(tr("GUI stall: —"));
    m_stallLabel->setToolTip(tr("Lateness of a 10 ms heartbeat timer on the GUI thread during "
                                "the run (p99 and max): how responsive the window stayed. "
                                "Target: p99 at most 16 ms, one frame."));
    m_calibrationLabel = new QLabel(tr("calibrating…"));
    m_calibrationLabel->setToolTip(tr("Kernel calibration on this machine, measured at start"));
    statusBar()->addWidget(m_statusText, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_stallLabel);
    statusBar()->addPermanentWidget(m_calibrationLabel);
}

void MainWindow::updateActions()
{
    const bool running = m_controller->isRunning();
    const ConfigInput::Parsed &p = m_config->parsed();
    const bool calibrated = m_calibrator->nsPerIteration(p.spec.kernel).has_value();
    const bool canRun = !running && p.ok() && calibrated;
    m_runOne->setEnabled(canRun);
    m_runK->setEnabled(canRun);
    m_compare->setEnabled(canRun);
    m_sweep->setEnabled(canRun);
    m_repeatCompare->setEnabled(canRun);
    m_cancel->setEnabled(running);
    if (p.ok()) {
        m_runK->setText(tr("Run &K loops (K = %1)").arg(p.config.shards));
        m_runK->setIconText(tr("Run %1 loops").arg(p.config.shards));
        m_compare->setIconText(tr("Compare 1 vs %1").arg(p.config.shards));
        QStringList ks;
        for (int k : p.shardCounts)
            ks.append(QString::number(k));
        m_sweep->setIconText(tr("Sweep K = %1").arg(ks.join(QLatin1Char(','))));
        m_repeatCompare->setIconText(
            tr("Repeat 1 vs %1 (R = %2)").arg(p.config.shards).arg(p.repeats));
    }
    if (!running && !p.ok())
        m_statusText->setText(tr("Fix the highlighted fields to run"));
    else if (!running && !calibrated)
        m_statusText->setText(tr("Calibrating the kernel…"));
    else if (!running && m_history->rowCount() == 0)
        m_statusText->setText(tr("Ready: Compare (F5) runs one plan on 1 loop, then on %1")
                                  .arg(loopsLabel(p.config.shards)));
}

void MainWindow::startRun(RunController::Mode mode)
{
    const ConfigInput::Parsed &p = m_config->parsed();
    const auto ns = m_calibrator->nsPerIteration(p.spec.kernel);
    if (!p.ok() || !ns || m_controller->isRunning())
        return;
    m_controller->start(mode, p.spec, p.config, *ns);
}

void MainWindow::startExperiment(bool sweep)
{
    const ConfigInput::Parsed &p = m_config->parsed();
    const auto ns = m_calibrator->nsPerIteration(p.spec.kernel);
    if (!p.ok() || !ns || m_controller->isRunning())
        return;
    m_controller->startExperiment(sweep ? p.sweepSpec() : p.repeatCompareSpec(), *ns);
}

void MainWindow::onExperimentFinished(const ExperimentResult &result)
{
    m_stats->setResult(result);
    const std::vector<bool> &outliers = m_stats->summary().runOutliers;
    for (std::size_t i = 0; i < outliers.size() && i < m_sequenceRows.size(); ++i)
        m_history->setOutlier(m_sequenceRows[i], outliers[i]);
    if (result.spec.repeats > 1 || result.spec.shardCounts.size() > 2)
        m_tabs->setCurrentWidget(m_sweepPage);
    int failed = 0;
    for (const RunResult &r : result.runs)
        failed += r.status == RunStatus::Failed ? 1 : 0;
    m_statusText->setText(tr("%1%2").arg(
        result.verdict(),
        failed ? tr(" · %n run(s) failed: see the history", "", failed) : QString()));
}

QList<ExportChart> MainWindow::exportCharts() const
{
    return {
        {QStringLiteral("chart-core-load"), tr("Per-core load"), m_coreLoad->chart()},
        {QStringLiteral("chart-shard-load"), tr("Shard threads"), m_shardLoad->chart()},
        {QStringLiteral("chart-comparison"), tr("One loop against K loops"), m_comparison->chart()},
        {QStringLiteral("chart-sweep"), tr("Speedup against K"),
         m_sweepPage->sweepChart()->chart()},
        {QStringLiteral("chart-efficiency"), tr("Efficiency per K"),
         m_sweepPage->efficiencyChart()->chart()}};
}

bool MainWindow::exportTo(const ExportOptions &options, QStringList *written, QString *error)
{
    // A copy (cheap: the per-task arrays are shared), so the worker never reads the window's own.
    std::optional<ExperimentResult> result;
    if (m_stats->hasResult())
        result = m_stats->result();
    const ReportExporter exporter(result ? &*result : nullptr,
                                  LoadSeries::fromSamples(m_monitor->recording().samples()),
                                  exportCharts());
    QList<RenderedFile> charts;
    if (!exporter.renderCharts(options, &charts, error))
        return false;

    // A million-task tasks.csv is ~50 MB and takes ~0.3 s: written on a worker, with Cancel (or
    // Esc) stopping between files and removing what this export wrote. The dialog only appears
    // when writing takes longer than a glance.
    std::atomic<bool> cancel{false};
    bool ok = false;
    QProgressDialog progress(
        tr("Writing reports to %1…").arg(QDir::toNativeSeparators(options.directory)), tr("Cancel"),
        0, 0, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(400);
    connect(&progress, &QProgressDialog::canceled, this, [&cancel] { cancel.store(true); });
    const std::unique_ptr<QThread> worker(
        QThread::create([&] { ok = exporter.writeAll(options, charts, &cancel, written, error); }));
    QEventLoop loop;
    connect(worker.get(), &QThread::finished, &loop, &QEventLoop::quit);
    worker->start();
    loop.exec();
    worker->wait();
    return ok;
}

void MainWindow::showExportDialog()
{
    ExportOptions defaults = m_exportOptions;
    if (defaults.directory.isEmpty()) {
        defaults.directory =
            QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                .filePath(QStringLiteral("loopbench-export"));
        // What the window shows, at the screen's real pixels.
        defaults.pngSize = m_sweepPage->sweepChart()->isVisible()
                               ? m_sweepPage->sweepChart()->size() * devicePixelRatio()
                               : m_comparison->size() * devicePixelRatio();
        if (defaults.pngSize.width() < 320 || defaults.pngSize.height() < 200)
            defaults.pngSize = QSize(1600, 1000);
    }
    ExportDialog dialog(defaults, m_stats->hasResult(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_exportOptions = dialog.options();
    QStringList written;
    QString error;
    if (!exportTo(m_exportOptions, &written, &error)) {
        QMessageBox::warning(
            this, tr("Export failed"),
            tr("<p>Nothing more was written.</p><p>%1</p>%2")
                .arg(error.toHtmlEscaped(),
                     written.isEmpty()
                         ? QString()
                         : tr("<p>Written before the failure: %1</p>")
                               .arg(written.join(QStringLiteral(", ")).toHtmlEscaped())));
        return;
    }
    QStringList names;
    for (const QString &path : std::as_const(written))
        names.append(QFileInfo(path).fileName());
    statusBar()->showMessage(tr("Exported to %1: %2")
                                 .arg(QDir::toNativeSeparators(m_exportOptions.directory),
                                      names.join(QStringLiteral(", "))),
                             15000);
}

void MainWindow::onRunningChanged(bool running)
{
    if (running) {
        m_sequenceRows.clear();
        m_monitor->beginRecording();
    } else {
        m_monitor->endRecording();
    }
    if (!running) {
        m_monitor->markRunEnd();
        m_progress->setFormat(tr("idle"));
    }
    updateActions();
}

void MainWindow::onProgress(const RunProgressInfo &info)
{
    m_progress->setMaximum(int(std::min<std::int64_t>(info.tasks, INT_MAX)));
    m_progress->setValue(int(std::min<std::int64_t>(info.finished, INT_MAX)));
    m_progress->setFormat(
        tr("%L1 / %L2 tasks · ETA %3")
            .arg(info.finished)
            .arg(info.tasks)
            .arg(std::isnan(info.etaMs) ? tr("…") : Formatting::duration(info.etaMs)));
    const QString step =
        info.role == RunRole::Warmup ? tr("Warm-up: ")
        : info.experiment
            ? tr("Experiment, run %1 of %2: ").arg(info.runIndex + 1).arg(info.runCount)
        : info.runCount > 1
            ? tr("Compare, run %1 of %2: ").arg(info.runIndex + 1).arg(info.runCount)
            : QString();
    m_statusText->setText(
        tr("%1%2 running · %3 elapsed")
            .arg(step, loopsLabel(info.shards), Formatting::duration(info.elapsedMs)));
    m_stallLabel->setText(tr("GUI stall p99 %1 · max %2")
                              .arg(Formatting::duration(info.guiStall.p99Ms),
                                   Formatting::duration(info.guiStall.maxMs)));
}

void MainWindow::onRunFinished(const RunResult &result, RunRole role, double guiStallP99Ms)
{
    m_monitor->markRunEnd();
    const int row = m_history->append(result, role, guiStallP99Ms);
    if (role != RunRole::Warmup)
        m_sequenceRows.push_back(row);
    const StallMeter::Stats stall = m_controller->stallMeter().stats();
    m_stallLabel->setText(
        tr("GUI stall p99 %1 · max %2 (last run)")
            .arg(Formatting::duration(stall.p99Ms), Formatting::duration(stall.maxMs)));
    if (result.completed()) {
        m_statusText->setText(
            tr("%1: %2 (ideal %3, efficiency %4)")
                .arg(loopsLabel(result.shards), Formatting::duration(result.wallMs),
                     Formatting::duration(result.idealMs), Formatting::percent(result.efficiency)));
    } else {
        m_statusText->setText(tr("%1: %2 after %L3 of %L4 tasks %5")
                                  .arg(loopsLabel(result.shards), runStatusName(result.status))
                                  .arg(result.tasksDone)
                                  .arg(result.tasks)
                                  .arg(result.error));
    }
}

void MainWindow::compareRows(int rowA, int rowB)
{
    if (const auto c =
            Comparison::between(m_history->entry(rowA).result, m_history->entry(rowB).result))
        m_comparison->setComparison(*c);
    else
        statusBar()->showMessage(tr("Only completed runs can be compared"), 4000);
}

void MainWindow::restoreSettings()
{
    QSettings s;
    QStringList problems;
    const ConfigInput stored = ConfigSettings::load(s, &problems);
    const ConfigInput::Parsed parsed = stored.parse();
    m_config->setConfig(parsed.spec, parsed.config);
    m_config->setExperiment(stored.shardList, parsed.repeats, stored.warmup);
    if (!problems.isEmpty()) {
        // Not a dialog at start: the form is valid again, the user only needs to know why.
        statusBar()->showMessage(tr("Saved settings: %1").arg(problems.join(QStringLiteral("; "))),
                                 20000);
    }
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(screen()->availableSize() * 0.9);
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    const bool restored =
        m_vertical->restoreState(s.value(QStringLiteral("window/vertical")).toByteArray()) &&
        m_top->restoreState(s.value(QStringLiteral("window/top")).toByteArray()) &&
        m_bottom->restoreState(s.value(QStringLiteral("window/bottom")).toByteArray());
    if (!restored) {
        // First start: split by proportions once the window has its real size (setSizes takes
        // pixels, and before the first layout there are none to share).
        QTimer::singleShot(0, this, [this] {
            auto share = [](QSplitter *splitter, double first) {
                const int total = splitter->orientation() == Qt::Horizontal ? splitter->width()
                                                                            : splitter->height();
                splitter->setSizes({int(total * first), total - int(total * first)});
            };
            share(m_vertical, 0.5);
            share(m_top, 0.62);
            share(m_bottom, 0.45);
        });
    }
}

void MainWindow::saveSettings()
{
    QSettings s;
    const ConfigInput::Parsed &p = m_config->parsed();
    if (p.ok()) // an invalid form is not worth coming back to
        ConfigSettings::save(s, m_config->input());
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("window/vertical"), m_vertical->saveState());
    s.setValue(QStringLiteral("window/top"), m_top->saveState());
    s.setValue(QStringLiteral("window/bottom"), m_bottom->saveState());
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
