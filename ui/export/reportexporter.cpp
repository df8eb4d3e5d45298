// SPDX-License-Identifier: MIT
#include "ui/export/reportexporter.h"

#include "core/report/csvreportset.h"

#include "core/experiment/experiment.h"
#include "core/report/jsonreport.h"
#include "core/report/markdownreport.h"
#include "core/report/reportfile.h"
#include "ui/export/chartexporter.h"

#include <QDir>
#include <QJsonDocument>

ReportExporter::ReportExporter(const ExperimentResult *result, QList<ExportChart> charts)
    : m_charts(std::move(charts))
{
    if (result)
        m_experiments.append({QString(), *result});
}

ReportExporter::ReportExporter(QList<ExportedExperiment> experiments, QList<ExportChart> charts)
    : m_experiments(std::move(experiments))
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
    if (reports && m_experiments.isEmpty())
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
    // One set, so the reports and the charts are written whole or not at all together, in a
    // folder of their own (created if missing and removed again on failure, locked meanwhile).
    QList<ReportFile> files;
    for (const ExportedExperiment &e : m_experiments) {
        const QDir at(e.folder.isEmpty() ? dir.absolutePath() : dir.filePath(e.folder));
        if (o.csv)
            files.append(csvReportFiles(at.absolutePath(), e.result, o.tasksCsv));
        if (o.json) {
            files.append({at.filePath(QStringLiteral("report.json")),
                          QJsonDocument(experimentToJson(e.result)).toJson(QJsonDocument::Indented),
                          {},
                          true});
        }
        if (o.markdown)
            files.append({at.filePath(QStringLiteral("summary.md")),
                          experimentMarkdown(e.result).toUtf8(),
                          {},
                          true});
    }
    for (const RenderedFile &f : charts)
        files.append({dir.filePath(f.name), f.bytes, {}, true});
    if (written)
        written->clear();
    return writeReportSet(files, cancel, written, error);
}

bool ReportExporter::exportTo(const ExportOptions &o, QStringList *written, QString *error) const
{
    QList<RenderedFile> charts;
    return renderCharts(o, &charts, error) && writeAll(o, charts, nullptr, written, error);
}
