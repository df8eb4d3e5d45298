// SPDX-License-Identifier: MIT
// The http transport against `loopbench --serve` in its own process, as the CLI runs it: the
// figures issue 12 asks for, each the median of R interleaved runs after a warm-up.
//
//   bench_http [--repeat R] [--tasks N] [--rps-tasks N] [--cpu-tasks N] [--server-loops N]
//
//   1. idle crawl: N (10,000) requests in flight at once, 200-1000 ms server delay, 4 KiB
//      responses, no CPU work, one connection per request; 1 loop and 2 loops. Floor: 1.0 s.
//   2. CPU-heavy crawl: 3,000 tasks, 200-1000 ms delay, 1M-3M iterations of the sum kernel;
//      2 loops against 1 (the server shares the 2 cores).
//   3. requests per second one loop drives with no delay and no CPU work: one connection per
//      request (connect, GET, close) and a keep-alive pool of 64.
//
// The server is the built loopbench (LOOPBENCH_EXE). Prints figures; never fails on a time.
#include "core/experiment/experimentrunner.h"
#include "tests/bench/benchargs.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdio>
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
    return 0;
}
