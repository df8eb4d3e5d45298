// SPDX-License-Identifier: MIT
#include "ui/window/timelinewindow.h"

#include "core/engine/runtime.h"
#include "core/store/resultstore.h"
#include "core/store/storecodec.h"
#include "ui/charts/timelineview.h"
#include "ui/common/formatting.h"
#include "ui/common/shownname.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

TimelineWindow::TimelineWindow(QWidget *parent)
    : QDialog(parent)
    , m_caption(new QLabel(tr("Reading the runs' per-task timings…")))
    , m_view(new TimelineView)
{
    setObjectName(QStringLiteral("timelineWindow"));
    setWindowTitle(tr("Timeline"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_caption->setWordWrap(true);
    m_caption->setObjectName(QStringLiteral("timelineCaption"));
    m_view->hide();
    auto *hint = new QLabel(tr("Ctrl+wheel or pinch zooms in time at the pointer, dragging or the "
                               "wheel pans, a double click or Home shows everything again. Hover "
                               "a task to see it."));
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton *reset = buttons->addButton(tr("&Reset zoom"), QDialogButtonBox::ActionRole);
    connect(reset, &QPushButton::clicked, m_view, &TimelineView::resetView);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_caption);
    layout->addWidget(m_view, 1);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    resize(960, 560);
}

QString TimelineWindow::whyNotKept(const StoredRunTasks &run)
{
    if (run.imported)
        return tr("it was read from a report file, which carries no per-task timings");
    if (run.run.result.tasks > ResultStore::kSmallRunTasks)
        return tr("it has %1 tasks; the history keeps the timings of runs up to %2 tasks unless "
                  "Run > Keep per-task timings of every run is on when it runs (%3 bytes a task)")
            .arg(QLocale().toString(qlonglong(run.run.result.tasks)),
                 QLocale().toString(qlonglong(ResultStore::kSmallRunTasks)),
                 QLocale().toString(StoreCodec::kTimingBytesPerTask));
    return tr("Run > Keep per-task timings was off when it ran (or the command line recorded "
              "it without --record-tasks)");
}

TimelineWindow::Layout TimelineWindow::layOut(const QList<StoredRunTasks> &runs,
                                              std::int64_t highlight)
{
    Layout layout;
    QStringList missing;
    int drawn = 0;
    for (const StoredRunTasks &run : runs) {
        const StoredRunTasks *r = &run;
        const RunResult &result = r->run.result;
        QString title = tr("Run %1 · %2 · %3 · wall %4")
                            .arg(QLocale().toString(qlonglong(r->run.id)),
                                 shownName(runtimeName(result.runtime)),
                                 Formatting::counted(result.shards, tr("loop"), tr("loops")),
                                 Formatting::duration(result.wallMs));
        // A run slowed by other programs says so wherever it is shown.
        if (result.machineBusy())
            title += tr(" · machine busy: other programs used %1 of the CPUs")
                         .arg(Formatting::percent(result.othersCpuFraction));
        if (!result.timings || !result.plan) {
            missing.append(tr("Run %1 is not drawn: %2.")
                               .arg(QLocale().toString(qlonglong(r->run.id)), whyNotKept(*r)));
            continue;
        }
        layout.picture.addRun(
            result, r->run.id == highlight ? tr("%1 (the run you chose)").arg(title) : title);
        ++drawn;
    }
    QString text;
    if (drawn > 0)
        text = tr(
            "Each row is one event loop. A task's lag, from its due time (t0 plus its IO "
            "delay) until its loop resumed it, is counted in the upper lane; its CPU work, "
            "from resumed to done, fills the lower lane. A loop that computes while tasks "
            "queue behind it shows a full lower lane under a tall upper one. Under each run, one "
            "strip per core shows how busy it was (full strength: 100 % busy).");
    else if (runs.isEmpty())
        text = tr("The run is no longer in the history.");
    missing.prepend(text);
    layout.caption = missing.join(QLatin1Char(' ')).trimmed();
    layout.drawn = drawn > 0;
    return layout;
}

void TimelineWindow::showLayout(Layout layout)
{
    m_caption->setText(layout.caption);
    m_view->setPicture(std::move(layout.picture));
    m_view->setVisible(layout.drawn);
}
