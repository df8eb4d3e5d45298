// SPDX-License-Identifier: MIT
#include "ui/window/guidedialog.h"

#include "ui/common/resources.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {

// The guide's text, one unit a heading, paragraph, term or list item, in the source language. In
// the code rather than an .html file so that lupdate sees every unit and tst_translations fails
// while one has no Portuguese translation; entries without QT_TRANSLATE_NOOP are markup.
const char *const kGuide[] = {
    QT_TRANSLATE_NOOP("GuideDialog", "<h2>What LoopBench shows</h2>"),
    QT_TRANSLATE_NOOP("GuideDialog",
                      "<p>Many tasks each wait for simulated IO, then do some CPU work on the "
                      "“response”. LoopBench runs the <b>same plan</b> (same seed, same IO delays, "
                      "same work per task) on <b>one event loop</b> and on <b>K event loops</b>, "
                      "one thread each, and measures how much sooner the last task is done.</p>"),
    "<p><img src=\"guide-loops.svg\" width=\"640\" height=\"300\"></p>",
    QT_TRANSLATE_NOOP(
        "GuideDialog",
        "<p>On one loop the CPU parts queue up behind each other on one core while the other cores "
        "idle. With K loops the CPU parts of different tasks run at the same time on different "
        "cores, so the wall time shrinks until the cores, not the loops, are the limit.</p>"),
    QT_TRANSLATE_NOOP("GuideDialog", "<h3>The numbers</h3>"),
    "<dl>",
    QT_TRANSLATE_NOOP(
        "GuideDialog",
        "<dt><b>Wall</b></dt><dd>From the start (t0) until the last task is done.</dd>"),
    QT_TRANSLATE_NOOP("GuideDialog", "<dt><b>Speedup</b></dt><dd>Wall time of the baseline (1 "
                                     "loop) divided by this run's: 2.0× means half the time.</dd>"),
    QT_TRANSLATE_NOOP("GuideDialog",
                      "<dt><b>T* (ideal bound)</b></dt><dd>The shortest wall time any schedule on "
                      "min(K, CPUs) cores could reach with this run's <i>measured</i> work: each "
                      "task's CPU part may start only once its IO is over, and no core does two "
                      "things at once. A run cannot beat it.</dd>"),
    QT_TRANSLATE_NOOP(
        "GuideDialog",
        "<dt><b>Efficiency</b></dt><dd>T* / wall. 100 % means no schedule on these cores could "
        "have finished sooner; the rest is time lost to queueing, threads and the machine.</dd>"),
    QT_TRANSLATE_NOOP(
        "GuideDialog",
        "<dt><b>Lag</b></dt><dd>How late a task resumed after its IO was due (resumed minus due). "
        "On one busy loop the lag climbs, since a due task waits for the CPU work ahead of it; "
        "with enough loops it stays near zero.</dd>"),
    QT_TRANSLATE_NOOP(
        "GuideDialog",
        "<dt><b>Work inflation</b></dt><dd>How much the CPU work itself grew against the one-loop "
        "run: the same kernels take longer when K threads share caches, memory bandwidth and turbo "
        "clocks, or when K exceeds the cores. T* uses the measured work, so inflation shows as a "
        "longer T*, not as lost efficiency.</dd>"),
    QT_TRANSLATE_NOOP(
        "GuideDialog",
        "<dt><b>GUI stall</b></dt><dd>How late a 10 ms timer on the window's thread fired during "
        "the run: how responsive the window stayed (target p99 at most 16 ms).</dd>"),
    QT_TRANSLATE_NOOP("GuideDialog",
                      "<dt><b>p (M-W)</b></dt><dd>Mann-Whitney p-value of a K's wall times against "
                      "the baseline's, from 5 runs on each side. Green: below 0.05, the difference "
                      "is unlikely to be noise.</dd>"),
    "</dl>",
    QT_TRANSLATE_NOOP("GuideDialog", "<h3>Reading the charts</h3>"),
    "<ul>",
    QT_TRANSLATE_NOOP(
        "GuideDialog",
        "<li><b>Per-core load</b> (Live page, top left): one line per logical CPU and their mean "
        "over the last 60 s; shaded spans are runs. One loop keeps about one core busy; K loops "
        "raise them all. The heat strip below shows the same per core, darker = busier.</li>"),
    QT_TRANSLATE_NOOP(
        "GuideDialog",
        "<li><b>Shard threads</b> (top right): during a run, each loop's CPU share (bars) and the "
        "worst lag it saw (points). One loop: one full bar and a climbing lag.</li>"),
    QT_TRANSLATE_NOOP("GuideDialog",
                      "<li><b>One loop against K loops</b> (bottom left): the wall time of each "
                      "run with its T* beside it; the speedup is in the title. Select two rows of "
                      "the history to compare any two runs.</li>"),
    QT_TRANSLATE_NOOP(
        "GuideDialog",
        "<li><b>Speedup against K</b> (Sweep page): the median speedup per K with a min–max "
        "whisker over the repeats, the ideal line T* allows and the Amdahl fit. Where the measured "
        "points leave the ideal line, something other than the cores limits the run.</li>"),
    QT_TRANSLATE_NOOP("GuideDialog",
                      "<li><b>Efficiency per K</b>: T* / wall and speedup / K for every K. The "
                      "second falls once K exceeds the cores; the first should not.</li>"),
    "</ul>",
    QT_TRANSLATE_NOOP("GuideDialog", "<h3>Getting numbers you can trust</h3>"),
    QT_TRANSLATE_NOOP("GuideDialog",
                      "<p>Use <b>Repeat compare</b> (F7) or <b>Sweep</b> (F6) with R ≥ 5: runs are "
                      "interleaved (1, K, 1, K, …) so drift of the machine hits every "
                      "configuration alike, and the statistics give a spread and a p-value. A run "
                      "marked “machine busy” shared the CPUs with other programs.</p>"),
};

