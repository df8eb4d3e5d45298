// SPDX-License-Identifier: MIT
#include "core/report/jsonreport.h"
#include "core/store/resultstore.h"
#include "tests/support/syntheticexperiment.h"
#include "tests/support/uitestsupport.h"
#include "tests/support/windowparts.h"
#include "ui/charts/comparisonchart.h"
#include "ui/charts/efficiencychart.h"
#include "ui/config/configpanel.h"
#include "ui/controllers/importcontroller.h"
#include "ui/export/exportfigures.h"
#include "ui/models/experimentstatsmodel.h"
#include "ui/models/historymodel.h"
#include "ui/window/historyview.h"
#include "ui/window/livepage.h"
#include "ui/window/mainwindow.h"
#include "ui/window/sweeppage.h"
#include "ui/window/windowactions.h"

#include <QAction>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QChart>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QXmlStreamReader>

#include <QCoroTask>

#include <algorithm>

// The history is the result store: what one window recorded, the next window (a restart) lists;
// a selected run reopens its experiment's statistics; a cancelled experiment never replaces a
// complete one; two runs of different plans get no speedup headline.
namespace {

const WorkloadSpec kSmall{150, 0, 10, 1000, 10000, Kernel::Sum, 3};
const WorkloadSpec kOther{300, 0, 10, 1000, 10000, Kernel::Sum, 3};

void compare(MainWindow &window, const WorkloadSpec &spec, int shards)
{
    part<ConfigPanel>(window)->setConfig(spec, RunConfig{shards, Partition::Contiguous, false});
    QTRY_VERIFY_WITH_TIMEOUT(part<WindowActions>(window)->compare()->isEnabled(), 5000);
    QSignalSpy done(part<RunController>(window), &RunController::experimentFinished);
    part<WindowActions>(window)->compare()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 20000);
    settle(window);
}

void select(MainWindow &window, const QList<int> &rows)
{
    part<LivePage>(window)->historyView()->selectRows(rows);
    settle(window); // a row of another experiment reopens it from the store
}

// File > Open report without the dialog: the experiments added, and why the others were not.
int openReports(MainWindow &window, const QStringList &paths, QStringList *refused)
{
    const ImportController::Outcome outcome =
        QCoro::waitFor(part<ImportController>(window)->open(paths));
    *refused = outcome.refused;
    return outcome.added;
}

// What the export dialog offers, with the history's selected rows.
ExportChoices exportChoices(MainWindow &window,
                            const std::optional<QSet<std::int64_t>> &withTimings)
{
    return part<ExportController>(window)->choices(
        part<LivePage>(window)->historyView()->selectedRows(), withTimings);
}

// Every label of every category axis of `chart`.
QStringList categories(QChart *chart)
{
    QStringList labels;
    for (QAbstractAxis *axis : chart->axes()) {
        if (auto *c = qobject_cast<QBarCategoryAxis *>(axis))
            labels += c->categories();
    }
    return labels;
}

} // namespace

