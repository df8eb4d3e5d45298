// SPDX-License-Identifier: MIT
// The http transport over real loopback sockets: the in-process server, the shard's client, and
// servers that misbehave on purpose. Small plans (at most a few hundred requests), short delays.
#include "core/engine/shardset.h"
#include "core/experiment/experimentrunner.h"
#include "core/net/bodyfold.h"
#include "core/net/httpserver.h"
#include "core/net/responsebody.h"
#include "core/net/serverprocess.h"
#include "core/report/jsonreport.h"
#include "core/report/reportreader.h"
#include "core/report/textreport.h"
#include "tests/support/loopbacksocket.h"
#include "tests/support/runblocking.h"
#include "tests/support/testplans.h"

#include <QCoreApplication>
#include <QDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <functional>
#include <string>
#include <thread>

using testplans::makePlan;

namespace {

// A server that hands each accepted connection to `handle`, one connection at a time, on its own
// thread: for servers that answer in ways LoopBench's own never does.
class ScriptedServer
{
public:
    // Reads one request head off `fd`; empty on EOF or when the server stops.
    using Handler = std::function<void(ScriptedServer &, int fd)>;
    explicit ScriptedServer(Handler handle)
        : m_handle(std::move(handle))
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
    ~ScriptedServer()
    {
        m_stop = true;
        m_thread.join();
        close(m_fd);
    }
    std::uint16_t port = 0;
    std::atomic<int> accepted{0};

    std::string readRequest(int fd)
    {
        std::string request;
        char buffer[1024];
        while (request.find("\r\n\r\n") == std::string::npos) {
            pollfd p{fd, POLLIN, 0};
            if (m_stop)
                return {};
            if (poll(&p, 1, 20) <= 0)
                continue;
            const ssize_t got = recv(fd, buffer, sizeof buffer, 0);
            if (got <= 0)
                return {};
            request.append(buffer, static_cast<std::size_t>(got));
        }
        return request;
    }
    // LoopBench's answer to "GET /task/<id>?...&bytes=<n>", with keep-alive.
    static void answer(int fd, const std::string &request)
    {
        const std::uint32_t task = std::uint32_t(std::stoul(request.substr(10)));
        const std::size_t at = request.find("bytes=") + 6;
        const std::size_t bytes = std::stoul(request.substr(at));
        std::string response =
            "HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(bytes) + "\r\n\r\n";
        const std::size_t head = response.size();
        response.resize(head + bytes);
        ResponseBody::fill(task, response.data() + head, bytes);
        (void)!send(fd, response.data(), response.size(), MSG_NOSIGNAL);
    }

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
            ++accepted;
            m_handle(*this, fd);
            close(fd);
        }
    }
    Handler m_handle;
    int m_fd = -1;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

// One wrong thing done to every request: reset the connection, answer a part of the body it
// announces, or never answer (the connection stays open until the client gives up).
enum class Misbehaviour { Reset, Truncate, Silent };

ScriptedServer::Handler misbehaving(Misbehaviour what)
{
    return [what](ScriptedServer &server, int fd) {
        (void)server.readRequest(fd);
        if (what == Misbehaviour::Reset) {
            const linger hard{1, 0}; // the close() that follows sends RST
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
        } else if (what == Misbehaviour::Truncate) {
            const char partial[] = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part";
            (void)!send(fd, partial, sizeof partial - 1, MSG_NOSIGNAL);
        } else {
            while (!server.readRequest(fd).empty()) {
            } // until the client closes, or the server stops
        }
    };
}

RunConfig httpConfig(int shards, std::uint16_t port, int connections = 0, int timeoutMs = 10000)
{
    RunConfig c{shards};
    c.http = HttpTarget{Endpoint{0x7f000001, port}, connections, 512, timeoutMs};
    return c;
}

