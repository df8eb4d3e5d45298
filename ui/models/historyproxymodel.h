// SPDX-License-Identifier: MIT
#pragma once

#include "ui/models/historyfilter.h"

#include <QSortFilterProxyModel>

class HistoryModel;

// The history as the table shows it: sorted by any column, by the value behind the cell
// (HistoryModel::SortRole: numbers by value, times by time, text by the locale), a missing value
// (NaN, none) after every value in either order, ties in the order the runs were made; and
// filtered by a HistoryFilter.
class HistoryProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit HistoryProxyModel(HistoryModel *history, QObject *parent = nullptr);

    HistoryModel *history() const { return m_history; }
    void setFilter(const HistoryFilter &filter);
    const HistoryFilter &filter() const { return m_filter; }

    // The order of two sort keys; missing ones (invalid, NaN) compare as neither before nor
    // after, and are placed last by lessThan().
    static bool keyLess(const QVariant &a, const QVariant &b);
    static bool isMissing(const QVariant &key);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    HistoryModel *m_history;
    HistoryFilter m_filter;
};
