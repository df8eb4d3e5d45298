// SPDX-License-Identifier: MIT
#include "tests/support/uitestsupport.h"
#include "ui/config/presetstore.h"

#include <QSettings>
#include <QTest>

// A user preset's name, at each edge of what is allowed: the longest name is accepted and one
// character more is refused with the message the dialog shows; the spaces around a name do not
// count; a name is refused whole, never cut to fit.
class TestPresetStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { isolateSettings(m_settings); }

    void theLongestNameIsAcceptedAndOneMoreIsRefused()
    {
        static_assert(PresetStore::kMaxNameLength == 40, "the message below names 40");
        const QString longest(PresetStore::kMaxNameLength, QLatin1Char('a'));
        const QString tooLong = longest + QLatin1Char('b');
        const PresetStore store;
        QCOMPARE(store.checkName(longest), std::nullopt);
        QCOMPARE(store.checkName(QStringLiteral("  ") + longest + QStringLiteral(" \t")),
                 std::nullopt);
        QCOMPARE(store.checkName(tooLong),
                 std::optional<QString>(QStringLiteral("a preset name has at most 40 characters")));
        QCOMPARE(store.checkName(QStringLiteral("x")), std::nullopt); // the shortest
    }

    void savingChecksTheNameAtTheSameEdge()
    {
        QSettings settings;
        PresetStore store;
        const int before = int(store.presets().size());
        Preset preset;
        preset.name = QString(PresetStore::kMaxNameLength + 1, QLatin1Char('n'));
        QCOMPARE(store.saveUserPreset(preset, settings),
                 std::optional<QString>(QStringLiteral("a preset name has at most 40 characters")));
        QCOMPARE(int(store.presets().size()), before); // nothing saved, nothing cut
        preset.name.chop(1);
        QCOMPARE(store.saveUserPreset(preset, settings), std::nullopt);
        QCOMPARE(int(store.presets().size()), before + 1);
        QCOMPARE(store.presets().last().name, preset.name);
        QVERIFY(store.removeUserPreset(preset.name, settings));
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestPresetStore)
#include "tst_presetstore.moc"