// The words drawn in resources/help/guide-loops.svg, replaced by their translation when the
// diagram is loaded ("T*" and "t0" are the same in every language).
const char *const kDiagramWords[] = {
    QT_TRANSLATE_NOOP("GuideDialog",
                      "The same 6 tasks: IO wait (light), then CPU work (dark) on the task's loop"),
    QT_TRANSLATE_NOOP("GuideDialog", "1 loop"),
    QT_TRANSLATE_NOOP("GuideDialog", "wall"),
    QT_TRANSLATE_NOOP("GuideDialog",
                      "CPU parts wait for each other: one core busy, the other idle"),
    QT_TRANSLATE_NOOP("GuideDialog", "K = 2 loops"),
    QT_TRANSLATE_NOOP("GuideDialog", "loop 1"),
    QT_TRANSLATE_NOOP("GuideDialog", "loop 2"),
    QT_TRANSLATE_NOOP("GuideDialog",
                      "speedup = wall(1 loop) / wall(K loops) · efficiency = T* / wall"),
    QT_TRANSLATE_NOOP("GuideDialog", "time →"),
};

QString translated(const char *source)
{
    return QCoreApplication::translate("GuideDialog", source);
}

} // namespace

QString GuideDialog::html()
{
    QString html = QStringLiteral("<html><body>");
    for (const char *unit : kGuide)
        html += translated(unit) + QLatin1Char('\n');
    return html + QStringLiteral("</body></html>");
}

QByteArray GuideDialog::diagram()
{
    initResources();
    QFile file(QStringLiteral(":/help/guide-loops.svg"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray svg = file.readAll();
    for (const char *word : kDiagramWords) {
        const QString source = QString::fromUtf8(word);
        const QString shown = translated(word);
        if (shown != source)
            svg.replace(('>' + source.toHtmlEscaped() + '<').toUtf8(),
                        ('>' + shown.toHtmlEscaped() + '<').toUtf8());
    }
    return svg;
}

GuideDialog::GuideDialog(QWidget *parent)
    : QDialog(parent)
    , m_browser(new QTextBrowser)
{
    setWindowTitle(tr("LoopBench guide"));
    setObjectName(QStringLiteral("guideDialog"));
    m_browser->setOpenExternalLinks(true);
    m_browser->document()->addResource(QTextDocument::ImageResource,
                                       QUrl(QStringLiteral("guide-loops.svg")), diagram());
    m_browser->setHtml(html());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    // Fits a 1024x768 screen with room for the window's frame.
    resize(720, 640);
}
