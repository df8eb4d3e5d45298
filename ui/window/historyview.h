// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class HistoryModel;
class QTableView;

// The session's runs as a table. Selecting two rows asks for them to be compared; the view
// only reports which rows, the window turns them into a Comparison.
class HistoryView : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryView(HistoryModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    // The model rows selected, ascending.
    QList<int> selectedRows() const;

signals:
    void rowSelected(int row);
    void compareRequested(int rowA, int rowB);

private:
    void onSelectionChanged();

    HistoryModel *m_model;
    QTableView *m_table;
};
