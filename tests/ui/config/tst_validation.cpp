// SPDX-License-Identifier: MIT
#include "core/experiment/plancodec.h"
#include "tests/support/uitestsupport.h"
#include "tests/support/windowparts.h"
#include "ui/config/configpanel.h"
#include "ui/config/configsettings.h"
#include "ui/config/presetstore.h"
#include "ui/window/mainwindow.h"

#include <QAction>
#include <QRegularExpression>
#include <QSettings>
#include <QTest>

// Every input path besides the form: preset files and restored settings go through the same
// validation, a bad value is named with its field and range, and nothing crashes. And the memory
// guard refuses a plan that does not fit, beside the Tasks field, with Run disabled.
class TestValidation : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { isolateSettings(m_settings); }

    void badPresetFilesAreSkippedWithFieldAndRange()
    {
        const PresetStore store(QStringLiteral(LOOPBENCH_TEST_DATA "/presets/mixed"));
        QCOMPARE(store.presets().size(), 1);
        const Preset &good = store.presets().first();
        QCOMPARE(good.name, QStringLiteral("Small"));
        QCOMPARE(good.plan.workload, (WorkloadSpec{100, 0, 10, 100, 5000, Kernel::Hash, 7}));
        QCOMPARE(good.partition, std::optional<Partition>(Partition::RoundRobin));

        // The core's codec words: the same sentences as the CLI and the form. These files are in
        // the dialect of presets before PlanCodec: their messages name the keys they wrote.
        const QStringList expected{
            "cpu-overflow.json: \"cpuIterations[1]\": 18446744073709551616 iterations is "
            "outside 0 to 4,000,000,000 iterations",
            "io-above-an-hour.json: \"ioMs[1]\": 3,600,001 ms is outside 0 to 3,600,000 ms",
            "io-min-above-max.json: \"ioMs[1]\": min 1,200 ms is above max 1,000 ms",
            "kernel-unknown.json: \"kernel\": 'quantum' is not one of sum, hash, article",
            "partition-unknown.json: \"partition\": 'zigzag' is not one of contiguous, "
            "round-robin",
            "tasks-fraction.json: \"tasks\": '2.5' is not a whole number from 1 to 50,000,000",
            "tasks-huge.json: \"tasks\": 1.0000000000000001e+300 is outside 1 to 50,000,000",
            "tasks-negative.json: \"tasks\": -5 is outside 1 to 50,000,000",
            "tasks-text.json: \"tasks\": 'lots' is not a whole number from 1 to 50,000,000",
            "tasks-zero.json: \"tasks\": 0 is outside 1 to 50,000,000",
        };
        QStringList errors = store.errors();
        // The JSON parser's own words follow "not JSON: "; the rest is ours, exactly.
        const auto notJson = errors.indexOf(
            QRegularExpression(QStringLiteral("^not-json\\.json: not JSON: .+ at offset \\d+$")));
        QVERIFY2(notJson >= 0, qPrintable(errors.join(u'\n')));
        errors.removeAt(notJson);
        errors.sort();
        QStringList sortedExpected = expected;
        sortedExpected.sort();
        QCOMPARE(errors, sortedExpected);
    }

    void aPresetWithAMisspeltKeyIsRefusedNotDefaulted()
    {
        QString error;
        const auto preset = PresetStore::fromJson(
            R"({"name": "Typo", "tasks": 5, "ioMs": [0, 1], "cpuIterations": [0, 1], "sede": 3})",
            &error);
        QVERIFY(!preset);
        QCOMPARE(error, QStringLiteral("\"sede\": unknown key (known: tasks, io_min_ms, "
                                       "io_max_ms, io_dist, cpu_min_iterations, "
                                       "cpu_max_iterations, cpu_dist, kernel, seed, transport, "
                                       "connections, response_bytes, target, server_loops, "
                                       "http_timeout_ms, name, description, partition, runtime)"));
        QVERIFY(PresetStore::fromJson(
            R"({"name": "Fine", "description": "d", "tasks": "10k", "ioMs": [0, 1],
                "cpuIterations": [0, "1M"]})"));
        QVERIFY(PresetStore::fromJson(
            R"({"name": "Fine", "tasks": "10k", "io_min_ms": 0, "cpu_max_iterations": "1M"})"));
    }

    void corruptedSettingsFallBackFieldByField()
    {
        {
            QSettings s;
            s.clear();
            s.beginGroup(QStringLiteral("config"));
            s.setValue(QStringLiteral("tasks"), QStringLiteral("lots"));
            s.setValue(QStringLiteral("ioMinMs"), 1200);
            s.setValue(QStringLiteral("ioMaxMs"), 1000);
            s.setValue(QStringLiteral("cpuMin"), QStringLiteral("99999999999999999999999"));
            s.setValue(QStringLiteral("cpuMax"), QStringLiteral("5"));
            s.setValue(QStringLiteral("shards"), 5000);
            s.setValue(QStringLiteral("shardList"), QStringLiteral("1,0,2"));
            s.setValue(QStringLiteral("repeats"), -3);
            s.setValue(QStringLiteral("seed"), QStringLiteral("123"));
            s.setValue(QStringLiteral("kernel"), QStringLiteral("quantum"));
            s.setValue(QStringLiteral("partition"), QStringLiteral("round-robin"));
            s.endGroup();
        }
        QSettings s;
        QStringList problems;
        const ConfigInput in = ConfigSettings::load(s, &problems);
        const ConfigInput defaults = ConfigSettings::defaults();
        const ConfigInput::Parsed parsed = in.parse();
        QVERIFY(parsed.ok());
        // Bad fields are back to their defaults; the good ones are kept.
        QCOMPARE(in.tasks, defaults.tasks);
        QCOMPARE(in.ioMinMs, defaults.ioMinMs);
        QCOMPARE(in.ioMaxMs, defaults.ioMaxMs);
        QCOMPARE(in.shards, defaults.shards);
        QCOMPARE(in.shardList, defaults.shardList);
        QCOMPARE(in.repeats, defaults.repeats);
        QCOMPARE(in.kernel, defaults.kernel);
        QCOMPARE(parsed.spec.seed, std::uint64_t{123});
        QCOMPARE(parsed.config.partition, Partition::RoundRobin);

        const QString all = problems.join(u'\n');
        for (const char *expected :
             {"config/kernel: 'quantum' is not one of sum, hash, article (default used)",
              "config/tasks: 'lots' is not a whole number from 1 to 50,000,000 (default used)",
              "config/io: min 1,200 ms is above max 1,000 ms (default used)",
              "config/cpu: min 99999999999999999999999 iterations is outside 0 to "
              "4,000,000,000 iterations (default used)",
              "config/shards: 5,000 is outside 1 to 1,024 (default used)",
              "config/shardList: 0 is outside 1 to 1,024 (default used)",
              "config/repeat: -3 is outside 1 to 1,000 (default used)"})
            QVERIFY2(all.contains(QString::fromUtf8(expected)), qPrintable(all));
        QCOMPARE(problems.size(), 7);
        QVERIFY2(all.contains(QStringLiteral("config/cpu: ")), qPrintable(all));

        // And the window opens on them, valid, Run enabled once calibrated.
        MainWindow window;
        settle(window);
        QVERIFY(part<ConfigPanel>(window)->isValid());
        QTRY_VERIFY_WITH_TIMEOUT(part<WindowActions>(window)->sweep()->isEnabled(), 5000);
        s.clear();
    }

    // The transport is saved with the form and comes back with it; a damaged value falls back
    // alone, in the CLI's words.
    void theTransportIsSavedAndRestored()
    {
        {
            QSettings s;
            s.clear();
            ConfigInput in = ConfigSettings::defaults();
            in.transport = QStringLiteral("http");
            in.connections = QStringLiteral("12");
            in.responseBytes = QStringLiteral("1000");
            ConfigSettings::save(s, in);
        }
        {
            MainWindow window; // a restart
            settle(window);
            const TransportConfig &t = part<ConfigPanel>(window)->parsed().transport;
            QCOMPARE(t.kind, Transport::Http);
            QCOMPARE(t.connections, 12);
            QCOMPARE(t.responseBytes, 1000);
        }
        QSettings s;
        s.setValue(QStringLiteral("config/connections"), QStringLiteral("none"));
        QStringList problems;
        const ConfigInput in = ConfigSettings::load(s, &problems);
        QCOMPARE(in.transport, QStringLiteral("http"));
        QCOMPARE(in.connections, ConfigSettings::defaults().connections);
        QCOMPARE(in.responseBytes, QStringLiteral("1000"));
        QCOMPARE(problems,
                 QStringList{QStringLiteral("config/connections: 'none' is not a whole number from "
                                            "1 to 1,000,000 (or per-task) (default used)")});
        s.setValue(QStringLiteral("config/transport"), QStringLiteral("carrier pigeon"));
        QCOMPARE(ConfigSettings::load(s).transport, QStringLiteral("timer"));
        s.clear();
    }

    // Every field of the plan is saved under its PlanCodec key; settings written before (their
    // "ioMinMs", "responseBytes", ...) are read and then written under the new keys.
    void settingsKeepThePlanUnderTheCodecsKeys()
    {
        QSettings s;
        s.clear();
        s.setValue(QStringLiteral("config/ioMinMs"), QStringLiteral("7"));
        s.setValue(QStringLiteral("config/responseBytes"), QStringLiteral("123"));
        ConfigInput in = ConfigSettings::load(s);
        QCOMPARE(in.ioMinMs, QStringLiteral("7"));
        QCOMPARE(in.responseBytes, QStringLiteral("123"));
        ConfigSettings::save(s, in);
        for (const PlanField &f : PlanCodec::fields()) {
            QVERIFY2(s.contains(QStringLiteral("config/") + QLatin1String(f.key)), f.key);
            QCOMPARE(s.value(QStringLiteral("config/") + QLatin1String(f.key)).toString(),
                     in.*f.text);
        }
        QVERIFY(!s.contains(QStringLiteral("config/ioMinMs")));
        QVERIFY(!s.contains(QStringLiteral("config/responseBytes")));
        QCOMPARE(ConfigSettings::load(s), in);
        s.clear();
    }

    void memoryGuardRefusesBesideTasksAndDisablesRun()
    {
        MainWindow window;
        settle(window);
        ConfigPanel *panel = part<ConfigPanel>(window);
        QTRY_VERIFY_WITH_TIMEOUT(part<WindowActions>(window)->compare()->isEnabled(), 5000);
        // 64 MB available: half may be used, so ~130k tasks fit; ask for a million.
        panel->setMemoryGuard(MemoryGuard{64ull * 1024 * 1024});
        panel->setConfig(WorkloadSpec{1'000'000, 0, 10, 0, 10, Kernel::Sum, 1},
                         RunConfig{2, Partition::Contiguous, false});
        // Run's K decides the message beside Tasks (the shard list is Sweep's alone).
        const auto error =
            MemoryGuard{64ull * 1024 * 1024}.check(1'000'000, panel->parsed().config.shards);
        QVERIFY(error.has_value());
        QCOMPARE(panel->errorText(QStringLiteral("tasks")), error->message);
        QVERIFY(error->message.contains(QStringLiteral("at most")));
        for (QAction *run :
             {part<WindowActions>(window)->runOne(), part<WindowActions>(window)->runK(),
              part<WindowActions>(window)->compare(), part<WindowActions>(window)->sweep(),
              part<WindowActions>(window)->repeatCompare()})
            QVERIFY(!run->isEnabled());
        panel->setConfig(WorkloadSpec{1000, 0, 10, 0, 10, Kernel::Sum, 1},
                         RunConfig{2, Partition::Contiguous, false});
        QVERIFY(panel->errorText(QStringLiteral("tasks")).isEmpty());
        QVERIFY(part<WindowActions>(window)->sweep()->isEnabled());
    }

    void aSweepThatDoesNotFitIsRefusedBesideTheShardListOnly()
    {
        MainWindow window;
        settle(window);
        ConfigPanel *panel = part<ConfigPanel>(window);
        QTRY_VERIFY_WITH_TIMEOUT(part<WindowActions>(window)->compare()->isEnabled(), 5000);
        // 64 MB available, half usable: 2 shards of 1,000 tasks fit, 1,024 shards (256 KiB
        // each) do not.
        panel->setMemoryGuard(MemoryGuard{64ull * 1024 * 1024});
        panel->setConfig(WorkloadSpec{1000, 0, 10, 0, 10, Kernel::Sum, 1},
                         RunConfig{2, Partition::Contiguous, false});
        panel->setExperiment(QStringLiteral("1,1024"), 5, true);
        QVERIFY(panel->errorText(QStringLiteral("tasks")).isEmpty());
        QVERIFY(panel->errorText(QStringLiteral("shards")).isEmpty());
        QVERIFY2(
            panel->errorText(QStringLiteral("shardList")).startsWith(QStringLiteral("K = 1024: ")),
            qPrintable(panel->errorText(QStringLiteral("shardList"))));
        QVERIFY(part<WindowActions>(window)->compare()->isEnabled());
        QVERIFY(part<WindowActions>(window)->repeatCompare()->isEnabled());
        QVERIFY(!part<WindowActions>(window)->sweep()->isEnabled());
    }

    void shardListAcceptsListsAndSweepAndRefusesTheRest_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("list") << "1,2,3,4,8" << true;
        QTest::newRow("sweep") << "sweep" << true;
        QTest::newRow("zero") << "1,0" << false;
        QTest::newRow("too many shards") << "1,2048" << false;
        QTest::newRow("text") << "many" << false;
        QTest::newRow("negative") << "-2" << false;
        QTest::newRow("overflow") << "1,99999999999999999999" << false;
    }
    void shardListAcceptsListsAndSweepAndRefusesTheRest()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        ConfigInput in = ConfigSettings::defaults();
        in.shardList = text;
        const ConfigInput::Parsed p = in.parse();
        QCOMPARE(p.ok(), valid);
        if (!valid)
            QCOMPARE(p.errors.first().field, QStringLiteral("shardList"));
        else if (text == QLatin1String("sweep"))
            QCOMPARE(p.shardCounts, sweepShardCounts(QThread::idealThreadCount()));
        else
            QCOMPARE(p.shardCounts, (QList<int>{1, 2, 3, 4, 8}));
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestValidation)
#include "tst_validation.moc"
