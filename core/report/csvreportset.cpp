// SPDX-License-Identifier: MIT
#include "core/report/csvreportset.h"

#include "core/engine/runresult.h"
#include "core/experiment/experiment.h"
#include "core/report/csvmetajson.h"
#include "core/report/csvreport.h"

#include <QDir>

QStringList csvReportFileNames(bool includeTasks)
{
    QStringList names{QStringLiteral("runs.csv"), QStringLiteral("summary.csv"),
                      QStringLiteral("load.csv")};
    if (includeTasks)
        names << QStringLiteral("tasks.csv");
    names << QStringLiteral("meta.json");
    return names;
}

QList<ReportFile> csvReportFiles(const QString &dir, const ExperimentResult &result,
                                 bool includeTasks)
{
    const QDir d(dir);
    const QStringList names = csvReportFileNames(includeTasks);
    const int taskRun = includeTasks ? tasksCsvRunIndex(result) : -1;

    QList<ReportFile> files;
    for (const QString &name : names) {
        QByteArray bytes;
        if (name == QLatin1String("runs.csv")) {
            bytes = runsCsv(result);
        } else if (name == QLatin1String("summary.csv")) {
            bytes = summaryCsv(result);
        } else if (name == QLatin1String("load.csv")) {
            bytes = loadCsv(result);
        } else if (name == QLatin1String("tasks.csv")) {
            // Without a run that kept its tasks the file still appears, header only, so that a
            // script reading it does not need a special case.
            bytes = taskRun >= 0 ? tasksCsv(result, result.runs[static_cast<std::size_t>(taskRun)])
                                 : tasksCsv(result, RunResult{});
        } else {
            bytes = csvMetaJson(result, names);
        }
        files.append({d.filePath(name), std::move(bytes), {}, true});
    }
    return files;
}

bool writeCsvReports(const QString &dir, const ExperimentResult &result, bool includeTasks,
                     QString *error, QStringList *written, const std::atomic<bool> *cancel)
{
    return writeReportSet(csvReportFiles(dir, result, includeTasks), cancel, written, error);
}
