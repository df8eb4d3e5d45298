// SPDX-License-Identifier: MIT
#include "ui/models/experimentstatsmodel.h"

#include "tests/support/syntheticexperiment.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

// The statistics table reads the core's summary and nothing else: every cell is the number
// summarizeExperiment() computed, the model stays consistent through set/clear cycles, and the
// cells that are undefined say so instead of showing a zero.
class TestExperimentStatsModel : public QObject
{
    Q_OBJECT

private slots:
    void headlineNamesTheFastestKOnlyBeyondNoise()
    {
        ExperimentStatsModel model;
        // K = 4 is clearly ahead of K = 2 and of the baseline (p < 0.05 on five runs each).
        model.setResult(synthetic::experiment());
        QCOMPARE(model.headline(),
                 QStringLiteral("4 loops: 2.83 ± 0.01× faster than 1 loop (ideal 3.60×)"));

        // K = 2 and K = 4 a hair apart: neither is named the fastest.
        ExperimentResult tied = synthetic::experiment();
        for (RunResult &r : tied.runs) {
            if (r.shards == 4 && r.status == RunStatus::Completed)
                r.wallMs = synthetic::kTwoWallMs[std::size_t(r.repeat)] * 0.999;
        }
        tied.summary = summarizeExperiment(tied);
        model.setResult(tied);
        QCOMPARE(model.headline(), QStringLiteral("K = 2, 4 are alike within noise: up to 1.95 ± "
                                                  "0.09× faster than 1 loop (ideal 3.60×)"));

        // No K apart from the baseline beyond noise: no winner at all.
        ExperimentResult flat = synthetic::experiment();
        for (RunResult &r : flat.runs) {
            if (r.status == RunStatus::Completed)
                r.wallMs =
                    synthetic::kBaseWallMs[std::size_t(r.repeat)] * (r.shards == 1 ? 1.0 : 0.998);
        }
        flat.summary = summarizeExperiment(flat);
        model.setResult(flat);
        QCOMPARE(model.headline(), QStringLiteral("no K is faster than 1 loop beyond noise (best 2 "
                                                  "loops: as fast as 1 loop, ideal 1.96×)"));
    }

    void staysConsistentThroughSetAndClear()
    {
        ExperimentStatsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(ExperimentStatsModel::ColumnCount));
        QVERIFY(!model.hasResult());

