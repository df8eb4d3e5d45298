// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

#include <cstdint>

class HistoryModel;
class HistoryProxyModel;
class QAction;
class QComboBox;
class QLineEdit;
class QMenu;
class QSettings;
class QTableView;
struct HistoryFilter;

// The runs as a table, the runs of one experiment shaded alike, under a filter bar (text,
// experiment, runtime, transport, machine, busy; kept in the settings). Click a header to sort by
// its column. Selecting one row shows its experiment, two rows ask for them to be compared; the
// view only reports which rows (the model's, whatever the order shown), the window turns them into
// a Comparison. Columns keep the widths they were given (or the user set: kept in the settings
// with their order, sort and which are hidden; right-click the header to hide one), so they do
// not jump as rows arrive. Ctrl+C and the right-click menu copy the selected rows as
// tab-separated text with a header line, which a spreadsheet takes as it is. The right-click menu
// also loads a run's or an experiment's configuration into the form, runs it again, and deletes
// it; others add their own row actions with addRowAction().
class HistoryView : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryView(HistoryModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    HistoryProxyModel *proxy() const { return m_proxy; }
    // The width the view needs to show every visible column up to and including `column` (in
    // the order they are shown), with its frame and vertical scroll bar.
    int widthThrough(int column) const;
    // The model rows selected, ascending.
    QList<int> selectedRows() const;
    // The model row selected alone, or -1.
    int currentRow() const;
    // Selects these model rows (those the filter shows), and nothing else.
    void selectRows(const QList<int> &rows);
    // Selects the row of stored run `runId` alone and scrolls to it; false when no row shown
    // has it.
    bool selectRun(std::int64_t runId);
    QAction *copyRowsAction() const { return m_copyRows; }
    // Right-click on a run: its timeline (timelineRequested()).
    QAction *showTimelineAction() const { return m_showTimeline; }
    // The row actions, for the window's History menu: load into the form, run again, delete, for
    // the selected run and for its experiment; then those added.
    QList<QAction *> rowActions() const;
    // Adds an action to the rows' right-click menu and to rowActions(); it acts on currentRow()
    // and is enabled with a single selected row.
    void addRowAction(QAction *action);
    // The rows (model rows, in that order) as copied: the visible columns in their shown order,
    // a header line first, one line per row, cells parted by tabs.
    QString rowsAsText(const QList<int> &rows) const;
    // Copies the selected rows to the clipboard; the number copied.
    int copySelectedRows();

    void setFilter(const HistoryFilter &filter);

    void saveLayout(QSettings &settings) const;
    void restoreLayout(const QSettings &settings);

signals:
    void rowSelected(int row);
    // The stored run selected alone (0: none, several, or one not stored).
    void runSelected(std::int64_t runId);
    void compareRequested(int rowA, int rowB);
    // The timeline of the run in model row `row`.
    void timelineRequested(int row);
    // Load the configuration of model row `row` into the form (its experiment's when
    // `wholeExperiment`); `start`: then run it.
    void configurationRequested(int row, bool wholeExperiment, bool start);
    // Delete the run of model row `row`, or its whole experiment.
    void deleteRequested(int row, bool wholeExperiment);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildFilterBar();
    void refreshChoices();
    void applyFilter();
    void showFilter(const HistoryFilter &filter);
    void onSelectionChanged();
    void updateRowActions();
    void showHeaderMenu(const QPoint &pos);
    void setDefaultWidths();
    void followNewRows();

    HistoryModel *m_model;
    HistoryProxyModel *m_proxy;
    QTableView *m_table;
    QAction *m_copyRows;
    QAction *m_showTimeline;
    QLineEdit *m_filterText = nullptr;
    QComboBox *m_experiment = nullptr;
    QComboBox *m_runtime = nullptr;
    QComboBox *m_transport = nullptr;
    QComboBox *m_machine = nullptr;
    QComboBox *m_busy = nullptr;
    QAction *m_loadRun;
    QAction *m_loadExperiment;
    QAction *m_runAgain;
    QAction *m_runExperimentAgain;
    QAction *m_deleteRun;
    QAction *m_deleteExperiment;
    QList<QAction *> m_extraActions;
    bool m_showingFilter = false;
};
