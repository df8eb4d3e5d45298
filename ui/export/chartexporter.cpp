// SPDX-License-Identifier: MIT
#include "ui/export/chartexporter.h"

#include <QBuffer>
#include <QChart>
#include <QCoreApplication>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QImageWriter>
#include <QPainter>
#include <QSvgGenerator>

#include <functional>

namespace {

// Lays the chart out now, not at the next event: we render right away. Axes and legends post
// layout requests of their own while the first pass places them, hence the second pass.
void settle(QChart *chart)
{
    for (int pass = 0; pass < 2; ++pass) {
        if (chart->layout())
            chart->layout()->activate();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    }
}

// Lays the chart out at `logical` (keeping its position in the scene), runs `draw` with the
// scene rectangle to render, then restores the window's geometry.
void withLayout(QChart *chart, QSizeF logical, const std::function<void(QRectF)> &draw)
{
    const QRectF saved = chart->geometry();
    const bool resize = logical != saved.size();
    if (resize) {
        chart->resize(logical);
        settle(chart);
    }
    draw(chart->mapRectToScene(chart->rect()));
    if (resize) {
        chart->setGeometry(saved);
        settle(chart);
    }
}

QSizeF logicalSize(const QChart *chart, QSize pixels)
{
    // The width of the view that shows it: a view on a hidden tab has its size, but its chart
    // catches up only when shown. 800 logical pixels for a chart without a view or with a tiny
    // one: laid out as a typical pane would be.
    double width = chart->size().width();
    if (chart->scene() && !chart->scene()->views().isEmpty())
        width = chart->scene()->views().constFirst()->viewport()->width();
    if (width < 200)
        width = 800.0;
    return {width, width * pixels.height() / std::max(1, pixels.width())};
}

void renderScene(QChart *chart, QPainter &painter, const QRectF &target, const QRectF &source)
{
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    if (chart->scene()) {
        chart->scene()->render(&painter, target, source, Qt::IgnoreAspectRatio);
        return;
    }
    // A chart outside any view: a scene of its own for the time of the render.
    QGraphicsScene scene;
    scene.addItem(chart);
    scene.render(&painter, target, source, Qt::IgnoreAspectRatio);
    scene.removeItem(chart);
}

} // namespace

QImage ChartExporter::render(QChart *chart, QSize pixels)
{
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    withLayout(chart, logicalSize(chart, pixels), [&](QRectF source) {
        QPainter painter(&image);
        renderScene(chart, painter, QRectF(QPointF(0, 0), QSizeF(pixels)), source);
    });
    return image;
}

bool ChartExporter::png(QChart *chart, QSize pixels, QByteArray *out, QString *error)
{
    const QImage image = render(chart, pixels);
    QBuffer buffer(out);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    if (!writer.write(image)) {
        if (error)
            *error = QStringLiteral("PNG encoder: %1").arg(writer.errorString());
        return false;
    }
    return true;
}

QByteArray ChartExporter::svg(QChart *chart, QSize size, const QString &title)
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
    withLayout(chart, logicalSize(chart, size), [&](QRectF source) {
        QPainter painter(&generator);
        renderScene(chart, painter, QRectF(QPointF(0, 0), QSizeF(size)), source);
    });
    return bytes;
}
