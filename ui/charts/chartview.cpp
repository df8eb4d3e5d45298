// SPDX-License-Identifier: MIT
#include "ui/charts/chartview.h"

#include "ui/common/chartstyle.h"
#include "ui/common/desktopmanners.h"

#include <QAbstractAxis>
#include <QAbstractBarSeries>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHelpEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QToolTip>

namespace {

// Greedy line filling: pieces joined by `glue` while the line stays within `width`.
QStringList fill(const QStringList &pieces, const QString &glue, const QFontMetricsF &metrics,
                 double width)
{
    QStringList lines;
    QString line;
    for (const QString &piece : pieces) {
        const QString longer = line.isEmpty() ? piece : line + glue + piece;
        if (!line.isEmpty() && metrics.horizontalAdvance(longer) > width) {
            lines.append(line);
            line = piece;
        } else {
            line = longer;
        }
    }
    if (!line.isEmpty())
        lines.append(line);
    return lines;
}

// `text` in lines no wider than `width`: first at its " · " separators, then at spaces.
QStringList wrap(const QString &text, const QFontMetricsF &metrics, double width)
{
    QStringList lines;
    for (const QString &part :
         fill(text.split(QStringLiteral(" · ")), QStringLiteral(" · "), metrics, width)) {
        if (metrics.horizontalAdvance(part) <= width)
            lines.append(part);
        else
            lines.append(fill(part.split(QLatin1Char(' ')), QStringLiteral(" "), metrics, width));
    }
    return lines;
}

QStringList escaped(const QStringList &lines)
{
    QStringList out;
    for (const QString &l : lines)
        out.append(l.toHtmlEscaped());
    return out;
}

} // namespace

ChartView::ChartView(QWidget *parent)
    : QChartView(new QChart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    setFocusPolicy(Qt::NoFocus);
    setContextMenuPolicy(Qt::DefaultContextMenu);
    connect(chart(), &QChart::plotAreaChanged, this, &ChartView::fitAxisTitles);
}

void ChartView::fitLegend()
{
    QLegend *legend = chart()->legend();
    if (m_legendPointSize <= 0) {
        m_legendHome = legend->alignment();
        m_legendPointSize = legend->font().pointSizeF();
    }
    if (!legend->isVisible() || m_legendPointSize <= 0)
        return;
    const bool beside = m_legendHome & (Qt::AlignLeft | Qt::AlignRight);
    const QMargins margins = chart()->margins();
    const double width = chart()->size().width() - margins.left() - margins.right() - 8;
    const double height = chart()->size().height() - margins.top() - margins.bottom() - 8;
    // What Qt's legend layout takes per entry: the label, a square marker a line high, and
    // spacing about as wide again.
    auto needs = [&](double pointSize, bool across) {
        QFont font = legend->font();
        font.setPointSizeF(pointSize);
        const QFontMetricsF metrics(font);
        double sum = 0;
        for (QLegendMarker *m : legend->markers()) {
            if (!m->isVisible())
                continue;
            sum += across ? metrics.horizontalAdvance(m->label()) + 2.4 * metrics.height()
                          : 1.5 * metrics.height();
        }
        return sum;
    };
    Qt::Alignment alignment = m_legendHome;
    double pointSize = m_legendPointSize;
    for (double scale : {1.0, 0.9, 0.8}) {
        pointSize = m_legendPointSize * scale;
        if (needs(pointSize, !beside) <= (beside ? height : width))
            break;
        if (scale == 0.8 && !beside) {
            // Too many entries for one row: stack them beside, as long as the plot keeps most
            // of the width. Two long labels beside a narrow chart left it no room for its
            // axis labels ("…" for every tick of the shard chart's lag axis at 1,024 pixels);
            // there they stay under it, elided at the smallest size.
            QFont font = legend->font();
            font.setPointSizeF(m_legendPointSize * 0.9);
            const QFontMetricsF metrics(font);
            double widest = 0;
            for (QLegendMarker *m : legend->markers()) {
                if (m->isVisible())
                    widest = std::max(widest, metrics.horizontalAdvance(m->label()));
            }
            if (widest + 2.4 * metrics.height() <= 0.3 * width) {
                alignment = Qt::AlignRight;
                pointSize = m_legendPointSize * 0.9;
            }
        }
    }
    if (legend->alignment() != alignment)
        legend->setAlignment(alignment);
    if (std::abs(legend->font().pointSizeF() - pointSize) > 0.01) {
        QFont font = legend->font();
        font.setPointSizeF(pointSize);
        legend->setFont(font);
    }
}

