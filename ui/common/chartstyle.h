// SPDX-License-Identifier: MIT
#pragma once

class QChart;

// The look LoopBench's charts share, set in one place: thin margins (the views sit packed in
// splitters, so every pixel goes to the plot) and the legend under the plot, where it does not
// steal width from the time axis.
enum class TitleEmphasis {
    Plain,
    Bold,     // a chart that names what it shows
    Headline, // a result chart: its title carries the verdict, so it reads first
};

void styleChart(QChart *chart, TitleEmphasis emphasis);
