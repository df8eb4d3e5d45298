// SPDX-License-Identifier: MIT
#pragma once

// A folder before and after a command, to prove what it touched and what it left: every entry,
// hidden ones too (a temporary left behind shows), with its content.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QString>
#include <QTest>

namespace foldersnapshot {

inline void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// Entry name to content: a file's bytes, "link to <target>" for a symbolic link (not followed),
// and for a folder ("name/") the names of its own entries, one a line, depth first. Anything
// else (a FIFO, a socket) is named by its kind and never opened, so a snapshot cannot block.
inline QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> entries;
    for (const QFileInfo &info : QDir(dir).entryInfoList(QDir::AllEntries | QDir::Hidden |
                                                         QDir::System | QDir::NoDotAndDotDot)) {
        if (info.isSymLink()) {
            entries.insert(info.fileName(), "link to " + info.symLinkTarget().toUtf8());
        } else if (info.isDir()) {
            QByteArray names;
            const QMap<QString, QByteArray> inside = snapshot(info.filePath());
            for (auto it = inside.cbegin(); it != inside.cend(); ++it)
                names += it.key().toUtf8() + '\n';
            entries.insert(info.fileName() + QLatin1Char('/'), names);
        } else if (!info.isFile()) {
            entries.insert(info.fileName(), "<not a regular file>");
        } else {
            QFile f(info.filePath());
            entries.insert(info.fileName(),
                           f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>"));
        }
    }
    return entries;
}

} // namespace foldersnapshot
