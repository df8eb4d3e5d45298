// SPDX-License-Identifier: MIT
#pragma once

#include "core/load/loadseries.h"
#include "ui/charts/timelinegeometry.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <optional>

struct RunResult;

// Runs' timelines, one row per loop, on one time axis (TimelineGeometry): each task's lag (due to
// resumed) as the number of tasks waiting in the row's upper lane, its CPU work (resumed to done)
// in the lower lane. Ctrl+wheel or a pinch zooms time at the cursor, dragging or the wheel pans,
// a double click or Home shows everything; the row labels stay where they are. Hovering a task
// names it (id, due, lag, CPU time) and marks its lag. Under each run's loops, one strip per core
// shows how busy it was (the run's load samples): where one loop computes, the other core idles.
class TimelineView : public QWidget
{
    Q_OBJECT
public:
    // One run's rows under its heading.
    struct Heading
    {
        QString title;
        int firstRow = 0;
        int rows = 0;
        LoadSeries load; // every core's busy share, sampled while the run ran
    };
    // What the view draws, as a value: laid out on any thread (sorting 100,000 tasks a run takes
    // tens of milliseconds), then shown with setPicture().
    struct Picture
    {
        TimelineGeometry geometry;
        QList<Heading> headings;
        // Adds `run`'s loops under the heading `title`; `run` must have its plan and timings.
        void addRun(const RunResult &run, const QString &title);
    };

    explicit TimelineView(QWidget *parent = nullptr);
    // Replaces what the view shows, everything in view.
    void setPicture(Picture picture);

    // Adds `run`'s loops below the runs added before, under the heading `title`. `run` must have
    // its plan and timings.
    void addRun(const RunResult &run, const QString &title);
    const TimelineGeometry &geometry() const { return m_geometry; }
    // Everything in view again.
    void resetView();
    // TimelineGeometry::zoomAt() and panBy() at widget-independent plot x, then a repaint.
    void zoomAt(double x, double factor);
    void panBy(double dx);
    // Pixels from the widget's left edge to the plot's (the row labels' column).
    int plotLeft() const;
    // The row at widget y, or -1.
    int rowAt(int y) const;
    // The hover text for the task under widget point `pos`; empty where there is none.
    QString taskText(const QPoint &pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    int coreStripHeight() const;
    // The y of row `row`'s top, and the rows' height, for the current size.
    int rowTop(int row) const;
    int rowHeight() const;
    int headingHeight() const;
    int axisHeight() const;
    void paintAxis(class QPainter &p, int top) const;

    TimelineGeometry m_geometry;
    QList<Heading> m_groups;
    std::optional<QPointF> m_dragFrom;
    int m_hoverRow = -1;
    std::optional<std::uint32_t> m_hoverTask;
};
