// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
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
