// SPDX-License-Identifier: MIT
#include "core/experiment/experiment.h"
#include "core/experiment/experimentsummary.h"
#include "tests/support/runexperiment.h"
#include "tests/support/syntheticexperiment.h"
#include "tests/support/uitestsupport.h"
#include "tests/support/windowparts.h"
#include "ui/charts/chartview.h"
#include "ui/export/chartexporter.h"
#include "ui/export/exportfigures.h"
#include "ui/export/exportjob.h"
#include "ui/export/reportexporter.h"
#include "ui/models/experimentstatsmodel.h"
#include "ui/window/mainwindow.h"

#include <QAbstractAxis>
#include <QChart>
#include <QDir>
#include <QFile>
#include <QFontMetricsF>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QSet>
#include <QSvgGenerator>
#include <QTest>
#include <QTimeZone>
#include <QXmlStreamReader>

#include <QCoroTask>

#include <cmath>

// File > Export as ReportExporter does it: every chart drawn from the experiment's own runs, SVG
// that parses and names every series, PNG of exactly the asked size laid out as a figure of that
// size (the same proportions at two sizes), the reports the CLI writes for the same plan, and a
// clear error with no file left behind when the directory cannot be written.
namespace {

// Where the plot area sits once laid out for `pixels`, in image pixels, and the pixel size of the
// title's and the first axis' labels' font there.
struct Geometry
{
    QRectF plotArea;
    double titlePixelSize = 0;
    double labelPixelSize = 0;
};

Geometry geometry(ChartView *view, QSize pixels)
{
    const QChart *chart = view->chart();
    const double sx = pixels.width() / chart->size().width();
    const double sy = pixels.height() / chart->size().height();
    const QRectF plot = chart->plotArea();
    Geometry g;
    g.plotArea = QRectF(plot.x() * sx, plot.y() * sy, plot.width() * sx, plot.height() * sy);
    g.titlePixelSize = QFontMetricsF(chart->titleFont()).height() * sy;
    const QList<QAbstractAxis *> axes = chart->axes();
    if (!axes.isEmpty())
        g.labelPixelSize = QFontMetricsF(axes.constFirst()->labelsFont()).height() * sy;
    return g;
}

// synthetic::sweep() with what a recorded run has besides its figures: 4 Hz load samples of two
// cores and of every shard, and every shard's CPU time.
ExperimentResult sweepWithLoad()
{
    ExperimentResult r = synthetic::sweep();
    QDateTime start = QDateTime(QDate(2024, 6, 1), QTime(12, 0), QTimeZone::utc());
    for (RunResult &run : r.runs) {
        run.startedUtc = start;
        start = start.addMSecs(qint64(run.wallMs) + 500);
        const int samples = int(run.wallMs / 250);
        run.load.cores.assign(2, {});
        run.load.shards.assign(std::size_t(run.shards), {});
        for (int i = 1; i <= samples; ++i) {
            run.load.tSec.push_back(i * 0.25);
            run.load.cores[0].push_back(0.9);
            run.load.cores[1].push_back(run.shards > 1 ? 0.85 : 0.1);
            for (auto &shard : run.load.shards)
                shard.push_back(0.95);
        }
        for (int k = 0; k < run.shards; ++k)
            run.perShard.push_back({k, -1, 1000 / run.shards, 1000 / run.shards, run.wallMs * 0.8,
                                    run.wallMs * 0.9, run.wallMs, 0});
    }
    return r;
}

// The ink of an image: the smallest rectangle holding every pixel that is not the background
// (the corner's colour), as fractions of the image.
QRectF inkBox(const QImage &image)
{
    const QRgb background = image.pixel(0, 0);
    int left = image.width(), top = image.height(), right = -1, bottom = -1;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (qAbs(qGray(image.pixel(x, y)) - qGray(background)) < 40)
                continue;
            left = std::min(left, x);
            right = std::max(right, x);
            top = std::min(top, y);
            bottom = std::max(bottom, y);
        }
    }
    return QRectF(double(left) / image.width(), double(top) / image.height(),
                  double(right - left + 1) / image.width(),
                  double(bottom - top + 1) / image.height());
}

