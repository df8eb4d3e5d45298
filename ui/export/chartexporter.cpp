// SPDX-License-Identifier: MIT
#include "ui/export/chartexporter.h"

#include "ui/charts/chartview.h"

#include <QBuffer>
#include <QChart>
#include <QCoreApplication>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QImageWriter>
#include <QPainter>
#include <QStyle>
#include <QSvgGenerator>

#include <algorithm>

namespace {

// Lays the chart out now, not at the next event: we render right away. Axes, legends and the
// views' own fitting (titles that wrap, axis titles that shorten) post layout requests of their
// own while a pass places them, hence several passes.
void settle(QChart *chart)
{
    for (int pass = 0; pass < 3; ++pass) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        if (chart->layout())
            chart->layout()->activate();
    }
}

void draw(ChartView *view, QPaintDevice *device, QSize size)
{
    QPainter painter(device);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.fillRect(QRect(QPoint(0, 0), size), view->background());
    QChart *chart = view->chart();
    chart->scene()->render(&painter, QRectF(QPointF(0, 0), QSizeF(size)),
                           chart->mapRectToScene(chart->rect()), Qt::IgnoreAspectRatio);
}

} // namespace

double ChartExporter::scaleFor(QSize pixels)
{
    const double fit = std::min(pixels.width() / kDesignWidth, pixels.height() / kDesignHeight);
    return std::max(kMinScale, fit);
}

QSizeF ChartExporter::logicalSize(QSize pixels)
{
    return QSizeF(pixels) / scaleFor(pixels);
}

void ChartExporter::layOut(QWidget *figure, ChartView *view, QSize pixels)
{
    figure->setAttribute(Qt::WA_DontShowOnScreen);
    view->setFrameShape(QFrame::NoFrame);
    if (figure->palette() != figure->style()->standardPalette())
        figure->setPalette(figure->style()->standardPalette());
    figure->resize(logicalSize(pixels).toSize());
    if (!figure->isVisible())
        figure->show();
    settle(view->chart());
}

QImage ChartExporter::render(ChartView *view, QSize pixels)
{
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    draw(view, &image, pixels);
    return image;
}

bool ChartExporter::png(ChartView *view, QSize pixels, QByteArray *out, QString *error)
{
    const QImage image = render(view, pixels);
    QBuffer buffer(out);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    if (!writer.write(image)) {
        if (error)
            *error = QCoreApplication::translate("ChartExporter", "PNG encoder: %1")
                         .arg(writer.errorString());
        return false;
    }
    return true;
}

QByteArray ChartExporter::svg(ChartView *view, QSize size, const QString &title)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(title);
    generator.setDescription(QStringLiteral("LoopBench chart"));
    draw(view, &generator, size);
    return bytes;
}
