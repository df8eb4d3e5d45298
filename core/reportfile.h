#pragma once

#include <QByteArray>
#include <QString>

// Writes a whole report or nothing: through QSaveFile, so an unwritable path or a full disk leaves
// no partial file behind. "-" writes to standard output. On failure returns false and sets `error`
// to a message naming the path and the reason.
bool writeReport(const QString &path, const QByteArray &bytes, QString *error);
