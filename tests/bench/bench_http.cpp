// SPDX-License-Identifier: MIT
// The http transport against `loopbench --serve` in its own process, as the CLI runs it: the
// figures issue 12 asks for, each the median of R interleaved runs after a warm-up.
//
//   bench_http [--repeat R] [--tasks N] [--rps-tasks N] [--cpu-tasks N] [--server-loops N]
//              [--attack-only] [--attack-connections N]
//
//   1. idle crawl: N (10,000) requests in flight at once, 200-1000 ms server delay, 4 KiB
//      responses, no CPU work, one connection per request; 1 loop and 2 loops. Floor: 1.0 s.
//   2. CPU-heavy crawl: 3,000 tasks, 200-1000 ms delay, 1M-3M iterations of the sum kernel;
//      2 loops against 1 (the server shares the 2 cores).
//   3. requests per second one loop drives with no delay and no CPU work: one connection per
//      request (connect, GET, close) and a keep-alive pool of 64.
//   4. the server under attack (issue 22): its memory per connection with a request pending, with
//      and without a flood of bytes behind it, and asking for the largest body without reading;
//      and the latency of small requests on their own and beside two clients reading the
//      largest bodies back to back (round trip, and the server's own X-Late-Us, which leaves out
//      the client threads' scheduling).
//
// The server is the built loopbench (LOOPBENCH_EXE). Prints figures; never fails on a time.
#include "core/base/clock.h"
#include "core/experiment/experimentrunner.h"
#include "core/net/httpserver.h"
#include "core/system/systemlimits.h"
#include "tests/bench/benchargs.h"
#include "tests/support/loopbacksocket.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QThread>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace {

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

struct Figures
{
    double wallS = 0;
    double lagP99Ms = 0;
    double connectP99Ms = 0;
    double firstByteP99Ms = 0;
    double serverLateP99Ms = 0;
    double serverCpuMs = 0;
    std::int64_t failed = 0;
};

// Medians per K over the measured runs of `result`.
Figures figuresFor(const ExperimentResult &result, int shards)
{
    std::vector<double> wall, lag, connect, firstByte, late, serverCpu;
    Figures f;
    for (const RunResult &run : result.runs) {
        if (run.shards != shards)
            continue;
        wall.push_back(run.wallMs / 1000);
        lag.push_back(run.lagMs.p99);
        f.failed += run.tasksFailed;
        if (run.http) {
            connect.push_back(run.http->connectMs.p99);
            firstByte.push_back(run.http->firstByteMs.p99);
            late.push_back(run.http->serverLateMs.p99);
            serverCpu.push_back(run.http->serverCpuMs);
        }
    }
    f.wallS = median(wall);
    f.lagP99Ms = median(lag);
    f.connectP99Ms = median(connect);
    f.firstByteP99Ms = median(firstByte);
    f.serverLateP99Ms = median(late);
    f.serverCpuMs = median(serverCpu);
    return f;
}

ExperimentResult runHttp(const ExperimentSpec &spec)
{
    ExperimentRunner runner;
    ExperimentRunner::Options options;
    options.serverExecutable = QStringLiteral(LOOPBENCH_EXE);
    return QCoro::waitFor(runner.run(spec, options));
}

ExperimentSpec httpSpec(int tasks, int ioMin, int ioMax, std::uint64_t cpuMin, std::uint64_t cpuMax,
                        QList<int> shards, int repeats, int connections, int serverLoops)
{
    ExperimentSpec spec;
    spec.workload = WorkloadSpec(tasks, ioMin, ioMax, cpuMin, cpuMax, Kernel::Sum, 20240601);
    spec.shardCounts = std::move(shards);
    spec.repeats = repeats;
    spec.warmup = true;
    spec.transport.kind = Transport::Http;
    spec.transport.connections = connections;
    spec.transport.responseBytes = 4096;
    spec.transport.serverLoops = serverLoops;
    return spec;
}

void printRow(const char *name, int shards, const Figures &f)
{
    std::printf("%-22s %6d %8.3f %9.1f %11.1f %13.1f %11.1f %11.0f %7lld\n", name, shards, f.wallS,
                f.lagP99Ms, f.connectP99Ms, f.firstByteP99Ms, f.serverLateP99Ms, f.serverCpuMs,
                static_cast<long long>(f.failed));
}

// --- 4. the server under attack: plain sockets against `loopbench --serve` ---

// VmRSS of a process, in KiB; -1 when /proc cannot say.
qint64 rssKb(qint64 pid)
{
    const auto bytes = SystemLimits::procKb(
        SystemLimits::readWhole(QStringLiteral("/proc/%1/status").arg(pid)), "VmRSS");
    return bytes ? qint64(*bytes / 1024) : -1;
}

