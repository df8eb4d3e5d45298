// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// The window's word for a run's status or role: the name from core's table (runStatusName(),
// runRoleName()), translated in the context "ShownName". Reports, the store and the CLI keep the
// table's English words, which programs read. tst_translations checks that every name of those
// tables has a Portuguese word. Names a person types (kernels, shapes, transports, partitions)
// are shown as typed.
QString shownName(const QString &name);
