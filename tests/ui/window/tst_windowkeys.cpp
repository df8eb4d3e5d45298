// SPDX-License-Identifier: MIT
#include "core/engine/runresult.h"
#include "tests/support/uitestsupport.h"
#include "tests/support/windowparts.h"
#include "ui/common/translations.h"
#include "ui/config/configpanel.h"
#include "ui/models/historymodel.h"
#include "ui/models/historyproxymodel.h"
#include "ui/window/guidedialog.h"
#include "ui/window/historyview.h"
#include "ui/window/mainwindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QImage>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTabBar>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

// The keyboard reaches every command from every field: window shortcuts beat a focused line
// edit, each Alt+letter leads to one place, Ctrl+C in the history copies whole rows. And the help
// the Help menu promises is there.
namespace {

// The letter after a single '&' ("S&weep && statistics" -> 'w'), or 0.
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&'))
            continue;
        if (text[i + 1] == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text[i + 1].toLower();
    }
    return {};
}

} // namespace

class TestWindowKeys : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { isolateSettings(m_settings); }

    void windowShortcutsWorkFromAFocusedLineEdit()
    {
        MainWindow window;
        settle(window);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QAction *exportAction = part<WindowActions>(window)->exportReports();
        // The dialog it opens is not this test's business: only that the key reached it.
        QObject::disconnect(exportAction, &QAction::triggered, part<WindowActions>(window),
                            nullptr);
        QSignalSpy triggered(exportAction, &QAction::triggered);
        QLineEdit *edit = part<ConfigPanel>(window)->findChildren<QLineEdit *>().first();
        edit->setFocus();
        QTRY_VERIFY(edit->hasFocus());
        const QString before = edit->text();
        QTest::keyClick(edit, Qt::Key_E, Qt::ControlModifier);
        QCOMPARE(triggered.size(), 1);
        QCOMPARE(edit->text(), before); // and the edit did nothing with it
        // Keys that are the edit's own stay its own.
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), before);
    }

    void ctrlCCopiesTheSelectedRowsTabSeparated()
    {
        HistoryModel model;
        for (int i = 0; i < 4; ++i) {
            RunResult r;
            r.shards = i + 1;
            r.wallMs = 1000.0 / (i + 1);
            r.tasks = r.tasksDone = 12345;
            r.status = RunStatus::Completed;
            r.startedUtc = QDateTime::currentDateTimeUtc();
            HistoryEntry stored;
            stored.experimentId = 7;
            stored.machine = QStringLiteral("box");
            model.append(r, RunRole::Repeat, 1.0, stored);
        }
        HistoryView view(&model);
        view.show();
        QApplication::setActiveWindow(&view);
        QVERIFY(QTest::qWaitForWindowActive(&view));
        QTableView *table = view.table();
        table->setFocus();
        table->setCurrentIndex(view.proxy()->mapFromSource(model.index(3, HistoryModel::Wall)));
        view.selectRows({1, 3});
        QApplication::clipboard()->clear();
        QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
        const QStringList lines =
            QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3); // a header and the two rows, not the current cell
        for (const QString &line : lines)
            QCOMPARE(line.count(QLatin1Char('\t')), HistoryModel::ColumnCount - 1);
        QVERIFY2(lines[0].startsWith(QStringLiteral("Time\tK\tWall\tSpeedup\tStatus")),
                 qPrintable(lines[0]));
        QCOMPARE(lines[1].section(QLatin1Char('\t'), HistoryModel::Shards, HistoryModel::Shards),
                 QStringLiteral("2"));
        QCOMPARE(lines[2].section(QLatin1Char('\t'), HistoryModel::Shards, HistoryModel::Shards),
                 QStringLiteral("4"));
        QCOMPARE(lines[2].section(QLatin1Char('\t'), HistoryModel::Tasks, HistoryModel::Tasks),
                 QLocale().toString(12345));

        // A hidden column is not copied; the right-click menu's action copies the same.
        table->horizontalHeader()->setSectionHidden(HistoryModel::Machine, true);
        view.copyRowsAction()->trigger();
        QCOMPARE(QApplication::clipboard()
                     ->text()
                     .split(QLatin1Char('\n'))
                     .first()
                     .count(QLatin1Char('\t')),
                 HistoryModel::ColumnCount - 2);
    }

    void historyColumnsKeepTheirWidthsAsRowsArrive()
    {
        HistoryModel model;
        HistoryView view(&model);
        view.resize(1200, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QHeaderView *header = view.table()->horizontalHeader();
        auto widths = [header] {
            QList<int> w;
            for (int c = 0; c + 1 < HistoryModel::ColumnCount; ++c) // the last one stretches
                w.append(header->sectionSize(c));
            return w;
        };
        const QList<int> before = widths();
        RunResult r;
        r.shards = 1024;
        r.wallMs = 123456.0;
        r.tasks = 50'000'000;
        r.tasksDone = 49'999'999;
        r.status = RunStatus::Cancelled;
        r.startedUtc = QDateTime::currentDateTimeUtc().addDays(-3);
        HistoryEntry stored;
        stored.experimentId = 123456;
        model.append(r, RunRole::Repeat, 1.0, stored);
        QCoreApplication::processEvents();
        QCOMPARE(widths(), before);
        // And the Status column is on screen in a 1,200-pixel-wide view.
        QVERIFY(header->sectionViewportPosition(HistoryModel::Status) +
                    header->sectionSize(HistoryModel::Status) <=
                view.table()->viewport()->width());
    }

    void guideExplainsTheTermsWithAPicture()
    {
        GuideDialog guide;
        const QString text = guide.browser()->toPlainText();
        for (const char *term : {"T*", "Efficiency", "Lag", "Work inflation", "Speedup against K"})
            QVERIFY2(text.contains(QLatin1String(term)), term);
        const QVariant image = guide.browser()->document()->resource(
            QTextDocument::ImageResource, QUrl(QStringLiteral("guide-loops.svg")));
        QVERIFY(!QImage::fromData(image.toByteArray()).isNull());
    }

    void everyMnemonicIsUniqueInTheWindow_data()
    {
        QTest::addColumn<bool>("portuguese");
        QTest::newRow("English") << false;
        // Last of the suite's window tests: the translation stays installed (Alt+D reached both
        // Pre&definições and the form's Pre&definição).
        QTest::newRow("Portuguese") << true;
    }
    void everyMnemonicIsUniqueInTheWindow()
    {
        QFETCH(bool, portuguese);
        if (portuguese)
            QVERIFY(installTranslations(*QCoreApplication::instance(),
                                        QLocale(QLocale::Portuguese, QLocale::Brazil)));
        MainWindow window;
        settle(window);
        QMultiHash<QChar, QString> owners;
        for (QAction *menu : window.menuBar()->actions())
            owners.insert(mnemonic(menu->text()), menu->text());
        QTabBar *tabs = window.findChild<QTabBar *>();
        QVERIFY(tabs);
        for (int i = 0; i < tabs->count(); ++i)
            owners.insert(mnemonic(tabs->tabText(i)), tabs->tabText(i));
        for (QLabel *label : window.findChildren<QLabel *>()) {
            if (label->buddy())
                owners.insert(mnemonic(label->text()), label->text());
        }
        for (QAbstractButton *button : window.findChildren<QAbstractButton *>()) {
            if (!button->text().isEmpty() && !button->inherits("QToolButton"))
                owners.insert(mnemonic(button->text()), button->text());
        }
        owners.remove(QChar());
        QVERIFY(owners.size() > 15); // the menus, the pages and the form's fields
        for (const QChar key : owners.uniqueKeys()) {
            QVERIFY2(owners.count(key) == 1,
                     qPrintable(QStringLiteral("Alt+%1 reaches %2")
                                    .arg(key)
                                    .arg(owners.values(key).join(QStringLiteral(" and ")))));
        }
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestWindowKeys)
#include "tst_windowkeys.moc"
