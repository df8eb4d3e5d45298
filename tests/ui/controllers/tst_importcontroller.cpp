// SPDX-License-Identifier: MIT
#include "core/report/jsonreport.h"
#include "tests/support/controllerfixture.h"
#include "tests/support/syntheticexperiment.h"
#include "ui/controllers/importcontroller.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <QCoroTask>

// Reports opened into the history, without a window: each experiment added with its machine, a
// file that is not a report refused with its reason, a report already in the history (or twice in
// one go) adds nothing and says where it is.
class TestImportController : public QObject
{
    Q_OBJECT
private slots:
    void reportsJoinTheHistoryOnceAndOthersAreRefused()
    {
        HistoryFixture h;
        ImportController import(h.control);
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
        ImportController::Outcome outcome = QCoro::waitFor(import.open({bad, good}));
        QCOMPARE(outcome.added, 1);
        QCOMPARE(outcome.refused.size(), 1);
        QVERIFY2(outcome.refused[0].endsWith(
                     QLatin1String("notes.json: not a LoopBench report (no \"schema\")")),
                 qPrintable(outcome.refused[0]));
        QCOMPARE(h.history.rowCount(), int(other.runs.size()));
        const HistoryEntry &last = h.history.entry(h.history.rowCount() - 1);
        QCOMPARE(last.machine, QStringLiteral("build-server"));
        QCOMPARE(last.role, RunRole::Imported);
        QVERIFY(last.runId > 0);
        QCOMPARE(h.control.shownExperiment(), last.experimentId);
        QCOMPARE(h.stats.result().verdict(), other.verdict());

        // Again, and twice in one go: nothing more, and each says where its runs are.
        outcome = QCoro::waitFor(import.open({good, good}));
        QCOMPARE(outcome.added, 0);
        QCOMPARE(outcome.refused.size(), 2);
        for (const QString &line : outcome.refused)
            QCOMPARE(line, QStringLiteral("other.json: already in the history (experiment #%1), "
                                          "nothing added")
                               .arg(last.experimentId));
        QCOMPARE(h.history.rowCount(), int(other.runs.size()));
    }

    void aReportTwiceInOneGoIsAddedOnce()
    {
        HistoryFixture h;
        ImportController import(h.control);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sweep.json"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QJsonDocument(experimentToJson(synthetic::sweep())).toJson());
        }
        const ImportController::Outcome outcome = QCoro::waitFor(import.open({path, path}));
        QCOMPARE(outcome.added, 1);
        QCOMPARE(outcome.refused,
                 QStringList{QStringLiteral("sweep.json: already in the history, nothing added")});
    }
};

QTEST_MAIN(TestImportController)
#include "tst_importcontroller.moc"