void ChartView::fitBarLabels(QAbstractBarSeries *series, int bars, const QString &widest,
                             bool upright)
{
    const double plotWidth = chart()->plotArea().width();
    if (plotWidth <= 0 || series->barSets().isEmpty())
        return;
    const double barPx = plotWidth * series->barWidth() / std::max(1, bars);
    const QFontMetricsF metrics(series->barSets().first()->labelFont());
    LabelFit fit = LabelFit::Hidden;
    if (barPx >= metrics.horizontalAdvance(widest) + 4)
        fit = LabelFit::Across;
    else if (upright && barPx >= metrics.height())
        fit = LabelFit::Upright;
    if (fit == m_labelFit && series->isLabelsVisible() == (fit != LabelFit::Hidden))
        return;
    m_labelFit = fit;
    series->setLabelsVisible(fit != LabelFit::Hidden);
    series->setLabelsAngle(fit == LabelFit::Upright ? -90 : 0);
}

ChartView::LabelFit ChartView::fitOwnBarLabels(double barPx, const QFont &font,
                                               const QString &widest)
{
    m_labelFit = barPx >= QFontMetricsF(font).horizontalAdvance(widest) + 4 ? LabelFit::Across
                                                                            : LabelFit::Hidden;
    return m_labelFit;
}

void ChartView::fitAxisTitles()
{
    // Hidden (a tab not shown), the plot has no size to measure: titles stay whole, as exports
    // of hidden charts render them.
    const QRectF plot = chart()->plotArea();
    if (!isVisible() || plot.isEmpty())
        return;
    for (QAbstractAxis *axis : chart()->axes()) {
        const QString shortTitle = axis->property("shortTitle").toString();
        if (shortTitle.isEmpty())
            continue;
        QString full = axis->property("fullTitle").toString();
        if (full.isEmpty()) {
            full = axis->titleText();
            axis->setProperty("fullTitle", full);
        }
        const double room = axis->orientation() == Qt::Vertical ? plot.height() : plot.width();
        const bool fits = QFontMetricsF(axis->titleFont()).horizontalAdvance(full) <= room;
        const QString wanted = fits ? full : shortTitle;
        if (axis->titleText() != wanted)
            axis->setTitleText(wanted);
    }
}

void ChartView::followPalette()
{
    applyChartPalette(chart(), palette());
    emit paletteApplied();
}

QColor ChartView::background() const
{
    return chartBackground(palette());
}

QColor ChartView::ink(const QColor &accent) const
{
    return readableOn(accent, background());
}

QColor ChartView::textColor() const
{
    return palette().color(QPalette::Active, QPalette::Text);
}

void ChartView::setTitleLines(const QString &headline, const QString &detail)
{
    m_headline = headline;
    m_detail = detail;
    layoutTitle();
}

void ChartView::layoutTitle()
{
    if (m_headline.isEmpty() && m_detail.isEmpty())
        return;
    // The title gets the chart's width less its margins and the layout's; Qt elides a line that
    // is wider, measured in the title font, which <small> keeps bold.
    const QFont font = chart()->titleFont();
    const QMargins margins = chart()->margins();
    // A view not on screen, or not laid out yet, has no width to wrap to: it wraps when shown
    // or resized. The margins and the title's padding take about two lines' height.
    const double view = viewport()->width();
    const double width = !isVisible() || view < 100
                             ? 1e6
                             : std::max(60.0, view - margins.left() - margins.right() -
                                                  2.0 * QFontMetricsF(font).height());
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.83); // what <small> renders at
    QString html =
        escaped(wrap(m_headline, QFontMetricsF(font), width)).join(QStringLiteral("<br>"));
    if (!m_detail.isEmpty()) {
        html += QStringLiteral("<br><small>") +
                escaped(wrap(m_detail, QFontMetricsF(small), width)).join(QStringLiteral("<br>")) +
                QStringLiteral("</small>");
    }
    chart()->setTitle(html);
}

