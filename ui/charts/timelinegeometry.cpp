// SPDX-License-Identifier: MIT
#include "ui/charts/timelinegeometry.h"

#include "core/engine/runresult.h"
#include "core/workload/taskplan.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace {

// Never-resumed tasks sort last.
std::int64_t resumedKey(const TimelineGeometry::Task &t)
{
    return t.resumedNs >= 0 ? t.resumedNs : std::numeric_limits<std::int64_t>::max();
}

} // namespace

int TimelineGeometry::addRun(const RunResult &run)
{
    const int first = rowCount();
    const int loops = std::max(1, run.shards);
    m_rows.resize(std::size_t(first + loops));
    if (!run.plan || !run.timings || run.timings->size() != run.plan->size())
        return first;
    const TaskPlan &plan = *run.plan;
    const std::vector<TaskTiming> &timings = *run.timings;
    for (std::uint32_t id = 0; id < timings.size(); ++id) {
        const TaskTiming &t = timings[id];
        const int loop = std::clamp(loopOfTask(run, id), 0, loops - 1);
        const Task task{plan.ioNs(id), t.resumedNs, t.doneNs, t.workNs, id};
        m_rows[std::size_t(first + loop)].byResumed.push_back(task);
        m_endNs = std::max({m_endNs, task.dueNs, task.resumedNs, task.doneNs});
    }
    for (std::size_t r = std::size_t(first); r < m_rows.size(); ++r) {
        Row &row = m_rows[r];
        std::sort(row.byResumed.begin(), row.byResumed.end(),
                  [](const Task &a, const Task &b) { return resumedKey(a) < resumedKey(b); });
        row.doneMax.resize(row.byResumed.size());
        std::int64_t most = -1;
        for (std::size_t i = 0; i < row.byResumed.size(); ++i)
            row.doneMax[i] = most = std::max(most, row.byResumed[i].doneNs);
        row.byDue.resize(row.byResumed.size());
        std::iota(row.byDue.begin(), row.byDue.end(), 0u);
        std::sort(row.byDue.begin(), row.byDue.end(), [&row](std::uint32_t a, std::uint32_t b) {
            return row.byResumed[a].dueNs < row.byResumed[b].dueNs;
        });
        row.resumedMax.resize(row.byDue.size());
        most = -1;
        for (std::size_t i = 0; i < row.byDue.size(); ++i)
            row.resumedMax[i] = most = std::max(most, row.byResumed[row.byDue[i]].resumedNs);
    }
    return first;
}

void TimelineGeometry::setWidth(double px)
{
    m_width = std::max(1.0, px);
}

void TimelineGeometry::reset()
{
    m_startNs = 0;
    m_spanNs = std::numeric_limits<double>::max();
    clampView();
}

void TimelineGeometry::clampView()
{
    const double all = std::max(kMinSpanNs, double(m_endNs) * 1.02);
    m_spanNs = std::clamp(m_spanNs, kMinSpanNs, all);
    m_startNs = std::clamp(m_startNs, 0.0, all - m_spanNs);
}

void TimelineGeometry::zoomAt(double x, double factor)
{
    if (!(factor > 0))
        return;
    const double t = timeAt(x);
    const double all = std::max(kMinSpanNs, double(m_endNs) * 1.02);
    m_spanNs = std::clamp(m_spanNs / factor, kMinSpanNs, all);
    m_startNs = t - x / m_width * m_spanNs;
    clampView();
}

void TimelineGeometry::panBy(double dx)
{
    m_startNs -= dx * m_spanNs / m_width;
    clampView();
}

