#include "reportexporter.h"

#include "chartexporter.h"
#include "experiment.h"
#include "jsonreport.h"
#include "markdownreport.h"
#include "reportfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

ReportExporter::ReportExporter(const ExperimentResult *result, LoadSeries load,
                               QList<ExportChart> charts)
    : m_result(result)
    , m_load(std::move(load))
    , m_charts(std::move(charts))
{}

namespace {

bool failWith(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

bool ReportExporter::renderCharts(const ExportOptions &o, QList<RenderedFile> *charts,
                                  QString *error) const
{
    if (o.directory.trimmed().isEmpty())
        return failWith(error, QStringLiteral("no directory given to export into"));
    const bool reports = o.csv || o.json || o.markdown;
    if (reports && !m_result)
        return failWith(error, QStringLiteral("nothing to report yet: run something first "
                                              "(charts alone can be exported)"));
    if (o.png && (o.pngSize.width() < 1 || o.pngSize.height() < 1 ||
                  o.pngSize.width() > kMaxPngSide || o.pngSize.height() > kMaxPngSide))
        return failWith(error, QStringLiteral("PNG size %1 × %2 is outside 1..%3 pixels per side")
                                   .arg(o.pngSize.width())
                                   .arg(o.pngSize.height())
                                   .arg(kMaxPngSide));
    for (const ExportChart &c : m_charts) {
        if (o.png) {
            QByteArray bytes;
            QString why;
            const QString name = c.stem + QStringLiteral(".png");
            if (!ChartExporter::png(c.chart, o.pngSize, &bytes, &why))
                return failWith(
                    error, QStringLiteral("%1: %2").arg(QDir(o.directory).filePath(name), why));
            charts->append({name, bytes});
        }
        if (o.svg) {
            // SVG in user units of the PNG's size: the two files show the same layout.
            charts->append(
                {c.stem + QStringLiteral(".svg"), ChartExporter::svg(c.chart, o.pngSize, c.title)});
        }
    }
    return true;
}

bool ReportExporter::writeAll(const ExportOptions &o, const QList<RenderedFile> &charts,
                              const std::atomic<bool> *cancel, QStringList *written,
                              QString *error) const
{
    const QDir dir(o.directory);
    if (!QDir().mkpath(dir.absolutePath()))
        return failWith(error,
                        QStringLiteral("cannot create directory %1").arg(dir.absolutePath()));
    QStringList done;
    auto rollBack = [&](const QString &message) {
        for (const QString &path : std::as_const(done))
            QFile::remove(path);
        if (written)
            written->clear();
        return failWith(error, message);
    };
    auto cancelled = [cancel] { return cancel && cancel->load(); };
    const QString cancelMessage = QStringLiteral("export cancelled: nothing was written");
    auto write = [&](const QString &name, const QByteArray &bytes) {
        if (cancelled())
            return false;
        QString why;
        const QString path = dir.filePath(name);
        if (!writeReport(path, bytes, &why)) {
            rollBack(why);
            return false;
        }
        done.append(path);
        return true;
    };
    if (o.csv) {
        if (cancelled())
            return rollBack(cancelMessage);
        QString why;
        QStringList csvFiles;
        const bool ok = writeCsvReports(dir.absolutePath(), *m_result, &m_load, o.tasksCsv, &why,
                                        &csvFiles, cancel);
        done.append(csvFiles);
        if (!ok)
            return rollBack(why);
    }
    if (o.json &&
        !write(QStringLiteral("report.json"),
               QJsonDocument(experimentToJson(*m_result)).toJson(QJsonDocument::Indented)))
        return cancelled() ? rollBack(cancelMessage) : false;
    if (o.markdown && !write(QStringLiteral("summary.md"), experimentMarkdown(*m_result).toUtf8()))
        return cancelled() ? rollBack(cancelMessage) : false;
    for (const RenderedFile &f : charts) {
        if (!write(f.name, f.bytes))
            return cancelled() ? rollBack(cancelMessage) : false;
    }
    if (cancelled()) // a cancel during the last file still undoes the whole export
        return rollBack(cancelMessage);
    if (written)
        *written = done;
    return true;
}

bool ReportExporter::exportTo(const ExportOptions &o, QStringList *written, QString *error) const
{
    QList<RenderedFile> charts;
    return renderCharts(o, &charts, error) && writeAll(o, charts, nullptr, written, error);
}
