// SPDX-License-Identifier: MIT
#include "tests/support/syntheticexperiment.h"
#include "tests/ui/charts/chartfixtures.h"
#include "ui/charts/chartview.h"
#include "ui/charts/comparisonchart.h"
#include "ui/charts/coreloadview.h"
#include "ui/charts/efficiencychart.h"
#include "ui/charts/shardloadview.h"
#include "ui/charts/sweepchart.h"

#include <QAction>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QClipboard>
#include <QFile>
#include <QHelpEvent>
#include <QImage>
#include <QLineSeries>
#include <QMenu>
#include <QScatterSeries>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>

namespace {

// How many distinct colours the image has: a blank or one-colour image has one or two.
int distinctColors(const QImage &image)
{
    QSet<QRgb> seen;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            seen.insert(image.pixel(x, y));
    }
    return int(seen.size());
}

ExperimentSummary manyK(int configs)
{
    ExperimentSummary s;
    for (int i = 0; i < configs; ++i) {
        ConfigSummary c;
        c.shards = i + 1;
        c.efficiency.median = i == 0 ? 1.0 : 0.95;
        c.speedup.value = i == 0 ? 1.0 : 1.9;
        s.configs.push_back(c);
    }
    return s;
}

} // namespace

// What every chart view offers: a right-click menu that saves (PNG or SVG by suffix) and copies
// the chart as drawn, value tooltips on bars and points, and titles that wrap instead of being
// cut on a small screen.
class TestChartView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_comparison.setComparison(chartfixtures::comparison());
        m_sweep.setExperiment(m_result, m_result.summary);
        m_efficiency.setSummary(m_result.summary);
        for (QWidget *w : std::initializer_list<QWidget *>{&m_comparison, &m_sweep, &m_efficiency,
                                                           &m_shards, &m_cores}) {
            w->resize(640, 420);
            w->show();
            QVERIFY(QTest::qWaitForWindowExposed(w));
        }
    }

    void everyChartHasTheSameRightClickMenu()
    {
        for (ChartView *view : views()) {
            QMenu *menu = view->createContextMenu();
            QStringList texts;
            for (QAction *a : menu->actions())
                texts << a->text();
            QCOMPARE(texts,
                     (QStringList{QStringLiteral("Save chart as…"), QStringLiteral("Copy chart")}));
            delete menu;
        }
    }

    void copyPutsTheChartOnTheClipboard()
    {
        QApplication::clipboard()->clear();
        m_sweep.copyImage();
        const QImage image = QApplication::clipboard()->image();
        QCOMPARE(image.size(), m_sweep.viewport()->size() * m_sweep.devicePixelRatioF());
        QVERIFY(distinctColors(image) > 20);
    }

    void saveWritesPngOrSvgBySuffix()
    {
        QTemporaryDir dir;
        QString error;
        const QString png = dir.filePath(QStringLiteral("sweep.png"));
        QVERIFY2(m_sweep.saveImage(png, &error), qPrintable(error));
        QImage image;
        QVERIFY(image.load(png, "PNG"));
        QCOMPARE(image.size(), m_sweep.viewport()->size() * m_sweep.devicePixelRatioF());
        QVERIFY(distinctColors(image) > 20);

        const QString svg = dir.filePath(QStringLiteral("sweep.SVG"));
        QVERIFY2(m_sweep.saveImage(svg, &error), qPrintable(error));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.startsWith("<?xml"));
        QVERIFY(text.contains("measured (median)"));
        QVERIFY(text.contains("Amdahl"));
    }

    void saveRefusesAnUnknownSuffixAndNamesTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("chart.jpg"));
        QString error;
        QVERIFY(!m_sweep.saveImage(path, &error));
        QVERIFY2(error.contains(path) && error.contains(QLatin1String(".png or .svg")),
                 qPrintable(error));
        QVERIFY(!QFile::exists(path));
        // A folder that is not there: the error names the file, nothing is written.
        const QString missing = dir.filePath(QStringLiteral("no/such/chart.png"));
        QVERIFY(!m_sweep.saveImage(missing, &error));
        QVERIFY2(error.startsWith(missing), qPrintable(error));
    }

    void comparisonBarsTellValueRunAndK()
    {
        emit const_cast<QBarSet *>(m_comparison.wallSet())->hovered(true, 1);
        QVERIFY2(m_comparison.lastTip().contains(QLatin1String("K = 2")),
                 qPrintable(m_comparison.lastTip()));
        QVERIFY(m_comparison.lastTip().contains(QLatin1String("wall time 5.40 s")) ||
                m_comparison.lastTip().contains(QLatin1String("5.4")));
        QVERIFY(m_comparison.lastTip().contains(QLatin1String("run started")));
        emit const_cast<QBarSet *>(m_comparison.idealSet())->hovered(true, 0);
        QVERIFY2(m_comparison.lastTip().contains(QLatin1String("ideal bound")) &&
                     m_comparison.lastTip().contains(QLatin1String("K = 1")),
                 qPrintable(m_comparison.lastTip()));
        // The tooltip event that follows a pause of the mouse keeps the bar's tip on screen (the
        // scene alone would hide it: no item has a tooltip of its own).
        QHelpEvent help(QEvent::ToolTip, QPoint(10, 10),
                        m_comparison.viewport()->mapToGlobal(QPoint(10, 10)));
        QApplication::sendEvent(m_comparison.viewport(), &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), m_comparison.lastTip());
        emit const_cast<QBarSet *>(m_comparison.idealSet())->hovered(false, 0);
        QVERIFY(m_comparison.lastTip().isEmpty());
    }

    void sweepPointsTellSpeedupAndRunsPerK()
    {
        auto *measured = const_cast<QLineSeries *>(m_sweep.measuredSeries());
        const QPointF k2 = measured->at(1);
        emit measured->hovered(k2 + QPointF(0.1, 0), true);
        // The sweep's K = 2: 1000 / 540 ms, T* 950 / 250 ms at K = 4.
        QCOMPARE(
            m_sweep.lastTip(),
            QStringLiteral("K = 2: speedup 1.85× (median of 3 runs)\nmedian wall time 540 ms"));
        auto *ideal = const_cast<QLineSeries *>(m_sweep.idealSeries());
        emit ideal->hovered(ideal->at(2), true);
        QCOMPARE(m_sweep.lastTip(), QStringLiteral("ideal (T*) at K = 4: 3.80×"));
    }

    // A fraction drawn and told as a whole percentage (0.89 is 89 %, not 0.89 or 8,889): at
    // K = 2 the median efficiency, T* 480 ms over the median wall 540 ms, and the speedup over
    // K, 1000 / 540 / 2.
    void efficiencyBarsTellPercentAndK()
    {
        QCOMPARE(m_efficiency.boundSet()->at(1), 89.0);
        QCOMPARE(m_efficiency.perKSet()->at(1), 93.0);
        emit const_cast<QBarSet *>(m_efficiency.perKSet())->hovered(true, 1);
        QCOMPARE(m_efficiency.lastTip(),
                 QStringLiteral("speedup / K: 93 %\nK = 2 (median of its runs)"));
        emit const_cast<QBarSet *>(m_efficiency.boundSet())->hovered(true, 1);
        QCOMPARE(m_efficiency.lastTip(),
                 QStringLiteral("T* / wall (median): 89 %\nK = 2 (median of its runs)"));
    }

    void efficiencyLabelsNeverRunTogether()
    {
        EfficiencyChart chart;
        chart.resize(900, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setSummary(manyK(3));
        QTRY_COMPARE(chart.labelFit(), EfficiencyChart::LabelFit::Across);
        // Sixteen K on a small pane: two bars per K no longer fit "100" across.
        chart.setSummary(manyK(16));
        chart.resize(420, 300);
        QTRY_VERIFY(chart.labelFit() != EfficiencyChart::LabelFit::Across);
        chart.resize(200, 300);
        QTRY_COMPARE(chart.labelFit(), EfficiencyChart::LabelFit::Hidden);
    }

    void aLegendMovesBesideOnlyWhereThePlotKeepsItsRoom_data()
    {
        QTest::addColumn<QStringList>("labels");
        QTest::addColumn<int>("width");
        QTest::addColumn<bool>("beside");
        const QStringList cores{"cpu0", "cpu1", "cpu2", "cpu3", "cpu4", "cpu5", "cpu6", "mean"};
        const QStringList shard{"thread CPU %", "worst lag of the run"};
        QTest::newRow("8 short entries, wide") << cores << 900 << false;
        QTest::newRow("8 short entries, narrow: beside") << cores << 320 << true;
        QTest::newRow("2 long entries, wide") << shard << 900 << false;
        QTest::newRow("2 long entries, narrow: still under") << shard << 240 << false;
    }

    void aLegendMovesBesideOnlyWhereThePlotKeepsItsRoom()
    {
        QFETCH(QStringList, labels);
        QFETCH(int, width);
        QFETCH(bool, beside);
        ChartView view;
        view.chart()->legend()->setAlignment(Qt::AlignBottom);
        for (const QString &label : labels) {
            auto *series = new QLineSeries;
            series->setName(label);
            series->append(0, 1);
            view.chart()->addSeries(series);
        }
        view.resize(width, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.fitLegend();
        QCOMPARE(view.chart()->legend()->alignment() == Qt::AlignRight, beside);
    }

    void comparisonLabelsNeverRunTogether()
    {
        ComparisonChart chart;
        chart.resize(900, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setComparison(chartfixtures::comparison());
        QTRY_COMPARE(chart.labelFit(), ChartView::LabelFit::Across);
        QVERIFY(chart.wallSet()->count() == 2);
        // A pane as narrow as the 1,024-pixel window's: "1.29 s1.29 s" before; now no labels
        // (the tooltips tell), and never on their ends above a bar.
        const QStringList names = chart.categoryNames();
        QVERIFY2(names.last().endsWith(QStringLiteral("loops")), qPrintable(names.join(',')));
        chart.resize(200, 300);
        QTRY_COMPARE(chart.labelFit(), ChartView::LabelFit::Hidden);
        // Names that would be cut to "2 lo…" become "K = 2".
        QTRY_VERIFY(chart.categoryNames().last().startsWith(QStringLiteral("K = ")));
        chart.resize(900, 400);
        QTRY_COMPARE(chart.labelFit(), ChartView::LabelFit::Across);
        QTRY_COMPARE(chart.categoryNames(), names);
    }

    void titleWrapsItsDetailInsteadOfCuttingIt()
    {
        ComparisonChart chart;
        chart.resize(900, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setComparison(chartfixtures::comparison());
        const int wideLines = int(chart.chart()->title().count(QLatin1String("<br>")));
        chart.resize(170, 400);
        QTRY_VERIFY(chart.chart()->title().count(QLatin1String("<br>")) > wideLines);
        // Every line fits the view; nothing was dropped.
        QString joined = chart.chart()->title();
        joined.replace(QLatin1String("<br>"), QLatin1String(" "));
        QVERIFY2(joined.contains(QLatin1String("same plan")), qPrintable(joined));
        const QFontMetricsF metrics(chart.chart()->titleFont());
        for (QString line : chart.chart()->title().split(QLatin1String("<br>"))) {
            line.remove(QLatin1String("<small>")).remove(QLatin1String("</small>"));
            QVERIFY2(metrics.horizontalAdvance(line) <= chart.viewport()->width(),
                     qPrintable(line));
        }
    }

private:
    QList<ChartView *> views()
    {
        return {&m_comparison, &m_sweep, &m_efficiency, &m_shards, m_cores.view()};
    }

    ExperimentResult m_result = synthetic::sweep();
    ComparisonChart m_comparison;
    SweepChart m_sweep;
    EfficiencyChart m_efficiency;
    ShardLoadView m_shards;
    CoreLoadView m_cores;
};

QTEST_MAIN(TestChartView)
#include "tst_chartview.moc"
