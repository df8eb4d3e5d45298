// SPDX-License-Identifier: MIT
#include "ui/charts/chartview.h"

#include "ui/common/chartstyle.h"

#include <QApplication>
#include <QChart>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QFileInfo>
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
    // The chart's margins and the title's own padding take about a text line's width.
    const QFont font = chart()->titleFont();
    const double width = std::max(80.0, double(viewport()->width()) - 2.0 * font.pointSizeF());
    QFont small = font;
    small.setBold(false);
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
        QToolTip::showText(QCursor::pos(), text, this);
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

void ChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    layoutTitle();
}
