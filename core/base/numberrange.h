// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringView>

#include <cstdint>
#include <optional>

// The allowed values of one numeric input, and the one wording of every message about it. Every
// input path (CLI option, form field, saved setting, preset file) and every validate() words its
// number problems here, so that the same mistake reads the same everywhere:
//   "0 is outside 1 to 50,000,000"
//   "max 3,600,001 ms is outside 0 to 3,600,000 ms"
//   "'lots' is not a whole number from 1 to 50,000,000"
//   "missing value (a whole number from 1 to 1,000)"
//   "min 1,200 ms is above max 1,000 ms"
// Sentences never name the option or field: the CLI puts "--io: " in front, the form shows the
// sentence beside its field. Numbers are written with thousands separators (WholeNumber::group).
struct NumberRange
{
    std::uint64_t min = 0;
    std::uint64_t max = 0;
    const char *unit = nullptr; // "ms", "iterations"; nullptr for a plain count

    // "1 to 50,000,000", "0 to 3,600,000 ms".
    QString text() const;

    // Reads `text` in WholeNumber's grammar and checks the range. On failure returns nullopt and
    // sets *error. `label` ("min", "max") names which of a pair is meant.
    std::optional<std::uint64_t> read(QStringView text, QString *error,
                                      QStringView label = {}) const;
    // The range check alone, for a value already held (the value types' validate()).
    std::optional<QString> check(std::int64_t value, QStringView label = {}) const;
    std::optional<QString> checkUnsigned(std::uint64_t value, QStringView label = {}) const;
    // For a pair read with this range: "min 1,200 ms is above max 1,000 ms", or nullopt.
    std::optional<QString> checkOrder(std::uint64_t lo, std::uint64_t hi) const;

    // The sentences themselves, for callers that hold something other than text or an integer
    // (a JSON number too large for 64 bits).
    QString outside(const QString &shownValue, QStringView label = {}) const;
    QString notANumber(QStringView text, QStringView label = {}) const;
    QString missing(QStringView label = {}) const;

private:
    QString withUnit(const QString &number) const;
};
