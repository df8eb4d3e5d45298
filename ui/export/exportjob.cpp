// SPDX-License-Identifier: MIT
#include "ui/export/exportjob.h"

#include "core/base/workpool.h"
#include <QDir>
#include <QPointer>
#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

#include <QCoroFuture>
#include <QCoroTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
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
                                              ExportOptions options, QWidget *parent)
{
    auto job = std::make_shared<Job>();
    job->exporter.emplace(std::move(experiments));
    ExportOutcome outcome;
    outcome.error = job->exporter->check(options);
    if (!outcome.error.isEmpty())
        co_return outcome;

    const int charts = job->exporter->chartCount(options);
    // Shown only when the export takes longer than 400 ms.
    QPointer<QProgressDialog> progress = new QProgressDialog(
        QObject::tr("Writing reports to %1…").arg(QDir::toNativeSeparators(options.directory)),
        QObject::tr("Cancel"), 0, charts + 1, parent);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(400);
    progress->setValue(0);
    QObject::connect(progress, &QProgressDialog::canceled, progress,
                     [job] { job->cancel.store(true); });

    // Charts are widgets: drawn here, one at a time, with the window served between two (a
    // history of 50 experiments is 250 charts).
    QList<RenderedFile> rendered;
    for (int i = 0; i < charts; ++i) {
        if (job->cancel.load()) {
            outcome.error = QObject::tr("export cancelled: nothing was written");
            delete progress.data();
            co_return outcome;
        }
        if (!job->exporter->renderChart(options, i, &rendered, &outcome.error)) {
            delete progress.data();
            co_return outcome;
        }
        if (progress)
            progress->setValue(i + 1);
        co_await QCoro::sleepFor(std::chrono::milliseconds(0));
    }

    // Named before it is awaited: GCC 12 mishandles a temporary lambda in a co_await.
    const QFuture<ExportOutcome> writing = QtConcurrent::run(&workPool(), [job, options, rendered] {
        ExportOutcome o;
        o.ok = job->exporter->writeAll(options, rendered, &job->cancel, &o.written, &o.error);
        return o;
    });
    outcome = co_await writing;
    delete progress.data(); // null when its parent closed meanwhile
    if (outcome.ok && options.csv && options.tasksCsv) {
        for (const ExportedExperiment &e : job->exporter->experiments()) {
            const auto &runs = e.result.runs;
            if (std::none_of(runs.begin(), runs.end(),
                             [](const RunResult &r) { return r.timings; }))
                outcome.notes.append(
                    QObject::tr("tasks.csv%1 has no resumed and done times: per-task timings "
                                "were not kept for its runs")
                        .arg(e.folder.isEmpty() ? QString() : QStringLiteral(" of ") + e.folder));
        }
    }
    co_return outcome;
}
