// SPDX-License-Identifier: MIT
#include "tests/support/syntheticexperiment.h"
#include "tests/ui/charts/chartfixtures.h"
#include "ui/charts/chartview.h"
#include "ui/charts/comparisonchart.h"
#include "ui/charts/coreloadview.h"
#include "ui/charts/efficiencychart.h"
#include "ui/charts/shardloadview.h"
#include "ui/charts/sweepchart.h"
#include "ui/common/chartstyle.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QAreaSeries>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTest>

namespace {

QPalette darkPalette()
{
    // Adwaita-dark's colours, as the gtk3 platform theme hands them to Qt.
    QPalette p;
    p.setColor(QPalette::Window, QColor(53, 53, 53));
    p.setColor(QPalette::WindowText, QColor(238, 238, 236));
    p.setColor(QPalette::Base, QColor(45, 45, 45));
    p.setColor(QPalette::AlternateBase, QColor(53, 53, 53));
    p.setColor(QPalette::Text, QColor(238, 238, 236));
    p.setColor(QPalette::Button, QColor(53, 53, 53));
    p.setColor(QPalette::ButtonText, QColor(238, 238, 236));
    p.setColor(QPalette::Mid, QColor(90, 90, 90));
    return p;
}

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(246, 245, 244));
    p.setColor(QPalette::WindowText, Qt::black);
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::Text, Qt::black);
    p.setColor(QPalette::Button, QColor(246, 245, 244));
    p.setColor(QPalette::ButtonText, Qt::black);
    return p;
}

// Each opaque colour the chart draws data in, named after its series: bar sets, lines and
// points. The run bands are translucent washes behind the data and are left out.
QList<QPair<QString, QColor>> dataColors(QChart *chart)
{
    QList<QPair<QString, QColor>> colors;
    for (QAbstractSeries *s : chart->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(s)) {
            for (QBarSet *set : bars->barSets())
                colors.append({set->label(), set->color()});
        } else if (auto *scatter = qobject_cast<QScatterSeries *>(s)) {
            colors.append({s->name(), scatter->color()});
        } else if (auto *line = qobject_cast<QLineSeries *>(s)) {
            colors.append({s->name(), line->pen().color()});
        }
    }
    return colors;
}

} // namespace

// Charts follow the application palette, at start and when it changes, and every series stays
// readable on either: the dark theme once drew the "mean" line white on a still-white chart.
class TestChartPalette : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QApplication::setPalette(lightPalette());
        m_comparison.setComparison(chartfixtures::comparison());
        const ExperimentResult sweep = synthetic::sweep();
        m_sweep.setExperiment(sweep, sweep.summary);
        m_efficiency.setSummary(sweep.summary);
        m_monitor.setRunSource(chartfixtures::fakeRun(3));
        m_shards.setMonitor(&m_monitor);
        m_cores.setMonitor(&m_monitor);
        m_monitor.markRunStart(3);
        m_monitor.start(60'000); // sampled by hand
        m_monitor.sampleNow();
        m_monitor.sampleNow();
        m_monitor.markRunEnd();
        m_monitor.markRunStart(1);
        m_monitor.sampleNow();
        for (QWidget *w : views()) {
            w->resize(700, 450);
            w->show();
            QVERIFY(QTest::qWaitForWindowExposed(w));
        }
    }

    void darkPaletteDarkensEveryChartAndKeepsEverySeriesReadable() { checkFollows(darkPalette()); }
    void lightPaletteMakesThemLightAgain() { checkFollows(lightPalette()); }

    void meanLineIsTheTextColourOnADarkChart()
    {
        QApplication::setPalette(darkPalette());
        QCoreApplication::processEvents();
        QLineSeries *mean = nullptr;
        for (QAbstractSeries *s : m_cores.chart()->series()) {
            if (s->name() == QLatin1String("mean"))
                mean = qobject_cast<QLineSeries *>(s);
        }
        QVERIFY(mean);
        QCOMPARE(mean->pen().color(), QColor(238, 238, 236));
        QVERIFY(contrastRatio(mean->pen().color(), m_cores.chart()->backgroundBrush().color()) >
                10);
    }

    void readableOnKeepsTheHueAndReachesTheContrast()
    {
        const QColor yellow(255, 220, 0);
        const QColor onWhite = readableOn(yellow, Qt::white);
        QVERIFY(contrastRatio(onWhite, Qt::white) >= kMinSeriesContrast);
        QVERIFY(std::abs(onWhite.hsvHueF() - yellow.hsvHueF()) < 0.03);
        const QColor navy(20, 30, 90);
        const QColor onDark = readableOn(navy, QColor(45, 45, 45));
        QVERIFY(contrastRatio(onDark, QColor(45, 45, 45)) >= kMinSeriesContrast);
        QVERIFY(onDark.lightnessF() > navy.lightnessF());
        // Already readable: unchanged.
        QCOMPARE(readableOn(Qt::black, Qt::white), QColor(Qt::black));
    }

private:
    QList<QWidget *> views()
    {
        return {&m_comparison, &m_sweep, &m_efficiency, &m_shards, &m_cores};
    }
    QList<QChart *> charts()
    {
        return {m_comparison.chart(), m_sweep.chart(), m_efficiency.chart(), m_shards.chart(),
                m_cores.chart()};
    }

    void checkFollows(const QPalette &palette)
    {
        QApplication::setPalette(palette);
        QCoreApplication::processEvents();
        const bool dark = palette.color(QPalette::Base).lightnessF() < 0.5;
        for (QChart *chart : charts()) {
            const QColor background = chart->backgroundBrush().color();
            const QString name = chart->title().section(QLatin1Char('<'), 0, 0);
            QCOMPARE(background, palette.color(QPalette::Base));
            // Dark means close to black, light close to white.
            QVERIFY2(contrastRatio(background, dark ? Qt::black : Qt::white) < 2.0,
                     qPrintable(name));
            QVERIFY2(contrastRatio(chart->titleBrush().color(), background) >= 4.5,
                     qPrintable(name));
            QCOMPARE(chart->legend()->labelColor(), palette.color(QPalette::Text));
            for (QAbstractAxis *axis : chart->axes()) {
                QVERIFY2(contrastRatio(axis->labelsBrush().color(), background) >=
                             kMinSeriesContrast,
                         qPrintable(name + QLatin1String(": ") + axis->titleText()));
            }
            const auto colors = dataColors(chart);
            QVERIFY2(!colors.isEmpty(), qPrintable(name));
            for (const auto &[series, color] : colors) {
                const double ratio = contrastRatio(color, background);
                QVERIFY2(ratio >= kMinSeriesContrast,
                         qPrintable(QStringLiteral("%1 / %2: contrast %3")
                                        .arg(name, series)
                                        .arg(ratio, 0, 'f', 2)));
            }
        }
    }

    ComparisonChart m_comparison;
    SweepChart m_sweep;
    EfficiencyChart m_efficiency;
    LoadMonitor m_monitor;
    ShardLoadView m_shards;
    CoreLoadView m_cores;
};

QTEST_MAIN(TestChartPalette)
#include "tst_chartpalette.moc"
