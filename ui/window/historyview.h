// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

#include <cstdint>

class HistoryModel;
class QAction;
class QSettings;
class QTableView;

// The runs as a table, the runs of one experiment shaded alike. Selecting one row shows its
// experiment, two rows ask for them to be compared; the view only reports which rows, the window
// turns them into a Comparison. Columns keep the widths they were given (or the user set: kept in
// the settings with their order and which are hidden; right-click the header to hide one), so they
// do not jump as rows arrive. Ctrl+C and the right-click menu copy the selected rows as
// tab-separated text with a header line, which a spreadsheet takes as it is.
class HistoryView : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryView(HistoryModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    // The width the view needs to show every visible column up to and including `column` (in
    // the order they are shown), with its frame and vertical scroll bar.
    int widthThrough(int column) const;
    // The model rows selected, ascending.
    QList<int> selectedRows() const;
    // Selects the row of stored run `runId` alone and scrolls to it; false when no row shown
    // has it.
    bool selectRun(std::int64_t runId);
    QAction *copyRowsAction() const { return m_copyRows; }
    // Right-click on a run: its timeline (timelineRequested()).
    QAction *showTimelineAction() const { return m_showTimeline; }
    // The rows (model rows, in that order) as copied: the visible columns in their shown order,
    // a header line first, one line per row, cells parted by tabs.
    QString rowsAsText(const QList<int> &rows) const;
    // Copies the selected rows to the clipboard; the number copied.
    int copySelectedRows();

    void saveLayout(QSettings &settings) const;
    void restoreLayout(const QSettings &settings);

signals:
    void rowSelected(int row);
    // The stored run selected alone (0: none, several, or one not stored).
    void runSelected(std::int64_t runId);
    void compareRequested(int rowA, int rowB);
    // The timeline of the run in model row `row`.
    void timelineRequested(int row);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onSelectionChanged();
    void showHeaderMenu(const QPoint &pos);
    void setDefaultWidths();

    HistoryModel *m_model;
    QTableView *m_table;
    QAction *m_copyRows;
    QAction *m_showTimeline;
};
