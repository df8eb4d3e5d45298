// SPDX-License-Identifier: MIT
#include "ui/export/reportexporter.h"

#include "core/report/csvreportset.h"

#include "core/experiment/experiment.h"
#include "core/report/jsonreport.h"
#include "core/report/markdownreport.h"
#include "core/report/reportfile.h"
#include "ui/export/chartexporter.h"
#include "ui/export/exportfigures.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>

ReportExporter::ReportExporter(QList<ExportedExperiment> experiments)
    : m_experiments(std::move(experiments))
{}

namespace {

bool failWith(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

QString ReportExporter::check(const ExportOptions &o) const
{
    if (o.directory.trimmed().isEmpty())
        return QCoreApplication::translate("ReportExporter", "no directory given to export into");
    if (m_experiments.isEmpty())
        return QCoreApplication::translate("ReportExporter",
                                           "nothing to export yet: run something first");
    if (o.png && (o.pngSize.width() < 1 || o.pngSize.height() < 1 ||
                  o.pngSize.width() > kMaxPngSide || o.pngSize.height() > kMaxPngSide))
        return QCoreApplication::translate("ReportExporter",
                                           "PNG size %1 × %2 is outside 1..%3 pixels per side")
            .arg(o.pngSize.width())
            .arg(o.pngSize.height())
            .arg(kMaxPngSide);
    return {};
}

int ReportExporter::chartCount(const ExportOptions &o) const
{
    return o.png || o.svg ? int(m_experiments.size() * ExportFigures::all().size()) : 0;
}

bool ReportExporter::renderChart(const ExportOptions &o, int index, QList<RenderedFile> *charts,
                                 QString *error) const
{
    const QList<ExportFigures::Figure> &figures = ExportFigures::all();
    const ExportedExperiment &e = m_experiments.at(index / figures.size());
    const ExportFigures::Figure &figure = figures.at(index % figures.size());
    const QString stem =
        e.folder.isEmpty() ? figure.stem : e.folder + QLatin1Char('/') + figure.stem;
    const ExportFigures::Built built = ExportFigures::build(figure.stem, e.result);
    // SVG in user units of the PNG's size: the two files show the same layout.
    ChartExporter::layOut(built.owner.get(), built.view, o.pngSize);
    if (o.png) {
        QByteArray bytes;
        QString why;
        const QString name = stem + QStringLiteral(".png");
        if (!ChartExporter::png(built.view, o.pngSize, &bytes, &why))
            return failWith(error,
                            QStringLiteral("%1: %2").arg(QDir(o.directory).filePath(name), why));
        charts->append({name, bytes});
    }
    if (o.svg)
        charts->append({stem + QStringLiteral(".svg"),
                        ChartExporter::svg(built.view, o.pngSize, figure.title)});
    return true;
}

bool ReportExporter::renderCharts(const ExportOptions &o, QList<RenderedFile> *charts,
                                  QString *error) const
{
    if (const QString why = check(o); !why.isEmpty())
        return failWith(error, why);
    for (int i = 0; i < chartCount(o); ++i) {
        if (!renderChart(o, i, charts, error))
            return false;
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
