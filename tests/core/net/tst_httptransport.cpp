// SPDX-License-Identifier: MIT
// The http transport over real loopback sockets: the in-process server, the shard's client, and
// servers that misbehave on purpose. Small plans (at most a few hundred requests), short delays.
#include "core/engine/shardset.h"
#include "core/experiment/experimentrunner.h"
#include "core/net/bodyfold.h"
#include "core/net/httpserver.h"
#include "core/net/responsebody.h"
#include "core/report/jsonreport.h"
#include "core/report/reportreader.h"
#include "core/report/textreport.h"
#include "tests/support/testplans.h"

#include <QCoreApplication>
#include <QDir>
#include <QTest>
#include <QTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <thread>

using testplans::makePlan;

namespace {

// A server that accepts and then does one wrong thing to every request, on its own thread.
class BadServer
{
public:
    enum class Mode { Reset, Truncate, Silent };
    explicit BadServer(Mode mode)
        : m_mode(mode)
    {
        m_fd = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        bind(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
        listen(m_fd, 1024);
        socklen_t len = sizeof addr;
        getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &len);
        port = ntohs(addr.sin_port);
        m_thread = std::thread([this] { serve(); });
    }
    ~BadServer()
    {
        m_stop = true;
        m_thread.join();
        for (int fd : m_kept)
            close(fd);
        close(m_fd);
    }
    std::uint16_t port = 0;

private:
    void serve()
    {
        while (!m_stop) {
            pollfd p{m_fd, POLLIN, 0};
            if (poll(&p, 1, 20) <= 0)
                continue;
            const int fd = accept(m_fd, nullptr, nullptr);
            if (fd < 0)
                continue;
            char buffer[1024];
            (void)!recv(fd, buffer, sizeof buffer, 0);
            if (m_mode == Mode::Reset) {
                const linger hard{1, 0}; // close() sends RST
                setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
                close(fd);
            } else if (m_mode == Mode::Truncate) {
                const char partial[] = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part";
                (void)!send(fd, partial, sizeof partial - 1, MSG_NOSIGNAL);
                close(fd);
            } else {
                m_kept.push_back(fd); // never answers
            }
        }
    }
    Mode m_mode;
    int m_fd = -1;
    std::atomic<bool> m_stop{false};
    std::vector<int> m_kept;
    std::thread m_thread;
};

RunConfig httpConfig(int shards, std::uint16_t port, int connections = 0, int timeoutMs = 10000)
{
    RunConfig c{shards};
    c.http = HttpTarget{Endpoint{0x7f000001, port}, connections, 512, timeoutMs};
    return c;
}

std::uint16_t closedPort()
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
    close(fd); // nothing listens there now
    return ntohs(addr.sin_port);
}

std::int64_t failures(const RunResult &r, HttpFailure f)
{
    return r.http ? r.http->failures[static_cast<std::size_t>(f)] : -1;
}

} // namespace

class TestHttpTransport : public QObject
{
    Q_OBJECT
private slots:
    void foldIsTheSameHoweverTheBytesAreSplit()
    {
        char body[1000];
        ResponseBody::fill(7, body, sizeof body);
        BodyFold whole;
        whole.add(body, sizeof body);
        BodyFold pieces;
        for (std::size_t at = 0; at < sizeof body; at += 13)
            pieces.add(body + at, std::min<std::size_t>(13, sizeof body - at));
        QCOMPARE(pieces.value(), whole.value());
        body[500] ^= 1; // one bit changes the digest
        BodyFold changed;
        changed.add(body, sizeof body);
        QVERIFY(changed.value() != whole.value());
    }

    void sameChecksumForEveryShardCountAndConnectionPool()
    {
        HttpServer server({});
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const auto plan = makePlan(300, 0, 40, 0, 2000, Kernel::Sum);
        const RunResult one = runBlocking(plan, httpConfig(1, server.port()), 1.0);
        const RunResult two = runBlocking(plan, httpConfig(2, server.port()), 1.0);
        const RunResult pooled = runBlocking(plan, httpConfig(2, server.port(), 2), 1.0);
        const RunResult timer = runBlocking(plan, RunConfig{1}, 1.0);
        for (const RunResult *r : {&one, &two, &pooled}) {
            QCOMPARE(r->status, RunStatus::Completed);
            QCOMPARE(r->tasksDone, 300);
            QVERIFY(r->http);
            QCOMPARE(r->http->bytesReceived, 300 * 512);
            QCOMPARE(r->checksum, one.checksum);
            QVERIFY(r->http->firstByteMs.p50 >= r->http->connectMs.p50);
        }
        QVERIFY(!timer.http);
        QVERIFY(timer.checksum != one.checksum); // the bodies are folded in
        // A pool reuses its connections: most exchanges connect in no time at all.
        QCOMPARE(pooled.http->connectMs.p50, 0.0);
    }

