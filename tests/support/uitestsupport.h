// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QSettings>
#include <QTemporaryDir>

// GUI tests must not read or overwrite the user's saved config and layout: every test binary
// keeps its QSettings in a temporary directory of its own.
inline void isolateSettings(QTemporaryDir &dir)
{
    QCoreApplication::setOrganizationName(QStringLiteral("LoopBenchTests"));
    QCoreApplication::setApplicationName(QStringLiteral("LoopBenchTests"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
}
