// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

struct RunResult;

// Where a run's timeline draws each task, without pixels: one row per loop (shard or worker) of
// each run added, a task in the row of the loop that ran its CPU part (loopOfTask()), its lag from
// due (t0 + its planned IO delay) to resumed and its CPU work from resumed to done, on a time axis
// shared by every run added (ns from each run's t0) and mapped to `width` pixels.
//
// Optimised for panning 100,000 tasks at full frame rate: each row keeps its tasks sorted by
// resumed and by due with running maxima, so a paint finds the visible ones by binary search and
// walks only those (culling), and tasks narrower than kDetailPx are summed into per-pixel columns
// (CPU: the share of the pixel's time spent computing; lag: how many tasks waited in it) instead
// of being drawn one by one. A loop runs one CPU part at a time, so CPU spans never overlap in a
// row; lag spans do (every task that became due while the loop computed waits at once), which is
// why the lag is drawn as a count.
class TimelineGeometry
{
public:
    struct Task
    {
        std::int64_t dueNs = 0;
        std::int64_t resumedNs = -1; // -1: never resumed (a cancelled run)
        std::int64_t doneNs = -1;    // -1: its CPU part never finished
        std::int64_t workNs = -1;    // its kernel's CPU time; -1 unknown (not kept)
        std::uint32_t id = 0;
    };
    // A task wide enough to draw on its own, in pixels from the plot's left edge (unclipped).
    struct Span
    {
        double x0 = 0;
        double x1 = 0;
        std::uint32_t index = 0; // into tasks(row)
    };
    // One row's picture at the current view: wide CPU spans, and per pixel column the CPU share
    // (0..1) of the narrow ones and the number of tasks waiting (lag) at some time in it.
    struct RowPicture
    {
        std::vector<Span> cpu;
        std::vector<float> cpuShare;
        std::vector<int> waiting;
    };

    // A task of kDetailPx or more is drawn as its own rectangle; below, it is summed per pixel.
    static constexpr double kDetailPx = 3.0;
    // Zooming in stops at 10 µs across the plot: a timer's resolution, far below any task.
    static constexpr double kMinSpanNs = 10'000.0;

    // Adds `run`'s loops as rows below the rows already there; the first of them. Tasks with no
    // timings (`run` without plan or timings, or not the same size) add rows without tasks.
    int addRun(const RunResult &run);
    int rowCount() const { return static_cast<int>(m_rows.size()); }
    // Row `row`'s tasks, sorted by resumed (never-resumed ones last).
    const std::vector<Task> &tasks(int row) const { return m_rows.at(std::size_t(row)).byResumed; }
    // The latest due or done time of any task: the end of the whole picture.
    std::int64_t endNs() const { return m_endNs; }

    // The plot's width in pixels; the view keeps its time range.
    void setWidth(double px);
    double width() const { return m_width; }
    // The visible time range, [startNs, startNs + spanNs).
    double startNs() const { return m_startNs; }
    double spanNs() const { return m_spanNs; }
    // Everything: 0 to endNs() with a 2 % margin.
    void reset();
    // `factor` > 1 zooms in, < 1 out, keeping the time under pixel `x` where it is (as far as
    // the limits allow: no wider than everything, no narrower than kMinSpanNs, never before 0 or
    // past the end).
    void zoomAt(double x, double factor);
    // Moves the picture `dx` pixels right (the view to earlier times), within 0 and the end.
    void panBy(double dx);

    double xOf(double ns) const { return (ns - m_startNs) * m_width / m_spanNs; }
    double timeAt(double x) const { return m_startNs + x * m_spanNs / m_width; }

    // Row `row` at the current view (width() columns): only the tasks that overlap it are
    // visited.
    RowPicture picture(int row) const;
    // The task of `row` whose CPU span is under pixel `x` (or within kDetailPx of it, the nearest);
    // its index into tasks(row).
    std::optional<std::uint32_t> taskAt(int row, double x) const;
    // How many tasks of `row` waited (were due, not yet resumed) at time `ns`.
    int waitingAt(int row, double ns) const;

private:
    struct Row
    {
        std::vector<Task> byResumed;
        std::vector<std::int64_t> doneMax;    // running max of doneNs over byResumed
        std::vector<std::uint32_t> byDue;     // indices into byResumed, by due
        std::vector<std::int64_t> resumedMax; // running max of resumedNs over byDue
    };
    void clampView();

    std::vector<Row> m_rows;
    std::int64_t m_endNs = 0;
    double m_width = 1;
    double m_startNs = 0;
    double m_spanNs = 1;
};
