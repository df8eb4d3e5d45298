// SPDX-License-Identifier: MIT
#include "core/experiment/experimentsummary.h"
#include "tests/support/controllerfixture.h"
#include "tests/support/syntheticexperiment.h"
#include "tests/support/uitestsupport.h"
#include "ui/controllers/exportcontroller.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <QCoroTask>

#include <algorithm>

// Each export scope writes the runs it names, and each experiment in a folder of its own: the
// statistics page's experiment, the selected rows of the history, the whole history. The runs
// are told apart by their wall times (every synthetic run has its own).
namespace {

// The wall times of the runs in `dir`/runs.csv, in tenths of a millisecond, sorted; empty when
// there is no such file.
QList<qint64> wallsIn(const QDir &dir)
{
    QFile f(dir.filePath(QStringLiteral("runs.csv")));
    QList<qint64> walls;
    if (!f.open(QIODevice::ReadOnly))
        return walls;
    QList<QByteArray> lines = f.readAll().split('\n');
    lines.removeIf([](const QByteArray &l) { return l.isEmpty() || l.startsWith('#'); });
    const qsizetype column = lines.value(0).split(',').indexOf("wall_ms");
    for (qsizetype i = 1; i < lines.size(); ++i)
        walls.append(qRound64(lines[i].split(',').value(column).toDouble() * 10));
    std::sort(walls.begin(), walls.end());
    return walls;
}

QList<qint64> wallsOf(const std::vector<RunResult> &runs)
{
    QList<qint64> walls;
    for (const RunResult &r : runs)
        walls.append(qRound64(r.wallMs * 10));
    std::sort(walls.begin(), walls.end());
    return walls;
}

QList<qint64> wallsOfRows(const HistoryModel &history, const QList<int> &rows)
{
    QList<qint64> walls;
    for (const int row : rows)
        walls.append(qRound64(history.entry(row).result.wallMs * 10));
    std::sort(walls.begin(), walls.end());
    return walls;
}

ExportOptions csvOnly(const QTemporaryDir &dir, ExportScope scope)
{
    ExportOptions options;
    options.scope = scope;
    options.directory = dir.path();
    options.json = options.markdown = options.png = options.svg = false;
    return options;
}

QStringList foldersIn(const QTemporaryDir &dir)
{
    return QDir(dir.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

QStringList filesIn(const QTemporaryDir &dir)
{
    return QDir(dir.path()).entryList(QDir::Files, QDir::Name);
}

// A second clean experiment, every wall time its own (synthetic::experiment()'s failed run has a
// message of several lines, which a reader of runs.csv by lines would miscount).
ExperimentResult slower()
{
    ExperimentResult e = synthetic::sweep();
    for (RunResult &r : e.runs)
        r.wallMs += 3000;
    e.summary = summarizeExperiment(e);
    return e;
}

} // namespace

class TestExportController : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { isolateSettings(m_settings); }

    void theHistoryScopeWritesEachExperimentInAFolderOfItsOwn()
    {
        HistoryFixture h;
        const ExperimentResult a = slower();
        const ExperimentResult b = synthetic::sweep();
        const QList<std::int64_t> ids = h.add({a, b});
        QCOMPARE(h.history.rowCount(), int(a.runs.size() + b.runs.size()));
        ExportController exporter(h.control);
        QTemporaryDir dir;
        const ExportOutcome outcome =
            QCoro::waitFor(exporter.exportTo(csvOnly(dir, ExportScope::History), {}));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        const QString folderA = QStringLiteral("experiment-%1-imported").arg(ids[0]);
        const QString folderB = QStringLiteral("experiment-%1-imported").arg(ids[1]);
        QCOMPARE(foldersIn(dir), (QStringList{folderA, folderB}));
        QCOMPARE(filesIn(dir), QStringList()); // nothing of two experiments in one place
        QCOMPARE(wallsIn(QDir(dir.filePath(folderA))), wallsOf(a.runs));
        QCOMPARE(wallsIn(QDir(dir.filePath(folderB))), wallsOf(b.runs));
    }

    void theSelectedRunsScopeWritesOnlyThoseRuns()
    {
        HistoryFixture h;
        const ExperimentResult a = slower();
        const ExperimentResult b = synthetic::sweep();
        const QList<std::int64_t> ids = h.add({a, b});
        const int firstOfB = int(a.runs.size());
        ExportController exporter(h.control);
        // Given out of order, as a selection model may list them.
        const QList<int> rowsOfA{4, 1};
        const QList<int> rowsOfB{firstOfB + 2};
        QTemporaryDir dir;
        const ExportOutcome outcome = QCoro::waitFor(exporter.exportTo(
            csvOnly(dir, ExportScope::SelectedRuns), {rowsOfB[0], rowsOfA[0], rowsOfA[1]}));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        const QString folderA = QStringLiteral("experiment-%1-imported").arg(ids[0]);
        const QString folderB = QStringLiteral("experiment-%1-imported").arg(ids[1]);
        QCOMPARE(foldersIn(dir), (QStringList{folderA, folderB}));
        QCOMPARE(filesIn(dir), QStringList());
        QCOMPARE(wallsIn(QDir(dir.filePath(folderA))), wallsOfRows(h.history, rowsOfA));
        QCOMPARE(wallsIn(QDir(dir.filePath(folderB))), wallsOfRows(h.history, rowsOfB));
        // The summary is of the chosen runs: two 2-loop runs of A (rows 1 and 4), nothing else.
        const ExportController::Collected collected =
            QCoro::waitFor(exporter.collect(ExportScope::SelectedRuns, rowsOfA));
        QVERIFY(collected.error.isEmpty());
        QCOMPARE(collected.experiments.size(), 1);
        QCOMPARE(collected.experiments[0].folder, QString()); // one experiment: the folder itself
        const ExperimentSummary &summary = collected.experiments[0].result.summary;
        int runs = 0;
        for (const ConfigSummary &c : summary.configs)
            runs += c.runs;
        QCOMPARE(runs, 2);
        QVERIFY(summary.config(Runtime::Threads, 2));
        QCOMPARE(summary.config(Runtime::Threads, 2)->runs, 2);
    }

    void runsOfOneExperimentGoToTheFolderItself()
    {
        HistoryFixture h;
        const ExperimentResult a = slower();
        h.add({a, synthetic::sweep()});
        ExportController exporter(h.control);
        QTemporaryDir dir;
        const QList<int> rows{0, 2, 3};
        const ExportOutcome outcome =
            QCoro::waitFor(exporter.exportTo(csvOnly(dir, ExportScope::SelectedRuns), rows));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(foldersIn(dir), QStringList());
        QCOMPARE(wallsIn(QDir(dir.path())), wallsOfRows(h.history, rows));
    }

    void theExperimentScopeWritesTheShownExperiment()
    {
        HistoryFixture h;
        const ExperimentResult a = slower();
        const ExperimentResult b = synthetic::sweep();
        const QList<std::int64_t> ids = h.add({a, b});
        ExportController exporter(h.control);
        // The last one added is shown; then the first one is reopened from the history.
        QCOMPARE(h.control.shownExperiment(), ids[1]);
        for (const int which : {1, 0}) {
            if (which == 0)
                QCoro::waitFor(h.control.showExperiment(ids[0]));
            QCOMPARE(h.control.shownExperiment(), ids[which]);
            QTemporaryDir dir;
            const ExportOutcome outcome =
                QCoro::waitFor(exporter.exportTo(csvOnly(dir, ExportScope::Experiment), {0}));
            QVERIFY2(outcome.ok, qPrintable(outcome.error));
            QCOMPARE(foldersIn(dir), QStringList());
            QCOMPARE(wallsIn(QDir(dir.path())), wallsOf(which == 0 ? a.runs : b.runs));
        }
    }

    void theExperimentScopeOfARunInMemoryNeedsNoStore()
    {
        HistoryFixture h;
        const ExperimentResult b = synthetic::sweep();
        h.stats.setResult(b); // as a sequence that just ran, with no store behind it
        ExportController exporter(h.control);
        QTemporaryDir dir;
        const ExportOutcome outcome =
            QCoro::waitFor(exporter.exportTo(csvOnly(dir, ExportScope::Experiment), {}));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(wallsIn(QDir(dir.path())), wallsOf(b.runs));
    }

    void theDialogDescribesEachScope()
    {
        HistoryFixture h;
        const ExperimentResult a = slower();
        const ExperimentResult b = synthetic::sweep();
        const QList<std::int64_t> ids = h.add({a, b});
        ExportController exporter(h.control);
        const int firstOfB = int(a.runs.size());
        const ExportChoices choices = exporter.choices({0, 1, firstOfB}, QSet<std::int64_t>{});
        QCOMPARE(choices.history, QStringLiteral("18 runs of 2 experiments"));
        QCOMPARE(choices.selectedRuns, QStringLiteral("3 runs of 2 experiments"));
        QVERIFY2(
            choices.experiment.startsWith(QLatin1String("9 runs of 1,000 tasks on K = 1, 2, 4")),
            qPrintable(choices.experiment));
        QVERIFY2(choices.experiment.endsWith(QStringLiteral(" (#%1)").arg(ids[1])),
                 qPrintable(choices.experiment));
        // No stored experiment kept its per-task timings: each scope says so.
        for (const QString &note : choices.noTimings)
            QVERIFY2(note.contains(QLatin1String("not kept")), qPrintable(note));
        QCOMPARE(QCoro::waitFor(exporter.experimentsWithTimings()), QSet<std::int64_t>{});
        // Nothing selected: that scope has nothing to describe.
        QCOMPARE(exporter.choices({}, std::nullopt).selectedRuns, QString());
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestExportController)
#include "tst_exportcontroller.moc"
