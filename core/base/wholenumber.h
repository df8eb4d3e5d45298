// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringView>

#include <cstdint>

// A whole number as people type it, with one grammar for every numeric input (CLI option, form
// field, saved setting, preset string):
//   - whitespace around it is ignored; a leading '+' or '-' is a sign;
//   - digit groups may be separated by ',', '_', '\'' or a space (also U+00A0 and U+202F, which
//     locales print), one kind in a number, grouping by three from the right ("10,000",
//     "10 000", "1_000_000") or as India does ("1,00,000"); "10,0000" and "1,000_000" are not
//     numbers;
//   - a suffix k, M or G (either case) multiplies by 10^3, 10^6, 10^9, and may follow a decimal
//     fraction as long as the result is whole: "100k", "2.5M"; "1.5" alone is not whole;
//   - "0x" starts hexadecimal digits (seeds are often written so), without groups or suffix.
// Anything else (two signs, a space between sign and digits, "1e6", "12abc") is not a number.
struct WholeNumber
{
    enum class Status {
        Ok,
        NotANumber, // the grammar above refuses it (also: empty)
        TooLarge,   // a number, but its magnitude does not fit 64 bits
    };
    Status status = Status::NotANumber;
    bool negative = false; // never true for zero
    std::uint64_t magnitude = 0;

    static WholeNumber parse(QStringView text);

    // "50,000,000", "-5", "18,446,744,073,709,551,615": how every message writes a number.
    static QString group(std::uint64_t value);
    static QString group(std::int64_t value);
    // "100k", "2.5M", "1234": shortest exact text in the grammar above, so parse() gives back
    // `value`. Only exact multiples get a suffix: "150k" must mean 150000, never a rounded value.
    static QString abbreviated(std::uint64_t value);
};
