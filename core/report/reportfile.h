// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>

// Writes a whole report or nothing: through QSaveFile, so an unwritable path or a full disk leaves
// no partial file behind. "-" writes to standard output. On failure returns false and sets `error`
// to a message naming the path and the reason.
bool writeReport(const QString &path, const QByteArray &bytes, QString *error);

// One file of a report set: where it goes and its whole content.
struct ReportFile
{
    QString path;
    QByteArray bytes;
};

// Writes a set of reports whole or not at all: free space is checked against the set's total
// first, every file goes through writeReport(), and on a failure or a cancel (checked before each
// file) the files this call already wrote are removed again, so a full disk or a Cancel never
// leaves a set that looks complete but is not. `written` receives the paths on success.
bool writeReportSet(const QList<ReportFile> &files, const std::atomic<bool> *cancel,
                    QStringList *written, QString *error);
