// SPDX-License-Identifier: MIT
#include "core/base/nativepath.h"

#include <QDir>

#include <climits>
#include <cstring>
#include <unistd.h>

namespace {

constexpr char16_t kEscapeBase = 0xDC00;

bool isEscapedByte(QChar c)
{
    return c.unicode() >= kEscapeBase + 0x80 && c.unicode() <= kEscapeBase + 0xFF;
}

// Length of the valid UTF-8 sequence at `i`, or 0 when the byte there starts none (overlong
// forms, surrogates and values above U+10FFFF are not valid).
qsizetype utf8Length(QByteArrayView bytes, qsizetype i)
{
    const auto b = [&](qsizetype k) { return static_cast<unsigned char>(bytes[k]); };
    const unsigned char lead = b(i);
    if (lead < 0x80)
        return 1;
    qsizetype n = 0;
    unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        n = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        n = 3;
        if (lead == 0xE0)
            lo = 0xA0; // overlong
        if (lead == 0xED)
            hi = 0x9F; // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        n = 4;
        if (lead == 0xF0)
            lo = 0x90; // overlong
        if (lead == 0xF4)
            hi = 0x8F; // above U+10FFFF
    } else {
        return 0;
    }
    if (i + n > bytes.size() || b(i + 1) < lo || b(i + 1) > hi)
        return 0;
    for (qsizetype k = 2; k < n; ++k) {
        if (b(i + k) < 0x80 || b(i + k) > 0xBF)
            return 0;
    }
    return n;
}

} // namespace

QString decodeNativePath(QByteArrayView bytes)
{
    QString out;
    out.reserve(bytes.size());
    qsizetype runStart = 0; // start of the valid UTF-8 not yet appended
    qsizetype i = 0;
    while (i < bytes.size()) {
        const qsizetype n = utf8Length(bytes, i);
        if (n > 0) {
            i += n;
            continue;
        }
        out += QString::fromUtf8(bytes.sliced(runStart, i - runStart));
        out += QChar(static_cast<char16_t>(kEscapeBase + static_cast<unsigned char>(bytes[i])));
        runStart = ++i;
    }
    out += QString::fromUtf8(bytes.sliced(runStart));
    return out;
}

QByteArray encodeNativePath(QStringView path)
{
    QByteArray out;
    out.reserve(path.size());
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < path.size(); ++i) {
        if (!isEscapedByte(path[i]))
            continue;
        out += path.sliced(runStart, i - runStart).toUtf8();
        out += static_cast<char>(path[i].unicode() - kEscapeBase);
        runStart = i + 1;
    }
    out += path.sliced(runStart).toUtf8();
    return out;
}

bool hasEscapedBytes(QStringView path)
{
    for (const QChar c : path) {
        if (isEscapedByte(c))
            return true;
    }
    return false;
}

QString absoluteNativePath(const QString &path)
{
    if (path.startsWith(QLatin1Char('/')))
        return QDir::cleanPath(path);
    QByteArray cwd(PATH_MAX, '\0');
    if (!::getcwd(cwd.data(), static_cast<std::size_t>(cwd.size())))
        return QDir::cleanPath(path); // the working folder is gone: relative is all there is
    cwd.truncate(static_cast<qsizetype>(std::strlen(cwd.constData())));
    return QDir::cleanPath(decodeNativePath(cwd) + QLatin1Char('/') + path);
}

QString folderOfPath(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    if (slash < 0)
        return QStringLiteral(".");
    return slash == 0 ? QStringLiteral("/") : path.left(slash);
}
