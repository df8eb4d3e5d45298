// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QTest>

// One data row whose columns are all QString: textRow("name", "a", "b") is
// QTest::newRow("name") << QString("a") << QString("b"), on one line instead of one per column.
template <typename... Texts> void textRow(const char *name, const Texts &...texts)
{
    (QTest::newRow(name) << ... << QString::fromUtf8(texts));
}
