// SPDX-License-Identifier: MIT
#include "core/workload/kernel.h"

#include <QTest>

#include <algorithm>
#include <ctime>

namespace {

// 16M iterations: tens of milliseconds of CPU, long enough to dwarf clock and cache noise.
constexpr std::uint64_t kMeasured = std::uint64_t{1} << 24;

std::int64_t threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return std::int64_t{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec;
}

std::int64_t cpuNsOf(Kernel kernel, std::uint64_t iterations)
{
    const std::int64_t before = threadCpuNs();
    const std::uint64_t result = runKernel(kernel, iterations, 3);
    const std::int64_t cpuNs = threadCpuNs() - before;
    if (result == 0x5eed) // practically never: makes the result observable to the optimiser
        qInfo("kernel result %llu", static_cast<unsigned long long>(result));
    return cpuNs;
}

// The least CPU time of three runs: the one least disturbed by a sibling hyperthread's load.
double minCpuNsOf(Kernel kernel, std::uint64_t iterations)
{
    std::int64_t best = INT64_MAX;
    for (int i = 0; i < 3; ++i)
        best = std::min(best, cpuNsOf(kernel, iterations));
    return double(best);
}

} // namespace

class TestKernel : public QObject
{
    Q_OBJECT
private slots:
    void resultsAreDeterministicAndDependOnEveryIteration()
    {
        for (Kernel k : kernels()) {
            const std::uint64_t a = runKernel(k, 100000, 42);
            QCOMPARE(runKernel(k, 100000, 42), a);
            QVERIFY(runKernel(k, 100001, 42) != a);     // one more iteration changes the result
            if (k != Kernel::Article)                   // the article's loop starts at 0
                QVERIFY(runKernel(k, 100000, 43) != a); // the input matters
            // Crossing a cancel-check boundary must not change the arithmetic.
            QVERIFY(runKernel(k, kKernelCancelStride + 1, 1) !=
                    runKernel(k, kKernelCancelStride, 1));
        }
        QVERIFY(runKernel(Kernel::Sum, 1000, 5) != runKernel(Kernel::Hash, 1000, 5));
        QCOMPARE(runKernel(Kernel::Sum, 0, 9), std::uint64_t{9}); // zero work returns the input
    }

    void sumKernelMatchesItsDefinition()
    {
        // acc = (acc ^ i) * 0x9E3779B97F4A7C15, for i in [0, n): evaluated by hand for n = 3.
        std::uint64_t acc = 7;
        for (std::uint64_t i = 0; i < 3; ++i)
            acc = (acc ^ i) * 0x9E3779B97F4A7C15ULL;
        QCOMPARE(runKernel(Kernel::Sum, 3, 7), acc);
    }

    void articleKernelIsTheSumOfItsIterationIndices()
    {
        // The article's `result += i` over range(n) is n(n-1)/2 modulo 2^64, whatever the
        // input: the even factor is halved first, so the product is exact modulo 2^64.
        for (const std::uint64_t n : {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{3},
                                      kKernelCancelStride + 1, std::uint64_t{1'234'567}}) {
            const std::uint64_t sum = n % 2 == 0 ? (n / 2) * (n ? n - 1 : 0) : n * ((n - 1) / 2);
            QCOMPARE(runKernel(Kernel::Article, n, 99), sum);
        }
        QCOMPARE(runKernel(Kernel::Article, 4, 7), std::uint64_t{6}); // 0 + 1 + 2 + 3
    }

    void cancelStopsALongKernelAtItsFirstCheck()
    {
        // With the flag already set, a 4e9-iteration kernel (seconds of work) stops at its first
        // check: its partial result is exactly that of a kernel one stride long.
        std::atomic<bool> cancel{true};
        for (Kernel k : kernels())
            QCOMPARE(runKernel(k, 4'000'000'000ULL, 1, &cancel),
                     runKernel(k, kKernelCancelStride, 1));
    }

    void workIsLinearInIterations()
    {
        // Fixed work, not a spin for a time, and not optimised away: twice the iterations cost
        // about twice the CPU time. Thread CPU time, so other load on the machine does not count;
        // the slack covers cache and frequency effects. For Article it also proves that the
        // compiler did not replace the loop by n(n-1)/2, which would cost the same at any n.
        for (Kernel k : kernels()) {
            const double once = minCpuNsOf(k, kMeasured);
            const double twice = minCpuNsOf(k, 2 * kMeasured);
            QVERIFY2(twice > 1.5 * once && twice < 2.7 * once,
                     qPrintable(QStringLiteral("%1 ns vs %2 ns").arg(twice).arg(once)));
        }
    }

    void calibrationMatchesAMeasuredRun()
    {
        // Calibration takes the fastest wall time of a few short runs; a longer run measured on
        // the thread CPU clock must agree with it within a factor that only a wrong unit, a
        // wrong iteration count or an optimised-away loop would exceed. The fastest of five
        // calibrations, because on a busy machine any one of them may have been preempted.
        for (Kernel k : kernels()) {
            const double measured = minCpuNsOf(k, kMeasured) / double(kMeasured);
            double calibrated = calibrateNsPerIteration(k);
            for (int i = 0; i < 4; ++i)
                calibrated = std::min(calibrated, calibrateNsPerIteration(k));
            QVERIFY2(calibrated > 0.4 * measured && calibrated < 3 * measured,
                     qPrintable(QStringLiteral("%1 calibrated vs %2 measured ns/iteration")
                                    .arg(calibrated)
                                    .arg(measured)));
        }
    }

    void namesRoundTrip()
    {
        QCOMPARE(kernelFromName(u"hash"), Kernel::Hash);
        QCOMPARE(kernelFromName(kernelName(Kernel::Sum)), Kernel::Sum);
        QCOMPARE(kernelFromName(u"article"), Kernel::Article);
        QCOMPARE(kernelNames(), (QStringList{"sum", "hash", "article"}));
        QCOMPARE(int(kernels().size()), int(kernelNames().size()));
        QVERIFY(!kernelFromName(u"spin").has_value());
    }
};

QTEST_GUILESS_MAIN(TestKernel)
#include "tst_kernel.moc"
