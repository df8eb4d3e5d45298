// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <cstdint>

// How LoopBench writes numbers for people: one place, so that the form, the status bar, the
// table and the charts agree on units and precision.
namespace Formatting {

// A value that does not exist is missingMark() (core/report/missingmark.h) everywhere: the GUI
// and the text reports show the same dash. A factor is written with "×" (U+00D7).
// "850 ms", "12.3 s", "2.75 s", "2 min 05 s": three significant digits, milliseconds below 1 s,
// then seconds, then minutes and whole seconds. Every time a person reads in the window (tables,
// tooltips, bar labels) is written here, so "2.7 s" never stands beside "2.75 s".
QString duration(double ms);
// The label format of a value axis whose ticks are `step` apart, with `unit` after the number
// ("%.1f s"): one number of decimals for every tick. Charts set QChart::localizeNumbers (see
// styleChart()), so Qt writes it the locale's way ("0,5 s") and `unit` is taken literally.
QString axisLabelFormat(double step, const QString &unit);
// "1.85×"; "—" for NaN (no baseline to compare with).
QString speedup(double factor);
// "1.87 ± 0.01×" with the speedup's error from repeats (ConfigSummary::speedup), as the verdict
// writes it (timesText()); "1.87×" when the error is NaN.
QString speedup(double factor, double error);
// "93 %"; "—" for NaN.
QString percent(double fraction);
// "2.4 %", one decimal: for spreads (a coefficient of variation) where 2 % and 3 % differ.
QString percentPrecise(double fraction);
// "1 run", "2 runs", "1,024 runs": a count with its noun in the right number, grouped by the
// locale. `many` defaults to `one` + "s".
QString counted(qint64 n, const QString &one, const QString &many = {});
// "100k", "2.5M", "1234": iterations as a person would say them; exact (round-trips through
// WholeNumber's parser, which every numeric input uses).
QString count(std::uint64_t n);

} // namespace Formatting
