// SPDX-License-Identifier: MIT
#include "tests/support/uitestsupport.h"
#include "ui/config/configpanel.h"
#include "ui/config/presetnamedialog.h"
#include "ui/config/presetstore.h"
#include "ui/controllers/presetcontroller.h"

#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

// Saving and removing user presets without the window: the form's workload is kept under the
// name given, a name the store refuses is refused in the dialog as it is typed (at its limit and
// one past it), replacing one of the user's presets says so, and an invalid form saves nothing.
class TestPresetController : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { isolateSettings(m_settings); }
    void init() { QSettings().clear(); }

    void theFormIsSavedAndRemovedUnderItsName()
    {
        PresetStore presets;
        ConfigPanel form(presets);
        PresetController control(presets, &form);
        QSignalSpy changed(&control, &PresetController::changed);
        const WorkloadSpec spec{321, 10, 20, 1000, 2000, Kernel::Hash, 9};
        form.setConfig(spec, RunConfig{3, Partition::RoundRobin, false});
        QCOMPARE(control.saveForm(QStringLiteral(" Mine ")), std::nullopt);
        QCOMPARE(changed.size(), 1);
        const int index = presets.indexOfName(QStringLiteral("mine"));
        QVERIFY(index >= presets.builtInCount());
        QCOMPARE(presets.presets()[index].name, QStringLiteral("Mine"));
        QCOMPARE(presets.presets()[index].plan.workload, spec);
        QCOMPARE(presets.presets()[index].partition, Partition::RoundRobin);
        QVERIFY(control.remove(QStringLiteral("Mine")));
        QVERIFY(!control.remove(QStringLiteral("Mine")));
        QCOMPARE(presets.indexOfName(QStringLiteral("Mine")), -1);
        QCOMPARE(changed.size(), 2);

        // An invalid form is no preset.
        form.setConfig(WorkloadSpec{321, 900, 20, 1000, 2000, Kernel::Hash, 9},
                       RunConfig{3, Partition::RoundRobin, false});
        QVERIFY(control.formProblem());
        QCOMPARE(control.saveForm(QStringLiteral("Broken")), control.formProblem());
        QCOMPARE(presets.indexOfName(QStringLiteral("Broken")), -1);
    }

    void theDialogRefusesANameAsItIsTyped()
    {
        PresetStore presets;
        ConfigPanel form(presets);
        PresetController control(presets, &form);
        QVERIFY(!control.formProblem());
        QCOMPARE(control.saveForm(QStringLiteral("Mine")), std::nullopt);
        QWidget window;
        QSignalSpy messages(&control, &PresetController::message);
        control.askAndSave(&window);
        auto *dialog = window.findChild<PresetNameDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QLineEdit *name = dialog->nameEdit();
        QPushButton *save = dialog->saveButton();
        QVERIFY(!save->isEnabled()); // nothing typed
        QCOMPARE(dialog->message(), QString());

        name->setText(QStringLiteral("custom"));
        QVERIFY(!save->isEnabled());
        QVERIFY2(dialog->message().contains(QLatin1String("stands for an edited form")),
                 qPrintable(dialog->message()));
        const QString builtIn = presets.presets()[0].name;
        name->setText(builtIn);
        QVERIFY(!save->isEnabled());
        QVERIFY(dialog->message().contains(QLatin1String("is a built-in preset")));
        name->setText(QString(PresetStore::kMaxNameLength + 1, u'x'));
        QVERIFY(!save->isEnabled());
        QCOMPARE(dialog->message(), QStringLiteral("a preset name has at most 40 characters"));
        name->setText(QString(PresetStore::kMaxNameLength, u'x'));
        QVERIFY(save->isEnabled());
        QCOMPARE(dialog->message(), QString());
        QCOMPARE(save->text(), QStringLiteral("&Save"));
        // One of the user's own: replaced, and the dialog says so before it is.
        name->setText(QStringLiteral("MINE"));
        QVERIFY(save->isEnabled());
        QCOMPARE(save->text(), QStringLiteral("&Replace"));
        QCOMPARE(dialog->message(), QStringLiteral("Replaces your preset “Mine”."));
        const int before = int(presets.presets().size());
        save->click();
        QCOMPARE(int(presets.presets().size()), before);
        QCOMPARE(presets.presets()[presets.indexOfName(QStringLiteral("mine"))].name,
                 QStringLiteral("MINE"));
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages[0][0].toString(), QStringLiteral("Saved the preset “MINE”"));
    }

    void anInvalidFormIsSaidInTheDialog()
    {
        PresetStore presets;
        ConfigPanel form(presets);
        form.setConfig(WorkloadSpec{321, 900, 20, 1000, 2000, Kernel::Hash, 9},
                       RunConfig{3, Partition::RoundRobin, false});
        PresetController control(presets, &form);
        QWidget window;
        control.askAndSave(&window);
        auto *dialog = window.findChild<PresetNameDialog *>();
        QVERIFY(dialog);
        dialog->nameEdit()->setText(QStringLiteral("Fine name"));
        QVERIFY(!dialog->saveButton()->isEnabled());
        QCOMPARE(dialog->message(), *control.formProblem());
    }

    void removingAsksFirst()
    {
        PresetStore presets;
        ConfigPanel form(presets);
        PresetController control(presets, &form);
        QCOMPARE(control.saveForm(QStringLiteral("Mine")), std::nullopt);
        QWidget window;
        for (const auto answer : {QMessageBox::Cancel, QMessageBox::Yes}) {
            control.askAndRemove(&window, QStringLiteral("Mine"));
            auto *box = window.findChild<QMessageBox *>();
            QVERIFY(box);
            QCOMPARE(box->text(), QStringLiteral("Remove your preset “Mine”?"));
            box->button(answer)->click();
            QCOMPARE(presets.indexOfName(QStringLiteral("Mine")) >= 0, answer != QMessageBox::Yes);
            QTRY_VERIFY(!window.findChild<QMessageBox *>()); // closed and deleted
        }
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestPresetController)
#include "tst_presetcontroller.moc"
