// SPDX-License-Identifier: MIT
#include "core/runtime/workerprotocol.h"
#include "core/runtime/workerstream.h"

#include <QTest>

using namespace WorkerProtocol;

namespace {

constexpr std::int64_t kT0 = 1'000'000'000;
constexpr std::int64_t kNow = 9'000'000'000;

// A worker's output fed to a stream over slice {0, 2, 4} (round-robin, worker 0 of 2, 6 tasks).
struct Fed
{
    bool ok = false;
    QString error;
    std::vector<Record> records;
    WorkerStream::Phase phase = WorkerStream::Phase::Handshake;
};

Fed feedAll(const QByteArray &bytes, bool closeAfter = true, std::int64_t t0 = kT0)
{
    WorkerStream stream(::Slice{0, 6, 2});
    Fed fed;
    fed.ok = stream.feed(bytes, t0, kNow, [&](const Record &r) { fed.records.push_back(r); });
    if (closeAfter)
        stream.close();
    fed.ok = fed.ok && stream.error().isEmpty();
    fed.error = stream.error();
    fed.phase = stream.phase();
    return fed;
}

QByteArray record(std::uint32_t id, std::int64_t resumed, std::int64_t done, std::uint64_t result)
{
    QByteArray out;
    appendRecord(out, Record{id, resumed, done, done - resumed, result});
    return out;
}

QByteArray goodRun()
{
    QByteArray out = readyLine(QStringLiteral("test 1.0"));
    out += progressLine(0, 0);
    out += record(0, kT0 + 10, kT0 + 20, 7);
    out += record(4, kT0 + 30, kT0 + 40, 8);
    out += progressLine(2, 20);
    out += record(2, kT0 + 50, kT0 + 90, 9);
    out += endLine(End{3, 0, checksumTerm(7) + checksumTerm(8) + checksumTerm(9), 0});
    return out;
}

} // namespace

class TestWorkerProtocol : public QObject
{
    Q_OBJECT
private slots:
    void numbersAreStrictDecimal()
    {
        QCOMPARE(parseNumber("0"), std::uint64_t{0});
        QCOMPARE(parseNumber("18446744073709551615"), ~std::uint64_t{0});
        for (const char *bad : {"", "-1", "+1", "01", "1e6", "0x10", "1 ", "18446744073709551616",
                                "123456789012345678901", "12a"})
            QVERIFY2(!parseNumber(bad).has_value(), bad);
        QVERIFY(!parseNumber("11", 10).has_value());
    }

    void aSliceRoundTripsThroughTheReader()
    {
        const std::optional<HttpTarget> http =
            HttpTarget{QByteArrayLiteral("127.0.0.1"), 8080, 4096, 10000};
        QByteArray out = sliceHeader(Kernel::Article, http, 2);
        appendTask(out, Task{4, 200000, 100000, ~std::uint64_t{0}});
        appendTask(out, Task{9, 0, 0, 0});
        out += kStartLine;
        SliceReader reader;
        for (const QByteArray &line : out.split('\n')) {
            if (!line.isEmpty())
                QCOMPARE(reader.addLine(line), QString());
        }
        QVERIFY(reader.complete());
        QCOMPARE(reader.slice().kernel, Kernel::Article);
        QCOMPARE(reader.slice().http, http);
        QCOMPARE(reader.slice().tasks,
                 (std::vector<Task>{{4, 200000, 100000, ~std::uint64_t{0}}, {9, 0, 0, 0}}));
        QCOMPARE(parseT0(t0Line(123456789).chopped(1)), std::int64_t{123456789});
        QVERIFY(!parseT0("t0 -5").has_value());
        QVERIFY(!parseT0("t0 0").has_value());
        QVERIFY(!parseT0("t1 5").has_value());
    }

    void theSliceReaderRefusesMalformedLines_data()
    {
        QTest::addColumn<QByteArray>("lines");
        QTest::addColumn<QString>("error");
        const QByteArray head = "loopbench.worker/1\nkernel sum\ntransport timer\ntasks 1\n";
        QTest::newRow("version") << QByteArray("loopbench.worker/2\n")
                                 << "line 1: 'loopbench.worker/2': expected loopbench.worker/1";
        QTest::newRow("kernel") << QByteArray("loopbench.worker/1\nkernel md5\n")
                                << "line 2: 'kernel md5': expected 'kernel sum|hash|article'";
        QTest::newRow("port")
            << QByteArray("loopbench.worker/1\nkernel sum\ntransport http 127.0.0.1 70000 1 1\n")
            << "line 3: 'transport http 127.0.0.1 70000 1 1': expected "
               "'transport timer' or 'transport http HOST PORT BYTES "
               "TIMEOUT_MS'";
        QTest::newRow("count") << QByteArray("loopbench.worker/1\nkernel sum\ntransport timer\n"
                                             "tasks -1\n")
                               << "line 4: 'tasks -1': expected 'tasks N'";
        QTest::newRow("task number") << head + "task 1 2 x 4\n"
                                     << "line 5: 'task 1 2 x 4': a field is not a number of its "
                                        "range";
        QTest::newRow("task id") << head + "task 4294967296 2 3 4\n"
                                 << "line 5: 'task 4294967296 2 3 4': a field is not a number "
                                    "of its range";
        QTest::newRow("short task") << head + "task 1 2 3\n"
                                    << "line 5: 'task 1 2 3': expected 'task ID IO_US "
                                       "ITERATIONS INPUT'";
        QTest::newRow("too many tasks") << head + "task 1 2 3 4\ntask 2 2 3 4\n"
                                        << "line 6: 'task 2 2 3 4': expected 'start' after 1 "
                                           "tasks";
    }