std::uint16_t closedPort()
{
    return loopback::unusedPort(); // nothing listens there now
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
        RunConfig stealing = httpConfig(3, server.port());
        stealing.runtime = Runtime::Stealing; // CPU parts of one loop's exchanges on another
        const RunResult stolen = runBlocking(plan, stealing, 1.0);
        const RunResult timer = runBlocking(plan, RunConfig{1}, 1.0);
        for (const RunResult *r : {&one, &two, &pooled, &stolen}) {
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
        QTest::newRow("reset") << int(Misbehaviour::Reset) << int(HttpFailure::Reset);
        QTest::newRow("truncated") << int(Misbehaviour::Truncate) << int(HttpFailure::Truncated);
    }
    void resetAndTruncatedResponsesFailTheirTasksWithTheirReason()
    {
        QFETCH(int, mode);
        QFETCH(int, reason);
        ScriptedServer bad{misbehaving(Misbehaviour(mode))};
        const auto plan = makePlan(40, 0, 10, 0, 0, Kernel::Sum);
        const RunResult r = runBlocking(plan, httpConfig(2, bad.port), 1.0);
        QCOMPARE(r.status, RunStatus::Failed);
        QCOMPARE(r.tasksDone, 0);
        QCOMPARE(failures(r, HttpFailure(reason)), 40);
    }

    void aSilentServerTimesOut()
    {
        ScriptedServer silent{misbehaving(Misbehaviour::Silent)};
        const auto plan = makePlan(20, 0, 10, 0, 0, Kernel::Sum);
        const RunResult r = runBlocking(plan, httpConfig(1, silent.port, 0, 200), 1.0);
        QCOMPARE(r.status, RunStatus::Failed);
        QCOMPARE(failures(r, HttpFailure::Timeout), 20);
    }

    void aKeepAliveConnectionTheServerClosedIsRetriedOnce()
    {
        // Each connection answers one request, then closes without saying so when the next one
        // arrives (as a server's keep-alive timeout does). Every task must still complete: the
        // request that found its reused connection closed goes once more on a new one.
        ScriptedServer server([](ScriptedServer &s, int fd) {
            const std::string first = s.readRequest(fd);
            if (first.empty())
                return;
            ScriptedServer::answer(fd, first);
            s.readRequest(fd); // the next request on this connection: closed unanswered
        });
        const auto plan = makePlan(30, 0, 10, 0, 0, Kernel::Sum);
        const RunResult r = runBlocking(plan, httpConfig(1, server.port, 1), 1.0);
        QCOMPARE(r.status, RunStatus::Completed);
        QCOMPARE(r.tasksDone, 30);
        QCOMPARE(failures(r, HttpFailure::Truncated), 0);
        QCOMPARE(server.accepted.load(), 30); // one new connection per retried request
        HttpServer real({});
        QString error;
        QVERIFY2(real.start(&error), qPrintable(error));
        QCOMPARE(r.checksum, runBlocking(plan, httpConfig(1, real.port()), 1.0).checksum);
    }

    void aRetriedRequestThatFailsAgainIsAFailure()
    {
        // Only the very first request is ever answered. The second task's request meets its
        // closed connection, is retried once on a new one, and fails there; every later task has
        // a new connection from the start and fails without a retry.
        std::atomic<bool> answered{false};
        ScriptedServer server([&answered](ScriptedServer &s, int fd) {
            const std::string request = s.readRequest(fd);
            if (request.empty() || answered.exchange(true))
                return;
            ScriptedServer::answer(fd, request);
            s.readRequest(fd);
        });
        const auto plan = makePlan(10, 0, 10, 0, 0, Kernel::Sum);
        const RunResult r = runBlocking(plan, httpConfig(1, server.port, 1), 1.0);
        QCOMPARE(r.status, RunStatus::Failed);
        QCOMPARE(r.tasksDone, 1);
        QCOMPARE(failures(r, HttpFailure::Truncated), 9);
        // The first connection, the second task's retry, one each for the other eight: a second
        // retry, or none, would make it 11 or 9.
        QCOMPARE(server.accepted.load(), 10);
    }

    void malformedResponsesFailWithTheirReason_data()
    {
        QTest::addColumn<QByteArray>("response");
        QTest::addColumn<int>("reason"); // HttpFailure::None: the response is good
        const int bad = int(HttpFailure::BadResponse);
        const int truncated = int(HttpFailure::Truncated);
        QTest::newRow("status 500")
            << QByteArray("HTTP/1.1 500 Oops\r\nContent-Length: 0\r\n\r\n") << bad;
        QTest::newRow("status 2000")
            << QByteArray("HTTP/1.1 2000 OK\r\nContent-Length: 0\r\n\r\n") << bad;
        QTest::newRow("not http") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n\r\n") << bad;
        QTest::newRow("status 201")
            << QByteArray("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n") << bad;
        QTest::newRow("status glued to its reason")
            << QByteArray("HTTP/1.1 200OK\r\nContent-Length: 0\r\n\r\n") << bad;
        QTest::newRow("HTTP/2") << QByteArray("HTTP/2 200 OK\r\nContent-Length: 0\r\n\r\n") << bad;
        QTest::newRow("no length") << QByteArray("HTTP/1.1 200 OK\r\n\r\nabc") << bad;
        QTest::newRow("negative length")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -3\r\n\r\nabc") << bad;
        QTest::newRow("length not a number")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 3x\r\n\r\nabc") << bad;
        QTest::newRow("length beyond 64 bits")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\nabc")
            << bad;
        QTest::newRow("two different lengths")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabc")
            << bad;
        QTest::newRow("head over 256 bytes")
            << QByteArray("HTTP/1.1 200 OK\r\nX-Pad: " + QByteArray(300, 'x') +
                          "\r\nContent-Length: 3\r\n\r\nabc")
            << bad;
        QTest::newRow("body shorter than its length")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc") << truncated;
        QTest::newRow("closed inside the head")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Le") << truncated;
        QTest::newRow("HTTP/1.0, lower-case header")
            << QByteArray("HTTP/1.0 200 OK\r\ncontent-length: 3\r\n\r\nabc")
            << int(HttpFailure::None);
        QTest::newRow("no reason phrase")
            << QByteArray("HTTP/1.1 200\r\nContent-Length: 3\r\n\r\nabc") << int(HttpFailure::None);
        QTest::newRow("the same length twice")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length:  3 \r\n\r\nabc")
            << int(HttpFailure::None);
    }
    void malformedResponsesFailWithTheirReason()
    {
        QFETCH(QByteArray, response);
        QFETCH(int, reason);
        ScriptedServer server([response](ScriptedServer &s, int fd) {
            if (!s.readRequest(fd).empty())
                (void)!send(fd, response.constData(), std::size_t(response.size()), MSG_NOSIGNAL);
        });
        const auto plan = makePlan(5, 0, 10, 0, 0, Kernel::Sum);
        const RunResult r = runBlocking(plan, httpConfig(1, server.port), 1.0);
        if (HttpFailure(reason) == HttpFailure::None) {
            QCOMPARE(r.status, RunStatus::Completed);
            QCOMPARE(r.http->bytesReceived, 5 * 3);
        } else {
            QCOMPARE(r.status, RunStatus::Failed);
            QCOMPARE(failures(r, HttpFailure(reason)), 5);
            QVERIFY2(r.error.contains(httpFailureMessage(HttpFailure(reason))),
                     qPrintable(r.error));
        }
    }

    void outOfLocalPortsIsNamedWithItsFix()
    {
        // connect() says EADDRNOTAVAIL when no (source port, destination) pair is left.
        QCOMPARE(httpFailureOfErrno(EADDRNOTAVAIL), HttpFailure::OutOfPorts);
        QCOMPARE(httpFailureName(HttpFailure::OutOfPorts), QStringLiteral("out_of_ports"));
        const QString message = httpFailureMessage(HttpFailure::OutOfPorts);
        QVERIFY(message.contains(QStringLiteral("EADDRNOTAVAIL")));
        QVERIFY(message.contains(QStringLiteral("net.ipv4.ip_local_port_range")));
        QVERIFY(message.contains(QStringLiteral("fewer tasks in flight")));
        QCOMPARE(httpFailureOfErrno(ECONNREFUSED), HttpFailure::Refused);
        QCOMPARE(httpFailureOfErrno(ECONNRESET), HttpFailure::Reset);
        QCOMPARE(httpFailureOfErrno(EPIPE), HttpFailure::Reset);
        QCOMPARE(httpFailureOfErrno(ETIMEDOUT), HttpFailure::Timeout);
        QCOMPARE(httpFailureOfErrno(EMFILE), HttpFailure::Error);
        // Every kind has a name and a sentence that ends as a sentence does.
        for (std::size_t f = 1; f < kHttpFailureKinds; ++f) {
            QVERIFY(!httpFailureName(HttpFailure(f)).isEmpty());
            const QString m = httpFailureMessage(HttpFailure(f));
            QVERIFY2(!m.isEmpty() && !m.endsWith(QLatin1Char(' ')) &&
                         !m.endsWith(QLatin1Char(';')) && !m.endsWith(QLatin1Char(':')),
                     qPrintable(m));
        }
    }

    void aServerThatIsGoneIsNamedInOneCleanSentence()
    {
        ServerProcess server;
        ServerProcess::Options options;
        options.executable = QStringLiteral(LOOPBENCH_EXE);
        QString error;
        QVERIFY2(server.start(options, &error), qPrintable(error));
        const qint64 pid = server.pid();
        QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
        for (int i = 0; i < 200 && server.isRunning(); ++i)
            QThread::msleep(10);
        QVERIFY(!server.isRunning());
        const QString gone =
            QStringLiteral("the HTTP server (pid %1) was killed by signal 9 (SIGKILL)").arg(pid);
        // Before a run there is nothing more to say; during one, the tasks' own failure follows.
        QCOMPARE(server.goneMessage(u"before the run"), gone + QStringLiteral(" before the run"));
        QCOMPARE(server.goneMessage(u"during the run", QString()),
                 gone + QStringLiteral(" during the run"));
        QCOMPARE(server.goneMessage(u"during the run", QStringLiteral("shard-0: task 4: reset ")),
                 gone + QStringLiteral(" during the run; shard-0: task 4: reset"));
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
