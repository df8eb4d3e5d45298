// SPDX-License-Identifier: MIT
#include "core/report/untrustedjson.h"

#include "core/base/wholenumber.h"

#include <QFile>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

std::optional<QJsonDocument> fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// What a lexical pass sees of the text, without building anything: how deep it nests, whether it
// ends inside a string, array or object (the mark of a file cut short), and where its last token
// starts, to tell a cut from a mistake that happens to come before the end.
struct Shape
{
    qsizetype tooDeepAt = -1; // offset of the bracket that opens level kMaxDepth + 1
    bool tooManyValues = false;
    bool open = false;
    qsizetype lastToken = 0;
    bool blank = true;
};

Shape shapeOf(const QByteArray &bytes)
{
    Shape shape;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    bool inWord = false; // a number or literal: its first byte starts the token
    // Every value but the first follows a ',' or opens a container: counting those counts values
    // closely enough to bound them.
    qint64 values = 1;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (isSpace(c)) {
            inWord = false;
            continue;
        }
        shape.blank = false;
        const bool word =
            c != '"' && c != '[' && c != '{' && c != ']' && c != '}' && c != ',' && c != ':';
        if (!word || !inWord)
            shape.lastToken = i;
        inWord = word;
        if ((c == ',' || c == '[' || c == '{') && ++values > UntrustedJson::kMaxValues) {
            shape.tooManyValues = true;
            return shape;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > UntrustedJson::kMaxDepth) {
                shape.tooDeepAt = i;
                return shape;
            }
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    shape.open = inString || depth > 0;
    return shape;
}

} // namespace

QString UntrustedJson::tooLarge(qint64 bytes)
{
    const QString limit =
        QStringLiteral("more than the %1 MB a report may have").arg(kMaxBytes / (1024 * 1024));
    return bytes > kMaxBytes
               ? limit + QStringLiteral(" (%1 bytes)").arg(WholeNumber::group(std::uint64_t(bytes)))
               : limit;
}

std::optional<QJsonDocument> UntrustedJson::parse(const QByteArray &bytes, QString *error)
{
    if (bytes.size() > kMaxBytes)
        return fail(error, tooLarge(bytes.size()));
    const Shape shape = shapeOf(bytes);
    if (shape.blank)
        return fail(error, bytes.isEmpty() ? QStringLiteral("empty file")
                                           : QStringLiteral("no JSON in it, only white space"));
    if (shape.tooDeepAt >= 0) {
        return fail(error, QStringLiteral("not a LoopBench report: JSON nested deeper than %1 "
                                          "levels at offset %2")
                               .arg(kMaxDepth)
                               .arg(shape.tooDeepAt));
    }
    if (shape.tooManyValues) {
        return fail(error, QStringLiteral("not a LoopBench report: more than %1 JSON values")
                               .arg(WholeNumber::group(std::uint64_t(kMaxValues))));
    }
    QJsonParseError parseError;
    QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error == QJsonParseError::NoError)
        return doc;
    // Qt reports a cut-off text at the last token or just past it, depending on what was cut;
    // an error before the last token is a mistake in the text, whatever its end looks like.
    if (shape.open && parseError.offset >= shape.lastToken) {
        return fail(error, QStringLiteral("truncated: the JSON stops after %1 bytes, inside an "
                                          "unfinished value")
                               .arg(WholeNumber::group(std::uint64_t(bytes.size()))));
    }
    return fail(error, QStringLiteral("not JSON: %1 at offset %2")
                           .arg(parseError.errorString())
                           .arg(parseError.offset));
}

std::optional<QJsonDocument> UntrustedJson::readFile(const QString &path, QString *error)
{
    // Non-blocking: opening a FIFO that no one writes would otherwise wait for ever. Only a
    // regular file is read: a pipe or device has no end a report can be trusted to reach.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st
    {};
    if (fd < 0) {
        const int why = errno;
        // A socket cannot be opened at all (ENXIO, "No such device or address"): say what it is.
        if (::stat(QFile::encodeName(path).constData(), &st) == 0 && S_ISSOCK(st.st_mode))
            return fail(error, QStringLiteral("is a socket, not a report file: only regular "
                                              "files are read"));
        return fail(error, qt_error_string(why));
    }
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        const int why = errno;
        ::close(fd);
        if (S_ISDIR(st.st_mode))
            return fail(error, QStringLiteral("is a folder, not a report file"));
        if (S_ISFIFO(st.st_mode))
            return fail(error, QStringLiteral("is a pipe (FIFO), not a report file: only regular "
                                              "files are read (save the report to a file first)"));
        if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
            return fail(error, QStringLiteral("is a device, not a report file: only regular "
                                              "files are read"));
        if (S_ISSOCK(st.st_mode))
            return fail(error, QStringLiteral("is a socket, not a report file: only regular "
                                              "files are read"));
        return fail(error, qt_error_string(why));
    }
    // A regular file says its size up front: refused unread.
    if (st.st_size > kMaxBytes) {
        ::close(fd);
        return fail(error, tooLarge(st.st_size));
    }
    QFile file;
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return fail(error, file.errorString());
    }
    // Read to the end, never past one byte over the limit: the file may grow while it is read.
    QByteArray bytes;
    constexpr qint64 kChunk = 1 << 20;
    while (bytes.size() <= kMaxBytes) {
        const QByteArray chunk = file.read(std::min(kChunk, kMaxBytes + 1 - bytes.size()));
        if (chunk.isEmpty())
            break;
        bytes += chunk;
    }
    if (file.error() != QFileDevice::NoError)
        return fail(error, file.errorString());
    if (bytes.size() > kMaxBytes)
        return fail(error, tooLarge(-1));
    return parse(bytes, error);
}
