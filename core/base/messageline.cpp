// SPDX-License-Identifier: MIT
#include "core/base/messageline.h"

#include <algorithm>

namespace {

QString escaped(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == '\n') {
            out += QLatin1String("\\n");
        } else if (u == '\r') {
            out += QLatin1String("\\r");
        } else if (u == '\t') {
            out += QLatin1String("\\t");
        } else if (u < 0x20 || (u >= 0x7F && u <= 0x9F)) {
            out += QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
        } else if (u == 0x2028 || u == 0x2029 || u == 0x061C || u == 0x200E || u == 0x200F ||
                   (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069)) {
            // A line or paragraph separator breaks the line in many terminals and viewers, and a
            // bidirectional control reorders what follows it on screen ("Trojan Source").
            out += QStringLiteral("\\u%1").arg(u, 4, 16, QLatin1Char('0'));
        } else if (u >= 0xDC80 && u <= 0xDCFF) { // a byte that is not UTF-8 (nativepath.h)
            out += QStringLiteral("\\x%1").arg(u - 0xDC00, 2, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    return out;
}

// Cuts `text` to `max` characters (counted before escaping, so that an escape is never cut in
// half) and escapes it.
QString cut(QStringView text, qsizetype max)
{
    if (text.size() <= max)
        return escaped(text);
    qsizetype keep = max;
    if (text[keep - 1].isHighSurrogate())
        --keep; // never split a surrogate pair
    return escaped(text.first(keep)) + QStringLiteral("…");
}

} // namespace

QString escapedText(QStringView text)
{
    return escaped(text);
}

QString messageLine(QStringView message)
{
    QString out;
    out.reserve(std::min<qsizetype>(message.size(), 1024));
    qsizetype i = 0;
    while (i < message.size()) {
        if (message[i] == u'\'') {
            const qsizetype close = message.indexOf(u'\'', i + 1);
            if (close > i) {
                out += QLatin1Char('\'') +
                       cut(message.sliced(i + 1, close - i - 1), kMaxValueChars) +
                       QLatin1Char('\'');
                i = close + 1;
                continue;
            }
        }
        if (message[i] == u' ') {
            out += QLatin1Char(' ');
            ++i;
            continue;
        }
        // A word: up to the next space or quote.
        qsizetype end = i;
        while (end < message.size() && message[end] != u' ' && (end == i || message[end] != u'\''))
            ++end;
        // A word with a '/' is a path, kept whole up to kMaxPathChars; any other (a number typed
        // unquoted, an option name) is a value like a quoted one.
        const QStringView word = message.sliced(i, end - i);
        out += cut(word, word.contains(u'/') ? kMaxPathChars : kMaxValueChars);
        i = end;
    }
    return out;
}
