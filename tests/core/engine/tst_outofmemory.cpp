// SPDX-License-Identifier: MIT
#include "core/engine/engine.h"
#include "core/engine/shardset.h"
#include "core/workload/taskplan.h"
#include "tests/support/runblocking.h"
#include "tests/support/testplans.h"

#include <QCoroTask>
#include <QFile>
#include <QTest>

#include <sys/resource.h>

#include <optional>

using testplans::makePlan;

// A run that runs out of memory is a failed run with a message, never an abort: the memory guard
// checks before a run, but an estimate can be wrong (another process takes memory meanwhile).
// The process's own address space is capped (RLIMIT_AS) just above what it uses, so that the
// run's allocations fail while the test's do not, then restored.
namespace {

std::optional<rlim_t> vmSizeBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return std::nullopt;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmSize:"))
            return line.mid(7).trimmed().split(' ').value(0).toULongLong() * 1024;
    }
    return std::nullopt;
}

// Caps the address space at what is mapped now plus `headroom` until it goes out of scope.
class AddressSpaceCap
{
public:
    explicit AddressSpaceCap(rlim_t headroom)
    {
        ::getrlimit(RLIMIT_AS, &m_saved);
        const auto used = vmSizeBytes();
        if (!used)
            return;
        rlimit capped = m_saved;
        capped.rlim_cur = *used + headroom;
        m_active = ::setrlimit(RLIMIT_AS, &capped) == 0;
    }
    ~AddressSpaceCap()
    {
        if (m_active)
            ::setrlimit(RLIMIT_AS, &m_saved);
    }
    AddressSpaceCap(const AddressSpaceCap &) = delete;
    AddressSpaceCap &operator=(const AddressSpaceCap &) = delete;
    bool active() const { return m_active; }

private:
    rlimit m_saved{};
    bool m_active = false;
};

constexpr int kTasks = 3'000'000;
// Room for the run's 48 MB of task records, a thread and its sort, but not for three million
// coroutine frames (~100 B each).
constexpr rlim_t kHeadroom = 200ULL << 20;

} // namespace

class TestOutOfMemory : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
        QSKIP("sanitizers reserve terabytes of shadow memory: an address-space cap is meaningless");
#endif
    }

    void aBlockingRunOutOfMemoryFailsWithAMessage_data()
    {
        QTest::addColumn<int>("runtime");
        QTest::newRow("threads") << int(Runtime::Threads);
        QTest::newRow("stealing") << int(Runtime::Stealing);
    }

    void aBlockingRunOutOfMemoryFailsWithAMessage()
    {
        QFETCH(int, runtime);
        const auto plan = makePlan(kTasks, 0, 5, 0, 0);
        RunConfig config{1};
        config.runtime = Runtime(runtime);
        RunResult r;
        {
            const AddressSpaceCap cap(kHeadroom);
            QVERIFY(cap.active());
            r = runBlocking(plan, config, 1.0);
        }
        QCOMPARE(r.status, RunStatus::Failed);
        QVERIFY2(r.error.contains(QLatin1String("out of memory")), qPrintable(r.error));
        // The frames that could not be allocated are tasks that failed, not tasks that vanished.
        QVERIFY2(r.error.contains(QLatin1String("of 3,000,000 started")), qPrintable(r.error));
        QVERIFY(r.tasksFailed > 0);
        QVERIFY2(r.tasksDone < r.tasks, qPrintable(QString::number(r.tasksDone)));
        // Nothing stays half done: the memory comes back and the next run completes.
        const RunResult again = runBlocking(makePlan(1000, 0, 5, 0, 10), RunConfig{2}, 1.0);
        QVERIFY2(again.completed(), qPrintable(again.error));
    }

    void anEngineRunOutOfMemoryFailsWithAMessage()
    {
        const auto plan = makePlan(kTasks, 0, 5, 0, 0);
        Engine engine;
        RunResult r;
        {
            const AddressSpaceCap cap(kHeadroom);
            QVERIFY(cap.active());
            r = QCoro::waitFor(engine.run(plan, RunConfig{1}, 1.0));
        }
        QCOMPARE(r.status, RunStatus::Failed);
        QVERIFY2(r.error.contains(QLatin1String("out of memory")), qPrintable(r.error));
        const RunResult again =
            QCoro::waitFor(engine.run(makePlan(1000, 0, 5, 0, 10), RunConfig{2}, 1.0));
        QVERIFY2(again.completed(), qPrintable(again.error));
    }
};

QTEST_GUILESS_MAIN(TestOutOfMemory)
#include "tst_outofmemory.moc"
