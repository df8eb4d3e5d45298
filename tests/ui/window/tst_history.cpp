// SPDX-License-Identifier: MIT
#include "core/report/jsonreport.h"
#include "core/store/resultstore.h"
#include "tests/support/syntheticexperiment.h"
#include "tests/support/uitestsupport.h"
#include "ui/charts/comparisonchart.h"
#include "ui/charts/efficiencychart.h"
#include "ui/config/configpanel.h"
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
    window.configPanel()->setConfig(spec, RunConfig{shards, Partition::Contiguous, false});
    QTRY_VERIFY_WITH_TIMEOUT(window.actions()->compare()->isEnabled(), 5000);
    QSignalSpy done(window.controller(), &RunController::experimentFinished);
    window.actions()->compare()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 20000);
}

void select(MainWindow &window, const QList<int> &rows)
{
    QTableView *table = window.livePage()->historyView()->table();
    table->selectionModel()->clearSelection();
    for (const int row : rows)
        table->selectionModel()->select(window.history()->index(row, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
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
        qputenv(ResultStore::kPathVariable, m_store.filePath(QStringLiteral("h.sqlite")).toUtf8());
    }

    void theHistoryOutlivesTheWindow()
    {
        QList<double> walls;
        {
            MainWindow window;
            compare(window, kSmall, 2);
            QCOMPARE(window.history()->rowCount(), 2);
            for (int row = 0; row < 2; ++row)
                walls.append(window.history()->entry(row).result.wallMs);
            QVERIFY(window.history()->entry(0).runId > 0);
        }
        MainWindow restarted;
        QCOMPARE(restarted.history()->rowCount(), 2);
        for (int row = 0; row < 2; ++row) {
            const HistoryEntry &e = restarted.history()->entry(row);
            QCOMPARE(e.result.wallMs, walls[row]);
            QCOMPARE(e.role, row == 0 ? RunRole::CompareOne : RunRole::CompareK);
            QCOMPARE(e.plan.workload, kSmall);
            QCOMPARE(e.plan.transport, TransportConfig{});
        }
        // The statistics page shows the stored experiment again.
        QVERIFY(restarted.statistics()->hasResult());
        QCOMPARE(restarted.statistics()->result().runs.size(), std::size_t(2));
    }

    void aSelectedRunReopensItsExperiment()
    {
        MainWindow window;
        const int before = window.history()->rowCount();
        compare(window, kOther, 2);
        QCOMPARE(window.statistics()->result().spec.workload.tasks, kOther.tasks);
        // A row of the earlier experiment: its statistics come back from the store.
        select(window, {0});
        QCOMPARE(window.statistics()->result().spec.workload.tasks, kSmall.tasks);
        select(window, {before});
        QCOMPARE(window.statistics()->result().spec.workload.tasks, kOther.tasks);
    }

    void differentPlansGetNoSpeedupHeadline()
    {
        MainWindow window;
        QVERIFY(window.history()->rowCount() >= 4);
        // Row 1: 2 loops on 150 tasks; row 3: 2 loops on 300 tasks.
        QVERIFY(!(window.history()->entry(1).plan == window.history()->entry(3).plan));
        select(window, {0, 3});
        const auto &c = window.comparisonChart()->comparison();
        QVERIFY(c);
        QVERIFY(!c->samePlan());
        const QString title = window.comparisonChart()->chart()->title();
        QVERIFY2(title.startsWith(QLatin1String("different plans (tasks): ")), qPrintable(title));
        QVERIFY2(!title.contains(QLatin1String("faster")), qPrintable(title));
        // Two rows of one stored plan are still a comparison with a speedup.
        select(window, {0, 1});
        QVERIFY(window.comparisonChart()->comparison()->samePlan());
        QVERIFY(window.comparisonChart()->chart()->title().startsWith(
            window.comparisonChart()->comparison()->judgement().claim));
        // A speedup headline of the pair, whichever way the two real runs came out ("2 loops:
        // 1.9x faster than 1 loop", or "as fast as 1 loop" where IO dominates them).
        const QString pairTitle = window.comparisonChart()->chart()->title();
        QVERIFY2(pairTitle.startsWith(QLatin1String("2 loops: ")) &&
                     pairTitle.contains(QLatin1String(" 1 loop")),
                 qPrintable(pairTitle));
        QVERIFY(!window.comparisonChart()->isStale());
        // One row selected: the pair on the chart is no longer what the selection says.
        select(window, {2});
        QVERIFY(window.comparisonChart()->isStale());
        QVERIFY(window.comparisonChart()->chart()->title().startsWith(
            QLatin1String("Earlier comparison")));
    }

    // The comparison chart shows the last experiment's pair: a Repeat compare's typical pair
    // (not the stale one of the Compare before it), and the same after a restart.
    void aRepeatCompareDrawsItsPairAndARestartShowsIt()
    {
        double candidateWall = 0;
        {
            MainWindow window;
            compare(window, kSmall, 2);
            QVERIFY(!window.comparisonChart()->isStale());
            window.configPanel()->setConfig(kSmall, RunConfig{3, Partition::Contiguous, false});
            window.configPanel()->setExperiment(QStringLiteral("1,3"), 3, false);
            QTRY_VERIFY_WITH_TIMEOUT(window.actions()->repeatCompare()->isEnabled(), 5000);
            QSignalSpy done(window.controller(), &RunController::experimentFinished);
            window.actions()->repeatCompare()->trigger();
            QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 30000);
            QVERIFY(!window.comparisonChart()->isStale());
            const auto &pair = window.comparisonChart()->comparison();
            QVERIFY(pair);
            QCOMPARE(pair->baseline.shards, 1);
            QCOMPARE(pair->candidate.shards, 3);
            // The median of the three 3-loop runs.
            std::vector<double> walls;
            for (const RunResult &r : window.statistics()->result().runs) {
                if (r.shards == 3)
                    walls.push_back(r.wallMs);
            }
            QCOMPARE(walls.size(), std::size_t(3));
            std::sort(walls.begin(), walls.end());
            QCOMPARE(pair->candidate.wallMs, walls[1]);
            candidateWall = walls[1];
        }
        MainWindow restarted;
        const auto &pair = restarted.comparisonChart()->comparison();
        QVERIFY(pair);
        QVERIFY(!restarted.comparisonChart()->isStale());
        QCOMPARE(pair->candidate.shards, 3);
        QCOMPARE(pair->candidate.wallMs, candidateWall);
    }

    void aCancelledExperimentDoesNotReplaceTheStatistics()
    {
        MainWindow window;
        compare(window, kSmall, 2);
        const ExperimentResult shown = window.statistics()->result();
        // Long IO, cancelled as soon as it runs.
        window.configPanel()->setConfig(WorkloadSpec{200, 5000, 6000, 0, 0, Kernel::Sum, 4},
                                        RunConfig{2, Partition::Contiguous, false});
        QTRY_VERIFY_WITH_TIMEOUT(window.actions()->compare()->isEnabled(), 5000);
        QSignalSpy done(window.controller(), &RunController::experimentFinished);
        QSignalSpy started(window.controller(), &RunController::runStarted);
        window.actions()->compare()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 10000);
        window.actions()->cancel()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
        QVERIFY(done[0][0].value<ExperimentResult>().cancelled);
        QCOMPARE(window.statistics()->result().spec.workload.tasks, shown.spec.workload.tasks);
        QCOMPARE(window.statistics()->result().runs.size(), shown.runs.size());
        // The cancelled run is in the history and in the store all the same.
        const HistoryEntry &last = window.history()->entry(window.history()->rowCount() - 1);
        QCOMPARE(last.result.status, RunStatus::Cancelled);
        QCOMPARE(window.store().runCount(), qsizetype(window.history()->rowCount()));
    }

    void anExportDescribesTheRunsOfOneExperiment()
    {
        MainWindow window;
        compare(window, kOther, 3);
        // The dialog names what the reports describe, in words: counts with their nouns, and not
        // the radio button's own label again.
        QVERIFY2(window.exportScope().startsWith(QLatin1String("2 runs of 300 tasks on K = 1, 3")),
                 qPrintable(window.exportScope()));
        QTemporaryDir dir;
        ExportOptions options;
        options.directory = dir.filePath(QStringLiteral("out"));
        options.pngSize = QSize(320, 200);
        ExportOutcome outcome = QCoro::waitFor(window.exportTo(options));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        auto shardChartTitle = [&options] {
            QFile f(QDir(options.directory).filePath(QStringLiteral("chart-shard-load.svg")));
            return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
        };
        QVERIFY(shardChartTitle().contains(QLatin1String("3 shard threads")));
        // Reopen the other experiment and export it: its own charts (its 2 loops), not the
        // window's shard chart, which still shows the last run (3 loops).
        select(window, {0});
        QCOMPARE(window.statistics()->result().spec.workload.tasks, kSmall.tasks);
        outcome = QCoro::waitFor(window.exportTo(options));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.written.size(), 6 + 2 * qsizetype(ExportFigures::all().size()));
        QVERIFY(shardChartTitle().contains(QLatin1String("2 shard threads")));
    }

    // Every scope writes every file the dialog promises, with load.csv and tasks.csv rows where
    // the runs have them and every run's start time, each experiment in its own folder.
    void everyScopeWritesEveryPromisedFile()
    {
        MainWindow window;
        window.actions()->keepTaskTimings()->setChecked(true);
        const int first = window.history()->rowCount();
        // IO up to 0.7 s: each run lasts a few of the load sampler's 250 ms intervals.
        compare(window, WorkloadSpec{150, 300, 700, 1000, 10000, Kernel::Sum, 5}, 2);
        compare(window, WorkloadSpec{200, 300, 700, 1000, 10000, Kernel::Sum, 6}, 3);
        const int rows = window.history()->rowCount();
        QCOMPARE(rows, first + 4);
        const std::int64_t smallId = window.history()->entry(first).experimentId;
        const std::int64_t otherId = window.history()->entry(first + 2).experimentId;
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
        const QSet<std::int64_t> kept = window.store().experimentsWithTaskTimings();
        QVERIFY(kept.contains(smallId) && kept.contains(otherId));
        const ExportChoices choices = window.exportChoices(kept);
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
            const ExportOutcome outcome = QCoro::waitFor(window.exportTo(options));
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
        QCOMPARE(restarted.exportChoices(kept).noTimings[int(ExportScope::Experiment)], QString());
        QVERIFY(!restarted.exportChoices(QSet<std::int64_t>{})
                     .noTimings[int(ExportScope::Experiment)]
                     .isEmpty());
        QTemporaryDir dir;
        options.directory = dir.path();
        options.scope = ExportScope::Experiment;
        const ExportOutcome outcome = QCoro::waitFor(restarted.exportTo(options));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        checkFolder(QDir(dir.path()), 3, 2);
    }

    // A report that is already in the history (opened before, or exported from it) adds nothing,
    // and says so.
    void openingAReportTwiceAddsNothing()
    {
        MainWindow window;
        const int before = window.history()->rowCount();
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
        QCOMPARE(QCoro::waitFor(window.openReports({path}, &refused)), 1);
        QVERIFY(refused.isEmpty());
        const int after = window.history()->rowCount();
        QCOMPARE(after, before + int(other.runs.size()));
        // Again, and twice in one go: nothing more.
        QCOMPARE(QCoro::waitFor(window.openReports({path, path}, &refused)), 0);
        QCOMPARE(refused.size(), 2);
        QVERIFY2(refused[0].contains(QLatin1String("twice.json: already in the history")),
                 qPrintable(refused[0]));
        QCOMPARE(window.history()->rowCount(), after);
        // A report exported from the history is in it too.
        ExportOptions options;
        options.directory = dir.filePath(QStringLiteral("export"));
        options.png = options.svg = options.csv = options.markdown = false;
        const ExportOutcome outcome = QCoro::waitFor(window.exportTo(options));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(QCoro::waitFor(window.openReports(
                     {QDir(options.directory).filePath(QStringLiteral("report.json"))}, &refused)),
                 0);
        QCOMPARE(window.history()->rowCount(), after);
        MainWindow restarted;
        QCOMPARE(restarted.history()->rowCount(), after);
    }

    void reportsFromAnotherMachineJoinTheHistory()
    {
        MainWindow window;
        const int before = window.history()->rowCount();
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
        const int added = QCoro::waitFor(window.openReports({good, bad}, &refused));
        QVERIFY2(added == 1, qPrintable(refused.join(QLatin1Char('\n'))));
        QCOMPARE(refused.size(), 1);
        QVERIFY2(refused[0].endsWith(
                     QLatin1String("notes.json: not a LoopBench report (no \"schema\")")),
                 qPrintable(refused[0]));
        // Every run of the report, marked with its machine, and its statistics on the page.
        QCOMPARE(window.history()->rowCount(), before + int(other.runs.size()));
        const HistoryEntry &last = window.history()->entry(window.history()->rowCount() - 1);
        QCOMPARE(last.machine, QStringLiteral("build-server"));
        QCOMPARE(last.role, RunRole::Imported);
        QCOMPARE(window.statistics()->result().verdict(), other.verdict());
        // It lasts like any other run.
        MainWindow restarted;
        QCOMPARE(restarted.history()->rowCount(), before + int(other.runs.size()));
    }

    void clearingTheHistoryLeavesNoOldLabels()
    {
        MainWindow window;
        compare(window, kSmall, 2);
        QVERIFY(window.history()->rowCount() > 0);
        QVERIFY(!categories(window.comparisonChart()->chart()).isEmpty());
        QVERIFY(!categories(window.sweepPage()->efficiencyChart()->chart()).isEmpty());
        // View > Clear history asks first (it cannot be undone): answer Yes.
        QTimer::singleShot(0, &window, [] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            QVERIFY(box->text().contains(QLatin1String("cannot be undone")));
            box->button(QMessageBox::Yes)->click();
        });
        window.actions()->clearHistory()->trigger();
        QCOMPARE(window.history()->rowCount(), 0);
        // No category axis keeps the labels of the runs that are gone.
        QCOMPARE(categories(window.comparisonChart()->chart()), QStringList());
        QCOMPARE(categories(window.sweepPage()->efficiencyChart()->chart()), QStringList());
        QVERIFY(
            window.comparisonChart()->chart()->title().contains(QLatin1String("No comparison")));
        QVERIFY(!window.statistics()->hasResult());
        MainWindow restarted; // and the store is empty too
        QCOMPARE(restarted.history()->rowCount(), 0);
    }

private:
    QTemporaryDir m_settings;
    QTemporaryDir m_store;
};

QTEST_MAIN(TestHistory)
#include "tst_history.moc"