class TestHistory : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        isolateSettings(m_settings);
        // The export notes below name the runs recorded without per-task timings: these tests'
        // small runs would keep them by default.
        QSettings().setValue(QStringLiteral("history/keepSmallRunTimings"), false);
        qputenv(ResultStore::kPathVariable, m_store.filePath(QStringLiteral("h.sqlite")).toUtf8());
    }

    void theHistoryOutlivesTheWindow()
    {
        QList<double> walls;
        {
            MainWindow window;
            settle(window);
            compare(window, kSmall, 2);
            QCOMPARE(part<HistoryModel>(window)->rowCount(), 2);
            for (int row = 0; row < 2; ++row)
                walls.append(part<HistoryModel>(window)->entry(row).result.wallMs);
            QVERIFY(part<HistoryModel>(window)->entry(0).runId > 0);
        }
        MainWindow restarted;
        settle(restarted);
        QCOMPARE(part<HistoryModel>(restarted)->rowCount(), 2);
        for (int row = 0; row < 2; ++row) {
            const HistoryEntry &e = part<HistoryModel>(restarted)->entry(row);
            QCOMPARE(e.result.wallMs, walls[row]);
            QCOMPARE(e.role, row == 0 ? RunRole::CompareOne : RunRole::CompareK);
            QCOMPARE(e.plan.workload, kSmall);
            QCOMPARE(e.plan.transport, TransportConfig{});
        }
        // The statistics page shows the stored experiment again.
        QVERIFY(part<ExperimentStatsModel>(restarted)->hasResult());
        QCOMPARE(part<ExperimentStatsModel>(restarted)->result().runs.size(), std::size_t(2));
    }

    void aSelectedRunReopensItsExperiment()
    {
        MainWindow window;
        settle(window);
        const int before = part<HistoryModel>(window)->rowCount();
        compare(window, kOther, 2);
        QCOMPARE(part<ExperimentStatsModel>(window)->result().spec.workload.tasks, kOther.tasks);
        // A row of the earlier experiment: its statistics come back from the store.
        select(window, {0});
        QCOMPARE(part<ExperimentStatsModel>(window)->result().spec.workload.tasks, kSmall.tasks);
        select(window, {before});
        QCOMPARE(part<ExperimentStatsModel>(window)->result().spec.workload.tasks, kOther.tasks);
    }

    void differentPlansGetNoSpeedupHeadline()
    {
        MainWindow window;
        settle(window);
        QVERIFY(part<HistoryModel>(window)->rowCount() >= 4);
        // Row 1: 2 loops on 150 tasks; row 3: 2 loops on 300 tasks.
        QVERIFY(!(part<HistoryModel>(window)->entry(1).plan ==
                  part<HistoryModel>(window)->entry(3).plan));
        select(window, {0, 3});
        const auto &c = part<ComparisonChart>(window)->comparison();
        QVERIFY(c);
        QVERIFY(!c->samePlan());
        const QString title = part<ComparisonChart>(window)->chart()->title();
        QVERIFY2(title.startsWith(QLatin1String("different plans (tasks): ")), qPrintable(title));
        QVERIFY2(!title.contains(QLatin1String("faster")), qPrintable(title));
        // Two rows of one stored plan are still a comparison with a speedup.
        select(window, {0, 1});
        QVERIFY(part<ComparisonChart>(window)->comparison()->samePlan());
        QVERIFY(part<ComparisonChart>(window)->chart()->title().startsWith(
            part<ComparisonChart>(window)->comparison()->judgement().claim));
        // A speedup headline of the pair, whichever way the two real runs came out ("2 loops:
        // 1.9x faster than 1 loop", or "as fast as 1 loop" where IO dominates them).
        const QString pairTitle = part<ComparisonChart>(window)->chart()->title();
        QVERIFY2(pairTitle.startsWith(QLatin1String("2 loops: ")) &&
                     pairTitle.contains(QLatin1String(" 1 loop")),
                 qPrintable(pairTitle));
        QVERIFY(!part<ComparisonChart>(window)->isStale());
        // One row selected: the pair on the chart is no longer what the selection says.
        select(window, {2});
        QVERIFY(part<ComparisonChart>(window)->isStale());
        QVERIFY(part<ComparisonChart>(window)->chart()->title().startsWith(
            QLatin1String("Earlier comparison")));
    }

    // The comparison chart shows the last experiment's pair: a Repeat compare's typical pair
    // (not the stale one of the Compare before it), and the same after a restart.
    void aRepeatCompareDrawsItsPairAndARestartShowsIt()
    {
        double candidateWall = 0;
        {
            MainWindow window;
            settle(window);
            compare(window, kSmall, 2);
            QVERIFY(!part<ComparisonChart>(window)->isStale());
            part<ConfigPanel>(window)->setConfig(kSmall,
                                                 RunConfig{3, Partition::Contiguous, false});
            part<ConfigPanel>(window)->setExperiment(QStringLiteral("1,3"), 3, false);
            QTRY_VERIFY_WITH_TIMEOUT(part<WindowActions>(window)->repeatCompare()->isEnabled(),
                                     5000);
            QSignalSpy done(part<RunController>(window), &RunController::experimentFinished);
            part<WindowActions>(window)->repeatCompare()->trigger();
            QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 30000);
            settle(window);
            QVERIFY(!part<ComparisonChart>(window)->isStale());
            const auto &pair = part<ComparisonChart>(window)->comparison();
            QVERIFY(pair);
            QCOMPARE(pair->baseline.shards, 1);
            QCOMPARE(pair->candidate.shards, 3);
            // The median of the three 3-loop runs.
            std::vector<double> walls;
            for (const RunResult &r : part<ExperimentStatsModel>(window)->result().runs) {
                if (r.shards == 3)
                    walls.push_back(r.wallMs);
            }
            QCOMPARE(walls.size(), std::size_t(3));
            std::sort(walls.begin(), walls.end());
            QCOMPARE(pair->candidate.wallMs, walls[1]);
            candidateWall = walls[1];
        }
        MainWindow restarted;
        settle(restarted);
        const auto &pair = part<ComparisonChart>(restarted)->comparison();
        QVERIFY(pair);
        QVERIFY(!part<ComparisonChart>(restarted)->isStale());
        QCOMPARE(pair->candidate.shards, 3);
        QCOMPARE(pair->candidate.wallMs, candidateWall);
    }

    void aCancelledExperimentDoesNotReplaceTheStatistics()
    {
        MainWindow window;
        settle(window);
        compare(window, kSmall, 2);
        const ExperimentResult shown = part<ExperimentStatsModel>(window)->result();
        // Long IO, cancelled as soon as it runs.
        part<ConfigPanel>(window)->setConfig(WorkloadSpec{200, 5000, 6000, 0, 0, Kernel::Sum, 4},
                                             RunConfig{2, Partition::Contiguous, false});
        QTRY_VERIFY_WITH_TIMEOUT(part<WindowActions>(window)->compare()->isEnabled(), 5000);
        QSignalSpy done(part<RunController>(window), &RunController::experimentFinished);
        QSignalSpy started(part<RunController>(window), &RunController::runStarted);
        part<WindowActions>(window)->compare()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 10000);
        part<WindowActions>(window)->cancel()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
        settle(window);
        QVERIFY(done[0][0].value<ExperimentResult>().cancelled);
        QCOMPARE(part<ExperimentStatsModel>(window)->result().spec.workload.tasks,
                 shown.spec.workload.tasks);
        QCOMPARE(part<ExperimentStatsModel>(window)->result().runs.size(), shown.runs.size());
        // The cancelled run is in the history and in the store all the same.
        const HistoryEntry &last =
            part<HistoryModel>(window)->entry(part<HistoryModel>(window)->rowCount() - 1);
        QCOMPARE(last.result.status, RunStatus::Cancelled);
        QCOMPARE(inStore(window, [](ResultStore &store) { return store.runCount(); }),
                 qsizetype(part<HistoryModel>(window)->rowCount()));
    }

    void anExportDescribesTheRunsOfOneExperiment()
    {
        MainWindow window;
        settle(window);
        compare(window, kOther, 3);
        // The dialog names what the reports describe, in words: counts with their nouns, and not
        // the radio button's own label again.
        QVERIFY2(part<ExportController>(window)->experimentScope().startsWith(
                     QLatin1String("2 runs of 300 tasks on K = 1, 3")),
                 qPrintable(part<ExportController>(window)->experimentScope()));
        QTemporaryDir dir;
        ExportOptions options;
        options.directory = dir.filePath(QStringLiteral("out"));
        options.pngSize = QSize(320, 200);
        ExportOutcome outcome = exportFrom(window, options);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        auto shardChartTitle = [&options] {
            QFile f(QDir(options.directory).filePath(QStringLiteral("chart-shard-load.svg")));
            return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
        };
        QVERIFY(shardChartTitle().contains(QLatin1String("3 shard threads")));
        // Reopen the other experiment and export it: its own charts (its 2 loops), not the
        // window's shard chart, which still shows the last run (3 loops).
        select(window, {0});
        QCOMPARE(part<ExperimentStatsModel>(window)->result().spec.workload.tasks, kSmall.tasks);
        outcome = exportFrom(window, options);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.written.size(), 6 + 2 * qsizetype(ExportFigures::all().size()));
        QVERIFY(shardChartTitle().contains(QLatin1String("2 shard threads")));
    }

    // Every scope writes every file the dialog promises, with load.csv and tasks.csv rows where
    // the runs have them and every run's start time, each experiment in its own folder.
    void everyScopeWritesEveryPromisedFile()
    {
        MainWindow window;
        settle(window);
        part<WindowActions>(window)->keepTaskTimings()->setChecked(true);
        const int first = part<HistoryModel>(window)->rowCount();
        // IO up to 0.7 s: each run lasts a few of the load sampler's 250 ms intervals.
        compare(window, WorkloadSpec{150, 300, 700, 1000, 10000, Kernel::Sum, 5}, 2);
        compare(window, WorkloadSpec{200, 300, 700, 1000, 10000, Kernel::Sum, 6}, 3);
        const int rows = part<HistoryModel>(window)->rowCount();
        QCOMPARE(rows, first + 4);
        const std::int64_t smallId = part<HistoryModel>(window)->entry(first).experimentId;
        const std::int64_t otherId = part<HistoryModel>(window)->entry(first + 2).experimentId;
        QVERIFY(smallId > 0 && otherId > smallId);

        auto csvRows = [](const QString &path) {
            QFile f(path);
            QList<QList<QByteArray>> out;
            if (!f.open(QIODevice::ReadOnly))
                return out;
            for (const QByteArray &line : f.readAll().split('\n')) {
                if (!line.isEmpty() && !line.startsWith('#'))
                    out.append(line.split(','));
            }
            return out; // header first
        };
        auto checkFolder = [&](const QDir &at, int shards, int runs) {
            QStringList expected{"runs.csv",  "summary.csv", "load.csv",  "tasks.csv",
                                 "meta.json", "report.json", "summary.md"};
            for (const ExportFigures::Figure &f : ExportFigures::all())
                expected << f.stem + QStringLiteral(".png");
            for (const QString &name : expected)
                QVERIFY2(at.exists(name), qPrintable(at.filePath(name)));
            const auto runRows = csvRows(at.filePath(QStringLiteral("runs.csv")));
            QCOMPARE(runRows.size(), runs + 1);
            const qsizetype started = runRows[0].indexOf("started_utc");
            for (qsizetype r = 1; r < runRows.size(); ++r)
                QVERIFY2(!runRows[r].value(started).isEmpty(),
                         qPrintable(at.path() + u' ' + runRows[r].join(',')));
            const auto load = csvRows(at.filePath(QStringLiteral("load.csv")));
            QVERIFY2(load.size() > 2, qPrintable(at.path())); // rows of both runs
            QSet<QByteArray> loadRuns;
            for (qsizetype r = 1; r < load.size(); ++r)
                loadRuns.insert(load[r].value(0));
            QCOMPARE(loadRuns.size(), runs);
            const auto tasks = csvRows(at.filePath(QStringLiteral("tasks.csv")));
            QVERIFY2(tasks.size() > 1, qPrintable(at.path()));
            const qsizetype done = tasks[0].indexOf("done_ms");
            QVERIFY(!tasks[1].value(done).trimmed().isEmpty());
            QImage shard(at.filePath(QStringLiteral("chart-shard-load.png")));
            QCOMPARE(shard.size(), QSize(640, 400));
            // The shard chart of this experiment's own last run of the largest K.
            QFile svg(at.filePath(QStringLiteral("chart-shard-load.svg")));
            QVERIFY(svg.open(QIODevice::ReadOnly));
            QXmlStreamReader xml(&svg);
            QString text;
            while (!xml.atEnd()) {
                if (xml.readNext() == QXmlStreamReader::StartElement &&
                    xml.name() == QLatin1String("text"))
                    text += xml.readElementText(QXmlStreamReader::IncludeChildElements) + u' ';
            }
            text.replace(QChar(0xa0), u' ');
            QVERIFY2(text.contains(QStringLiteral("%1 shard threads").arg(shards)),
                     qPrintable(at.path() + u' ' + text));
        };

        // The dialog says which experiments' tasks.csv will have no times: the ones of earlier
        // tests (recorded without timings), not these two.
        const QSet<std::int64_t> kept =
            inStore(window, [](ResultStore &store) { return store.experimentsWithTaskTimings(); });
        QVERIFY(kept.contains(smallId) && kept.contains(otherId));
        const ExportChoices choices = exportChoices(window, kept);
        QCOMPARE(choices.noTimings[int(ExportScope::Experiment)], QString());
        const QString history = choices.noTimings[int(ExportScope::History)];
        QVERIFY2(history.contains(QLatin1String("not kept for")) &&
                     history.contains(QLatin1String("(#1, ")),
                 qPrintable(history));
        for (const std::int64_t id : {smallId, otherId})
            QVERIFY2(!history.contains(QStringLiteral("#%1,").arg(id)) &&
                         !history.contains(QStringLiteral("#%1)").arg(id)),
                     qPrintable(history));

        ExportOptions options;
        options.tasksCsv = true;
        options.pngSize = QSize(640, 400);
        for (const ExportScope scope :
             {ExportScope::Experiment, ExportScope::SelectedRuns, ExportScope::History}) {
            QTemporaryDir dir;
            options.directory = dir.path();
            options.scope = scope;
            // Selecting rows reopens the first one's experiment on the statistics page: only after
            // the statistics page's own export.
            if (scope == ExportScope::SelectedRuns)
                select(window, {first, first + 1, first + 2, first + 3});
            const ExportOutcome outcome = exportFrom(window, options);
            QVERIFY2(outcome.ok, qPrintable(outcome.error));
            if (scope == ExportScope::Experiment) {
                checkFolder(QDir(dir.path()), 3, 2); // the statistics page: the last Compare
                continue;
            }
            checkFolder(QDir(dir.filePath(QStringLiteral("experiment-%1-compare").arg(smallId))), 2,
                        2);
            checkFolder(QDir(dir.filePath(QStringLiteral("experiment-%1-compare").arg(otherId))), 3,
                        2);
        }
        // After a restart the statistics page lists the newest experiment from the store: its
        // export still has every run's load samples and kept timings.
        MainWindow restarted;
        settle(restarted);
        QCOMPARE(exportChoices(restarted, kept).noTimings[int(ExportScope::Experiment)], QString());
        QVERIFY(!exportChoices(restarted, QSet<std::int64_t>{})
                     .noTimings[int(ExportScope::Experiment)]
                     .isEmpty());
        QTemporaryDir dir;
        options.directory = dir.path();
        options.scope = ExportScope::Experiment;
        const ExportOutcome outcome = exportFrom(restarted, options);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        checkFolder(QDir(dir.path()), 3, 2);
    }

    // A report that is already in the history (opened before, or exported from it) adds nothing,
    // and says so.
    void openingAReportTwiceAddsNothing()
    {
        MainWindow window;
        settle(window);
        const int before = part<HistoryModel>(window)->rowCount();
        ExperimentResult other = synthetic::sweep();
        other.machine.host = QStringLiteral("laptop");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("twice.json"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QJsonDocument(experimentToJson(other)).toJson());
        }
        QStringList refused;
        QCOMPARE(openReports(window, {path}, &refused), 1);
        QVERIFY(refused.isEmpty());
        const int after = part<HistoryModel>(window)->rowCount();
        QCOMPARE(after, before + int(other.runs.size()));
        // Again, and twice in one go: nothing more.
        QCOMPARE(openReports(window, {path, path}, &refused), 0);
        QCOMPARE(refused.size(), 2);
        QVERIFY2(refused[0].contains(QLatin1String("twice.json: already in the history")),
                 qPrintable(refused[0]));
        QCOMPARE(part<HistoryModel>(window)->rowCount(), after);
        // A report exported from the history is in it too.
        ExportOptions options;
        options.directory = dir.filePath(QStringLiteral("export"));
        options.png = options.svg = options.csv = options.markdown = false;
        const ExportOutcome outcome = exportFrom(window, options);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(openReports(window,
                             {QDir(options.directory).filePath(QStringLiteral("report.json"))},
                             &refused),
                 0);
        QCOMPARE(part<HistoryModel>(window)->rowCount(), after);
        MainWindow restarted;
        settle(restarted);
        QCOMPARE(part<HistoryModel>(restarted)->rowCount(), after);
    }

    void reportsFromAnotherMachineJoinTheHistory()
    {
        MainWindow window;
        settle(window);
        const int before = part<HistoryModel>(window)->rowCount();
        ExperimentResult other = synthetic::sweep();
        other.machine.host = QStringLiteral("build-server");
        QTemporaryDir dir;
        const QString good = dir.filePath(QStringLiteral("other.json"));
        const QString bad = dir.filePath(QStringLiteral("notes.json"));
        {
            QFile f(good);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QJsonDocument(experimentToJson(other)).toJson());
            QFile g(bad);
            QVERIFY(g.open(QIODevice::WriteOnly));
            g.write("{\"shopping\": [\"milk\"]}");
        }
        QStringList refused;
        const int added = openReports(window, {good, bad}, &refused);
        QVERIFY2(added == 1, qPrintable(refused.join(QLatin1Char('\n'))));
        QCOMPARE(refused.size(), 1);
        QVERIFY2(refused[0].endsWith(
                     QLatin1String("notes.json: not a LoopBench report (no \"schema\")")),
                 qPrintable(refused[0]));
        // Every run of the report, marked with its machine, and its statistics on the page.
        QCOMPARE(part<HistoryModel>(window)->rowCount(), before + int(other.runs.size()));
        const HistoryEntry &last =
            part<HistoryModel>(window)->entry(part<HistoryModel>(window)->rowCount() - 1);
        QCOMPARE(last.machine, QStringLiteral("build-server"));
        QCOMPARE(last.role, RunRole::Imported);
        QCOMPARE(part<ExperimentStatsModel>(window)->result().verdict(), other.verdict());
        // It lasts like any other run.
        MainWindow restarted;
        settle(restarted);
        QCOMPARE(part<HistoryModel>(restarted)->rowCount(), before + int(other.runs.size()));
    }

    void clearingTheHistoryLeavesNoOldLabels()
    {
        MainWindow window;
        settle(window);
        compare(window, kSmall, 2);
        QVERIFY(part<HistoryModel>(window)->rowCount() > 0);
        QVERIFY(!categories(part<ComparisonChart>(window)->chart()).isEmpty());
        QVERIFY(!categories(part<SweepPage>(window)->efficiencyChart()->chart()).isEmpty());
        // View > Clear history asks first (it cannot be undone): answer Yes.
        QTimer::singleShot(0, &window, [] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            QVERIFY(box->text().contains(QLatin1String("cannot be undone")));
            box->button(QMessageBox::Yes)->click();
        });
        part<WindowActions>(window)->clearHistory()->trigger();
        settle(window);
        QCOMPARE(part<HistoryModel>(window)->rowCount(), 0);
        // No category axis keeps the labels of the runs that are gone.
        QCOMPARE(categories(part<ComparisonChart>(window)->chart()), QStringList());
        QCOMPARE(categories(part<SweepPage>(window)->efficiencyChart()->chart()), QStringList());
        QVERIFY(part<ComparisonChart>(window)->chart()->title().contains(
            QLatin1String("No comparison")));
        QVERIFY(!part<ExperimentStatsModel>(window)->hasResult());
        MainWindow restarted; // and the store is empty too
        settle(restarted);
        QCOMPARE(part<HistoryModel>(restarted)->rowCount(), 0);
    }

private:
    QTemporaryDir m_settings;
    QTemporaryDir m_store;
};

QTEST_MAIN(TestHistory)
#include "tst_history.moc"
