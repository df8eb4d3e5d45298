// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

// File names as the kernel sees them: bytes, in no particular encoding. Qt 6 on Linux decodes
// every file name as UTF-8 (QFile::decodeName is QString::fromLocal8Bit, which is UTF-8 there,
// whatever the locale) and turns each byte that is not UTF-8 into U+FFFD, so a Latin-1 name such
// as "r\xe9sultat.json" would be written as "r\xef\xbf\xbdsultat.json". These two functions
// round-trip any byte string instead, as Python's "surrogateescape" does: valid UTF-8 decodes as
// usual, and every other byte b becomes the lone surrogate U+DC00 + b, which no valid UTF-8 can
// produce; encoding turns it back into b. A file is opened with encodeNativePath() of such a
// name, never through QFile's own encoding.
QString decodeNativePath(QByteArrayView bytes);
QByteArray encodeNativePath(QStringView path);
// True when `path` holds an escaped byte, i.e. QFile cannot open it under its own name.
bool hasEscapedBytes(QStringView path);
// `path` made absolute against the working folder and cleaned ("a/../b" is "b"), without the
// file system's help: QFileInfo re-encodes a name as UTF-8 and loses the escaped bytes.
QString absoluteNativePath(const QString &path);
// The folder part of `path` as spelled ("." for a bare name, "/" for a file at the root).
QString folderOfPath(const QString &path);
