// SPDX-License-Identifier: MIT
#include "tests/support/uitestsupport.h"
#include "tests/support/windowparts.h"
#include "ui/config/configpanel.h"
#include "ui/config/presetstore.h"
#include "ui/window/mainwindow.h"

#include <QAction>
#include <QComboBox>
#include <QMenu>
#include <QSettings>
#include <QTest>

// A workload saved as a preset is there after a restart, beside the built-in ones, until it is
// removed; a name that is taken by a built-in preset, empty or too long is refused with a reason.
namespace {

const WorkloadSpec kMine{1234, 5, 60, 7000, 8000, Kernel::Hash, 42};

QStringList comboItems(MainWindow &window)
{
    auto *combo = part<ConfigPanel>(window)->findChild<QComboBox *>();
    QStringList items;
    for (int i = 0; i < combo->count(); ++i)
        items.append(combo->itemText(i));
    return items;
}

QStringList menuItems(MainWindow &window)
{
    QStringList items;
    for (QAction *a : part<WindowActions>(window)->presetsMenu()->actions())
        items.append(a->text());
    return items;
}

} // namespace

class TestUserPresets : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { isolateSettings(m_settings); }

    void aSavedPresetSurvivesARestartAndCanBeRemoved()
    {
        {
            MainWindow window;
            settle(window);
            part<ConfigPanel>(window)->setConfig(kMine, RunConfig{2, Partition::RoundRobin, false});
            QCOMPARE(part<PresetController>(window)->saveForm(QStringLiteral("  Mine ")),
                     std::nullopt);
            QVERIFY(comboItems(window).contains(QStringLiteral("Mine (yours)")));
            // Numbered after the built-in ones, as the menu's mnemonic.
            QVERIFY(menuItems(window).contains(
                QStringLiteral("&%1 Mine")
                    .arg(part<PresetController>(window)->presets().builtInCount() + 1)));
        }
        MainWindow window; // a restart
        settle(window);
        const int index =
            part<PresetController>(window)->presets().indexOfName(QStringLiteral("mine"));
        QVERIFY(index >= part<PresetController>(window)->presets().builtInCount());
        const Preset &mine = part<PresetController>(window)->presets().presets()[index];
        QVERIFY(mine.user);
        QCOMPARE(mine.plan.workload, kMine);
        QCOMPARE(mine.partition, std::optional<Partition>(Partition::RoundRobin));
        // Choosing it fills the form and names it.
        part<ConfigPanel>(window)->applyPreset(index);
        QCOMPARE(part<ConfigPanel>(window)->parsed().spec, kMine);
        QCOMPARE(part<ConfigPanel>(window)->findChild<QComboBox *>()->currentText(),
                 QStringLiteral("Mine (yours)"));

        QVERIFY(part<PresetController>(window)->remove(QStringLiteral("Mine")));
        QVERIFY(!part<PresetController>(window)->remove(QStringLiteral("Mine")));
        QVERIFY(!comboItems(window).contains(QStringLiteral("Mine (yours)")));
        QCOMPARE(part<ConfigPanel>(window)->findChild<QComboBox *>()->currentText(),
                 QStringLiteral("Custom"));
        MainWindow again;
        settle(again);
        QCOMPARE(part<PresetController>(again)->presets().indexOfName(QStringLiteral("Mine")), -1);
        QCOMPARE(part<PresetController>(again)->presets().presets().size(),
                 part<PresetController>(again)->presets().builtInCount());
    }

    void badNamesAreRefusedWithAReason_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("reason");
        QTest::newRow("built-in") << "cpu-heavy"
                                  << "“CPU-heavy” is a built-in preset";
        QTest::newRow("custom") << "Custom"
                                << "“Custom” stands for an edited form";
        QTest::newRow("empty") << "   "
                               << "a preset needs a name";
        QTest::newRow("long") << QString(41, QLatin1Char('a')) << "at most 40 characters";
        QTest::newRow("line break") << "a\nb"
                                    << "line breaks";
    }
    void badNamesAreRefusedWithAReason()
    {
        QFETCH(QString, name);
        QFETCH(QString, reason);
        MainWindow window;
        settle(window);
        const int before = int(part<PresetController>(window)->presets().presets().size());
        const auto refused = part<PresetController>(window)->saveForm(name);
        QVERIFY(refused.has_value());
        QVERIFY2(refused->contains(reason), qPrintable(*refused));
        QCOMPARE(int(part<PresetController>(window)->presets().presets().size()), before);
    }

    void savingUnderAUsedNameReplacesThatPreset()
    {
        MainWindow window;
        settle(window);
        part<ConfigPanel>(window)->setConfig(kMine, RunConfig{2, Partition::Contiguous, false});
        QCOMPARE(part<PresetController>(window)->saveForm(QStringLiteral("Twice")), std::nullopt);
        WorkloadSpec changed = kMine;
        changed.tasks = 999;
        part<ConfigPanel>(window)->setConfig(changed, RunConfig{2, Partition::Contiguous, false});
        QCOMPARE(part<PresetController>(window)->saveForm(QStringLiteral("twice")), std::nullopt);
        QCOMPARE(int(part<PresetController>(window)->presets().presets().size()),
                 part<PresetController>(window)->presets().builtInCount() + 1);
        QCOMPARE(part<PresetController>(window)->presets().presets().last().plan.workload.tasks,
                 999);
        QVERIFY(part<PresetController>(window)->remove(QStringLiteral("Twice")));
    }

    // toJson() once dropped the shapes: everything a preset holds must come back.
    void aPresetWithShapesAndHttpSurvivesARestart()
    {
        Preset preset;
        preset.name = QStringLiteral("Shaped http");
        preset.description = QStringLiteral("heavy tails over sockets");
        preset.plan.workload = kMine;
        preset.plan.workload.ioDist = Distribution::pareto(10, 50);
        preset.plan.workload.cpuDist = Distribution::bimodal(0.2);
        preset.partition = Partition::RoundRobin;
        TransportConfig &http = preset.plan.transport;
        http.kind = Transport::Http;
        http.connections = 4;
        http.responseBytes = 100;
        http.target = QStringLiteral("127.0.0.1:9999");
        http.serverLoops = 3;
        http.timeoutMs = 777;
        {
            QSettings settings;
            PresetStore store;
            QCOMPARE(store.saveUserPreset(preset, settings), std::nullopt);
        }
        QSettings settings;
        PresetStore store;
        store.loadUserPresets(settings);
        QVERIFY2(store.errors().isEmpty(), qPrintable(store.errors().join(u'\n')));
        const int index = store.indexOfName(preset.name);
        QVERIFY(index >= store.builtInCount());
        const Preset &back = store.presets()[index];
        QCOMPARE(back.description, preset.description);
        QVERIFY(back.plan == preset.plan);
        QCOMPARE(back.partition, preset.partition);
        QVERIFY(store.removeUserPreset(preset.name, settings));
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestUserPresets)
#include "tst_userpresets.moc"