    void theSliceReaderRefusesMalformedLines()
    {
        QFETCH(QByteArray, lines);
        QFETCH(QString, error);
        SliceReader reader;
        QString got;
        for (const QByteArray &line : lines.split('\n')) {
            if (line.isEmpty() || !got.isEmpty())
                continue;
            got = reader.addLine(line);
        }
        QCOMPARE(got, error);
        QVERIFY(!reader.complete());
        QVERIFY(!reader.addLine("start").isEmpty()); // nothing more after an error
    }

    void aGoodRunIsTakenWhole()
    {
        const Fed fed = feedAll(goodRun());
        QVERIFY2(fed.ok, qPrintable(fed.error));
        QCOMPARE(fed.phase, WorkerStream::Phase::Ended);
        QCOMPARE(int(fed.records.size()), 3);
        QCOMPARE(fed.records[1].id, std::uint32_t{4});
        QCOMPARE(fed.records[1].resumedNs, kT0 + 30);
        QCOMPARE(fed.records[1].workNs, std::int64_t{10});
        QCOMPARE(fed.records[2].result, std::uint64_t{9});
    }

    void bytesMaySplitLinesAnywhere()
    {
        const QByteArray all = goodRun();
        for (qsizetype piece : {1, 2, 7, 64}) {
            WorkerStream stream(::Slice{0, 6, 2});
            int records = 0;
            for (qsizetype at = 0; at < all.size(); at += piece)
                QVERIFY(
                    stream.feed(QByteArrayView(all).sliced(at, std::min(piece, all.size() - at)),
                                kT0, kNow, [&](const Record &) { ++records; }));
            stream.close();
            QCOMPARE(stream.phase(), WorkerStream::Phase::Ended);
            QCOMPARE(records, 3);
        }
    }

