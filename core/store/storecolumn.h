// SPDX-License-Identifier: MIT
#pragma once

#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QVariant>

#include <concepts>
#include <cstdint>
#include <optional>
#include <span>
#include <type_traits>

// One column of a store table, named once beside the one expression that reaches its field: the
// INSERT, the SELECT and the read of a row are generated from a table of these, with named binds
// (":wall_ms"), so no list of values can fall out of step with a list of names.
//
// A row of a table is written as one generic lambda that names its field once and says how it
// is kept, e.g. `[](auto &io, auto &run) { io.real(run.result.wallMs); }`. The same lambda
// writes the field (with a ColumnWriter and a const row) and reads it back (with a ColumnReader
// and a row to fill), so a column cannot write one field and read another; its SQL type is the
// one its codec writes (real: REAL, NULL for a missing number).
//
// How to add a column: storetables.h.
enum class ColumnType { Integer, Real, Text, Blob };
// "INTEGER", "REAL", "TEXT", "BLOB": as SQLite's table_info reports a declared type.
QString columnTypeName(ColumnType type);

// A field going into its column: value() is what is bound.
class ColumnWriter
{
public:
    template <std::integral T> void integer(const T &v)
    {
        put(ColumnType::Integer, QVariant(static_cast<qlonglong>(v)));
    }
    void flag(bool v) { put(ColumnType::Integer, QVariant(v ? 1 : 0)); }
    // SQLite stores NaN as NULL; a missing number reads back as NaN, never as 0.
    void real(double v);
    // A QString that was never set binds as "", not NULL.
    void text(const QString &v);
    // An enum as its name (runStatusName()).
    template <typename E>
    void name(const E &v, QString (*toName)(std::type_identity_t<E>),
              std::optional<std::type_identity_t<E>> (*)(QStringView), std::type_identity_t<E>)
    {
        text(toName(v));
    }
    // Anything else: its own encoding (NULL allowed).
    template <typename T>
    void value(const T &v, ColumnType type, QVariant (*encode)(const std::type_identity_t<T> &),
               std::type_identity_t<T> (*)(const QVariant &))
    {
        put(type, encode(v));
    }

    ColumnType type() const { return m_type; }
    const QVariant &value() const { return m_value; }

private:
    void put(ColumnType type, QVariant value)
    {
        m_type = type;
        m_value = std::move(value);
    }
    ColumnType m_type = ColumnType::Text;
    QVariant m_value;
};

// A column's value coming back into its field.
class ColumnReader
{
public:
    explicit ColumnReader(QVariant value)
        : m_value(std::move(value))
    {}
    template <std::integral T> void integer(T &v) { v = static_cast<T>(m_value.toLongLong()); }
    void flag(bool &v) { v = m_value.toBool(); }
    void real(double &v);
    void text(QString &v) { v = m_value.toString(); }
    // A name this build does not know (a newer build's, a hand edit) reads as `fallback`.
    template <typename E>
    void name(E &v, QString (*)(std::type_identity_t<E>),
              std::optional<std::type_identity_t<E>> (*fromName)(QStringView),
              std::type_identity_t<E> fallback)
    {
        v = fromName(m_value.toString()).value_or(fallback);
    }
    template <typename T>
    void value(T &v, ColumnType, QVariant (*)(const std::type_identity_t<T> &),
               std::type_identity_t<T> (*decode)(const QVariant &))
    {
        v = decode(m_value);
    }

private:
    QVariant m_value;
};

template <typename Row> struct StoreColumn
{
    const char *name;
    ColumnType type;
    // Bound as :name on insert; nullptr when the column is generated (id) or copied.
    void (*write)(ColumnWriter &, const Row &) = nullptr;
    // Read back into the row; nullptr for a column kept for people reading the file only.
    void (*read)(ColumnReader &, Row &) = nullptr;
    // An expression over the experiment row the run belongs to, when the column is copied from
    // it on insert ("workload"): one copy, and a run cannot disagree with its experiment.
    const char *copiedFrom = nullptr;
};

// A column written and read back through `Field`, a captureless generic lambda
// `[](auto &io, auto &row) { io.real(row.field); }`.
template <typename Row, typename Field> StoreColumn<Row> column(const char *name, Field)
{
    StoreColumn<Row> c{name, ColumnType::Text};
    c.write = [](ColumnWriter &io, const Row &row) { Field{}(io, row); };
    c.read = [](ColumnReader &io, Row &row) { Field{}(io, row); };
    ColumnWriter probe;
    c.write(probe, Row{});
    c.type = probe.type();
    return c;
}

// A column that is written only: derived from other fields, for people and SQL reading the file.
template <typename Row>
StoreColumn<Row> derivedColumn(const char *name, void (*write)(ColumnWriter &, const Row &))
{
    StoreColumn<Row> c{name, ColumnType::Text, write};
    ColumnWriter probe;
    write(probe, Row{});
    c.type = probe.type();
    return c;
}

namespace StoreColumns {

// "a, b, c" of the columns that `which` selects, in the table's order.
template <typename Row, typename Pred>
QStringList names(std::span<const StoreColumn<Row>> columns, Pred which)
{
    QStringList out;
    for (const StoreColumn<Row> &c : columns)
        if (which(c))
            out.append(QLatin1String(c.name));
    return out;
}

// INSERT INTO `table` of every written or copied column, then of `more` (columns the caller
// binds itself). Written columns bind as :name; with `from` (an experiment row: "experiments
// WHERE id = :experiment"), copied ones are its columns.
template <typename Row>
QString insertSql(const QString &table, std::span<const StoreColumn<Row>> columns,
                  const QString &from = {}, const QStringList &more = {})
{
    QStringList names;
    QStringList values;
    for (const StoreColumn<Row> &c : columns) {
        if (!c.write && !c.copiedFrom)
            continue;
        names.append(QLatin1String(c.name));
        values.append(c.write ? QLatin1Char(':') + QLatin1String(c.name)
                              : QLatin1String(c.copiedFrom));
    }
    for (const QString &name : more) {
        names.append(name);
        values.append(QLatin1Char(':') + name);
    }
    const QString list = values.join(QStringLiteral(", "));
    return QStringLiteral("INSERT INTO %1 (%2) %3")
        .arg(table, names.join(QStringLiteral(", ")),
             from.isEmpty() ? QStringLiteral("VALUES (%1)").arg(list)
                            : QStringLiteral("SELECT %1 FROM %2").arg(list, from));
}

// Binds every written column of `row` by name into a query prepared from insertSql().
template <typename Row>
void bind(QSqlQuery &q, std::span<const StoreColumn<Row>> columns, const Row &row)
{
    for (const StoreColumn<Row> &c : columns) {
        if (!c.write)
            continue;
        ColumnWriter io;
        c.write(io, row);
        q.bindValue(QLatin1Char(':') + QLatin1String(c.name), io.value());
    }
}

// The columns read back, for a SELECT, in the order read() takes them.
template <typename Row> QStringList selected(std::span<const StoreColumn<Row>> columns)
{
    return names(columns, [](const StoreColumn<Row> &c) { return c.read != nullptr; });
}

// Reads the selected() columns from the query's values at `first`, `first` + 1, ...
template <typename Row>
void read(const QSqlQuery &q, int first, std::span<const StoreColumn<Row>> columns, Row &row)
{
    for (const StoreColumn<Row> &c : columns) {
        if (!c.read)
            continue;
        ColumnReader io(q.value(first++));
        c.read(io, row);
    }
}

} // namespace StoreColumns
