// SPDX-License-Identifier: MIT
#include "ui/common/chartstyle.h"

#include <QChart>
#include <QLegend>

void styleChart(QChart *chart, TitleEmphasis emphasis)
{
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    if (emphasis == TitleEmphasis::Plain)
        return;
    QFont title = chart->titleFont();
    title.setBold(true);
    if (emphasis == TitleEmphasis::Headline)
        title.setPointSizeF(title.pointSizeF() * 1.1);
    chart->setTitleFont(title);
}
