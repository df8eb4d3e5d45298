// SPDX-License-Identifier: MIT
#include "ui/export/exportjob.h"

#include "core/base/workpool.h"
#include <QDir>
#include <QPointer>
#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

#include <QCoroFuture>

#include <atomic>
#include <memory>

namespace {

// Shared by the coroutine, the Cancel button and the pool job, whichever ends last.
struct Job
{
    std::optional<ReportExporter> exporter;
    std::atomic<bool> cancel{false};
};

} // namespace

QCoro::Task<ExportOutcome> exportInBackground(QList<ExportedExperiment> experiments,
                                              QList<ExportChart> charts, ExportOptions options,
                                              QWidget *parent)
{
    auto job = std::make_shared<Job>();
    job->exporter.emplace(std::move(experiments), std::move(charts));
    ExportOutcome outcome;
    QList<RenderedFile> rendered;
    if (!job->exporter->renderCharts(options, &rendered, &outcome.error))
        co_return outcome;

    // Shown only when writing takes longer than 400 ms.
    QPointer<QProgressDialog> progress = new QProgressDialog(
        QObject::tr("Writing reports to %1…").arg(QDir::toNativeSeparators(options.directory)),
        QObject::tr("Cancel"), 0, 0, parent);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(400);
    QObject::connect(progress, &QProgressDialog::canceled, progress,
                     [job] { job->cancel.store(true); });

    // Named before it is awaited: GCC 12 mishandles a temporary lambda in a co_await.
    const QFuture<ExportOutcome> writing = QtConcurrent::run(&workPool(), [job, options, rendered] {
        ExportOutcome o;
        o.ok = job->exporter->writeAll(options, rendered, &job->cancel, &o.written, &o.error);
        return o;
    });
    outcome = co_await writing;
    delete progress.data(); // null when its parent closed meanwhile
    co_return outcome;
}