int connectTo(std::uint16_t port)
{
    const int fd = loopback::connectTo(port);
    if (fd < 0)
        return -1;
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

std::string request(std::uint32_t task, std::uint64_t delayUs, std::uint64_t bytes)
{
    return "GET /task/" + std::to_string(task) + "?delay_us=" + std::to_string(delayUs) +
           "&bytes=" + std::to_string(bytes) + " HTTP/1.1\r\nHost: b\r\n\r\n";
}

// Reads one response (head and Content-Length body); its body length, 0 on failure. *lateUs:
// the server's X-Late-Us.
std::uint64_t readResponse(int fd, std::atomic<std::uint64_t> *progress = nullptr,
                           double *lateUs = nullptr)
{
    static thread_local std::vector<char> buffer(256 * 1024);
    std::string head;
    std::uint64_t length = 0, got = 0;
    bool inBody = false;
    for (;;) {
        const ssize_t n =
            recv(fd, buffer.data(),
                 inBody ? std::min<std::uint64_t>(buffer.size(), length - got) : 1, 0);
        if (n <= 0)
            return 0;
        if (!inBody) {
            head.push_back(buffer[0]);
            if (head.size() >= 4 && head.compare(head.size() - 4, 4, "\r\n\r\n") == 0) {
                const std::size_t at = head.find("Content-Length: ");
                length = std::stoull(head.substr(at + 16));
                if (const std::size_t late = head.find("X-Late-Us: "); lateUs && late != head.npos)
                    *lateUs = std::stod(head.substr(late + 11));
                inBody = true;
                if (length == 0)
                    return 0;
            }
            continue;
        }
        got += std::uint64_t(n);
        if (progress)
            *progress += std::uint64_t(n);
        if (got == length)
            return length;
    }
}

struct Serve
{
    QProcess process;
    std::uint16_t port = 0;
    explicit Serve(int loops)
    {
        process.start(
            QStringLiteral(LOOPBENCH_EXE),
            {QStringLiteral("--serve"), QStringLiteral("--server-loops"), QString::number(loops)});
        process.waitForReadyRead(10000);
        const QByteArray line = process.readLine().trimmed();
        port = std::uint16_t(line.mid(line.lastIndexOf(':') + 1).toUInt());
    }
    ~Serve()
    {
        process.terminate();
        process.waitForFinished(5000);
    }
};

void memoryPerConnection(int connections, int loops)
{
    enum class Client { Pending, Flood, LargeUnread };
    for (const Client kind : {Client::Pending, Client::Flood, Client::LargeUnread}) {
        Serve server(loops);
        const qint64 before = rssKb(server.process.processId());
        std::vector<int> fds;
        const std::string junk(64 * 1024, 'x');
        // Unread large bodies fill kernel socket buffers (MiBs each): fewer of them.
        const int n = kind == Client::LargeUnread ? std::min(connections, 100) : connections;
        for (int i = 0; i < n; ++i) {
            const int fd = connectTo(server.port);
            if (fd < 0)
                break;
            const std::string r = kind == Client::LargeUnread
                                      ? request(std::uint32_t(i), 0, HttpServer::kMaxResponseBytes)
                                      : request(std::uint32_t(i), 60'000'000, 4096);
            (void)!send(fd, r.data(), r.size(), MSG_NOSIGNAL);
            if (kind == Client::Flood) {
                fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
                for (int k = 0; k < 64; ++k) // up to 4 MiB each, as much as the sockets take
                    if (send(fd, junk.data(), junk.size(), MSG_NOSIGNAL) <= 0)
                        break;
            }
            fds.push_back(fd);
        }
        QThread::msleep(500);
        const qint64 after = rssKb(server.process.processId());
        const char *what = kind == Client::Pending ? "a request pending"
                           : kind == Client::Flood ? "a request pending and a flood behind it"
                                                   : "the largest body asked for, unread";
        std::printf("server memory, %zu connections with %s: RSS %.1f -> %.1f MiB, %.2f KiB per "
                    "connection\n",
                    fds.size(), what, before / 1024.0, after / 1024.0,
                    fds.empty() ? 0.0 : double(after - before) / double(fds.size()));
        for (int fd : fds)
            close(fd);
    }
}

void smallBesideLarge(int loops, int requests)
{
    for (const int readers : {0, 2}) {
        Serve server(loops);
        std::atomic<bool> stop{false};
        std::atomic<std::uint64_t> bigBytes{0};
        std::vector<std::thread> threads;
        for (int c = 0; c < readers; ++c) {
            threads.emplace_back([&, c] {
                const int fd = connectTo(server.port);
                const std::string r =
                    request(std::uint32_t(900 + c), 0, HttpServer::kMaxResponseBytes);
                while (!stop) {
                    (void)!send(fd, r.data(), r.size(), MSG_NOSIGNAL);
                    if (readResponse(fd, &bigBytes) == 0)
                        break;
                }
                close(fd);
            });
        }
        while (readers > 0 && bigBytes < (1u << 20))
            QThread::msleep(1);
        const int fd = connectTo(server.port);
        std::vector<double> ms, lateMs;
        const std::uint64_t bigBefore = bigBytes;
        const std::int64_t t0 = nowNs();
        for (int i = 0; i < requests; ++i) {
            const std::string r = request(std::uint32_t(i), 0, 4096);
            const std::int64_t start = nowNs();
            (void)!send(fd, r.data(), r.size(), MSG_NOSIGNAL);
            double lateUs = 0;
            readResponse(fd, nullptr, &lateUs);
            ms.push_back(double(nowNs() - start) / 1e6);
            lateMs.push_back(lateUs / 1000);
        }
        const double seconds = double(nowNs() - t0) / 1e9;
        const double bigMiBps = double(bigBytes - bigBefore) / (1 << 20) / seconds;
        stop = true;
        close(fd);
        for (std::thread &t : threads)
            t.join();
        std::sort(ms.begin(), ms.end());
        std::sort(lateMs.begin(), lateMs.end());
        const QString meanwhile =
            readers ? QStringLiteral(" (large bodies meanwhile %1 MiB/s)").arg(bigMiBps, 0, 'f', 0)
                    : QString();
        std::printf("%d small requests (4 KiB, no delay) %s\n  round trip p50 %.3f / p99 %.3f / "
                    "max %.3f ms; server late p99 %.3f / max %.3f ms%s\n",
                    requests, readers ? "beside 2 clients reading 16 MiB bodies" : "on their own",
                    ms[ms.size() / 2], ms[ms.size() * 99 / 100], ms.back(),
                    lateMs[lateMs.size() * 99 / 100], lateMs.back(), qPrintable(meanwhile));
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const BenchArgs args(app.arguments());
    const int repeats = std::max(1, args.integer(QLatin1String("--repeat"), 3));
    const int tasks = args.integer(QLatin1String("--tasks"), 10000);
    const int cpuTasks = args.integer(QLatin1String("--cpu-tasks"), 3000);
    const int rpsTasks = args.integer(QLatin1String("--rps-tasks"), 8000);
    const int serverLoops = std::max(1, args.integer(QLatin1String("--server-loops"), 1));

    const int attackConnections = args.integer(QLatin1String("--attack-connections"), 2000);
    if (args.flag(QLatin1String("--attack-only"))) {
        memoryPerConnection(attackConnections, serverLoops);
        smallBesideLarge(serverLoops, 500);
        return 0;
    }

    std::printf("bench_http: server %s, %d server loop(s), medians of %d runs after a warm-up\n",
                LOOPBENCH_EXE, serverLoops, repeats);
    std::printf("%-22s %6s %8s %9s %11s %13s %11s %11s %7s\n", "case", "loops", "wall s", "lag p99",
                "connect p99", "1st byte p99", "late p99", "server CPU", "failed");

    const ExperimentResult idle =
        runHttp(httpSpec(tasks, 200, 1000, 0, 0, {1, 2}, repeats, 0, serverLoops));
    printRow("idle crawl", 1, figuresFor(idle, 1));
    printRow("idle crawl", 2, figuresFor(idle, 2));

    const ExperimentResult heavy = runHttp(
        httpSpec(cpuTasks, 200, 1000, 1'000'000, 3'000'000, {1, 2}, repeats, 0, serverLoops));
    const Figures heavy1 = figuresFor(heavy, 1);
    const Figures heavy2 = figuresFor(heavy, 2);
    printRow("cpu-heavy crawl", 1, heavy1);
    printRow("cpu-heavy crawl", 2, heavy2);

    std::printf("\nidle crawl (%d requests): 1 loop %.3f s, 2 loops %.3f s (floor 1.000 s)\n",
                tasks, figuresFor(idle, 1).wallS, figuresFor(idle, 2).wallS);
    std::printf("cpu-heavy crawl (%d tasks, 1M-3M iterations): 2 loops %.2fx faster than 1\n",
                cpuTasks, heavy2.wallS > 0 ? heavy1.wallS / heavy2.wallS : 0.0);

    // Requests per second: no delay, no work; what is left is the sockets and the loop.
    for (const int connections : {0, 64}) {
        const int n = connections == 0 ? rpsTasks : rpsTasks * 10;
        const ExperimentResult rps =
            runHttp(httpSpec(n, 0, 0, 0, 0, {1}, repeats, connections, serverLoops));
        const Figures f = figuresFor(rps, 1);
        std::printf("%-34s %8d requests, %8.3f s, %9.0f requests/s, %lld failed\n",
                    connections == 0 ? "one loop, connection per request:"
                                     : "one loop, keep-alive pool of 64:",
                    n, f.wallS, f.wallS > 0 ? n / f.wallS : 0.0, static_cast<long long>(f.failed));
    }
    std::printf("\n");
    memoryPerConnection(attackConnections, serverLoops);
    smallBesideLarge(serverLoops, 500);
    return 0;
}
