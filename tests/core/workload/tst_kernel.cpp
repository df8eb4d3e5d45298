// SPDX-License-Identifier: MIT
#include "core/workload/kernel.h"

#include <QTest>

class TestKernel : public QObject
{
    Q_OBJECT
private slots:
    void resultsAreDeterministicAndDependOnEveryIteration()
    {
        for (Kernel k : {Kernel::Sum, Kernel::Hash}) {
            const std::uint64_t a = runKernel(k, 100000, 42);
            QCOMPARE(runKernel(k, 100000, 42), a);
            QVERIFY(runKernel(k, 100001, 42) != a); // one more iteration changes the result
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

    void cancelStopsALongKernelEarly()
    {
        std::atomic<bool> cancel{true};
        QElapsedTimer timer;
        timer.start();
        runKernel(Kernel::Sum, 4'000'000'000ULL, 1, &cancel); // ~4 s if it ran to the end
        QVERIFY(timer.elapsed() < 100);
    }

    void calibrationIsPlausible()
    {
        for (Kernel k : {Kernel::Sum, Kernel::Hash}) {
            const double ns = calibrateNsPerIteration(k);
            // A dependent multiply chain cannot beat ~0.1 ns/iteration on any current CPU, and a
            // loop of a few ALU ops is not 100 ns/iteration even under valgrind-free debug builds.
            QVERIFY2(ns > 0.1 && ns < 100, qPrintable(QString::number(ns)));
        }
    }

    void namesRoundTrip()
    {
        QCOMPARE(kernelFromName(u"hash"), Kernel::Hash);
        QCOMPARE(kernelFromName(kernelName(Kernel::Sum)), Kernel::Sum);
        QVERIFY(!kernelFromName(u"spin").has_value());
    }
};

QTEST_GUILESS_MAIN(TestKernel)
#include "tst_kernel.moc"
