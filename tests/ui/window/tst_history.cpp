// SPDX-License-Identifier: MIT
#include "core/report/jsonreport.h"
#include "core/store/resultstore.h"
#include "tests/support/syntheticexperiment.h"
#include "tests/support/uitestsupport.h"
#include "ui/charts/comparisonchart.h"
#include "ui/charts/efficiencychart.h"
#include "ui/config/configpanel.h"
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
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <QCoroTask>

#include <algorithm>

// The history is the result store: what one window recorded, the next window (a restart) lists;
// a selected run reopens its experiment's statistics; a cancelled experiment never replaces a
// complete one; two runs of different workloads get no speedup headline.
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
            QCOMPARE(e.workload, kSmall.describe());
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

    void differentWorkloadsGetNoSpeedupHeadline()
    {
        MainWindow window;
        QVERIFY(window.history()->rowCount() >= 4);
        // Row 1: 2 loops on 150 tasks; row 3: 2 loops on 300 tasks.
        QVERIFY(window.history()->entry(1).workload != window.history()->entry(3).workload);
        select(window, {0, 3});
        const auto &c = window.comparisonChart()->comparison();
        QVERIFY(c);
        QVERIFY(!c->samePlan());
        const QString title = window.comparisonChart()->chart()->title();
        QVERIFY2(title.startsWith(QLatin1String("Different workloads")), qPrintable(title));
        QVERIFY2(!title.contains(QLatin1String("faster")), qPrintable(title));
        // Two rows of one stored workload are still a comparison with a speedup.
        select(window, {0, 1});
        QVERIFY(window.comparisonChart()->comparison()->samePlan());
        QVERIFY(window.comparisonChart()->chart()->title().contains(QLatin1String("faster")));
        QVERIFY(!window.comparisonChart()->isStale());
        // One row selected: the pair on the chart is no longer what the selection says.
        select(window, {2});
        QVERIFY(window.comparisonChart()->isStale());
        QVERIFY(window.comparisonChart()->chart()->title().startsWith(
            QLatin1String("Earlier comparison")));
    }

    void anExperimentOtherThanACompareLeavesTheChartMarkedStale()
    {
        MainWindow window;
        compare(window, kSmall, 2);
        QVERIFY(!window.comparisonChart()->isStale());
        window.configPanel()->setExperiment(QStringLiteral("1,2"), 2, false);
        QTRY_VERIFY_WITH_TIMEOUT(window.actions()->repeatCompare()->isEnabled(), 5000);
        QSignalSpy done(window.controller(), &RunController::experimentFinished);
        window.actions()->repeatCompare()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 30000);
        QVERIFY(window.comparisonChart()->isStale());
        QVERIFY2(window.comparisonChart()->chart()->title().contains(QLatin1String("ran since")),
                 qPrintable(window.comparisonChart()->chart()->title()));
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
        compare(window, kOther, 2);
        // The dialog names what the reports describe, in words: counts with their nouns, and not
        // the radio button's own label again.
        QVERIFY2(window.exportScope().startsWith(QLatin1String("2 runs of 300 tasks on K = 1, 2")),
                 qPrintable(window.exportScope()));
        QTemporaryDir dir;
        ExportOptions options;
        options.directory = dir.filePath(QStringLiteral("out"));
        options.pngSize = QSize(320, 200);
        options.svg = false;
        ExportOutcome outcome = QCoro::waitFor(window.exportTo(options));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        auto hasComparison = [](const ExportOutcome &o) {
            return std::any_of(o.written.begin(), o.written.end(), [](const QString &path) {
                return path.endsWith(QLatin1String("chart-comparison.png"));
            });
        };
        QVERIFY(hasComparison(outcome)); // the Compare's own pair: part of this experiment
        // Reopen the other experiment: the chart's pair is not among its runs any more.
        select(window, {0});
        QCOMPARE(window.statistics()->result().spec.workload.tasks, kSmall.tasks);
        outcome = QCoro::waitFor(window.exportTo(options));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QVERIFY(!hasComparison(outcome));
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
