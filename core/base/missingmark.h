// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <cmath>

// How every text report marks a value that does not exist (a run that did not complete has no
// speedup, ideal bound or efficiency; one run has no spread; a p-value needs five runs): an em
// dash, the mark the GUI's Formatting uses too. Never "nan", and never a made-up 0. JSON writes
// null and CSV an empty field instead.
inline QString missingMark()
{
    return QStringLiteral("—");
}

// The one multiplication sign of every figure that is a factor ("2.93×"), in the app and in
// every report: UTF-8, as every file LoopBench writes.
inline constexpr const char *kTimes = "\u00d7";

// A number with `decimals` digits after a '.' (QString::number never uses the user's locale) and
// an optional unit (UTF-8: kTimes), or missingMark() where there is none.
inline QString fixedOrMissing(double value, int decimals, const char *unit = "")
{
    return std::isfinite(value) ? QString::number(value, 'f', decimals) + QString::fromUtf8(unit)
                                : missingMark();
}
