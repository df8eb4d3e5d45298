// SPDX-License-Identifier: MIT
#include "core/experiment/experiment.h"
#include "core/report/csvreport.h"
#include "core/report/markdownreport.h"
#include "tests/support/uitestsupport.h"
#include "ui/charts/sweepchart.h"
#include "ui/control/loadmonitor.h"
#include "ui/export/chartexporter.h"
#include "ui/export/reportexporter.h"
#include "ui/models/experimentstatsmodel.h"
#include "ui/window/mainwindow.h"

#include <QChart>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

#include <cmath>

// File > Export as ReportExporter does it: SVG that parses and names every series, PNG of
// exactly the asked size with something drawn on it, the CLI's report bytes, and a clear error
// with no file left behind when the directory cannot be written.
class TestExport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { isolateSettings(m_settings); }

    void svgOfEveryChartParsesAndNamesItsSeries()
    {
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        window.statistics()->setResult(syntheticSweep());
        // The per-core lines exist from the first load sample on (4 Hz).
        QTRY_VERIFY_WITH_TIMEOUT(window.loadMonitor()->timeline().samples().size() >= 2, 3000);
        const QHash<QString, QStringList> expected{
            {QStringLiteral("chart-core-load"), {QStringLiteral("cpu0"), QStringLiteral("mean")}},
            {QStringLiteral("chart-shard-load"),
             {QStringLiteral("thread CPU %"), QStringLiteral("max lag, last 250 ms")}},
            {QStringLiteral("chart-comparison"),
             {QStringLiteral("wall time"), QStringLiteral("ideal bound")}},
            {QStringLiteral("chart-sweep"),
             {QStringLiteral("measured (median)"), QStringLiteral("ideal (T*)"),
              QStringLiteral("Amdahl, s = 0.098"), QStringLiteral("min–max of runs"),
              QStringLiteral("speedup over the baseline (×)")}},
            {QStringLiteral("chart-efficiency"),
             {QStringLiteral("T* / wall (median)"), QStringLiteral("speedup / K")}},
        };
        const QList<ExportChart> charts = window.exportCharts();
        QCOMPARE(charts.size(), expected.size());
        for (const ExportChart &c : charts) {
            const QByteArray svg = ChartExporter::svg(c.chart, QSize(1200, 800), c.title);
            QXmlStreamReader xml(svg);
            QString text;
            int paths = 0;
            QString rootWidth;
            while (!xml.atEnd()) {
                if (xml.readNext() != QXmlStreamReader::StartElement)
                    continue;
                if (xml.name() == QLatin1String("svg"))
                    rootWidth = xml.attributes().value(QLatin1String("width")).toString();
                if (xml.name() == QLatin1String("path") || xml.name() == QLatin1String("polyline"))
                    ++paths;
                if (xml.name() == QLatin1String("text") || xml.name() == QLatin1String("title"))
                    text += xml.readElementText(QXmlStreamReader::IncludeChildElements) + u'\n';
            }
            QVERIFY2(!xml.hasError(), qPrintable(c.stem + QLatin1String(": ") + xml.errorString()));
            QVERIFY2(paths > 0, qPrintable(c.stem));
            QVERIFY(rootWidth.startsWith(QLatin1String("42")) || !rootWidth.isEmpty());
            for (const QString &name : expected.value(c.stem))
                QVERIFY2(text.contains(name), qPrintable(c.stem + QLatin1String(" lacks ") + name));
            QVERIFY(text.contains(c.title));
        }
    }

    void pngHasTheAskedSizeAndIsNotBlank_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("window-like") << QSize(1600, 1000);
        QTest::newRow("odd") << QSize(1234, 777);
        QTest::newRow("tall") << QSize(300, 900);
    }
    void pngHasTheAskedSizeAndIsNotBlank()
    {
        QFETCH(QSize, size);
        SweepChart chart;
        chart.resize(900, 600);
        chart.show();
        const ExperimentResult result = syntheticSweep();
        chart.setExperiment(result, summarizeExperiment(result));
        QByteArray png;
        QString error;
        QVERIFY2(ChartExporter::png(chart.chart(), size, &png, &error), qPrintable(error));
        QImage image;
        QVERIFY(image.loadFromData(png, "PNG"));
        QCOMPARE(image.size(), size);
        // Not blank: the luminance varies, and more than a border's worth of pixels is not white.
        double sum = 0, sumSq = 0;
        qint64 inked = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const double v = qGray(image.pixel(x, y));
                sum += v;
                sumSq += v * v;
                inked += v < 200 ? 1 : 0;
            }
        }
        const double n = double(image.width()) * image.height();
        const double variance = sumSq / n - (sum / n) * (sum / n);
        QVERIFY2(variance > 50, qPrintable(QString::number(variance)));
        QVERIFY2(inked > n / 200, qPrintable(QString::number(inked)));
        // The window's chart is given back its own size.
        QCOMPARE(chart.chart()->size(), QSizeF(chart.viewport()->size()));
    }

    void exportWritesTheCliReportsAndEveryChart()
    {
        QTemporaryDir dir;
        SweepChart chart;
        chart.resize(800, 500);
        const ExperimentResult result = syntheticSweep();
        chart.setExperiment(result, summarizeExperiment(result));
        const ReportExporter exporter(
            &result, LoadSeries{},
            {{QStringLiteral("chart-sweep"), QStringLiteral("Sweep"), chart.chart()}});
        ExportOptions options;
        options.directory = dir.filePath(QStringLiteral("out"));
        options.pngSize = QSize(640, 400);
        QStringList written;
        QString error;
        QVERIFY2(exporter.exportTo(options, &written, &error), qPrintable(error));
        QStringList names;
        for (const QString &path : written)
            names.append(QFileInfo(path).fileName());
        names.sort();
        QCOMPARE(names, (QStringList{"chart-sweep.png", "chart-sweep.svg", "load.csv", "meta.json",
                                     "report.json", "runs.csv", "summary.csv", "summary.md"}));
        // The CLI's writers, byte for byte.
        QCOMPARE(read(options.directory + QStringLiteral("/summary.md")),
                 experimentMarkdown(result).toUtf8());
        QCOMPARE(read(options.directory + QStringLiteral("/runs.csv")), runsCsv(result));
        QCOMPARE(read(options.directory + QStringLiteral("/summary.csv")), summaryCsv(result));
        QVERIFY(read(options.directory + QStringLiteral("/report.json"))
                    .contains("\"loopbench.report/1\""));
    }

    void windowExportWritesOnAWorkerAndReportsTheFiles()
    {
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        window.statistics()->setResult(syntheticSweep());
        QTemporaryDir dir;
        ExportOptions options;
        options.directory = dir.filePath(QStringLiteral("out"));
        options.pngSize = QSize(320, 200);
        QStringList written;
        QString error;
        QVERIFY2(window.exportTo(options, &written, &error), qPrintable(error));
        // runs, summary, load, meta, report.json, summary.md and a PNG + SVG per chart (5).
        QCOMPARE(written.size(), 6 + 2 * 5);
        for (const QString &path : written)
            QVERIFY2(QFileInfo(path).size() > 0, qPrintable(path));
    }

    void cancelledOrFailedExportRemovesWhatItWrote()
    {
        SweepChart chart;
        chart.resize(400, 300);
        const ExperimentResult result = syntheticSweep();
        chart.setExperiment(result, summarizeExperiment(result));
        const ReportExporter exporter(
            &result, LoadSeries{},
            {{QStringLiteral("chart-sweep"), QStringLiteral("Sweep"), chart.chart()}});
        QTemporaryDir dir;
        ExportOptions options;
        options.directory = dir.path();
        options.pngSize = QSize(320, 200);
        QList<RenderedFile> charts;
        QString error;
        QVERIFY(exporter.renderCharts(options, &charts, &error));
        QCOMPARE(charts.size(), 2);

        // Cancelled (as the progress dialog's Cancel does it): nothing is left.
        std::atomic<bool> cancel{true};
        QStringList written;
        QVERIFY(!exporter.writeAll(options, charts, &cancel, &written, &error));
        QCOMPARE(error, QStringLiteral("export cancelled: nothing was written"));
        QVERIFY(written.isEmpty());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList());

        // The last file fails (a directory stands where the SVG goes): the reports and the PNG
        // written before it are removed again.
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("chart-sweep.svg")));
        QVERIFY(!exporter.writeAll(options, charts, nullptr, &written, &error));
        QVERIFY2(error.endsWith(QStringLiteral("chart-sweep.svg: not a regular file")),
                 qPrintable(error));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList());
    }

    void exportToUnwritablePathNamesItAndLeavesNoFile_data()
    {
        QTest::addColumn<QString>("directory");
        // /proc/self exists but takes no new files, even for root; under a regular file no
        // directory can be made at all.
        QTest::newRow("existing, not writable") << QStringLiteral("/proc/self");
        QTest::newRow("below a file") << QStringLiteral("FILE/sub");
    }
    void exportToUnwritablePathNamesItAndLeavesNoFile()
    {
        QFETCH(QString, directory);
        QTemporaryDir tmp;
        if (directory.startsWith(QLatin1String("FILE"))) {
            QFile f(tmp.filePath(QStringLiteral("file")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.close();
            directory.replace(QLatin1String("FILE"), f.fileName());
        }
        SweepChart chart;
        const ExperimentResult result = syntheticSweep();
        const ReportExporter exporter(
            &result, LoadSeries{},
            {{QStringLiteral("chart-sweep"), QStringLiteral("Sweep"), chart.chart()}});
        ExportOptions options;
        options.directory = directory;
        QStringList written;
        QString error;
        QVERIFY(!exporter.exportTo(options, &written, &error));
        QVERIFY2(error.contains(directory), qPrintable(error));
        QVERIFY(written.isEmpty());
        QVERIFY(!QFile::exists(directory + QStringLiteral("/runs.csv")));
        // Nothing at all in the temporary directory but the file we made.
        QCOMPARE(QDir(tmp.path())
                     .entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden)
                     .size(),
                 directory.startsWith(tmp.path()) ? 1 : 0);
    }

private:
    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // K = 1, 2, 4, three runs each, with made-up but plausible figures.
    static ExperimentResult syntheticSweep()
    {
        ExperimentResult r;
        r.spec.workload = WorkloadSpec{1000, 0, 100, 1000, 5000, Kernel::Sum, 1};
        r.spec.shardCounts = {1, 2, 4};
        r.spec.repeats = 3;
        r.machine = MachineInfo::current();
        // A fixed machine, so the Amdahl fit (capped at the logical CPUs) is the same everywhere.
        r.machine.logicalCpus = 8;
        r.nsPerIter = 0.8;
        const double wall[3][3] = {{1000, 1010, 990}, {540, 560, 530}, {330, 350, 320}};
        const double ideal[3] = {950, 480, 250};
        for (int rep = 0; rep < 3; ++rep) {
            for (int i = 0; i < 3; ++i) {
                RunResult run;
                run.shards = r.spec.shardCounts[i];
                run.repeat = rep;
                run.tasks = run.tasksDone = 1000;
                run.wallMs = wall[i][rep];
                run.idealMs = ideal[i];
                run.efficiency = ideal[i] / wall[i][rep];
                run.throughputTps = 1000 / (wall[i][rep] / 1000);
                run.lagMs = {1, 2, 3, 4};
                run.startedUtc = QDateTime::currentDateTimeUtc();
                r.runs.push_back(run);
            }
        }
        return r;
    }

    QTemporaryDir m_settings;
};

QTEST_MAIN(TestExport)
#include "tst_export.moc"
