// SPDX-License-Identifier: MIT
#include "core/store/storecolumn.h"

#include <cmath>
#include <limits>

QString columnTypeName(ColumnType type)
{
    switch (type) {
    case ColumnType::Integer:
        return QStringLiteral("INTEGER");
    case ColumnType::Real:
        return QStringLiteral("REAL");
    case ColumnType::Text:
        return QStringLiteral("TEXT");
    case ColumnType::Blob:
        return QStringLiteral("BLOB");
    }
    return {};
}

void ColumnWriter::real(double v)
{
    put(ColumnType::Real, std::isfinite(v) ? QVariant(v) : QVariant(QMetaType::fromType<double>()));
}

void ColumnWriter::text(const QString &v)
{
    put(ColumnType::Text, QVariant(v.isNull() ? QString(QLatin1String("")) : v));
}

void ColumnReader::real(double &v)
{
    v = m_value.isNull() ? std::numeric_limits<double>::quiet_NaN() : m_value.toDouble();
}