    void malformedOutputFailsWithItsLine_data()
    {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<QString>("error");
        const QByteArray ready = readyLine(QStringLiteral("test"));
        QTest::newRow("garbage") << QByteArray("Traceback (most recent call last):\n")
                                 << "line 1: 'Traceback (most recent call last):' is not a line of "
                                    "loopbench.worker/1";
        QTest::newRow("binary") << QByteArray("\x01\x02\xff\n", 4)
                                << "line 1: '\x3f\x3f\x3f' is not a line of loopbench.worker/1";
        QTest::newRow("wrong version")
            << QByteArray("ready loopbench.worker/2 Node 20\n")
            << "line 1: the worker speaks loopbench.worker/2, not loopbench.worker/1";
        QTest::newRow("record before ready")
            << record(0, kT0, kT0 + 1, 1) << "line 1: a line before its ready line";
        QTest::newRow("second ready") << ready + ready << "line 2: a second ready line";
        QTest::newRow("truncated record")
            << ready + QByteArray("task 0 1000000010 10000")
            << "line 2: the output ends inside a line: 'task 0 1000000010 10000'";
        QTest::newRow("short record")
            << ready + QByteArray("task 0 1000000010 1000000020 10\n")
            << "line 2: 'task 0 1000000010 1000000020 10': expected 'task ID RESUMED_NS DONE_NS "
               "WORK_NS RESULT'";
        QTest::newRow("bad number")
            << ready + QByteArray("task 0 1000000010 1e9 10 5\n")
            << "line 2: 'task 0 1000000010 1e9 10 5': DONE_NS '1e9' is not a number";
        QTest::newRow("negative")
            << ready + QByteArray("task 0 -1000000010 1000000020 10 5\n")
            << "line 2: 'task 0 -1000000010 1000000020 10 5': RESUMED_NS '-1000000010' is not a "
               "number";
        QTest::newRow("time beyond int64")
            << ready + QByteArray("task 0 9223372036854775808 1000000020 10 5\n")
            << "line 2: 'task 0 9223372036854775808 1000000020 10 5': RESUMED_NS "
               "'9223372036854775808' is above 9223372036854775807";
        QTest::newRow("out of slice") << ready + record(3, kT0 + 1, kT0 + 2, 1)
                                      << "line 2: record for task 3, which is not in its slice";
        QTest::newRow("beyond the plan") << ready + record(6, kT0 + 1, kT0 + 2, 1)
                                         << "line 2: record for task 6, which is not in its slice";
        QTest::newRow("duplicate")
            << ready + record(2, kT0 + 1, kT0 + 2, 1) + record(2, kT0 + 3, kT0 + 4, 1)
            << "line 3: a second record for task 2";
        QTest::newRow("record after failure")
            << ready + QByteArray("fail 2 connection refused\n") + record(2, kT0 + 3, kT0 + 4, 1)
            << "line 3: a second record for task 2";
        QTest::newRow("before t0")
            << ready + record(0, kT0 - 5'000'000, kT0 + 2, 1) << "line 2: task 0 resumed before t0";
        QTest::newRow("done before resumed")
            << ready + QByteArray("task 0 1000000020 1000000010 0 1\n")
            << "line 2: task 0 was done before it resumed";
        QTest::newRow("from the future") << ready + record(0, kT0 + 1, kNow + 1, 1)
                                         << "line 2: task 0 was done later than the parent's clock";
        QTest::newRow("progress beyond slice")
            << ready + progressLine(4, 0) << "line 2: progress of 4 tasks in a slice of 3";
        QTest::newRow("progress backwards") << ready + progressLine(2, 10) + progressLine(1, 10)
                                            << "line 3: progress that went backwards";
        QTest::newRow("end miscounts")
            << ready + record(0, kT0 + 1, kT0 + 2, 1) + endLine(End{2, 0, checksumTerm(1), 0})
            << "line 3: its end line counts 2 done and 0 failed, its lines 1 and 0";
        QTest::newRow("end too early")
            << ready + record(0, kT0 + 1, kT0 + 2, 1) + endLine(End{1, 0, checksumTerm(1), 0})
            << "line 3: it ended after 1 of the 3 tasks of its slice";
        QTest::newRow("wrong checksum")
            << ready + record(0, kT0 + 1, kT0 + 2, 1) + record(2, kT0 + 1, kT0 + 2, 1) +
                   record(4, kT0 + 1, kT0 + 2, 1) + endLine(End{3, 0, 5, 0})
            << QStringLiteral("line 5: its checksum 0x0000000000000005 is not its records' 0x%1")
                   .arg(3 * checksumTerm(1), 16, 16, QLatin1Char('0'));
        QTest::newRow("after end")
            << goodRun() + progressLine(3, 20) << "line 8: a line after the end line";
        QTest::newRow("error line") << QByteArray("error No module named 'uvloop'\n")
                                    << "line 1: the worker reports: No module named 'uvloop'";
        QTest::newRow("double space") << ready + QByteArray("progress  1 2\n")
                                      << "line 2: 'progress  1 2': expected 'progress DONE "
                                         "BUSY_NS'";
        QTest::newRow("long line")
            << ready + QByteArray(5000, 'x') << "line 2: a line longer than 4096 bytes";
    }

    void malformedOutputFailsWithItsLine()
    {
        QFETCH(QByteArray, output);
        QFETCH(QString, error);
        const Fed fed = feedAll(output);
        QVERIFY(!fed.ok);
        QCOMPARE(fed.error, error);
        QCOMPARE(fed.phase, WorkerStream::Phase::Failed);
    }

    void aLineBeforeT0IsRefused()
    {
        const Fed fed = feedAll(readyLine(QStringLiteral("x")) + progressLine(0, 0), true, 0);
        QCOMPARE(fed.error, QStringLiteral("line 2: a line before t0"));
    }

    void aFailedTaskIsCountedAndNamed()
    {
        WorkerStream stream(::Slice{0, 6, 2});
        QByteArray out = readyLine(QStringLiteral("x"));
        out += "fail 4 connection refused by 127.0.0.1:1\n";
        out += record(0, kT0 + 1, kT0 + 2, 1) + record(2, kT0 + 1, kT0 + 2, 2);
        out += endLine(End{2, 1, checksumTerm(1) + checksumTerm(2), 0});
        QVERIFY(stream.feed(out, kT0, kNow, {}));
        stream.close();
        QCOMPARE(stream.phase(), WorkerStream::Phase::Ended);
        QCOMPARE(stream.tasksFailed(), std::uint64_t{1});
        QCOMPARE(stream.firstTaskFailure(),
                 QStringLiteral("task 4: connection refused by 127.0.0.1:1"));
    }
};

QTEST_GUILESS_MAIN(TestWorkerProtocol)
#include "tst_workerprotocol.moc"
