// SPDX-License-Identifier: MIT
#include "ui/common/shownname.h"

#include <QCoreApplication>

namespace {

// For lupdate only: the names of kRunStatusNames and kRunRoleNames, so that they reach the .ts.
[[maybe_unused]] const char *const kNames[] = {
    QT_TRANSLATE_NOOP("ShownName", "completed"),
    QT_TRANSLATE_NOOP("ShownName", "cancelled"),
    QT_TRANSLATE_NOOP("ShownName", "failed"),
    QT_TRANSLATE_NOOP("ShownName", "one loop"),
    QT_TRANSLATE_NOOP("ShownName", "K loops"),
    QT_TRANSLATE_NOOP("ShownName", "compare · 1"),
    QT_TRANSLATE_NOOP("ShownName", "compare · K"),
    QT_TRANSLATE_NOOP("ShownName", "warm-up"),
    QT_TRANSLATE_NOOP("ShownName", "experiment"),
    QT_TRANSLATE_NOOP("ShownName", "cli"),
    QT_TRANSLATE_NOOP("ShownName", "imported"),
    // ExperimentKind's names (core/store/experimentkind.cpp).
    QT_TRANSLATE_NOOP("ShownName", "run"),
    QT_TRANSLATE_NOOP("ShownName", "compare"),
    QT_TRANSLATE_NOOP("ShownName", "repeat"),
    QT_TRANSLATE_NOOP("ShownName", "sweep"),
    QT_TRANSLATE_NOOP("ShownName", "runtimes"),
};

} // namespace

QString shownName(const QString &name)
{
    return QCoreApplication::translate("ShownName", name.toUtf8().constData());
}
