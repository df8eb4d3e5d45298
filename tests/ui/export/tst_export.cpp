// SPDX-License-Identifier: MIT
#include "core/experiment/experiment.h"
#include "core/experiment/experimentsummary.h"
#include "tests/support/syntheticexperiment.h"
#include "tests/support/uitestsupport.h"
#include "ui/charts/sweepchart.h"
#include "ui/control/loadmonitor.h"
#include "ui/export/chartexporter.h"
#include "ui/export/exportjob.h"
#include "ui/export/reportexporter.h"
#include "ui/models/experimentstatsmodel.h"
#include "ui/window/mainwindow.h"

#include <QChart>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QSet>
#include <QSvgGenerator>
#include <QTest>
#include <QXmlStreamReader>

#include <QCoroTask>

#include <cmath>

// File > Export as ReportExporter does it: SVG that parses and names every series, PNG of
// exactly the asked size with something drawn on it, the reports the CLI writes for the same plan,
// and a clear error with no file left behind when the directory cannot be written.
// The sweep chart as File > Export sees it, under the name it exports as.
QList<ExportChart> sweepChartExport(SweepChart &chart)
{
    return {{QStringLiteral("chart-sweep"), QStringLiteral("Sweep"), chart.chart()}};
}

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
        window.statistics()->setResult(synthetic::sweep());
        // The per-core lines exist from the first load sample on (4 Hz).
        QTRY_VERIFY_WITH_TIMEOUT(window.loadMonitor()->timeline().samples().size() >= 2, 3000);
        const QHash<QString, QStringList> expected{
            {QStringLiteral("chart-core-load"), {QStringLiteral("cpu0"), QStringLiteral("mean")}},
            // No run yet: the shard chart is its title alone (no empty axes or legend).
            {QStringLiteral("chart-shard-load"), {QStringLiteral("Shard threads")}},
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
            QString rootHeight;
            QString viewBox;
            while (!xml.atEnd()) {
                if (xml.readNext() != QXmlStreamReader::StartElement)
                    continue;
                if (xml.name() == QLatin1String("svg")) {
                    rootWidth = xml.attributes().value(QLatin1String("width")).toString();
                    rootHeight = xml.attributes().value(QLatin1String("height")).toString();
                    viewBox = xml.attributes().value(QLatin1String("viewBox")).toString();
                }
                if (xml.name() == QLatin1String("path") || xml.name() == QLatin1String("polyline"))
                    ++paths;
                if (xml.name() == QLatin1String("text") || xml.name() == QLatin1String("title"))
                    text += xml.readElementText(QXmlStreamReader::IncludeChildElements) + u'\n';
            }
            QVERIFY2(!xml.hasError(), qPrintable(c.stem + QLatin1String(": ") + xml.errorString()));
            QVERIFY2(paths > 0, qPrintable(c.stem));
            // The requested 1200 x 800: as the view box in pixels, and as the physical size
            // QSvgGenerator derives from it at its resolution (72 dpi: 1200 px = 423.333 mm).
            QCOMPARE(viewBox, QStringLiteral("0 0 1200 800"));
            const double mmPerPixel = 25.4 / QSvgGenerator().resolution();
            QVERIFY2(rootWidth.endsWith(QLatin1String("mm")), qPrintable(rootWidth));
            QVERIFY2(std::abs(rootWidth.chopped(2).toDouble() - 1200 * mmPerPixel) < 0.001,
                     qPrintable(rootWidth));
            QVERIFY2(std::abs(rootHeight.chopped(2).toDouble() - 800 * mmPerPixel) < 0.001,
                     qPrintable(rootHeight));
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
        const ExperimentResult result = synthetic::sweep();
        chart.setExperiment(result, result.summary);
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

    void exportWritesEveryReportAndEveryChart()
    {
        QTemporaryDir dir;
        SweepChart chart;
        chart.resize(800, 500);
        const ExperimentResult result = synthetic::sweep();
        chart.setExperiment(result, result.summary);
        const ReportExporter exporter(&result, sweepChartExport(chart));
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
    }

    // The GUI export and `loopbench --headless` on the same plan write the same reports: the same
    // files, headers, metadata keys and workload, and per run the same shards, status and
    // checksum; tasks.csv, which depends on the plan only, agrees in its plan columns row for
    // row. (Times differ from run to run, so they are not compared.)
    void exportMatchesTheCliOnTheSamePlan()
    {
        QTemporaryDir dir;
        const QString cliDir = dir.filePath(QStringLiteral("cli"));
        QProcess cli;
        cli.start(QStringLiteral(LOOPBENCH_EXE), {QStringLiteral("--headless"),
                                                  QStringLiteral("--quiet"),
                                                  QStringLiteral("--tasks"),
                                                  QStringLiteral("300"),
                                                  QStringLiteral("--io"),
                                                  QStringLiteral("0:20"),
                                                  QStringLiteral("--cpu"),
                                                  QStringLiteral("1000:5000"),
                                                  QStringLiteral("--shards"),
                                                  QStringLiteral("1,2"),
                                                  QStringLiteral("--seed"),
                                                  QStringLiteral("7"),
                                                  QStringLiteral("--partition"),
                                                  QStringLiteral("round-robin"),
                                                  QStringLiteral("--csv"),
                                                  cliDir,
                                                  QStringLiteral("--csv-tasks"),
                                                  QStringLiteral("--json"),
                                                  cliDir + QStringLiteral("/report.json"),
                                                  QStringLiteral("--markdown"),
                                                  cliDir + QStringLiteral("/summary.md")});
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 0);

        ExperimentSpec spec;
        spec.workload = WorkloadSpec{300, 0, 20, 1000, 5000, Kernel::Sum, 7};
        spec.shardCounts = {1, 2};
        spec.partition = Partition::RoundRobin;
        const ExperimentResult result = runExperiment(spec);
        QCOMPARE(result.runs.size(), std::size_t(2));
        SweepChart chart;
        const ReportExporter exporter(&result, sweepChartExport(chart));
        ExportOptions options;
        options.directory = dir.filePath(QStringLiteral("gui"));
        options.tasksCsv = true;
        options.png = options.svg = false;
        QStringList written;
        QString error;
        QVERIFY2(exporter.exportTo(options, &written, &error), qPrintable(error));
        const QDir gui(options.directory);
        QCOMPARE(gui.entryList(QDir::Files), QDir(cliDir).entryList(QDir::Files));

        for (const char *name : {"runs.csv", "summary.csv", "tasks.csv", "load.csv"}) {
            const Csv fromCli = Csv::read(cliDir + u'/' + QLatin1String(name));
            const Csv fromGui = Csv::read(gui.filePath(QLatin1String(name)));
            QCOMPARE(fromGui.meta.keys(), fromCli.meta.keys());
            for (const char *key : {"csv_schema", "file", "tasks", "io_min_ms", "io_max_ms",
                                    "cpu_min_iterations", "cpu_max_iterations", "kernel", "seed",
                                    "partition", "pin", "repeats", "shards", "repeat"})
                QCOMPARE(fromGui.meta.value(QLatin1String(key)),
                         fromCli.meta.value(QLatin1String(key)));
            if (QLatin1String(name) == QLatin1String("load.csv")) {
                // Both sampled their runs' load: the same columns, each row naming its run.
                QCOMPARE(fromGui.header.mid(0, 4), fromCli.header.mid(0, 4));
                QCOMPARE(fromGui.header.value(0), QByteArray("run_index"));
                QCOMPARE(fromGui.header.value(3), QByteArray("time_s"));
                continue;
            }
            QCOMPARE(fromGui.header, fromCli.header);
            QCOMPARE(fromGui.rows.size(), fromCli.rows.size());
            const QList<QByteArray> same =
                QLatin1String(name) == QLatin1String("runs.csv")
                    ? QList<QByteArray>{"run_index",    "repeat",  "shards", "partition",
                                        "pinned",       "status",  "tasks",  "tasks_done",
                                        "tasks_failed", "checksum"}
                : QLatin1String(name) == QLatin1String("summary.csv")
                    ? QList<QByteArray>{"shards", "baseline", "runs", "runs_completed"}
                    : QList<QByteArray>{"task_id", "shard", "io_ms", "iterations", "due_ms"};
            for (const QByteArray &column : same) {
                const qsizetype c = fromCli.header.indexOf(column);
                QVERIFY2(c >= 0, column.constData());
                for (qsizetype r = 0; r < fromCli.rows.size(); ++r)
                    QCOMPARE(fromGui.rows[r].value(c), fromCli.rows[r].value(c));
            }
        }

        const QJsonObject cliJson = readJson(cliDir + QStringLiteral("/report.json"));
        const QJsonObject guiJson = readJson(gui.filePath(QStringLiteral("report.json")));
        QCOMPARE(guiJson.value(QLatin1String("schema")), cliJson.value(QLatin1String("schema")));
        QCOMPARE(guiJson.value(QLatin1String("workload")),
                 cliJson.value(QLatin1String("workload")));
        const QJsonArray cliRuns = cliJson.value(QLatin1String("runs")).toArray();
        const QJsonArray guiRuns = guiJson.value(QLatin1String("runs")).toArray();
        QCOMPARE(guiRuns.size(), cliRuns.size());
        for (qsizetype i = 0; i < cliRuns.size(); ++i) {
            for (const char *key : {"shards", "status", "checksum", "tasks_done"})
                QCOMPARE(guiRuns[i].toObject().value(QLatin1String(key)),
                         cliRuns[i].toObject().value(QLatin1String(key)));
        }
        // Both runs did the same work, so one checksum, written the same way everywhere.
        QCOMPARE(guiRuns[0].toObject().value(QLatin1String("checksum")).toString(),
                 checksumText(result.runs[0].checksum));
        QCOMPARE(guiRuns[1].toObject().value(QLatin1String("checksum")),
                 guiRuns[0].toObject().value(QLatin1String("checksum")));

        // summary.md: the same table, row for row (its numbers are times, so only its shape).
        auto tableShape = [](const QString &path) {
            QStringList shape;
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                return shape;
            for (const QString &line : QString::fromUtf8(f.readAll()).split(u'\n')) {
                if (line.startsWith(u'|'))
                    shape.append(line.section(u'|', 1, 1).trimmed());
            }
            return shape;
        };
        QCOMPARE(tableShape(gui.filePath(QStringLiteral("summary.md"))),
                 tableShape(cliDir + QStringLiteral("/summary.md")));
    }

    void windowExportWritesOnAWorkerAndReportsTheFiles()
    {
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        window.statistics()->setResult(synthetic::sweep());
        QTemporaryDir dir;
        ExportOptions options;
        options.directory = dir.filePath(QStringLiteral("out"));
        options.pngSize = QSize(320, 200);
        // The window's export is a coroutine; a test may wait for it (the window never does).
        const ExportOutcome outcome = QCoro::waitFor(window.exportTo(options));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        // runs, summary, load, meta, report.json, summary.md and a PNG + SVG per chart (4): the
        // comparison chart shows no pair of this experiment's runs, so it is not part of an
        // export that describes them.
        QCOMPARE(outcome.written.size(), 6 + 2 * 4);
        for (const QString &path : outcome.written) {
            QVERIFY2(QFileInfo(path).size() > 0, qPrintable(path));
            QVERIFY2(!path.contains(QLatin1String("chart-comparison")), qPrintable(path));
        }
    }

    void cancelledOrFailedExportRemovesWhatItWrote()
    {
        SweepChart chart;
        chart.resize(400, 300);
        const ExperimentResult result = synthetic::sweep();
        chart.setExperiment(result, result.summary);
        const ReportExporter exporter(&result, sweepChartExport(chart));
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
        const ExperimentResult result = synthetic::sweep();
        const ReportExporter exporter(&result, sweepChartExport(chart));
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
    // A CSV report as the tests need it: its "# key: value" lines, header and rows. The fields
    // compared hold no quotes or commas, so a plain split is enough.
    struct Csv
    {
        QMap<QString, QString> meta;
        QList<QByteArray> header;
        QList<QList<QByteArray>> rows;

        static Csv read(const QString &path)
        {
            Csv csv;
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                return csv;
            for (const QByteArray &line : f.readAll().split('\n')) {
                if (line.startsWith("# ")) {
                    const QString text = QString::fromUtf8(line.mid(2));
                    csv.meta.insert(text.section(QStringLiteral(": "), 0, 0),
                                    text.section(QStringLiteral(": "), 1));
                } else if (csv.header.isEmpty()) {
                    csv.header = line.split(',');
                } else if (!line.isEmpty()) {
                    csv.rows.append(line.split(','));
                }
            }
            return csv;
        }
    };

    static QJsonObject readJson(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object()
                                           : QJsonObject();
    }

    QTemporaryDir m_settings;
};

QTEST_MAIN(TestExport)
#include "tst_export.moc"
