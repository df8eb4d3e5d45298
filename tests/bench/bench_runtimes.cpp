// SPDX-License-Identifier: MIT
// The out-of-process runtimes' figures (issue 24, section 5), printed, never asserted:
//  - fidelity: the article's own code (tests/bench/article_original.py: what was changed to feed
//    it LoopBench's plan is listed at its top) against LoopBench's asyncio runtime, on one plan,
//    at K = 1 and K = 2. The article times itself from before its tasks are created (and, at K > 1,
//    before its pool starts) until gather() returns; LoopBench's wall starts at t0, after every
//    worker is ready, so both are printed: wall, and wall plus start-up and hand-over.
//  - processes against threads on the CPU-heavy preset's plan: speedup 1 -> K of each; start-up
//    per worker and hand-over per task; peak RSS per loop (each worker process's).
//
//   bench_runtimes [--what fidelity|processes|all] [--tasks N] [--repeat R] [--article FILE.py]
//
// --article runs another copy of the article's code (say, the article's listing changed the way
// article_original.py lists at its top): it is started as `python3 FILE.py PLAN K`, where PLAN
// holds one "io_us iterations" line per task, and must print "... last S second..." (its own
// time, as the article prints it).
#include "core/engine/processrun.h"
#include "core/engine/runtimecommand.h"
#include "core/workload/taskplan.h"
#include "tests/support/runblocking.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace {

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).section(u' ', 0, 2)
                                       : QStringLiteral("?");
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

RunResult run(const std::shared_ptr<const TaskPlan> &plan, Runtime runtime, int k)
{
    RunConfig config{k, Partition::Contiguous};
    config.runtime = runtime;
    const RunResult r = runAnyBlocking(plan, config, 1.0);
    if (!r.completed())
        std::fprintf(stderr, "%s K=%d: %s\n", qPrintable(runtimeName(runtime)), k,
                     qPrintable(r.error));
    return r;
}

// The article's script on `planFile` with K batches: its own printed seconds, and the wall
// time of the whole process (interpreter start included) as measured from here.
QString articleScript = QStringLiteral(LOOPBENCH_SOURCE_DIR "/tests/bench/article_original.py");

std::pair<double, double> runArticle(const QString &planFile, int k)
{
    QProcess p;
    QElapsedTimer clock;
    clock.start();
    p.start(QString::fromLatin1(RuntimeCommand::kDefaultPython),
            {articleScript, planFile, QString::number(k)});
    p.waitForFinished(-1);
    const double processMs = double(clock.nsecsElapsed()) / 1e6;
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("last ([0-9.]+) second")).match(out);
    if (!m.hasMatch())
        std::fprintf(stderr, "article K=%d said: %s%s\n", k, qPrintable(out),
                     qPrintable(QString::fromUtf8(p.readAllStandardError())));
    return {m.hasMatch() ? m.captured(1).toDouble() * 1000 : 0, processMs};
}

void fidelity(int tasks, int repeats)
{
    // The article's workload, its own kernel, on LoopBench's plan.
    const auto plan = std::make_shared<const TaskPlan>(
        TaskPlan::generate(WorkloadSpec{tasks, 200, 1000, 100000, 500000, Kernel::Article, 1}));
    QTemporaryDir dir;
    const QString planFile = dir.filePath(QStringLiteral("plan.txt"));
    QFile f(planFile);
    if (!f.open(QIODevice::WriteOnly))
        return;
    for (std::size_t i = 0; i < plan->size(); ++i)
        f.write(QByteArray::number(plan->ioUs(i)) + ' ' + QByteArray::number(plan->iterations(i)) +
                '\n');
    f.close();
    std::printf("fidelity: %d tasks, io 200:1000 ms, cpu 100k:500k article, seed 1; median of %d;"
                " the article's code: %s\n",
                tasks, repeats, qPrintable(articleScript));
    for (const int k : {1, 2}) {
        std::vector<double> article, articleProcess, wall, withOverhead;
        for (int r = 0; r < repeats; ++r) {
            const auto [own, process] = runArticle(planFile, k);
            article.push_back(own);
            articleProcess.push_back(process);
            const RunResult ours = run(plan, Runtime::Asyncio, k);
            wall.push_back(ours.wallMs);
            withOverhead.push_back(ours.wallMs + ours.startOverheadMs + ours.joinOverheadMs);
        }
        const double a = median(article);
        const double w = median(wall);
        std::printf("  K=%d  article %.0f ms (its process %.0f ms)  asyncio runtime wall %.0f ms "
                    "(%+.1f %%), with start-up and hand-over %.0f ms (%+.1f %%)\n",
                    k, a, median(articleProcess), w, (w / a - 1) * 100, median(withOverhead),
                    (median(withOverhead) / a - 1) * 100);
    }
}

void processes(int repeats)
{
    // The CPU-heavy preset (resources/presets/02-cpu-heavy.json).
    const auto plan = std::make_shared<const TaskPlan>(
        TaskPlan::generate(WorkloadSpec{2000, 0, 100, 3000000, 7000000, Kernel::Sum, 20240601}));
    std::printf("processes vs threads: 2000 tasks, io 0:100 ms, cpu 3M:7M sum (CPU-heavy preset);"
                " median of %d\n",
                repeats);
    double speedup[2] = {0, 0};
    for (const Runtime runtime : {Runtime::Threads, Runtime::Processes}) {
        std::vector<double> one, two, startPerWorker, handPerTask, rssMb;
        for (int r = 0; r < repeats; ++r) {
            const RunResult a = run(plan, runtime, 1);
            const RunResult b = run(plan, runtime, 2);
            one.push_back(a.wallMs);
            two.push_back(b.wallMs);
            startPerWorker.push_back(b.startOverheadMs / 2);
            handPerTask.push_back(b.joinOverheadMs * 1000 / double(plan->size()));
            for (const ShardStats &s : b.perShard)
                if (s.peakRssKb > 0)
                    rssMb.push_back(double(s.peakRssKb) / 1024);
        }
        const double s = median(one) / median(two);
        speedup[runtime == Runtime::Processes] = s;
        std::printf("  %-9s K=1 %.0f ms  K=2 %.0f ms  speedup %.3f  start-up %.2f ms per worker"
                    "  hand-over %.2f us per task",
                    qPrintable(runtimeName(runtime)), median(one), median(two), s,
                    median(startPerWorker), median(handPerTask));
        if (!rssMb.empty())
            std::printf("  peak RSS %.1f MB per loop", median(rssMb));
        std::printf("\n");
    }
    std::printf("  processes' speedup against threads': %+.1f %%\n",
                (speedup[1] / speedup[0] - 1) * 100);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    RuntimeCommand::setLoopbenchExecutable(QStringLiteral(LOOPBENCH_EXE));
    QString what = QStringLiteral("all");
    int tasks = 2000;
    int repeats = 3;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == u"--what")
            what = args[i + 1];
        else if (args[i] == u"--tasks")
            tasks = args[i + 1].toInt();
        else if (args[i] == u"--repeat")
            repeats = args[i + 1].toInt();
        else if (args[i] == u"--article")
            articleScript = args[i + 1];
    }
    if (!QFile::exists(articleScript)) {
        std::fprintf(stderr, "bench_runtimes: --article: %s does not exist\n",
                     qPrintable(articleScript));
        return 2;
    }
    std::printf("load average before: %s\n", qPrintable(loadAverage()));
    if (what == u"fidelity" || what == u"all")
        fidelity(tasks, repeats);
    if (what == u"processes" || what == u"all")
        processes(repeats);
    std::printf("load average after: %s\n", qPrintable(loadAverage()));
    return 0;
}
