// SPDX-License-Identifier: MIT
#include "core/report/csvwriter.h"

#include <QLocale>

#include <charconv>
#include <cmath>

QByteArray CsvWriter::quoted(QStringView text)
{
    QByteArray utf8 = text.toUtf8();
    const bool needsQuotes =
        utf8.contains(',') || utf8.contains('"') || utf8.contains('\r') || utf8.contains('\n');
    if (!needsQuotes)
        return utf8;
    utf8.replace("\"", "\"\"");
    return '"' + utf8 + '"';
}

QByteArray CsvWriter::number(double value)
{
    if (!std::isfinite(value))
        return {};
    return QLocale::c().toString(value, 'g', QLocale::FloatingPointShortest).toLatin1();
}

void CsvWriter::comment(QStringView key, QStringView value)
{
    QString line = QStringLiteral("# ");
    line += key;
    line += QStringLiteral(": ");
    line += value;
    line.replace(QLatin1String("\r\n"), QLatin1String(" "));
    line.replace(QLatin1Char('\r'), QLatin1Char(' '));
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    m_out->append(line.toUtf8());
    m_out->append('\n');
}

void CsvWriter::separate()
{
    if (m_rowStarted)
        m_out->append(',');
    m_rowStarted = true;
}

CsvWriter &CsvWriter::field(QStringView text)
{
    separate();
    m_out->append(quoted(text));
    return *this;
}

CsvWriter &CsvWriter::field(double value)
{
    separate();
    m_out->append(number(value));
    return *this;
}

CsvWriter &CsvWriter::field(std::int64_t value)
{
    separate();
    char digits[24]; // to_chars: never localised, and no allocation per field
    const char *end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    m_out->append(digits, end - digits);
    return *this;
}

CsvWriter &CsvWriter::field(bool value)
{
    separate();
    m_out->append(value ? "true" : "false");
    return *this;
}

CsvWriter &CsvWriter::empty()
{
    separate();
    return *this;
}

CsvWriter &CsvWriter::raw(QByteArrayView bytes)
{
    separate();
    m_out->append(bytes);
    return *this;
}

void CsvWriter::endRow()
{
    m_out->append('\n');
    m_rowStarted = false;
}