        model.setResult(synthetic::experiment());
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(model.hasResult());
        model.setResult(synthetic::sweep());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.result().runs.size(), std::size_t(9));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.hasResult());
        QCOMPARE(resets.size(), 3);
        // Rows have no children: a table, not a tree.
        model.setResult(synthetic::experiment());
        QCOMPARE(model.rowCount(model.index(0, 0)), 0);
        QCOMPARE(model.columnCount(model.index(0, 0)), 0);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is not valid")));
        QVERIFY(!model.data(model.index(3, 0)).isValid()); // past the last row: no data
    }

    void everyCellIsTheCoresNumber()
    {
        ExperimentStatsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const ExperimentResult e = synthetic::experiment();
        model.setResult(e);
        const ExperimentSummary summary = summarizeExperiment(e);
        QCOMPARE(model.rowCount(), int(summary.configs.size()));
        auto raw = [&](int row, int column) {
            return model.data(model.index(row, column), ExperimentStatsModel::SortRole);
        };
        for (int row = 0; row < model.rowCount(); ++row) {
            const ConfigSummary &c = summary.configs[std::size_t(row)];
            QCOMPARE(raw(row, ExperimentStatsModel::Shards).toInt(), c.shards);
            QCOMPARE(raw(row, ExperimentStatsModel::Runs).toInt(), c.completedRuns);
            QCOMPARE(raw(row, ExperimentStatsModel::Outliers).toInt(), c.outliers);
            QCOMPARE(raw(row, ExperimentStatsModel::WallMedian).toDouble(), c.wallMs.median);
            QCOMPARE(raw(row, ExperimentStatsModel::WallSd).toDouble(), c.wallMs.stddev);
            QCOMPARE(raw(row, ExperimentStatsModel::WallMin).toDouble(), c.wallMs.min);
            QCOMPARE(raw(row, ExperimentStatsModel::WallMax).toDouble(), c.wallMs.max);
            QCOMPARE(raw(row, ExperimentStatsModel::Speedup).toDouble(), c.speedup.value);
            QCOMPARE(raw(row, ExperimentStatsModel::IdealSpeedup).toDouble(), c.idealSpeedup);
            QCOMPARE(raw(row, ExperimentStatsModel::Efficiency).toDouble(), c.efficiency.median);
            QCOMPARE(raw(row, ExperimentStatsModel::LagP99).toDouble(), c.lagP99Ms.median);
        }
        // And those numbers are the synthetic experiment's (see tst_markdownreport for R).
        QCOMPARE(raw(0, ExperimentStatsModel::Shards).toInt(), 1);
        QCOMPARE(raw(0, ExperimentStatsModel::WallMedian).toDouble(), 10507.9);
        QCOMPARE(raw(1, ExperimentStatsModel::Outliers).toInt(), 1);
        QCOMPARE(raw(2, ExperimentStatsModel::Runs).toInt(), 5);
        QCOMPARE(raw(2, ExperimentStatsModel::WallMedian).toDouble(), 3712.4);
        QCOMPARE(raw(2, ExperimentStatsModel::Speedup).toDouble(), 10507.9 / 3712.4);
        QCOMPARE(raw(2, ExperimentStatsModel::LagP99).toDouble(), 1234.8 / 4);
        QVERIFY(std::isnan(raw(0, ExperimentStatsModel::PValue).toDouble())); // baseline
        QVERIFY(std::abs(raw(2, ExperimentStatsModel::PValue).toDouble() - 0.01219) < 0.00001);
    }

    // With several runtimes every K appears once per runtime, and its cell says which.
    void aCompareRuntimesRowNamesItsRuntime()
    {
        ExperimentResult e = synthetic::experiment();
        const std::vector<RunResult> threads = e.runs;
        for (RunResult r : threads) {
            r.runtime = Runtime::Asyncio;
            e.runs.push_back(r);
        }
        e.spec.runtimes = {Runtime::Threads, Runtime::Asyncio};
        e.summary = summarizeExperiment(e);
        ExperimentStatsModel model;
        model.setResult(e);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.index(0, ExperimentStatsModel::Shards).data().toString(),
                 QStringLiteral("1 · threads"));
        QCOMPARE(model.index(5, ExperimentStatsModel::Shards).data().toString(),
                 QStringLiteral("4 · asyncio"));
        QCOMPARE(model.index(5, ExperimentStatsModel::Shards)
                     .data(ExperimentStatsModel::SortRole)
                     .toInt(),
                 4);
        // One runtime: the number alone, as before.
        model.setResult(synthetic::experiment());
        QCOMPARE(model.index(0, ExperimentStatsModel::Shards).data().toString(),
                 QStringLiteral("1"));
    }

    // What each cell of the 4-loop row shows, to the character, for the synthetic experiment
    // whose numbers everyCellIsTheCoresNumber checks: each number in its unit and precision (a
    // fraction as a percentage, a factor with its error, a time in ms or s, no work figure).
    void everyCellShowsItsNumberInItsUnit_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("text");
        QTest::newRow("Shards") << int(ExperimentStatsModel::Shards) << "4";
        QTest::newRow("Runs") << int(ExperimentStatsModel::Runs) << "5 of 6";
        QTest::newRow("Outliers") << int(ExperimentStatsModel::Outliers) << "0";
        QTest::newRow("WallMedian") << int(ExperimentStatsModel::WallMedian) << "3.71 s";
        QTest::newRow("WallSd") << int(ExperimentStatsModel::WallSd) << "23.2 ms";
        QTest::newRow("WallCv") << int(ExperimentStatsModel::WallCv) << "0.6 %";
        QTest::newRow("WallMin") << int(ExperimentStatsModel::WallMin) << "3.70 s";
        QTest::newRow("WallMax") << int(ExperimentStatsModel::WallMax) << "3.76 s";
        QTest::newRow("Speedup") << int(ExperimentStatsModel::Speedup) << "2.83 ± 0.01×";
        QTest::newRow("IdealSpeedup") << int(ExperimentStatsModel::IdealSpeedup) << "3.60×";
        QTest::newRow("AmdahlSpeedup") << int(ExperimentStatsModel::AmdahlSpeedup) << "3.05×";
        QTest::newRow("Efficiency") << int(ExperimentStatsModel::Efficiency) << "67 %";
        QTest::newRow("WorkInflation") << int(ExperimentStatsModel::WorkInflation) << "—";
        QTest::newRow("LagP99") << int(ExperimentStatsModel::LagP99) << "309 ms";
        QTest::newRow("PValue") << int(ExperimentStatsModel::PValue) << "0.012";
    }
    void everyCellShowsItsNumberInItsUnit()
    {
        QFETCH(int, column);
        QFETCH(QString, text);
        ExperimentStatsModel model;
        model.setResult(synthetic::experiment());
        QCOMPARE(model.data(model.index(2, column)).toString(), text);
    }

    void incompleteRunsOutliersAndUndefinedCellsAreMarked()
    {
        ExperimentStatsModel model;
        model.setResult(synthetic::experiment());
        auto text = [&](int row, int column) {
            return model.data(model.index(row, column)).toString();
        };
        auto flagged = [&](int row, int column) {
            return model.data(model.index(row, column), Qt::ForegroundRole).value<QBrush>() !=
                   QBrush();
        };
        QCOMPARE(text(2, ExperimentStatsModel::Runs), QStringLiteral("5 of 6")); // one failed
        QVERIFY(flagged(2, ExperimentStatsModel::Runs));
        QVERIFY(!model.data(model.index(2, ExperimentStatsModel::Runs), Qt::ToolTipRole)
                     .toString()
                     .isEmpty());
        QCOMPARE(text(0, ExperimentStatsModel::Runs), QStringLiteral("5"));
        QVERIFY(!flagged(0, ExperimentStatsModel::Runs));
        QCOMPARE(text(1, ExperimentStatsModel::Outliers), QStringLiteral("1"));
        QVERIFY(flagged(1, ExperimentStatsModel::Outliers));
        QCOMPARE(text(0, ExperimentStatsModel::Outliers), QStringLiteral("0"));
        QVERIFY(!flagged(0, ExperimentStatsModel::Outliers));
        QCOMPARE(text(0, ExperimentStatsModel::PValue), QStringLiteral("—"));
        QCOMPARE(text(2, ExperimentStatsModel::PValue), QStringLiteral("0.012"));
        QVERIFY(flagged(2, ExperimentStatsModel::PValue)); // significant at 5 %

        // One run per configuration: no spread to show, and a dash says so, not "0 ms".
        ExperimentResult single = synthetic::experiment();
        single.spec.repeats = 1;
        single.spec.shardCounts = {1, 2};
        single.runs = {synthetic::run(1, 0, 1000, 900), synthetic::run(2, 0, 600, 450)};
        single.summary = summarizeExperiment(single);
        model.setResult(single);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(std::isnan(
            model.data(model.index(1, ExperimentStatsModel::WallSd), ExperimentStatsModel::SortRole)
                .toDouble()));
        QCOMPARE(text(1, ExperimentStatsModel::WallSd), QStringLiteral("—"));
        QCOMPARE(text(1, ExperimentStatsModel::PValue), QStringLiteral("—"));
    }

    void everyColumnHasANameAndATip()
    {
        ExperimentStatsModel model;
        QStringList names;
        for (int c = 0; c < ExperimentStatsModel::ColumnCount; ++c) {
            const QString name = model.headerData(c, Qt::Horizontal).toString();
            QVERIFY2(!name.isEmpty(), qPrintable(QString::number(c)));
            QVERIFY(!model.headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
            QVERIFY(!names.contains(name));
            names << name;
        }
        QCOMPARE(names.first(), QStringLiteral("K"));
        QVERIFY(!model.headerData(ExperimentStatsModel::ColumnCount, Qt::Horizontal).isValid());
        QVERIFY(!model.headerData(0, Qt::Vertical).isValid());
    }
};

QTEST_MAIN(TestExperimentStatsModel)
#include "tst_experimentstatsmodel.moc"
