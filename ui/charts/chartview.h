// SPDX-License-Identifier: MIT
#pragma once

#include <QChartView>

class QAbstractBarSeries;
class QMenu;

// What every LoopBench chart view shares: colours that follow the application palette (and
// change with it), a right-click menu to save the chart as PNG or SVG or copy it to the
// clipboard, value tooltips, and a title whose detail line wraps to the view's width instead of
// being elided. Charts derive from it or (CoreLoadView) hold one.
class ChartView : public QChartView
{
    Q_OBJECT
public:
    explicit ChartView(QWidget *parent = nullptr);

    // Colours the chart's background, text and axes from the palette, then emits
    // paletteApplied(). Called by each chart once its axes exist, and on every palette change.
    void followPalette();

    // The chart's background as the palette makes it, and an accent colour made readable on it.
    QColor background() const;
    QColor ink(const QColor &accent) const;
    QColor textColor() const;

    // A headline and a detail line under it, in smaller type, both plain text. Each wraps at
    // word boundaries (the detail first at its " · " separators) when the view is too narrow.
    void setTitleLines(const QString &headline, const QString &detail = QString());
    const QString &headline() const { return m_headline; }
    const QString &detailLine() const { return m_detail; }

    // The chart as the window shows it, at the screen's pixel density.
    QImage image() const;
    // PNG or SVG by the suffix of `path`; false and `error` (naming the file) when it fails.
    bool saveImage(const QString &path, QString *error) const;
    void copyImage() const;

    // Shows `text` as a tooltip at the mouse (empty hides it); lastTip() is the text shown now.
    void showTip(const QString &text);
    const QString &lastTip() const { return m_lastTip; }

    // How a bar chart's value labels are drawn at the bars' current width: across, up the bar,
    // or not at all (too narrow for either; the tooltips still tell).
    enum class LabelFit { Across, Upright, Hidden };
    LabelFit labelFit() const { return m_labelFit; }

    // Makes the legend fit the chart's width (or, for a legend at the side, its height): smaller
    // type first, then a legend under the plot moves beside it, where entries stack. Runs on
    // every resize; call it after renaming series.
    void fitLegend();
    // An axis title longer than its axis was elided ("speedup over the baseli..."): an axis with a
    // "shortTitle" property shows that instead while the full one does not fit.
    void fitAxisTitles();

    // The right-click menu, built anew each time it opens.
    QMenu *createContextMenu();

signals:
    // The palette changed and the chart's background, text and axes follow it: recolour series.
    void paletteApplied();

protected:
    // Value labels of neighbouring bars ran together ("10100", "1.29 s1.29 s") once the bars
    // were narrower than their text: across while `widest` fits a bar, upright while a line of
    // text does (if `upright`), else hidden. `bars` is how many bars share the plot's width.
    void fitBarLabels(QAbstractBarSeries *series, int bars, const QString &widest,
                      bool upright = true);
    // The same decision, across or hidden, for labels a chart draws itself (Qt writes its own
    // labels with printf's 'g', "2.7 s" beside "2.75 s"): bars `barPx` wide, labels in `font`.
    LabelFit fitOwnBarLabels(double barPx, const QFont &font, const QString &widest);
    void changeEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    void layoutTitle();
    void saveWithDialog();

    Qt::Alignment m_legendHome = {};
    double m_legendPointSize = 0;
    LabelFit m_labelFit = LabelFit::Across;
    QString m_headline;
    QString m_detail;
    QString m_lastTip;
};
