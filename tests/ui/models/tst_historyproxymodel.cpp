// SPDX-License-Identifier: MIT
#include "ui/models/historymodel.h"
#include "ui/models/historyproxymodel.h"

#include <QAbstractItemModelTester>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <limits>

// The history as the table lists it: any column sorts by the value behind its cells (a wall time
// of 900 ms before one of 10 s, which text would reverse), a missing value last in either order,
// and each filter keeps exactly the runs that match it.
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Row
{
    std::int64_t runId;
    std::int64_t experimentId;
    double wallMs;
    Runtime runtime;
    Transport transport;
    const char *machine;
    double othersCpu;
    int minutes; // started at 12:00 + minutes, 2026-01-05 UTC
};

HistoryModel *fill(HistoryModel *model, const QList<Row> &rows)
{
    for (const Row &row : rows) {
        RunResult r;
        r.shards = int(row.runId % 4) + 1;
        r.wallMs = row.wallMs;
        r.idealMs = row.wallMs / 2;
        r.runtime = row.runtime;
        r.othersCpuFraction = row.othersCpu;
        r.checksum = quint64(row.runId) << 60; // large: a signed or text order would differ
        r.tasks = r.tasksDone = 10;
        r.status = std::isfinite(row.wallMs) ? RunStatus::Completed : RunStatus::Cancelled;
        r.startedUtc = QDateTime(QDate(2026, 1, 5), QTime(12, row.minutes), QTimeZone::utc());
        HistoryEntry stored;
        stored.runId = row.runId;
        stored.experimentId = row.experimentId;
        stored.plan.transport.kind = row.transport;
        stored.machine = QString::fromLatin1(row.machine);
        model->append(r, RunRole::Repeat, 1.0, stored);
    }
    return model;
}

const QList<Row> kRows{
    {1, 1, 10000, Runtime::Threads, Transport::Timer, "alpha", 0.01, 0},
    {2, 1, 900, Runtime::Threads, Transport::Timer, "alpha", 0.40, 1},
    {3, 2, kNaN, Runtime::Processes, Transport::Http, "beta", 0.02, 2},
    {4, 2, 2500, Runtime::Stealing, Transport::Http, "beta", 0.01, 30},
    {5, 3, 900, Runtime::Threads, Transport::Timer, "gamma", 0.50, 4},
};

// The run ids in the order the proxy lists them.
QList<std::int64_t> order(const HistoryProxyModel &proxy)
{
    QList<std::int64_t> ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids << proxy.history()->entry(proxy.mapToSource(proxy.index(row, 0)).row()).runId;
    return ids;
}

} // namespace

class TestHistoryProxyModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void sorted_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        QTest::addColumn<QList<std::int64_t>>("ids");
        using L = QList<std::int64_t>;
        // Equal walls (2 and 5) keep the order they ran in, either way; the cancelled run (no
        // wall) is last either way.
        QTest::newRow("wall up") << int(HistoryModel::Wall) << int(Qt::AscendingOrder)
                                 << L{2, 5, 4, 1, 3};
        QTest::newRow("wall down")
            << int(HistoryModel::Wall) << int(Qt::DescendingOrder) << L{1, 4, 2, 5, 3};
        QTest::newRow("T* down") << int(HistoryModel::IdealBound) << int(Qt::DescendingOrder)
                                 << L{1, 4, 2, 5, 3};
        // By time, not by the text "12:30" against "12:04".
        QTest::newRow("time down")
            << int(HistoryModel::Time) << int(Qt::DescendingOrder) << L{4, 5, 3, 2, 1};
        QTest::newRow("checksum down")
            << int(HistoryModel::Checksum) << int(Qt::DescendingOrder) << L{5, 4, 3, 2, 1};
        QTest::newRow("K up") << int(HistoryModel::Shards) << int(Qt::AscendingOrder)
                              << L{4, 1, 5, 2, 3};
        QTest::newRow("runtime up")
            << int(HistoryModel::Runtime) << int(Qt::AscendingOrder) << L{3, 4, 1, 2, 5};
        QTest::newRow("experiment down")
            << int(HistoryModel::Experiment) << int(Qt::DescendingOrder) << L{5, 3, 4, 1, 2};
    }
    void sorted()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        QFETCH(QList<std::int64_t>, ids);
        HistoryModel model;
        HistoryProxyModel proxy(fill(&model, kRows));
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(column, Qt::SortOrder(order));
        QCOMPARE(::order(proxy), ids);
    }

    void filtered_data()
    {
        QTest::addColumn<HistoryFilter>("filter");
        QTest::addColumn<QList<std::int64_t>>("ids");
        using L = QList<std::int64_t>;
        auto f = [](auto set) {
            HistoryFilter filter;
            set(filter);
            return filter;
        };
        QTest::newRow("none") << HistoryFilter{} << L{1, 2, 3, 4, 5};
        QTest::newRow("experiment 2") << f([](HistoryFilter &x) { x.experimentId = 2; }) << L{3, 4};
        QTest::newRow("runtime stealing")
            << f([](HistoryFilter &x) { x.runtime = QStringLiteral("stealing"); }) << L{4};
        QTest::newRow("transport http")
            << f([](HistoryFilter &x) { x.transport = QStringLiteral("http"); }) << L{3, 4};
        QTest::newRow("machine beta")
            << f([](HistoryFilter &x) { x.machine = QStringLiteral("beta"); }) << L{3, 4};
        QTest::newRow("busy") << f([](HistoryFilter &x) { x.busy = HistoryFilter::Busy::Busy; })
                              << L{2, 5};
        QTest::newRow("quiet") << f([](HistoryFilter &x) { x.busy = HistoryFilter::Busy::Quiet; })
                               << L{1, 3, 4};
        // Text matches any shown cell, every word, case aside: "GAMMA" the machine, "900 ms" the
        // wall time.
        QTest::newRow("text") << f([](HistoryFilter &x) { x.text = QStringLiteral("GAMMA"); })
                              << L{5};
        QTest::newRow("two words")
            << f([](HistoryFilter &x) { x.text = QStringLiteral("900 alpha"); }) << L{2};
        // "2 loops" is K = 2 (runs 1 and 5), not every row with a "2" and a "loops" somewhere;
        // "1 loop" is K = 1 (run 4); the other words still match any cell.
        QTest::newRow("K") << f([](HistoryFilter &x) { x.text = QStringLiteral("2 Loops"); })
                           << L{1, 5};
        QTest::newRow("K and a word")
            << f([](HistoryFilter &x) { x.text = QStringLiteral("beta 1 loop"); }) << L{4};
        QTest::newRow("all set") << f([](HistoryFilter &x) {
            x.machine = QStringLiteral("alpha");
            x.busy = HistoryFilter::Busy::Quiet;
            x.text = QStringLiteral("10.0 s");
        }) << L{1};
    }
    void filtered()
    {
        QFETCH(HistoryFilter, filter);
        QFETCH(QList<std::int64_t>, ids);
        HistoryModel model;
        HistoryProxyModel proxy(fill(&model, kRows));
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setFilter(filter);
        QCOMPARE(order(proxy), ids);
        // A run added later meets the same filter.
        fill(&model, {{6, 2, 700, Runtime::Stealing, Transport::Http, "beta", 0.6, 40}});
        const bool sixShown = order(proxy).contains(6);
        QCOMPARE(sixShown, filter.accepts(model.entry(5), [&] {
            QStringList cells;
            for (int c = 0; c < model.columnCount(); ++c)
                cells << model.index(5, c).data().toString();
            return cells;
        }()));
    }

    void theFilterSurvivesARestart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("settings.ini"));
        HistoryFilter f;
        f.text = QStringLiteral("lognormal");
        f.experimentId = 12;
        f.runtime = QStringLiteral("processes");
        f.transport = QStringLiteral("http");
        f.machine = QStringLiteral("box-7");
        f.busy = HistoryFilter::Busy::Quiet;
        {
            QSettings s(path, QSettings::IniFormat);
            f.save(s);
        }
        const QSettings s(path, QSettings::IniFormat);
        QCOMPARE(HistoryFilter::load(s), f);
        // Nothing saved: nothing filtered.
        const QSettings empty(dir.filePath(QStringLiteral("none.ini")), QSettings::IniFormat);
        QVERIFY(HistoryFilter::load(empty).isEmpty());
    }
};

QTEST_MAIN(TestHistoryProxyModel)
#include "tst_historyproxymodel.moc"
