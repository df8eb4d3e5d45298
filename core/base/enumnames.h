// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <cstddef>
#include <optional>

// One table per enum maps its values to the names reports, the CLI and settings use, both ways:
// a name written in two places would drift apart.
template <typename E> struct EnumName
{
    E value;
    const char16_t *name;
};

// The name of `value`; empty if the table lacks it.
template <typename E, std::size_t N> QString nameOf(const EnumName<E> (&table)[N], E value)
{
    for (const EnumName<E> &entry : table) {
        if (entry.value == value)
            return QString::fromUtf16(entry.name);
    }
    return {};
}

// The value named `name`, ignoring case; nullopt if none is.
template <typename E, std::size_t N>
std::optional<E> valueOf(const EnumName<E> (&table)[N], QStringView name)
{
    for (const EnumName<E> &entry : table) {
        if (name.compare(QStringView(entry.name), Qt::CaseInsensitive) == 0)
            return entry.value;
    }
    return std::nullopt;
}

// Every name of the table in its order ("sum", "hash"): the choices a message or a help text
// lists, so that a new value is listed everywhere once it is in its table.
template <typename E, std::size_t N> QStringList namesOf(const EnumName<E> (&table)[N])
{
    QStringList names;
    for (const EnumName<E> &entry : table)
        names.append(QString::fromUtf16(entry.name));
    return names;
}