TimelineGeometry::RowPicture TimelineGeometry::picture(int row) const
{
    const Row &r = m_rows.at(std::size_t(row));
    const auto columns = static_cast<std::size_t>(std::ceil(m_width));
    RowPicture out;
    out.cpuShare.assign(columns, 0.0f);
    const double endNs = m_startNs + m_spanNs;
    const double lastColumn = double(columns) - 1;

    // CPU: spans never overlap, so doneMax rises with resumed: the first visible one is a binary
    // search away, and the walk stops at the first one that starts after the view.
    auto it = std::upper_bound(r.doneMax.begin(), r.doneMax.end(), m_startNs,
                               [](double t, std::int64_t done) { return t < double(done); });
    for (auto i = std::size_t(it - r.doneMax.begin()); i < r.byResumed.size(); ++i) {
        const Task &t = r.byResumed[i];
        if (t.resumedNs < 0 || double(t.resumedNs) >= endNs)
            break;
        if (t.doneNs < 0 || double(t.doneNs) <= m_startNs)
            continue;
        const double x0 = xOf(double(t.resumedNs));
        const double x1 = xOf(double(t.doneNs));
        if (x1 - x0 >= kDetailPx) {
            out.cpu.push_back({x0, x1, std::uint32_t(i)});
            continue;
        }
        const double a = std::max(0.0, x0);
        const double b = std::min(double(columns), x1);
        for (double px = std::floor(a); px < b && px <= lastColumn; ++px)
            out.cpuShare[std::size_t(px)] += float(std::min(b, px + 1) - std::max(a, px));
    }
    for (float &share : out.cpuShare)
        share = std::min(share, 1.0f);

    // Lag: spans overlap; the running max of resumed over tasks by due finds the first that may
    // still wait at the view's start, and a difference array counts them per column.
    std::vector<int> delta(columns + 1, 0);
    auto from =
        std::upper_bound(r.resumedMax.begin(), r.resumedMax.end(), m_startNs,
                         [](double t, std::int64_t resumed) { return t < double(resumed); });
    for (auto i = std::size_t(from - r.resumedMax.begin()); i < r.byDue.size(); ++i) {
        const Task &t = r.byResumed[r.byDue[i]];
        if (double(t.dueNs) >= endNs)
            break;
        if (t.resumedNs <= t.dueNs || double(t.resumedNs) <= m_startNs)
            continue;
        const auto c0 = std::size_t(std::clamp(std::floor(xOf(double(t.dueNs))), 0.0, lastColumn));
        const auto c1 =
            std::size_t(std::clamp(std::floor(xOf(double(t.resumedNs))), 0.0, lastColumn));
        ++delta[c0];
        --delta[c1 + 1];
    }
    out.waiting.resize(columns);
    int running = 0;
    for (std::size_t c = 0; c < columns; ++c)
        out.waiting[c] = running += delta[c];
    return out;
}

std::optional<std::uint32_t> TimelineGeometry::taskAt(int row, double x) const
{
    if (row < 0 || row >= rowCount())
        return std::nullopt;
    const Row &r = m_rows[std::size_t(row)];
    const double t = timeAt(x);
    const double tolerance = kDetailPx * m_spanNs / m_width;
    const auto after =
        std::upper_bound(r.byResumed.begin(), r.byResumed.end(), t,
                         [](double ns, const Task &task) { return ns < double(resumedKey(task)); });
    std::optional<std::uint32_t> best;
    double bestDistance = tolerance;
    auto consider = [&](std::size_t i) {
        const Task &task = r.byResumed[i];
        if (task.resumedNs < 0 || task.doneNs < 0)
            return;
        const double d = t < double(task.resumedNs) ? double(task.resumedNs) - t
                         : t > double(task.doneNs)  ? t - double(task.doneNs)
                                                    : 0.0;
        if (d <= bestDistance) {
            bestDistance = d;
            best = std::uint32_t(i);
        }
    };
    const auto i = std::size_t(after - r.byResumed.begin());
    if (i > 0)
        consider(i - 1);
    if (i < r.byResumed.size())
        consider(i);
    return best;
}

int TimelineGeometry::waitingAt(int row, double ns) const
{
    if (row < 0 || row >= rowCount())
        return 0;
    const Row &r = m_rows[std::size_t(row)];
    auto from =
        std::upper_bound(r.resumedMax.begin(), r.resumedMax.end(), ns,
                         [](double t, std::int64_t resumed) { return t < double(resumed); });
    int count = 0;
    for (auto i = std::size_t(from - r.resumedMax.begin()); i < r.byDue.size(); ++i) {
        const Task &t = r.byResumed[r.byDue[i]];
        if (double(t.dueNs) > ns)
            break;
        if (double(t.resumedNs) > ns)
            ++count;
    }
    return count;
}
