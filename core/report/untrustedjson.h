// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QString>

#include <optional>

// JSON from a file this program did not write, or that was damaged on the way (a report mailed
// in, cut short by a full disk, edited by hand): read within limits, so that no input can make the
// reader exhaust memory or stack, and refused with a sentence a person can act on ("truncated
// after 812 bytes", "not JSON: unterminated string at offset 812") instead of Qt's bare codes.
// Messages do not name the file: the caller puts its name in front.
class UntrustedJson
{
public:
    // A report of 1,000 runs on 8 loops takes about 4 MB; 64 MB is far beyond any real one.
    static constexpr qint64 kMaxBytes = 64LL * 1024 * 1024;
    // Qt holds about 16 bytes per parsed value: 64 MB of "0,0,0,..." would take 600 MB and
    // seconds to parse. A report of 1,000 runs on 8 loops has about 100,000 values, and even a
    // compact 64 MB report fewer than 8 million; more is refused before parsing.
    static constexpr qint64 kMaxValues = 8'000'000;
    // A report nests 5 levels (statistics > configs > one config > wall_ms); anything much deeper
    // is not one. Checked before Qt parses, whose own limit (1,024) is a recursion guard.
    static constexpr int kMaxDepth = 32;

    // The document in `bytes`, or nullopt with *error set. Refuses more than kMaxBytes, deeper
    // nesting than kMaxDepth, more values than kMaxValues, an empty or blank text.
    static std::optional<QJsonDocument> parse(const QByteArray &bytes, QString *error);
    // Reads `path`, a regular file (a FIFO, a device, a folder or a socket is refused saying
    // which, without blocking on a FIFO that no one writes), never more than kMaxBytes + 1 bytes
    // of it, and parses them. Errors: the system's reason ("No such file or directory"), the
    // kind of file, the size, or parse()'s.
    static std::optional<QJsonDocument> readFile(const QString &path, QString *error);

    // "more than the 64 MB a report may have (100,000,000 bytes)": the size refusal's wording;
    // without the size when it is not known (a stream stops being read at the limit).
    static QString tooLarge(qint64 bytes);
};