// The rows of an image that hold ink, from the top, as fractions of its height: the first ink
// row and the first blank row after it (the title's first line).
std::pair<double, double> firstInkBand(const QImage &image)
{
    const QRgb background = image.pixel(0, 0);
    auto inked = [&](int y) {
        for (int x = 0; x < image.width(); ++x) {
            if (qAbs(qGray(image.pixel(x, y)) - qGray(background)) >= 40)
                return true;
        }
        return false;
    };
    int y = 0;
    while (y < image.height() && !inked(y))
        ++y;
    const int first = y;
    while (y < image.height() && inked(y))
        ++y;
    return {double(first) / image.height(), double(y) / image.height()};
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { isolateSettings(m_settings); }

    void svgOfEveryChartParsesAndNamesItsSeries()
    {
        const ExperimentResult result = sweepWithLoad();
        const QHash<QString, QStringList> expected{
            {QStringLiteral("chart-core-load"),
             {QStringLiteral("cpu0"), QStringLiteral("mean"), QStringLiteral("4 loops"),
              QStringLiteral("9 runs")}},
            // The last run of the largest K: 4 threads, each at 90 % of the wall time.
            {QStringLiteral("chart-shard-load"),
             {QStringLiteral("4 shard threads"), QStringLiteral("thread CPU %")}},
            {QStringLiteral("chart-comparison"),
             {QStringLiteral("wall time"), QStringLiteral("ideal bound"), QStringLiteral("1 loop"),
              QStringLiteral("4 loops")}},
            {QStringLiteral("chart-sweep"),
             {QStringLiteral("measured (median)"), QStringLiteral("ideal (T*)"),
              QStringLiteral("Amdahl, s = 0.098"), QStringLiteral("min–max of runs"),
              QStringLiteral("speedup over the baseline (×)")}},
            {QStringLiteral("chart-efficiency"),
             {QStringLiteral("T* / wall (median)"), QStringLiteral("speedup / K")}},
        };
        QCOMPARE(ExportFigures::all().size(), expected.size());
        for (const ExportFigures::Figure &f : ExportFigures::all()) {
            const ExportFigures::Built built = ExportFigures::build(f.stem, result);
            QVERIFY2(built.view, qPrintable(f.stem));
            ChartExporter::layOut(built.owner.get(), built.view, QSize(1200, 800));
            const QByteArray svg = ChartExporter::svg(built.view, QSize(1200, 800), f.title);
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
            QVERIFY2(!xml.hasError(), qPrintable(f.stem + QLatin1String(": ") + xml.errorString()));
            QVERIFY2(paths > 0, qPrintable(f.stem));
            // The requested 1200 x 800: as the view box in pixels, and as the physical size
            // QSvgGenerator derives from it at its resolution (72 dpi: 1200 px = 423.333 mm).
            QCOMPARE(viewBox, QStringLiteral("0 0 1200 800"));
            const double mmPerPixel = 25.4 / QSvgGenerator().resolution();
            QVERIFY2(rootWidth.endsWith(QLatin1String("mm")), qPrintable(rootWidth));
            QVERIFY2(std::abs(rootWidth.chopped(2).toDouble() - 1200 * mmPerPixel) < 0.001,
                     qPrintable(rootWidth));
            QVERIFY2(std::abs(rootHeight.chopped(2).toDouble() - 800 * mmPerPixel) < 0.001,
                     qPrintable(rootHeight));
            for (const QString &name : expected.value(f.stem))
                QVERIFY2(text.contains(name),
                         qPrintable(f.stem + QLatin1String(" lacks ") + name + u'\n' + text));
            QVERIFY(text.contains(f.title));
        }
    }

    // A figure is designed for its size, not scaled from a window: at 1600 x 1000 and at
    // 800 x 500 every chart puts its plot area and its title at the same fractions of the image
    // and its fonts at the same fraction of its height, and no axis title is cut short.
    void pngLayoutKeepsItsProportionsAtTwoSizes()
    {
        const ExperimentResult result = sweepWithLoad();
        const QSize large(1600, 1000);
        const QSize small(800, 500);
        for (const ExportFigures::Figure &f : ExportFigures::all()) {
            const ExportFigures::Built a = ExportFigures::build(f.stem, result);
            ChartExporter::layOut(a.owner.get(), a.view, large);
            const Geometry ga = geometry(a.view, large);
            const QImage ia = ChartExporter::render(a.view, large);
            for (QAbstractAxis *axis : a.view->chart()->axes()) {
                const QString full = axis->property("fullTitle").toString();
                QVERIFY2(full.isEmpty() || axis->titleText() == full,
                         qPrintable(f.stem + QLatin1String(": ") + axis->titleText()));
            }
            const ExportFigures::Built b = ExportFigures::build(f.stem, result);
            ChartExporter::layOut(b.owner.get(), b.view, small);
            const Geometry gb = geometry(b.view, small);
            const QImage ib = ChartExporter::render(b.view, small);
            QCOMPARE(ia.size(), large);
            QCOMPARE(ib.size(), small);

            auto fraction = [](const QRectF &r, QSize s) {
                return QRectF(r.x() / s.width(), r.y() / s.height(), r.width() / s.width(),
                              r.height() / s.height());
            };
            const QRectF pa = fraction(ga.plotArea, large);
            const QRectF pb = fraction(gb.plotArea, small);
            QVERIFY2(pa.width() > 0.4 && pa.height() > 0.3, qPrintable(f.stem));
            for (const auto &[x, y] : {std::pair{pa.left(), pb.left()},
                                       {pa.top(), pb.top()},
                                       {pa.right(), pb.right()},
                                       {pa.bottom(), pb.bottom()}})
                QVERIFY2(std::abs(x - y) < 0.005,
                         qPrintable(QStringLiteral("%1: plot edge at %2 and %3 of the image")
                                        .arg(f.stem)
                                        .arg(x)
                                        .arg(y)));
            // Fonts scale with the image: twice the pixels, twice the type.
            QVERIFY2(std::abs(ga.titlePixelSize / gb.titlePixelSize - 2.0) < 0.02,
                     qPrintable(QStringLiteral("%1: title %2 px and %3 px")
                                    .arg(f.stem)
                                    .arg(ga.titlePixelSize)
                                    .arg(gb.titlePixelSize)));
            // Type a reader can read on a 1600-pixel figure, not a window's scaled up 4x: tick
            // labels 1.2-3 % of the height.
            QVERIFY2(
                ga.labelPixelSize > 12 && ga.labelPixelSize < 30,
                qPrintable(QStringLiteral("%1: labels %2 px").arg(f.stem).arg(ga.labelPixelSize)));
            // In the pixels: the ink and the title's first line sit at the same fractions.
            const QRectF inkA = inkBox(ia);
            const QRectF inkB = inkBox(ib);
            QVERIFY2(std::abs(inkA.left() - inkB.left()) < 0.01 &&
                         std::abs(inkA.top() - inkB.top()) < 0.01 &&
                         std::abs(inkA.right() - inkB.right()) < 0.01 &&
                         std::abs(inkA.bottom() - inkB.bottom()) < 0.01,
                     qPrintable(f.stem));
            const auto titleA = firstInkBand(ia);
            const auto titleB = firstInkBand(ib);
            QVERIFY2(std::abs(titleA.first - titleB.first) < 0.01 &&
                         std::abs(titleA.second - titleB.second) < 0.01,
                     qPrintable(QStringLiteral("%1: title rows %2-%3 and %4-%5")
                                    .arg(f.stem)
                                    .arg(titleA.first)
                                    .arg(titleA.second)
                                    .arg(titleB.first)
                                    .arg(titleB.second)));
        }
    }

    void pngHasTheAskedSizeAndIsNotBlank_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("figure") << QSize(1600, 1000);
        QTest::newRow("odd") << QSize(1234, 777);
        QTest::newRow("tall") << QSize(300, 900);
        QTest::newRow("small") << QSize(320, 200);
    }
    void pngHasTheAskedSizeAndIsNotBlank()
    {
        QFETCH(QSize, size);
        const ExperimentResult result = sweepWithLoad();
        for (const ExportFigures::Figure &f : ExportFigures::all()) {
            const ExportFigures::Built built = ExportFigures::build(f.stem, result);
            ChartExporter::layOut(built.owner.get(), built.view, size);
            QByteArray png;
            QString error;
            QVERIFY2(ChartExporter::png(built.view, size, &png, &error), qPrintable(error));
            QImage image;
            QVERIFY(image.loadFromData(png, "PNG"));
            QCOMPARE(image.size(), size);
            // Not blank: the luminance varies, and more than a border's worth of pixels is inked.
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
            QVERIFY2(variance > 50, qPrintable(f.stem + u' ' + QString::number(variance)));
            QVERIFY2(inked > n / 200, qPrintable(f.stem + u' ' + QString::number(inked)));
        }
    }

    void exportWritesEveryReportAndEveryChart()
    {
        QTemporaryDir dir;
        const ReportExporter exporter({{QString(), sweepWithLoad()}});
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
        QStringList expected{"load.csv", "meta.json",   "report.json",
                             "runs.csv", "summary.csv", "summary.md"};
        for (const ExportFigures::Figure &f : ExportFigures::all())
            expected << f.stem + QStringLiteral(".png") << f.stem + QStringLiteral(".svg");
        expected.sort();
        QCOMPARE(names, expected);
    }

    // Several experiments: each in a folder of its own with its reports and all its charts, and
    // each shard chart shows that experiment's threads, not the last run's of the window.
    void everyExperimentGetsItsOwnCharts()
    {
        ExperimentResult two = sweepWithLoad();
        ExperimentResult three = sweepWithLoad();
        for (RunResult &r : three.runs) {
            if (r.shards == 4) {
                r.shards = 3;
                r.load.shards.resize(3);
                r.perShard.resize(3);
            }
        }
        three.spec.shardCounts = {1, 2, 3};
        three.summary = summarizeExperiment(three);
        const ReportExporter exporter({{QStringLiteral("experiment-1-sweep"), two},
                                       {QStringLiteral("experiment-2-sweep"), three}});
        QTemporaryDir dir;
        ExportOptions options;
        options.directory = dir.path();
        options.png = false;
        options.pngSize = QSize(800, 500);
        QStringList written;
        QString error;
        QVERIFY2(exporter.exportTo(options, &written, &error), qPrintable(error));
        for (const auto &[folder, threads] :
             {std::pair{QStringLiteral("experiment-1-sweep"), QStringLiteral("4 shard threads")},
              std::pair{QStringLiteral("experiment-2-sweep"), QStringLiteral("3 shard threads")}}) {
            const QDir at(dir.filePath(folder));
            for (const ExportFigures::Figure &f : ExportFigures::all())
                QVERIFY2(at.exists(f.stem + QStringLiteral(".svg")), qPrintable(folder + f.stem));
            QFile shard(at.filePath(QStringLiteral("chart-shard-load.svg")));
            QVERIFY(shard.open(QIODevice::ReadOnly));
            QVERIFY2(QString::fromUtf8(shard.readAll()).contains(threads), qPrintable(folder));
        }
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
        const ExperimentResult result = testexperiments::runExperiment(spec);
        QCOMPARE(result.runs.size(), std::size_t(2));
        const ReportExporter exporter({{QString(), result}});
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

        // summary.md: the same summary table, row for row (its numbers are times, so only its
        // shape). Only the first table: the machine-busy table that may follow is there when
        // other programs were busy during that run, which differs between the two runs.
        auto tableShape = [](const QString &path) {
            QStringList shape;
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                return shape;
            for (const QString &line : QString::fromUtf8(f.readAll()).split(u'\n')) {
                if (line.startsWith(u'|'))
                    shape.append(line.section(u'|', 1, 1).trimmed());
                else if (!shape.isEmpty())
                    break;
            }
            return shape;
        };
        QCOMPARE(tableShape(gui.filePath(QStringLiteral("summary.md"))),
                 tableShape(cliDir + QStringLiteral("/summary.md")));
    }

    void windowExportWritesOnAWorkerAndReportsTheFiles()
    {
        MainWindow window;
        settle(window);
        window.resize(1200, 800);
        window.show();
        part<ExperimentStatsModel>(window)->setResult(sweepWithLoad());
        QTemporaryDir dir;
        ExportOptions options;
        options.directory = dir.filePath(QStringLiteral("out"));
        options.pngSize = QSize(320, 200);
        // The window's export is a coroutine; a test may wait for it (the window never does).
        const ExportOutcome outcome = exportFrom(window, options);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        // runs, summary, load, meta, report.json, summary.md and a PNG + SVG of every chart,
        // each drawn from the statistics page's experiment.
        QCOMPARE(outcome.written.size(), 6 + 2 * ExportFigures::all().size());
        for (const QString &path : outcome.written)
            QVERIFY2(QFileInfo(path).size() > 0, qPrintable(path));
    }

    void cancelledOrFailedExportRemovesWhatItWrote()
    {
        const ReportExporter exporter({{QString(), sweepWithLoad()}});
        QTemporaryDir dir;
        ExportOptions options;
        options.directory = dir.path();
        options.pngSize = QSize(320, 200);
        QList<RenderedFile> charts;
        QString error;
        QVERIFY(exporter.renderCharts(options, &charts, &error));
        QCOMPARE(charts.size(), 2 * ExportFigures::all().size());

        // Cancelled (as the progress dialog's Cancel does it): nothing is left.
        std::atomic<bool> cancel{true};
        QStringList written;
        QVERIFY(!exporter.writeAll(options, charts, &cancel, &written, &error));
        QCOMPARE(error, QStringLiteral("export cancelled: nothing was written"));
        QVERIFY(written.isEmpty());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList());

        // The last file fails (a directory stands where the last SVG goes): the reports and the
        // charts written before it are removed again.
        const QString last = charts.constLast().name;
        QVERIFY(QDir(dir.path()).mkdir(last));
        QVERIFY(!exporter.writeAll(options, charts, nullptr, &written, &error));
        QVERIFY2(error.endsWith(last + QStringLiteral(": not a regular file")), qPrintable(error));
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
        const ReportExporter exporter({{QString(), synthetic::sweep()}});
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
