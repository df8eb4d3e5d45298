// SPDX-License-Identifier: MIT
#include "core/experiment/experimentestimate.h"
#include "tests/support/textrows.h"
#include "tests/support/uitestsupport.h"
#include "tests/support/windowparts.h"
#include "ui/common/formatting.h"
#include "ui/common/translations.h"
#include "ui/config/configpanel.h"
#include "ui/config/configsettings.h"
#include "ui/config/presetstore.h"
#include "ui/control/calibrator.h"
#include "ui/control/runcontroller.h"
#include "ui/window/mainwindow.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QProcess>
#include <QScrollArea>
#include <QTest>
#include <QThread>

#include <limits>
#include <tuple>

// The config form against the core's value types: what goes in comes out, and every invalid
// input is shown beside its field in the core's words while Run stays disabled.
class TestConfigPanel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { isolateSettings(m_settings); }

    void roundTripsSpecAndConfigThroughTheForm_data()
    {
        QTest::addColumn<int>("tasks");
        QTest::addColumn<int>("ioMin");
        QTest::addColumn<int>("ioMax");
        QTest::addColumn<quint64>("cpuMin");
        QTest::addColumn<quint64>("cpuMax");
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<int>("kernel");
        QTest::addColumn<int>("shards");
        QTest::addColumn<int>("partition");
        QTest::addColumn<bool>("pin");
        QTest::newRow("defaults") << 10000 << 200 << 1000 << quint64{100000} << quint64{500000}
                                  << quint64{20240601} << int(Kernel::Sum) << 4
                                  << int(Partition::Contiguous) << false;
        QTest::newRow("odd values") << 1 << 0 << 0 << quint64{1234567} << quint64{2500000}
                                    << quint64{18446744073709551615ULL} << int(Kernel::Hash) << 1024
                                    << int(Partition::RoundRobin) << true;
        QTest::newRow("limits") << WorkloadSpec::kMaxTasks << WorkloadSpec::kMaxIoMs
                                << WorkloadSpec::kMaxIoMs << quint64{0}
                                << quint64{WorkloadSpec::kMaxIterations} << quint64{0}
                                << int(Kernel::Sum) << 3 << int(Partition::Contiguous) << false;
    }
    void roundTripsSpecAndConfigThroughTheForm()
    {
        QFETCH(int, tasks);
        QFETCH(int, ioMin);
        QFETCH(int, ioMax);
        QFETCH(quint64, cpuMin);
        QFETCH(quint64, cpuMax);
        QFETCH(quint64, seed);
        QFETCH(int, kernel);
        QFETCH(int, shards);
        QFETCH(int, partition);
        QFETCH(bool, pin);
        const WorkloadSpec spec{tasks, ioMin, ioMax, cpuMin, cpuMax, Kernel(kernel), seed};
        const RunConfig config{shards, Partition(partition), pin};

        PresetStore presets;
        ConfigPanel panel(presets);
        // The "limits" row needs ~12 GB: admit it, this test is about the text round trip.
        panel.setMemoryGuard(MemoryGuard{std::numeric_limits<std::uint64_t>::max()});
        panel.setConfig(spec, config);
        QVERIFY(panel.isValid());
        QCOMPARE(panel.parsed().spec, spec);
        QCOMPARE(panel.parsed().config, config);
        // And through the text a user sees: re-parsing the form's own text gives the same.
        QCOMPARE(panel.input(), ConfigInput::from(spec, config));
        QCOMPARE(ConfigInput::from(spec, config).parse().spec, spec);
    }

    void typedTextBecomesTheSpec()
    {
        PresetStore presets;
        ConfigPanel panel(presets);
        auto *tasks = findEdit(panel, QStringLiteral("Task count"));
        auto *cpuMax = findEdit(panel, QStringLiteral("CPU work maximum, iterations"));
        tasks->selectAll();
        QTest::keyClicks(tasks, QStringLiteral("12,345"));
        cpuMax->selectAll();
        QTest::keyClicks(cpuMax, QStringLiteral("2.5M"));
        QVERIFY(panel.isValid());
        QCOMPARE(panel.parsed().spec.tasks, 12345);
        QCOMPARE(panel.parsed().spec.cpuMax, std::uint64_t{2500000});
    }

    void showsMessageBesideFieldAndDisablesRun_data()
    {
        QTest::addColumn<QString>("edit"); // accessible name of the line edit
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        // The sentences the CLI prints after "--tasks: ", "--io: ", ... (tst_cli, tst_speccodec).
        textRow("no tasks", "Task count", "0", "tasks", "0 is outside 1 to 50,000,000");
        // One past each maximum (the maximum itself is roundTripsSpecAndConfigThroughTheForm's
        // "limits" row).
        textRow("tasks one above max", "Task count", "50000001", "tasks",
                "50,000,001 is outside 1 to 50,000,000");
        textRow("io one above max", "IO delay maximum, ms", "3600001", "io",
                "max 3,600,001 ms is outside 0 to 3,600,000 ms");
        textRow("cpu one above max", "CPU work maximum, iterations", "4000000001", "cpu",
                "max 4,000,000,001 iterations is outside 0 to 4,000,000,000 iterations");
        textRow("shards one above max", "Shard count K", "1025", "shards",
                "1,025 is outside 1 to 1,024");
        textRow("io min above max", "IO delay minimum, ms", "1200", "io",
                "min 1,200 ms is above max 1,000 ms");
        textRow("io beyond limit", "IO delay maximum, ms", "4000000", "io",
                "max 4,000,000 ms is outside 0 to 3,600,000 ms");
        textRow("cpu not a number", "CPU work minimum, iterations", "lots", "cpu",
                "min 'lots' is not a whole number from 0 to 4,000,000,000 iterations");
        textRow("no shards", "Shard count K", "0", "shards", "0 is outside 1 to 1,024");
        textRow("bad seed", "Seed", "seed", "seed",
                "'seed' is not a whole number from 0 to 18,446,744,073,709,551,615");
    }
    void showsMessageBesideFieldAndDisablesRun()
    {
        QFETCH(QString, edit);
        QFETCH(QString, text);
        QFETCH(QString, field);
        QFETCH(QString, message);
        MainWindow window;
        settle(window);
        ConfigPanel *panel = part<ConfigPanel>(window);
        panel->setConfig(WorkloadSpec{}, RunConfig{2, Partition::Contiguous, false});
        QTRY_VERIFY_WITH_TIMEOUT(part<WindowActions>(window)->compare()->isEnabled(),
                                 5000); // calibrated

        QLineEdit *lineEdit = findEdit(*panel, edit);
        lineEdit->selectAll();
        QTest::keyClicks(lineEdit, text);

        QVERIFY(!panel->isValid());
        QCOMPARE(panel->errorText(field), message);
        // Marked in the field itself too: a warning action with the message as its tooltip.
        QCOMPARE(lineEdit->actions().size(), 1);
        QVERIFY(lineEdit->actions().first()->isVisible());
        for (QAction *run :
             {part<WindowActions>(window)->runOne(), part<WindowActions>(window)->runK(),
              part<WindowActions>(window)->compare()})
            QVERIFY(!run->isEnabled());

        // Fixing it clears the message and enables Run again.
        panel->setConfig(WorkloadSpec{}, RunConfig{2, Partition::Contiguous, false});
        panel->setExperiment(QStringLiteral("sweep"), 5, true);
        QVERIFY(panel->errorText(field).isEmpty());
        QVERIFY(!lineEdit->actions().first()->isVisible());
        QVERIFY(part<WindowActions>(window)->compare()->isEnabled());
    }

    void choosingHttpCarriesTheTransportAndChecksItsFields()
    {
        MainWindow window;
        settle(window);
        ConfigPanel *panel = part<ConfigPanel>(window);
        panel->setConfig(WorkloadSpec{}, RunConfig{2, Partition::Contiguous, false});
        panel->setExperiment(QStringLiteral("1,2"), 1, false);
        QTRY_VERIFY_WITH_TIMEOUT(part<WindowActions>(window)->compare()->isEnabled(),
                                 5000); // calibrated
        QComboBox *transport = nullptr;
        for (QComboBox *c : panel->findChildren<QComboBox *>()) {
            if (c->accessibleName() == u"Transport")
                transport = c;
        }
        QVERIFY(transport);
        QLineEdit *connections = findEdit(*panel, QStringLiteral("HTTP connections"));
        QLineEdit *bytes = findEdit(*panel, QStringLiteral("Response bytes"));
        QVERIFY(!connections->isEnabled() && !bytes->isEnabled()); // timer: nothing to set
        QCOMPARE(panel->parsed().sweepSpec().transport.kind, Transport::Timer);

        transport->setCurrentIndex(transport->findData(int(Transport::Http)));
        QVERIFY(connections->isEnabled() && bytes->isEnabled());
        connections->selectAll();
        QTest::keyClicks(connections, QStringLiteral("8"));
        bytes->selectAll();
        QTest::keyClicks(bytes, QStringLiteral("64k"));
        QVERIFY(panel->isValid());
        const ExperimentSpec spec = panel->parsed().sweepSpec();
        QCOMPARE(spec.transport.kind, Transport::Http);
        QCOMPARE(spec.transport.connections, 8);
        QCOMPARE(spec.transport.responseBytes, 64'000);
        QCOMPARE(panel->parsed().repeatCompareSpec().transport, spec.transport);

        // A bad pool size: the CLI's sentence beside the field, and nothing can run.
        connections->selectAll();
        QTest::keyClicks(connections, QStringLiteral("0"));
        QCOMPARE(panel->errorText(QStringLiteral("connections")),
                 QStringLiteral("0 is outside 1 to 1,000,000 (or per-task)"));
        QVERIFY(connections->actions().first()->isVisible());
        QVERIFY(!panel->canRun());
        for (QAction *run :
             {part<WindowActions>(window)->runOne(), part<WindowActions>(window)->runK(),
              part<WindowActions>(window)->compare(), part<WindowActions>(window)->sweep()})
            QVERIFY(!run->isEnabled());
        // Every request holds a descriptor: too many in flight for the limit is refused beside
        // Tasks (one connection each) and allowed again with a small pool.
        panel->setDescriptorGuard(DescriptorGuard{5000, 10});
        connections->selectAll();
        QTest::keyClicks(connections, QStringLiteral("per-task"));
        QVERIFY(
            panel->errorText(QStringLiteral("tasks"))
                .startsWith(QStringLiteral("10,000 requests in flight need 10,044 open files")));
        QVERIFY(!panel->canRun());
        connections->selectAll();
        QTest::keyClicks(connections, QStringLiteral("100"));
        QVERIFY(panel->canRun());
        connections->selectAll();
        QTest::keyClicks(connections, QStringLiteral("0"));
        // Back to the timer: the bad text stays in its disabled field and blocks nothing.
        transport->setCurrentIndex(transport->findData(int(Transport::Timer)));
        QVERIFY(panel->errorText(QStringLiteral("connections")).isEmpty());
        QVERIFY(part<WindowActions>(window)->compare()->isEnabled());
        QCOMPARE(connections->text(), QStringLiteral("0"));
    }

    void invalidShardListDisablesOnlySweep()
    {
        MainWindow window;
        settle(window);
        ConfigPanel *panel = part<ConfigPanel>(window);
        panel->setConfig(WorkloadSpec{}, RunConfig{2, Partition::Contiguous, false});
        panel->setExperiment(QStringLiteral("1,2"), 5, true);
        QTRY_VERIFY_WITH_TIMEOUT(part<WindowActions>(window)->sweep()->isEnabled(),
                                 5000); // calibrated
        QCOMPARE(part<WindowActions>(window)->sweep()->iconText(), QStringLiteral("Sweep K = 1,2"));

        QLineEdit *list = findEdit(*panel, QStringLiteral("Shard counts"));
        list->selectAll();
        QTest::keyClicks(list, QStringLiteral("1,2048"));
        QCOMPARE(panel->errorText(QStringLiteral("shardList")),
                 QStringLiteral("2,048 is outside 1 to 1,024"));
        QVERIFY(!panel->isValid());
        QVERIFY(panel->canRun());
        for (QAction *run :
             {part<WindowActions>(window)->runOne(), part<WindowActions>(window)->runK(),
              part<WindowActions>(window)->compare(), part<WindowActions>(window)->repeatCompare()})
            QVERIFY2(run->isEnabled(), qPrintable(run->objectName()));
        QVERIFY(!part<WindowActions>(window)->sweep()->isEnabled());
        // The label follows the input: no stale "K = 1,2" for a list that is not there.
        QVERIFY(!part<WindowActions>(window)->sweep()->iconText().contains(QStringLiteral("1,2")));

        list->selectAll();
        QTest::keyClicks(list, QStringLiteral("1,3"));
        QVERIFY(part<WindowActions>(window)->sweep()->isEnabled());
        QCOMPARE(part<WindowActions>(window)->sweep()->iconText(), QStringLiteral("Sweep K = 1,3"));
    }

    void labelsSayOneLoopAndTwoLoops()
    {
        MainWindow window;
        settle(window);
        ConfigPanel *panel = part<ConfigPanel>(window);
        panel->setConfig(WorkloadSpec{}, RunConfig{1, Partition::Contiguous, false});
        panel->setExperiment(QStringLiteral("1,2"), 5, true);
        QCOMPARE(part<WindowActions>(window)->runK()->iconText(), QStringLiteral("Run 1 loop"));
        QCOMPARE(part<WindowActions>(window)->compare()->iconText(),
                 QStringLiteral("Compare 1 vs 1 loop"));
        QCOMPARE(part<WindowActions>(window)->repeatCompare()->iconText(),
                 QStringLiteral("Repeat 1 vs 1 loop, R = 5"));
        panel->setConfig(WorkloadSpec{}, RunConfig{2, Partition::Contiguous, false});
        QCOMPARE(part<WindowActions>(window)->runK()->iconText(), QStringLiteral("Run 2 loops"));
        QCOMPARE(part<WindowActions>(window)->compare()->iconText(),
                 QStringLiteral("Compare 1 vs 2 loops"));
        // An invalid K leaves no stale number behind.
        QLineEdit *shards = findEdit(*panel, QStringLiteral("Shard count K"));
        shards->selectAll();
        QTest::keyClicks(shards, QStringLiteral("0"));
        QCOMPARE(part<WindowActions>(window)->runK()->iconText(), QStringLiteral("Run K loops"));
    }

    void typingDoesNotMoveTheFields()
    {
        PresetStore presets;
        ConfigPanel panel(presets);
        // Wide enough for each message below on one line: a longer one wraps (formFits...).
        panel.resize(800, 1200);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QLineEdit *tasks = findEdit(panel, QStringLiteral("Task count"));
        QLineEdit *seed = findEdit(panel, QStringLiteral("Seed"));
        QLineEdit *list = findEdit(panel, QStringLiteral("Shard counts"));
        auto positions = [&] {
            QCoreApplication::processEvents();
            panel.layout()->activate();
            return QList<int>{tasks->mapTo(&panel, QPoint()).y(), seed->mapTo(&panel, QPoint()).y(),
                              list->mapTo(&panel, QPoint()).y()};
        };
        panel.applyPreset(3); // the longest description
        const QList<int> before = positions();
        // The first edit leaves the preset (its description) and then makes two errors.
        QTest::keyClicks(tasks, QStringLiteral("x"));
        QVERIFY(!panel.errorText(QStringLiteral("tasks")).isEmpty());
        QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("presetDescription"))->text(),
                 QStringLiteral("Your own workload."));
        QCOMPARE(positions(), before);
        QLineEdit *ioMin = findEdit(panel, QStringLiteral("IO delay minimum, ms"));
        ioMin->selectAll();
        QTest::keyClicks(ioMin, QStringLiteral("20000"));
        QVERIFY(!panel.errorText(QStringLiteral("io")).isEmpty());
        QCOMPARE(positions(), before);
    }

    void presetsComeFromResources()
    {
        PresetStore presets;
        QVERIFY2(presets.errors().isEmpty(), qPrintable(presets.errors().join(u'\n')));
        QStringList names;
        for (const Preset &p : presets.presets())
            names.append(p.name);
        QCOMPARE(names,
                 (QStringList{QStringLiteral("Original experiment"), QStringLiteral("CPU-heavy"),
                              QStringLiteral("IO-only"), QStringLiteral("Heavy-tailed crawl"),
                              QStringLiteral("Loopback HTTP crawl"),
                              QStringLiteral("The article, in Python")}));
        // The article's own experiment on the article's own runtime, with its own loop.
        QCOMPARE(presets.presets()[5].runtime, Runtime::Asyncio);
        QCOMPARE(presets.presets()[5].plan.workload.kernel, Kernel::Article);
        QVERIFY(!presets.presets()[0].runtime.has_value());
        QCOMPARE(presets.presets()[3].plan.workload.ioDist, Distribution::logNormal(300, 3000));
        QCOMPARE(presets.presets()[3].plan.workload.cpuDist, Distribution::pareto(200000, 2000000));
        // The original experiment is the core's default plan with the article's own kernel.
        Plan original;
        original.workload.kernel = Kernel::Article;
        QVERIFY(presets.presets()[0].plan == original);
        QCOMPARE(presets.presets()[2].plan.workload.cpuMax, std::uint64_t{0});
        QCOMPARE(presets.indexOf(original), 0);
        QCOMPARE(presets.indexOf(Plan{}), -1);
        // The loopback crawl fetches over http; the others over the timer.
        QCOMPARE(presets.presets()[4].plan.transport.kind, Transport::Http);
        ConfigPanel panel(presets);
        panel.applyPreset(4);
        QCOMPARE(panel.parsed().transport.kind, Transport::Http);
        QCOMPARE(panel.parsed().spec, presets.presets()[4].plan.workload);
        // The same workload over the timer is not that preset.
        QCOMPARE(presets.indexOf(Plan{presets.presets()[4].plan.workload, TransportConfig{}}), -1);
    }

    // A preset sets every field of the plan: a field it does not name takes its default, so the
    // original experiment after the http crawl runs over the timer again.
    void aPresetSetsEveryFieldOfThePlan()
    {
        PresetStore presets;
        ConfigPanel panel(presets);
        for (int i = 0; i < presets.presets().size(); ++i) {
            for (int before = 0; before < presets.presets().size(); ++before) {
                panel.applyPreset(before);
                panel.applyPreset(i);
                const Preset &p = presets.presets()[i];
                QVERIFY2(
                    Plan({panel.parsed().spec, panel.parsed().transport}) == p.plan,
                    qPrintable(
                        QStringLiteral("%1 after %2").arg(p.name, presets.presets()[before].name)));
                QCOMPARE(presets.indexOf(p.plan), i);
            }
        }
        panel.applyPreset(4);
        panel.applyPreset(0);
        QCOMPARE(panel.parsed().transport, TransportConfig{});
    }

    void choosingAPresetKeepsShardsAndShowsItsName()
    {
        PresetStore presets;
        ConfigPanel panel(presets);
        panel.setConfig(WorkloadSpec{}, RunConfig{3, Partition::RoundRobin, true});
        panel.applyPreset(1);
        QCOMPARE(panel.parsed().spec, presets.presets()[1].plan.workload);
        QCOMPARE(panel.parsed().config, (RunConfig{3, Partition::RoundRobin, true}));
    }

    void shapesAreChosenAndCheckedBesideTheirField()
    {
        PresetStore presets;
        ConfigPanel panel(presets);
        QComboBox *shape = nullptr;
        for (QComboBox *c : panel.findChildren<QComboBox *>()) {
            if (c->accessibleName() == u"IO delay shape")
                shape = c;
        }
        QVERIFY(shape);
        auto *params = findEdit(panel, QStringLiteral("IO delay shape parameters"));
        QVERIFY(!params->isEnabled()); // uniform takes none

        // Chosen from the list, a shape starts from parameters inside the 200:1000 ms range.
        shape->setCurrentIndex(shape->findText(QStringLiteral("lognormal")));
        emit shape->activated(shape->currentIndex());
        QVERIFY(params->isEnabled());
        QVERIFY(panel.isValid());
        QCOMPARE(panel.parsed().spec.ioDist, Distribution::logNormal(400, 920));

        // Typed parameters are checked against the range, beside the field, in the CLI's words.
        params->selectAll();
        QTest::keyClicks(params, QStringLiteral("median=300, p99=3000"));
        QVERIFY(!panel.isValid());
        QCOMPARE(panel.errorText(QStringLiteral("ioDist")),
                 QStringLiteral("p99 3,000 ms is outside 200 to 1,000 ms"));
        QVERIFY(params->actions().first()->isVisible());

        shape->setCurrentIndex(shape->findText(QStringLiteral("uniform")));
        emit shape->activated(shape->currentIndex());
        QVERIFY(panel.isValid());
        QCOMPARE(panel.parsed().spec.ioDist, Distribution::uniform());

        // A preset's shapes land in the form and read back as the preset.
        panel.applyPreset(3);
        QCOMPARE(panel.parsed().spec, presets.presets()[3].plan.workload);
        QCOMPARE(findEdit(panel, QStringLiteral("CPU work shape parameters"))->text(),
                 QStringLiteral("median=200000,p99=2000000"));
    }

    // The runtimes checked and the interpreter typed reach the experiment every action runs,
    // and saved settings keep them.
    void theRuntimeChoiceReachesTheExperiment()
    {
        PresetStore presets;
        ConfigPanel panel(presets);
        QCOMPARE(panel.parsed().runtimes, QList<Runtime>{Runtime::Threads});
        QVERIFY(runtimeBox(panel, Runtime::Threads)->isChecked());
        runtimeBox(panel, Runtime::Stealing)->setChecked(true);
        runtimeBox(panel, Runtime::Processes)->setChecked(true);
        // In the table's order, whatever the order they were checked in.
        QCOMPARE(panel.input().runtime, QStringLiteral("threads,processes,stealing"));
        panel.findChild<QLineEdit *>(QStringLiteral("python"))
            ->setText(QStringLiteral(" /opt/venv/bin/python3 "));
        const ExperimentSpec sweep = panel.parsed().sweepSpec();
        QCOMPARE(sweep.runtimes,
                 (QList<Runtime>{Runtime::Threads, Runtime::Processes, Runtime::Stealing}));
        QCOMPARE(sweep.python, QStringLiteral("/opt/venv/bin/python3"));
        QCOMPARE(panel.parsed().repeatCompareSpec().runtimes, sweep.runtimes);

        // None checked is an error beside the row, in the codec's words.
        for (Runtime r : {Runtime::Threads, Runtime::Processes, Runtime::Stealing})
            runtimeBox(panel, r)->setChecked(false);
        QVERIFY(!panel.canRun());
        QCOMPARE(panel.errorText(QStringLiteral("runtime")), QStringLiteral("no runtime given"));

        panel.setRuntimes({Runtime::Stealing, Runtime::Threads});
        QSettings settings;
        ConfigSettings::save(settings, panel.input());
        const ConfigInput loaded = ConfigSettings::load(settings);
        QCOMPARE(loaded.runtime, QStringLiteral("threads,stealing"));
        QCOMPARE(loaded.python, QStringLiteral(" /opt/venv/bin/python3 "));
        ConfigPanel restored(presets);
        restored.setConfig(loaded.parse().spec, loaded.parse().config);
        restored.setRuntimes(loaded.parse().runtimes);
        QCOMPARE(restored.input().runtime, loaded.runtime);
        QCOMPARE(restored.parsed().config.python, QStringLiteral("/opt/venv/bin/python3"));
        settings.clear(); // the windows of later tests start from defaults

        // The whole input at once (the history's Load into the form) carries every runtime, not
        // only the first that setConfig() holds.
        ConfigPanel fromHistory(presets);
        fromHistory.setInput(loaded);
        QCOMPARE(fromHistory.input().runtime, QStringLiteral("threads,stealing"));
        QCOMPARE(fromHistory.parsed().sweepSpec().runtimes,
                 (QList<Runtime>{Runtime::Threads, Runtime::Stealing}));

        // A preset about one runtime selects it; one about none keeps the user's.
        restored.applyPreset(5);
        QCOMPARE(restored.parsed().runtimes, QList<Runtime>{Runtime::Asyncio});
        restored.setRuntimes({Runtime::Threads, Runtime::Stealing});
        restored.applyPreset(1);
        QCOMPARE(restored.parsed().runtimes, (QList<Runtime>{Runtime::Threads, Runtime::Stealing}));
    }

    // The interpreter is asked off the GUI thread; an unusable one disables the asyncio
    // runtimes with the reason the CLI prints, and one chosen anyway stops Run with that reason
    // beside the Python field.
    void anUnusablePythonDisablesTheAsyncioRuntimesWithTheReason()
    {
        PresetStore presets;
        ConfigPanel panel(presets);
        QLineEdit *python = panel.findChild<QLineEdit *>(QStringLiteral("python"));
        python->setText(QStringLiteral("/nonexistent/python3"));
        const QString missing =
            QStringLiteral("cannot run here: '/nonexistent/python3' does not exist");
        for (Runtime r : {Runtime::Asyncio, Runtime::AsyncioUvloop}) {
            QCheckBox *box = runtimeBox(panel, r);
            QTRY_VERIFY_WITH_TIMEOUT(!box->isEnabled(), 15000);
            QCOMPARE(box->toolTip(), runtimeName(r) + QLatin1Char(' ') + missing);
        }
        QVERIFY(runtimeBox(panel, Runtime::Threads)->isEnabled());
        QVERIFY(runtimeBox(panel, Runtime::Stealing)->isEnabled());
        QVERIFY(panel.runtimesChecked());
        QVERIFY(panel.canRun());

        panel.setRuntimes({Runtime::Threads, Runtime::Asyncio});
        QVERIFY(runtimeBox(panel, Runtime::Asyncio)->isEnabled()); // to be unchecked
        QVERIFY(!panel.canRun());
        QCOMPARE(panel.errorText(QStringLiteral("python")), QStringLiteral("asyncio ") + missing);

        // An interpreter that starts and fails: its last words are the reason.
        QTemporaryDir dir;
        const QString broken = dir.filePath(QStringLiteral("python3"));
        QFile script(broken);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\necho 'this venv is broken' >&2\nexit 1\n");
        script.close();
        script.setPermissions(script.permissions() | QFileDevice::ExeOwner);
        python->setText(broken);
        QVERIFY(!panel.runtimesChecked()); // asked again for the new path
        QTRY_VERIFY_WITH_TIMEOUT(panel.runtimesChecked(), 15000);
        QCOMPARE(panel.errorText(QStringLiteral("python")),
                 QStringLiteral("asyncio cannot run here: %1: this venv is broken").arg(broken));
        QCOMPARE(
            runtimeBox(panel, Runtime::AsyncioUvloop)->toolTip(),
            QStringLiteral("asyncio-uvloop cannot run here: %1: this venv is broken").arg(broken));

        // Debian's interpreter with its modules runs both.
        if (QProcess::execute(QStringLiteral("/usr/bin/python3"),
                              {QStringLiteral("-c"), QStringLiteral("import uvloop")}) != 0)
            QSKIP("/usr/bin/python3 has no uvloop");
        python->clear();
        QTRY_VERIFY_WITH_TIMEOUT(panel.runtimesChecked(), 15000);
        QVERIFY(panel.canRun());
        QVERIFY(runtimeBox(panel, Runtime::AsyncioUvloop)->isEnabled());
        QVERIFY2(runtimeBox(panel, Runtime::AsyncioUvloop)->toolTip().contains(u"uvloop"),
                 qPrintable(runtimeBox(panel, Runtime::AsyncioUvloop)->toolTip()));
    }

    // The form says how long Sweep and Repeat compare will take, from every runtime's measured
    // cost: more runtimes, shard counts or repeats make more runs and a longer estimate, and
    // CPython's kernel is measured by running it, not assumed.
    void theEstimateCoversEveryRuntimeKAndRepeat()
    {
        PresetStore presets;
        ConfigPanel panel(presets);
        Calibrator calibrator;
        panel.setConfig(WorkloadSpec{200, 0, 100, 20'000, 40'000, Kernel::Sum, 3},
                        RunConfig{2, Partition::Contiguous, false});
        panel.setExperiment(QStringLiteral("1,2,4"), 3, true);
        panel.setCalibrator(&calibrator);
        QCOMPARE(panel.experimentEstimate(), QString()); // nothing calibrated yet
        calibrator.start();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.experimentEstimate().isEmpty(), 20000);
        auto expected = [&](const ExperimentSpec &spec) {
            const auto e = ExperimentEstimate::of(
                spec, [&](Runtime r) { return calibrator.runtimeCost(r, Kernel::Sum, QString()); },
                QThread::idealThreadCount(), RunController::kExperimentSettleMs);
            return e ? std::optional(QStringLiteral("%1 runs, about %2")
                                         .arg(e->runs)
                                         .arg(Formatting::duration(e->totalMs)))
                     : std::nullopt;
        };
        // 3 K x 3 repeats + the warm-up; 2 K x 3 + 1.
        QVERIFY2(panel.experimentEstimate().startsWith(QStringLiteral("Sweep: 10 runs, about ")),
                 qPrintable(panel.experimentEstimate()));
        QVERIFY(panel.experimentEstimate().contains(*expected(panel.parsed().sweepSpec())));
        QVERIFY(panel.experimentEstimate().contains(QStringLiteral("Repeat compare: ") +
                                                    *expected(panel.parsed().repeatCompareSpec())));

        panel.setRuntimes({Runtime::Threads, Runtime::Stealing});
        QVERIFY2(panel.experimentEstimate().startsWith(QStringLiteral("Sweep: 19 runs, about ")),
                 qPrintable(panel.experimentEstimate()));
        panel.setExperiment(QStringLiteral("1,2,4,8"), 5, false);
        QVERIFY2(panel.experimentEstimate().startsWith(QStringLiteral("Sweep: 40 runs, about ")),
                 qPrintable(panel.experimentEstimate()));
        QVERIFY(panel.experimentEstimate().contains(*expected(panel.parsed().sweepSpec())));

        if (QProcess::execute(QStringLiteral("/usr/bin/python3"),
                              {QStringLiteral("-c"), QStringLiteral("import asyncio")}) != 0)
            QSKIP("no /usr/bin/python3");
        panel.setRuntimes({Runtime::Threads, Runtime::Asyncio});
        QTRY_VERIFY_WITH_TIMEOUT(
            calibrator.runtimeCost(Runtime::Asyncio, Kernel::Sum, QString()).has_value(), 30000);
        const RuntimeCost python = *calibrator.runtimeCost(Runtime::Asyncio, Kernel::Sum, {});
        qInfo("CPython sum kernel %.1f ns/iteration (C++ %.2f), worker start-up %.0f ms",
              python.nsPerIter, *calibrator.nsPerIteration(Kernel::Sum), python.startMsPerWorker);
        QVERIFY(python.nsPerIter > *calibrator.nsPerIteration(Kernel::Sum));
        QVERIFY(python.startMsPerWorker > 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            panel.experimentEstimate().contains(*expected(panel.parsed().sweepSpec())), 10000);
        QVERIFY2(panel.experimentEstimate().contains(u"longest run: asyncio at K = "),
                 qPrintable(panel.experimentEstimate()));
    }

    // At 1024 x 768 the form fits its dock without a horizontal scroll bar, in English and in
    // the longer Portuguese, and what it shows is whole: every preset's description and shape
    // parameters, and errors that wrap onto more lines rather than being cut.
    void formFitsA1024ScreenAndCutsNoText_data()
    {
        QTest::addColumn<bool>("portuguese");
        QTest::newRow("English") << false;
        QTest::newRow("Portuguese") << true; // last: the translation stays installed
    }
    void formFitsA1024ScreenAndCutsNoText()
    {
        QFETCH(bool, portuguese);
        if (portuguese)
            QVERIFY(installTranslations(*QCoreApplication::instance(),
                                        QLocale(QLocale::Portuguese, QLocale::Brazil)));
        MainWindow window;
        window.setWindowState(Qt::WindowNoState);
        window.resize(1024, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        settle(window);
        ConfigPanel *panel = part<ConfigPanel>(window);
        QScrollArea *scroll = nullptr;
        for (QScrollArea *s : window.findChildren<QScrollArea *>()) {
            if (s->widget() == panel)
                scroll = s;
        }
        QVERIFY(scroll);
        auto layOut = [&] {
            QCoreApplication::processEvents();
            panel->layout()->activate();
            QCoreApplication::processEvents();
        };
        // Inside the form's margins, in a form no wider than the dock shows.
        auto fitsTheDock = [&](QWidget *w) {
            const QRect inPanel(w->mapTo(panel, QPoint()), w->size());
            return panel->rect()
                       .marginsRemoved(panel->layout()->contentsMargins())
                       .contains(inPanel) &&
                   panel->width() <= scroll->viewport()->width();
        };
        // A wrapped label is as tall as its lines at its width, inside the dock.
        auto whole = [&](QLabel *label) {
            return label->height() >= label->heightForWidth(label->width()) && fitsTheDock(label);
        };
        // A line edit shows its whole text when it does not scroll it: the caret moved from the
        // end to the start travels the text's whole width.
        auto shown = [&](QLineEdit *edit) {
            edit->setCursorPosition(int(edit->text().size()));
            edit->repaint();
            const int end = caret(edit).center().x();
            edit->setCursorPosition(0);
            edit->repaint();
            const int start = caret(edit).center().x();
            return end - start >= edit->fontMetrics().horizontalAdvance(edit->text()) - 1 &&
                   fitsTheDock(edit);
        };

        QVERIFY2(panel->width() <= scroll->viewport()->width(),
                 qPrintable(QStringLiteral("form %1 px in a %2 px dock")
                                .arg(panel->width())
                                .arg(scroll->viewport()->width())));
        auto *description = panel->findChild<QLabel *>(QStringLiteral("presetDescription"));
        QVERIFY(description);
        PresetStore presets;
        for (int i = 0; i < presets.presets().size(); ++i) {
            panel->applyPreset(i);
            layOut();
            QCOMPARE(description->text(), presets.presets()[i].description);
            QVERIFY2(whole(description), qPrintable(presets.presets()[i].name));
            for (const QString &name :
                 {QStringLiteral("ioShapeParams"), QStringLiteral("cpuShapeParams")}) {
                auto *params = panel->findChild<QLineEdit *>(name);
                QVERIFY2(shown(params), qPrintable(params->text()));
            }
            QVERIFY(panel->width() <= scroll->viewport()->width());
        }

        // The two messages, whole however many lines they take in the narrow dock.
        panel->applyPreset(0);
        for (const auto &[editName, text, field] :
             {std::tuple{QStringLiteral("tasks"), QStringLiteral("abc"), QStringLiteral("tasks")},
              std::tuple{QStringLiteral("shards"), QStringLiteral("-5"),
                         QStringLiteral("shards")}}) {
            auto *edit = panel->findChild<QLineEdit *>(editName);
            edit->selectAll();
            QTest::keyClicks(edit, text);
            layOut();
            QString message;
            for (const FieldError &e : panel->parsed().errors) {
                if (e.field == field)
                    message = e.message;
            }
            QVERIFY(message.contains(text));
            auto *label = panel->findChild<QLabel *>(QStringLiteral("error_") + field);
            QVERIFY(label);
            QCOMPARE(label->text(), message);
            QCOMPARE(panel->errorText(field), message);
            QVERIFY2(whole(label), qPrintable(message));
        }
        QVERIFY(panel->width() <= scroll->viewport()->width());
    }

private:
    static QCheckBox *runtimeBox(QWidget &parent, Runtime runtime)
    {
        for (QCheckBox *b : parent.findChildren<QCheckBox *>()) {
            if (b->text() == runtimeName(runtime))
                return b;
        }
        qFatal("no check box for %s", qPrintable(runtimeName(runtime)));
    }

    // Where a line edit draws its caret (cursorRect() is protected: reached through a member
    // pointer named from a subclass, which C++ allows).
    static QRect caret(const QLineEdit *edit)
    {
        struct Probe : QLineEdit
        {
            static QRect of(const QLineEdit *e) { return (e->*(&Probe::cursorRect))(); }
        };
        return Probe::of(edit);
    }

    static QLineEdit *findEdit(QWidget &parent, const QString &accessibleName)
    {
        for (QLineEdit *e : parent.findChildren<QLineEdit *>()) {
            if (e->accessibleName() == accessibleName)
                return e;
        }
        qFatal("no line edit named %s", qPrintable(accessibleName));
    }

    QTemporaryDir m_settings;
};

QTEST_MAIN(TestConfigPanel)
#include "tst_configpanel.moc"