    void refusedConnectionsFailTheirTasksAsRefused()
    {
        const auto plan = makePlan(50, 0, 10, 0, 0, Kernel::Sum);
        const RunResult r = runBlocking(plan, httpConfig(1, closedPort()), 1.0);
        QCOMPARE(r.status, RunStatus::Failed);
        QCOMPARE(r.tasksFailed, 50);
        QCOMPARE(failures(r, HttpFailure::Refused), 50);
        QVERIFY2(r.error.contains(QStringLiteral("refused")), qPrintable(r.error));
        // Nothing connected and nothing answered: the latencies are missing, not 0 ms, in the
        // result and in every report of it.
        QCOMPARE(r.http->bytesReceived, 0);
        for (const Percentiles *p :
             {&r.http->connectMs, &r.http->firstByteMs, &r.http->serverLateMs})
            QVERIFY(std::isnan(p->p50) && std::isnan(p->p99) && std::isnan(p->max));
        ExperimentResult e;
        e.spec.transport.kind = Transport::Http;
        e.runs.push_back(r);
        const QString text = experimentTable(e);
        QVERIFY2(text.contains(QStringLiteral("connect —/— ms, first byte —/— ms")),
                 qPrintable(text));
        const QJsonObject http = httpRunToJson(*r.http);
        QVERIFY(http.value(QLatin1String("connect_ms"))
                    .toObject()
                    .value(QLatin1String("p99"))
                    .isNull());
        QString error;
        const auto back = ReportReader::httpFromJson(http, &error);
        QVERIFY2(back, qPrintable(error));
        QVERIFY(std::isnan(back->firstByteMs.p50));
        QCOMPARE(back->failures, r.http->failures);
    }

    void resetAndTruncatedResponsesFailTheirTasksWithTheirReason_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("reason");
        QTest::newRow("reset") << int(BadServer::Mode::Reset) << int(HttpFailure::Reset);
        QTest::newRow("truncated") << int(BadServer::Mode::Truncate) << int(HttpFailure::Truncated);
    }
    void resetAndTruncatedResponsesFailTheirTasksWithTheirReason()
    {
        QFETCH(int, mode);
        QFETCH(int, reason);
        BadServer bad{BadServer::Mode(mode)};
        const auto plan = makePlan(40, 0, 10, 0, 0, Kernel::Sum);
        const RunResult r = runBlocking(plan, httpConfig(2, bad.port), 1.0);
        QCOMPARE(r.status, RunStatus::Failed);
        QCOMPARE(r.tasksDone, 0);
        QCOMPARE(failures(r, HttpFailure(reason)), 40);
    }

    void aSilentServerTimesOut()
    {
        BadServer silent{BadServer::Mode::Silent};
        const auto plan = makePlan(20, 0, 10, 0, 0, Kernel::Sum);
        const RunResult r = runBlocking(plan, httpConfig(1, silent.port, 0, 200), 1.0);
        QCOMPARE(r.status, RunStatus::Failed);
        QCOMPARE(failures(r, HttpFailure::Timeout), 20);
    }

    void aServerKilledMidRunFailsTheRunWithAMessage()
    {
        // The experiment starts the real `loopbench --serve`; it is killed while every request
        // waits for its 2-3 s answer. The run must end failed, saying so, not hang.
        ExperimentSpec spec;
        spec.workload.tasks = 100;
        spec.workload.ioMinMs = 2000;
        spec.workload.ioMaxMs = 3000;
        spec.workload.cpuMin = 0;
        spec.workload.cpuMax = 0;
        spec.transport.kind = Transport::Http;
        ExperimentRunner runner;
        ExperimentRunner::Options options;
        options.nsPerIter = 1;
        options.serverExecutable = QStringLiteral(LOOPBENCH_EXE);
        QTimer killer;
        killer.setInterval(300);
        QObject::connect(&killer, &QTimer::timeout, [] {
            // The server is this process's only child.
            const QDir tasks(QStringLiteral("/proc/self/task"));
            for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
                QFile f(tasks.filePath(tid + QStringLiteral("/children")));
                if (f.open(QIODevice::ReadOnly)) {
                    for (const QByteArray &pid : f.readAll().split(' ')) {
                        if (pid.trimmed().toInt() > 0)
                            ::kill(pid.trimmed().toInt(), SIGKILL);
                    }
                }
            }
        });
        killer.start();
        QCoro::Task<ExperimentResult> task = runner.run(spec, options);
        const ExperimentResult result = QCoro::waitFor(task);
        QCOMPARE(result.runs.size(), std::size_t{1});
        const RunResult &r = result.runs.front();
        QCOMPARE(r.status, RunStatus::Failed);
        QVERIFY2(r.error.contains(QStringLiteral("HTTP server")), qPrintable(r.error));
        QVERIFY(r.tasksFailed > 0);
    }
};

QTEST_GUILESS_MAIN(TestHttpTransport)
#include "tst_httptransport.moc"
