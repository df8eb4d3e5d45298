// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <optional>

// Writes a whole report or nothing: one file of a set (writeReportSet()). "-" writes to standard
// output. On failure returns false and sets `error` to a message naming the path and the reason.
bool writeReport(const QString &path, const QByteArray &bytes, QString *error);

// One file of a report set: where it goes and its whole content.
struct ReportFile
{
    QString path;
    QByteArray bytes;
    // The option that asked for it ("--csv"): errors about this file start with it. Empty in
    // the GUI, whose errors name the path only.
    QString option;
    // The file's folder belongs to the set (a CSV folder, the GUI's export folder): created when
    // missing and removed again when the set fails, and locked while the set is written so that
    // two LoopBench processes never mix their files in it.
    bool ownFolder = false;
};

// The standard stream (1 or 2) that `path` names, or -1: "-" is standard output, and so is any
// path to the file open as fd 1 (/dev/stdout, /proc/self/fd/1, the log that stdout is appended
// to). Such a target is written as a stream, never renamed over.
int reportStream(const QString &path);

// The file a write to `path` replaces, resolved as writeReportSet() resolves it (relative to the
// working folder, symlinks followed); empty for a stream (reportStream()). Compare it by identity
// (stat) with a file that must not be written over.
QString reportTargetPath(const QString &path);

// What can be checked before anything is written (and, by the CLI, before the run): two files of
// the set that are one file (compared after `./`, `..` and symlinks are resolved), a target that
// is a folder or a device, a folder that is missing or cannot be created. Returns the error, in
// the same words writeReportSet() would use.
std::optional<QString> checkReportSet(const QList<ReportFile> &files);

// Writes a set of reports whole or not at all, like the shell would write each (`> path`):
// through a symlink to the file it points to, keeping the link, and to the process's own
// standard output or error as a stream. Every file goes to a temporary file beside its target
// first; only when all are written (and the streams written) are they renamed into place, so a
// failure, a full disk (free space is checked per file system first) or a cancel (checked
// before each file) leaves every file that existed before byte for byte as it was and removes
// the folders the set created. `written` receives the paths on success.
bool writeReportSet(const QList<ReportFile> &files, const std::atomic<bool> *cancel,
                    QStringList *written, QString *error);
