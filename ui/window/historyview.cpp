// SPDX-License-Identifier: MIT
#include "ui/window/historyview.h"

#include "ui/models/historymodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QTableView>

#include <QVBoxLayout>
#include <algorithm>

HistoryView::HistoryView(HistoryModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_table(new QTableView)
{
    m_table->setModel(model);
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setToolTip(tr("Every run of this session. Select two rows (Shift+Up/Down or "
                           "Ctrl+click) to compare them in the chart."));

    auto *caption = new QLabel(tr("&History (select two rows to compare)"));
    caption->setBuddy(m_table);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(caption);
    layout->addWidget(m_table);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryView::onSelectionChanged);
    // Follow new runs as they arrive; columns fit their contents but stay user-resizable.
    connect(model, &QAbstractItemModel::rowsInserted, m_table, [this] {
        m_table->resizeColumnsToContents();
        m_table->scrollToBottom();
    });
    connect(model, &QAbstractItemModel::modelReset, m_table, [this] {
        m_table->resizeColumnsToContents();
        m_table->scrollToBottom();
    });
    m_table->resizeColumnsToContents();
}

QList<int> HistoryView::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

void HistoryView::onSelectionChanged()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.size() == 1)
        emit rowSelected(rows[0].row());
    else if (rows.size() == 2)
        emit compareRequested(rows[0].row(), rows[1].row());
}