QImage ChartView::image() const
{
    const qreal ratio = devicePixelRatioF();
    QImage out(viewport()->size() * ratio, QImage::Format_ARGB32_Premultiplied);
    out.setDevicePixelRatio(ratio);
    out.fill(background());
    QPainter painter(&out);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const_cast<ChartView *>(this)->render(&painter, QRectF(QPointF(0, 0), viewport()->size()),
                                          viewport()->rect());
    return out;
}

bool ChartView::saveImage(const QString &path, QString *error) const
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg")) {
        if (error)
            *error = tr("%1: the file name must end in .png or .svg").arg(path);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("%1: %2").arg(path, file.errorString());
        return false;
    }
    if (suffix == QLatin1String("png")) {
        if (!image().save(&file, "PNG")) {
            if (error)
                *error = tr("%1: the PNG encoder failed").arg(path);
            file.cancelWriting();
            return false;
        }
    } else {
        QSvgGenerator generator;
        generator.setOutputDevice(&file);
        generator.setSize(viewport()->size());
        generator.setViewBox(viewport()->rect());
        generator.setTitle(chart()->title().section(QStringLiteral("<br>"), 0, 0));
        generator.setDescription(QStringLiteral("LoopBench chart"));
        QPainter painter(&generator);
        painter.setRenderHint(QPainter::Antialiasing);
        const_cast<ChartView *>(this)->render(&painter, QRectF(QPointF(0, 0), viewport()->size()),
                                              viewport()->rect());
    }
    if (!file.commit()) {
        if (error)
            *error = tr("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void ChartView::copyImage() const
{
    QApplication::clipboard()->setImage(image());
}

void ChartView::showTip(const QString &text)
{
    m_lastTip = text;
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(QCursor::pos(), wrapTooltip(text), this);
}

QMenu *ChartView::createContextMenu()
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(tr("Save chart as…"), this, &ChartView::saveWithDialog);
    menu->addAction(tr("Copy chart"), this, &ChartView::copyImage);
    return menu;
}

void ChartView::contextMenuEvent(QContextMenuEvent *event)
{
    createContextMenu()->popup(event->globalPos());
    event->accept();
}

void ChartView::saveWithDialog()
{
    QString filter;
    QString path =
        QFileDialog::getSaveFileName(this, tr("Save chart as"), QStringLiteral("chart.png"),
                                     tr("PNG image (*.png);;SVG image (*.svg)"), &filter);
    if (path.isEmpty())
        return;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg"))
        path +=
            filter.contains(QLatin1String("svg")) ? QStringLiteral(".svg") : QStringLiteral(".png");
    QString error;
    if (!saveImage(path, &error))
        QMessageBox::warning(this, tr("Save chart as"), error);
}

void ChartView::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        followPalette();
}

bool ChartView::viewportEvent(QEvent *event)
{
    // The scene answers the tooltip event that follows a pause of the mouse: it finds no item
    // tooltip and hides ours a moment after a bar's hover showed it. Answer it with the tip of
    // the bar or point under the mouse instead.
    if (event->type() == QEvent::ToolTip) {
        if (m_lastTip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(),
                               wrapTooltip(m_lastTip), this);
        return true;
    }
    return QChartView::viewportEvent(event);
}

void ChartView::showEvent(QShowEvent *event)
{
    QChartView::showEvent(event);
    layoutTitle();
}

void ChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    layoutTitle();
    fitLegend();
}
