// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <cstdint>

// Builds RFC 4180 CSV into a byte array, row by row. Used by every CSV report, so that quoting and
// number formatting are decided once:
// - A field is quoted when it holds a comma, a double quote, CR or LF; quotes inside are doubled.
//   Other fields are written bare, so numbers stay numbers for every reader.
// - Records end in LF, not the CRLF that RFC 4180 prescribes: Python's csv, pandas, R, Excel and
//   LibreOffice all accept LF, while awk, cut and gnuplot would keep a stray CR in the last
//   field. A line break inside a quoted field is kept as it was.
// - Numbers go through QLocale::c(), never the user's locale: '.' as decimal point, no group
//   separators, on a German desktop as on any other. Doubles are written in their shortest form
//   that reads back to the same bits; NaN and infinities are written as an empty field, the one
//   "missing" every CSV reader understands.
// - Text is UTF-8.
class CsvWriter
{
public:
    explicit CsvWriter(QByteArray *out)
        : m_out(out)
    {}

    // A "# key: value" line before the header. Not RFC 4180: readers skip it with their comment
    // option (pandas comment='#', R comment.char='#'). Line breaks in the value become spaces, so
    // that one comment stays one line.
    void comment(QStringView key, QStringView value);

    CsvWriter &field(QStringView text);
    CsvWriter &field(const char *latin1) { return field(QString::fromLatin1(latin1)); }
    CsvWriter &field(double value);
    CsvWriter &field(std::int64_t value);
    CsvWriter &field(int value) { return field(std::int64_t{value}); }
    CsvWriter &field(bool value);
    CsvWriter &empty();
    // A field that is already formatted and needs no quoting (digits, '.', '-', letters).
    CsvWriter &raw(QByteArrayView bytes);
    void endRow();

    static QByteArray quoted(QStringView text);
    static QByteArray number(double value);

private:
    void separate();

    QByteArray *m_out;
    bool m_rowStarted = false;
};
