// SPDX-License-Identifier: MIT
#include "ui/models/historyproxymodel.h"

#include "ui/models/historymodel.h"

#include <QDateTime>

#include <cmath>

HistoryProxyModel::HistoryProxyModel(HistoryModel *history, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_history(history)
{
    setSourceModel(history);
    setSortRole(HistoryModel::SortRole);
    setDynamicSortFilter(true);
}

void HistoryProxyModel::setFilter(const HistoryFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateRowsFilter();
}

bool HistoryProxyModel::isMissing(const QVariant &key)
{
    if (!key.isValid() || key.isNull())
        return true;
    if (key.typeId() == QMetaType::Double)
        return !std::isfinite(key.toDouble());
    if (key.typeId() == QMetaType::QDateTime)
        return !key.toDateTime().isValid();
    return false;
}

bool HistoryProxyModel::keyLess(const QVariant &a, const QVariant &b)
{
    if (isMissing(a) || isMissing(b))
        return false;
    switch (a.typeId()) {
    case QMetaType::QDateTime:
        return a.toDateTime() < b.toDateTime();
    case QMetaType::QString:
        return QString::localeAwareCompare(a.toString(), b.toString()) < 0;
    case QMetaType::ULongLong:
        return a.toULongLong() < b.toULongLong();
    case QMetaType::LongLong:
    case QMetaType::Int:
        return a.toLongLong() < b.toLongLong();
    default:
        return a.toDouble() < b.toDouble();
    }
}

bool HistoryProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    const bool missingA = isMissing(a);
    const bool missingB = isMissing(b);
    // Missing values last whichever way the column is sorted: the view reverses descending.
    if (missingA != missingB)
        return (sortOrder() == Qt::AscendingOrder) ? missingB : missingA;
    if (!missingA) {
        if (keyLess(a, b))
            return true;
        if (keyLess(b, a))
            return false;
    }
    // Equal keys keep the order the runs were made, in either direction.
    return (sortOrder() == Qt::AscendingOrder) == (left.row() < right.row());
}

bool HistoryProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    if (m_filter.isEmpty())
        return true;
    QStringList cells;
    if (!m_filter.text.isEmpty()) {
        for (int c = 0; c < m_history->columnCount(); ++c)
            cells.append(m_history->index(sourceRow, c).data().toString());
    }
    return m_filter.accepts(m_history->entry(sourceRow), cells);
}
