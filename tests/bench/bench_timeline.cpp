// SPDX-License-Identifier: MIT
// How long the run timeline takes to paint N tasks (default 100,000): the tasks of a 1-loop run
// (every CPU part queued on one loop, hundreds waiting at once) above a 2-loop run of the same
// plan, as a comparison shows them, painted into a W x H image (default 1280 x 600) by the
// TimelineView itself: the whole run, then panning across it zoomed 50 times, then zoomed to a
// few tasks. Prints min, median and max ms per paint for each. Figures only; nothing fails on a
// time. The target is a median under 16 ms (one 60 Hz frame) while panning.
//
//   QT_QPA_PLATFORM=offscreen bench_timeline [--tasks N] [--width W] [--height H] [--paints P]
#include "core/engine/runresult.h"
#include "core/workload/taskplan.h"
#include "tests/bench/benchargs.h"
#include "ui/charts/timelinegeometry.h"
#include "ui/charts/timelineview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <vector>

namespace {

// `plan` run on `loops` loops dealt contiguously: each loop resumes its tasks in due order, one
// CPU part at a time, each 1 ms / (tasks / 10,000) of CPU: the default plan's shape, scaled.
RunResult simulate(const std::shared_ptr<const TaskPlan> &plan, int loops)
{
    RunResult r;
    r.shards = loops;
    r.tasks = std::int64_t(plan->size());
    r.plan = plan;
    std::vector<TaskTiming> timings(plan->size());
    const std::int64_t cpuNs = std::max<std::int64_t>(20'000, 10'000'000'000LL / r.tasks);
    for (int k = 0; k < loops; ++k) {
        const Slice slice = sliceFor(Partition::Contiguous, plan->size(), loops, k);
        std::vector<std::uint32_t> ids;
        for (std::size_t i = 0; i < slice.size(); ++i)
            ids.push_back(slice.at(i));
        std::sort(ids.begin(), ids.end(),
                  [&](std::uint32_t a, std::uint32_t b) { return plan->ioNs(a) < plan->ioNs(b); });
        std::int64_t free = 0;
        for (const std::uint32_t id : ids) {
            const std::int64_t resumed = std::max(free, plan->ioNs(id));
            free = resumed + cpuNs;
            timings[id] = {resumed, free, cpuNs};
        }
    }
    r.timings = std::make_shared<const std::vector<TaskTiming>>(std::move(timings));
    return r;
}

void report(const char *what, std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    std::printf("%-34s min %7.2f ms  median %7.2f ms  max %7.2f ms  (%zu paints)\n", what,
                ms.front(), ms[ms.size() / 2], ms.back(), ms.size());
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const BenchArgs args(app.arguments());
    const int tasks = args.integer(QLatin1String("--tasks"), 100'000);
    const int width = args.integer(QLatin1String("--width"), 1280);
    const int height = args.integer(QLatin1String("--height"), 600);
    const int paints = args.integer(QLatin1String("--paints"), 60);

    WorkloadSpec spec;
    spec.tasks = tasks;
    const auto plan = std::make_shared<const TaskPlan>(TaskPlan::generate(spec));
    TimelineView view;
    view.resize(width, height);
    QElapsedTimer build;
    build.start();
    view.addRun(simulate(plan, 1), QStringLiteral("1 loop"));
    view.addRun(simulate(plan, 2), QStringLiteral("2 loops"));
    std::printf("%d tasks twice (1 loop, 2 loops), %d x %d px: laid out in %.1f ms\n", tasks, width,
                height, double(build.nsecsElapsed()) / 1e6);

    QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
    auto paintOnce = [&] {
        QElapsedTimer t;
        t.start();
        QPainter p(&image);
        view.render(&p);
        p.end();
        return double(t.nsecsElapsed()) / 1e6;
    };
    std::vector<double> whole;
    for (int i = 0; i < paints; ++i)
        whole.push_back(paintOnce());
    report("whole run", whole);

    view.resetView();
    view.zoomAt(0, 50);
    std::vector<double> panning;
    for (int i = 0; i < paints; ++i) {
        view.panBy(-double(width) / 8);
        panning.push_back(paintOnce());
    }
    report("zoomed x50, panning", panning);

    view.resetView();
    view.zoomAt(width / 2.0, 2000);
    std::vector<double> close;
    for (int i = 0; i < paints; ++i) {
        view.panBy(-40);
        close.push_back(paintOnce());
    }
    report("zoomed x2000 (single tasks)", close);
    return 0;
}
