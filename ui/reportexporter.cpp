#include "reportexporter.h"

#include "chartexporter.h"
#include "experiment.h"
#include "jsonreport.h"
#include "markdownreport.h"
#include "reportfile.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

ReportExporter::ReportExporter(const ExperimentResult *result, LoadSeries load,
                               QList<ExportChart> charts)
    : m_result(result)
    , m_load(std::move(load))
    , m_charts(std::move(charts))
{}

bool ReportExporter::exportTo(const ExportOptions &o, QStringList *written, QString *error) const
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (o.directory.trimmed().isEmpty())
        return fail(QStringLiteral("no directory given to export into"));
    const bool reports = o.csv || o.json || o.markdown;
    if (reports && !m_result)
        return fail(QStringLiteral("nothing to report yet: run something first (charts alone "
                                   "can be exported)"));
    if (o.png && (o.pngSize.width() < 1 || o.pngSize.height() < 1 ||
                  o.pngSize.width() > kMaxPngSide || o.pngSize.height() > kMaxPngSide))
        return fail(QStringLiteral("PNG size %1 × %2 is outside 1..%3 pixels per side")
                        .arg(o.pngSize.width())
                        .arg(o.pngSize.height())
                        .arg(kMaxPngSide));
    const QDir dir(o.directory);
    if (!QDir().mkpath(dir.absolutePath()))
        return fail(QStringLiteral("cannot create directory %1").arg(dir.absolutePath()));

    QStringList done;
    auto write = [&](const QString &name, const QByteArray &bytes) {
        QString why;
        const QString path = dir.filePath(name);
        if (!writeReport(path, bytes, &why))
            return fail(why);
        done.append(path);
        return true;
    };
    bool ok = true;
    if (ok && o.csv) {
        QString why;
        QStringList csvFiles;
        ok = writeCsvReports(dir.absolutePath(), *m_result, &m_load, o.tasksCsv, &why, &csvFiles);
        done.append(csvFiles);
        if (!ok)
            fail(why);
    }
    if (ok && o.json)
        ok = write(QStringLiteral("report.json"),
                   QJsonDocument(experimentToJson(*m_result)).toJson(QJsonDocument::Indented));
    if (ok && o.markdown)
        ok = write(QStringLiteral("summary.md"), experimentMarkdown(*m_result).toUtf8());
    for (const ExportChart &c : m_charts) {
        if (ok && o.png) {
            QByteArray bytes;
            QString why;
            ok = ChartExporter::png(c.chart, o.pngSize, &bytes, &why)
                     ? write(c.stem + QStringLiteral(".png"), bytes)
                     : fail(QStringLiteral("%1: %2").arg(dir.filePath(c.stem + ".png"), why));
        }
        if (ok && o.svg) {
            // SVG in user units of the PNG's size: the two files show the same layout.
            ok = write(c.stem + QStringLiteral(".svg"),
                       ChartExporter::svg(c.chart, o.pngSize, c.title));
        }
    }
    if (written)
        *written = done;
    return ok;
}
