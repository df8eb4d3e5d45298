// SPDX-License-Identifier: MIT
#include "ui/common/desktopmanners.h"

#include <QApplication>
#include <QComboBox>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>
#include <QToolTip>
#include <QVBoxLayout>
#include <QWheelEvent>

namespace {

// One notch of a mouse wheel towards the user (scrolls down, steps a combo to its next item).
void wheelDown(QWidget *widget)
{
    const QPointF at = QPointF(widget->rect().center());
    QWheelEvent wheel(at, widget->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &wheel);
}

int longestLine(const QString &text)
{
    qsizetype longest = 0;
    for (const QString &line : text.split(QLatin1Char('\n')))
        longest = std::max(longest, line.size());
    return int(longest);
}

} // namespace

class TestDesktopManners : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installDesktopManners(*qApp); }

    // A form taller than its scroll area, with a combo and a spin box in the middle of it.
    void wheelOverAnUnfocusedFieldScrollsTheForm()
    {
        QScrollArea area;
        auto *form = new QWidget;
        auto *layout = new QVBoxLayout(form);
        auto *name = new QLineEdit; // where the focus is: the combo below must not have it
        layout->addWidget(name);
        for (int i = 0; i < 20; ++i)
            layout->addWidget(new QLabel(QStringLiteral("line %1").arg(i)));
        auto *kernel = new QComboBox;
        kernel->addItems(
            {QStringLiteral("sum"), QStringLiteral("hash"), QStringLiteral("article")});
        auto *tasks = new QSpinBox;
        tasks->setRange(1, 100);
        tasks->setValue(50);
        layout->addWidget(kernel);
        layout->addWidget(tasks);
        for (int i = 0; i < 20; ++i)
            layout->addWidget(new QLabel(QStringLiteral("line %1").arg(i)));
        area.setWidget(form);
        area.resize(300, 200);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        name->setFocus();
        QTRY_VERIFY(name->hasFocus());
        QCOMPARE(kernel->focusPolicy(), Qt::StrongFocus); // the wheel no longer gives focus
        QCOMPARE(tasks->focusPolicy(), Qt::StrongFocus);

        const int top = area.verticalScrollBar()->value();
        wheelDown(kernel);
        QCOMPARE(kernel->currentIndex(), 0);
        const int afterCombo = area.verticalScrollBar()->value();
        QVERIFY2(afterCombo > top, "the wheel over an unfocused combo scrolls the form");
        wheelDown(tasks);
        QCOMPARE(tasks->value(), 50);
        QVERIFY(area.verticalScrollBar()->value() > afterCombo);

        // With focus, the field takes the wheel as Qt's widgets always did.
        kernel->setFocus();
        QTRY_VERIFY(kernel->hasFocus());
        wheelDown(kernel);
        QCOMPARE(kernel->currentIndex(), 1);
    }

    void wrapsAtWordsWithinTheColumns()
    {
        const QString text = QStringLiteral(
            "machine busy: other processes used up to 78 % of the CPUs during 2 runs; their "
            "times include that load (top: cc1plus (pid 20100) 19 %, cc1plus (pid 20104) 19 %)");
        const QString wrapped = wrapTooltip(text, 40);
        QVERIFY(longestLine(wrapped) <= 40);
        QVERIFY(wrapped.count(QLatin1Char('\n')) >= 3);
        // Nothing is lost or added but line breaks in place of spaces.
        QCOMPARE(QString(wrapped).replace(QLatin1Char('\n'), QLatin1Char(' ')), text);
        // A line is filled: joining its first word of the next line would overflow it.
        const QStringList lines = wrapped.split(QLatin1Char('\n'));
        for (int i = 0; i + 1 < lines.size(); ++i)
            QVERIFY2(lines[i].size() + 1 + lines[i + 1].section(QLatin1Char(' '), 0, 0).size() > 40,
                     qPrintable(lines[i]));
    }

    void keepsBreaksLongWordsAndRichText()
    {
        QCOMPARE(wrapTooltip(QStringLiteral("a b\nc d"), 72), QStringLiteral("a b\nc d"));
        const QString path = QStringLiteral("/home/user/") + QString(80, QLatin1Char('x'));
        QCOMPARE(wrapTooltip(QStringLiteral("saved to ") + path, 72),
                 QStringLiteral("saved to\n") + path);
        const QString rich = QStringLiteral("<b>bold</b> ") + QString(100, QLatin1Char('y'));
        QCOMPARE(wrapTooltip(rich, 72), rich);
        QCOMPARE(wrapTooltip(QString(), 72), QString());
    }

    void widgetAndCellTooltipsShowWrapped()
    {
        const QString longTip = QString(QStringLiteral("word ")).repeated(60).trimmed();
        QLabel label(QStringLiteral("hover me"));
        label.setToolTip(longTip);
        label.show();
        QVERIFY(QTest::qWaitForWindowExposed(&label));
        QHelpEvent onLabel(QEvent::ToolTip, QPoint(2, 2), label.mapToGlobal(QPoint(2, 2)));
        QApplication::sendEvent(&label, &onLabel);
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), wrapTooltip(longTip));
        QVERIFY(longestLine(QToolTip::text()) <= kTooltipColumns);
        QToolTip::hideText();

        QStandardItemModel model(1, 1);
        auto *item = new QStandardItem(QStringLiteral("cell"));
        item->setToolTip(longTip + QStringLiteral(" cell"));
        model.setItem(0, 0, item);
        QTableView view;
        view.setModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QPoint at = view.visualRect(model.index(0, 0)).center();
        QHelpEvent onCell(QEvent::ToolTip, at, view.viewport()->mapToGlobal(at));
        QApplication::sendEvent(view.viewport(), &onCell);
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), wrapTooltip(longTip + QStringLiteral(" cell")));
    }
};

QTEST_MAIN(TestDesktopManners)
#include "tst_desktopmanners.moc"
