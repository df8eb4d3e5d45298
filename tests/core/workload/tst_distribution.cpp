// SPDX-License-Identifier: MIT
#include "core/base/portablemath.h"
#include "core/base/splitmix64.h"
#include "core/workload/distribution.h"
#include "core/workload/distributionsampler.h"

#include <QTest>

#include <algorithm>
#include <bit>
#include <cmath>
#include <vector>

namespace {

constexpr std::size_t kDraws = 100000;

// kDraws values of `d` in [lo, hi], sorted: quantiles are then indexes.
std::vector<std::uint64_t> sortedDraws(const Distribution &d, std::uint64_t lo, std::uint64_t hi,
                                       std::uint64_t seed = 42)
{
    const DistributionSampler sampler(d, lo, hi);
    SplitMix64 rng(seed);
    std::vector<std::uint64_t> v(kDraws);
    for (std::uint64_t &x : v)
        x = sampler.draw(rng);
    std::sort(v.begin(), v.end());
    return v;
}

double quantile(const std::vector<std::uint64_t> &sorted, double q)
{
    return double(sorted[std::size_t(q * double(sorted.size() - 1) + 0.5)]);
}

double relativeError(double got, double want)
{
    return std::abs(got - want) / want;
}

} // namespace

class TestDistribution : public QObject
{
    Q_OBJECT
private slots:
    void portableMathAgreesWithTheCLibrary()
    {
        SplitMix64 rng(7);
        for (int i = 0; i < 20000; ++i) {
            const double u = DistributionSampler::uniformOpen(rng.next());
            const double x = std::ldexp(0.5 + u / 2, int(rng.between(0, 200)) - 100);
            QVERIFY2(relativeError(PortableMath::log(x), std::log(x)) < 1e-15 ||
                         std::abs(PortableMath::log(x) - std::log(x)) < 1e-16,
                     qPrintable(QString::number(x, 'g', 17)));
            const double y = (u - 0.5) * 1400;
            QVERIFY2(relativeError(PortableMath::exp(y), std::exp(y)) < 1e-15,
                     qPrintable(QString::number(y, 'g', 17)));
            // Phi(Phi^-1(p)) = p, down to the far tails where the draws of a 50M plan reach.
            const double p = i % 2 ? u : std::ldexp(u, -int(rng.between(0, 50)));
            const double z = PortableMath::normalQuantile(p);
            const double back = 0.5 * std::erfc(-z / std::sqrt(2.0));
            QVERIFY2(relativeError(back, p) < 1e-7, qPrintable(QString::number(p, 'g', 17)));
        }
        QCOMPARE(PortableMath::normalQuantile(0.5), 0.0);
        QCOMPARE(PortableMath::log(1.0), 0.0);
        QCOMPARE(PortableMath::exp(0.0), 1.0);
        QVERIFY(std::isinf(PortableMath::exp(710)));
        QCOMPARE(PortableMath::exp(-746), 0.0);
    }

    void portableMathGivesTheseExactBits()
    {
        // Exact results of this implementation: the plan's draws are built from them, so a
        // change to the maths (or a compiler that fuses a multiply-add) fails here first.
        QCOMPARE(std::bit_cast<std::uint64_t>(PortableMath::log(3.0)), 0x3ff193ea7aad030bULL);
        QCOMPARE(std::bit_cast<std::uint64_t>(PortableMath::exp(1.0)), 0x4005bf0a8b145769ULL);
        QCOMPARE(std::bit_cast<std::uint64_t>(PortableMath::normalQuantile(0.99)),
                 0x40029c5c463cecf2ULL);
        QCOMPARE(std::bit_cast<std::uint64_t>(PortableMath::normalQuantile(1e-6)),
                 0xc0130381a9cfc25eULL);
    }

    void quantilesMatchTheTextbookDistributions()
    {
        // Each value at(u) put back through the distribution's CDF, computed with the C
        // library, gives u again: the quantile maths is the distribution it claims to be.
        const double m = 300000, r = 10;
        const double sigma = std::log(r) / 2.3263478740408408; // z of the 99th percentile
        const double alpha = std::log(50.0) / std::log(r);
        const double xm = m / std::pow(2.0, 1 / alpha);
        const DistributionSampler logNormal(Distribution::logNormal(300000, 3000000), 1,
                                            1'000'000'000'000);
        const DistributionSampler pareto(Distribution::pareto(300000, 3000000), 1,
                                         1'000'000'000'000);
        for (double u = 0.001; u < 1; u += 0.001) {
            const double x = double(logNormal.at(u));
            const double cdf = 0.5 * std::erfc(-std::log(x / m) / sigma / std::sqrt(2.0));
            QVERIFY2(std::abs(cdf - u) < 1e-5, qPrintable(QString::number(u)));
            const double y = double(pareto.at(u));
            QVERIFY2(std::abs(1 - std::pow(xm / y, alpha) - u) < 1e-5,
                     qPrintable(QString::number(u)));
        }
    }

    void uniformIsTheOriginalRangeMapping()
    {
        // Uniform must draw exactly what SplitMix64::between did before shapes existed: every
        // published uniform plan and checksum depends on it.
        const DistributionSampler sampler(Distribution::uniform(), 200000, 1000000);
        SplitMix64 a(20240601), b(20240601);
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(sampler.draw(a), b.between(200000, 1000000));
    }

    void lognormalHasTheMedianAndP99AskedFor()
    {
        const auto v = sortedDraws(Distribution::logNormal(300000, 3000000), 1, 100000000);
        QVERIFY2(relativeError(quantile(v, 0.5), 300000) < 0.02,
                 qPrintable(QString::number(quantile(v, 0.5))));
        QVERIFY2(relativeError(quantile(v, 0.99), 3000000) < 0.04,
                 qPrintable(QString::number(quantile(v, 0.99))));
        // Symmetric in log space: the 1st percentile is median^2 / p99.
        QVERIFY2(relativeError(quantile(v, 0.01), 30000) < 0.04,
                 qPrintable(QString::number(quantile(v, 0.01))));
    }

    void paretoHasTheMedianAndP99AskedForAndAHeavierTail()
    {
        const auto pareto = sortedDraws(Distribution::pareto(200000, 2000000), 1, 1000000000);
        QVERIFY2(relativeError(quantile(pareto, 0.5), 200000) < 0.02,
                 qPrintable(QString::number(quantile(pareto, 0.5))));
        QVERIFY2(relativeError(quantile(pareto, 0.99), 2000000) < 0.05,
                 qPrintable(QString::number(quantile(pareto, 0.99))));
        // Nothing below the scale x_m = median / 2^(1/alpha), alpha = ln 50 / ln 10.
        const double xm = 200000 / std::pow(2.0, std::log(10.0) / std::log(50.0));
        QVERIFY(double(pareto.front()) >= std::floor(xm));
        QVERIFY(double(pareto.front()) < xm * 1.01);
        // Uniform over a range as wide: p99 is about twice the median. The shapes: far more.
        const auto uniform = sortedDraws(Distribution::uniform(), 1, 1000000000);
        const double uniformRatio = quantile(uniform, 0.99) / quantile(uniform, 0.5);
        const double paretoRatio = quantile(pareto, 0.99) / quantile(pareto, 0.5);
        QVERIFY2(uniformRatio < 2.1 && paretoRatio > 9, qPrintable(QString::number(paretoRatio)));
        // Past p99, Pareto's power law outgrows lognormal's through the same two points.
        const auto lognormal = sortedDraws(Distribution::logNormal(200000, 2000000), 1, 1000000000);
        QVERIFY(quantile(pareto, 0.999) > 1.3 * quantile(lognormal, 0.999));
    }

    void bimodalHasTheHeavyFractionAskedForInTheTopTenth()
    {
        const auto v = sortedDraws(Distribution::bimodal(0.1), 0, 1000000);
        const auto heavy = std::count_if(v.begin(), v.end(), [](auto x) { return x >= 900000; });
        const auto light = std::count_if(v.begin(), v.end(), [](auto x) { return x <= 100000; });
        QVERIFY2(std::abs(double(heavy) / kDraws - 0.1) < 0.005,
                 qPrintable(QString::number(heavy)));
        QCOMPARE(std::size_t(heavy + light), kDraws); // nothing in between
        // Each mode spreads over its whole band, both ends included.
        const auto small = sortedDraws(Distribution::bimodal(0.5), 0, 100);
        QCOMPARE(small.front(), std::uint64_t{0});
        QCOMPARE(small.back(), std::uint64_t{100});
        QVERIFY(std::binary_search(small.begin(), small.end(), std::uint64_t{10}));
        QVERIFY(std::binary_search(small.begin(), small.end(), std::uint64_t{90}));
        QVERIFY(!std::binary_search(small.begin(), small.end(), std::uint64_t{11}));
        QVERIFY(!std::binary_search(small.begin(), small.end(), std::uint64_t{89}));
    }

    void everyDrawStaysInsideTheRange()
    {
        // Tails far past both ends: the draws pile up on MIN and MAX, never beyond.
        for (const Distribution &d :
             {Distribution::logNormal(101, 199), Distribution::pareto(101, 199),
              Distribution::bimodal(0.5), Distribution::bimodal(1), Distribution::bimodal(0)}) {
            const auto v = sortedDraws(d, 100, 200);
            QVERIFY2(v.front() >= 100 && v.back() <= 200, qPrintable(d.text()));
        }
        const auto v = sortedDraws(Distribution::logNormal(101, 199), 100, 200);
        QCOMPARE(v.front(), std::uint64_t{100});
        QCOMPARE(v.back(), std::uint64_t{200});
    }

    void parametersScaleIntoThePlansUnit()
    {
        // IO parameters are in ms, the plan in microseconds: the median lands at 300,000 us.
        const DistributionSampler us(Distribution::logNormal(300, 3000), 1000, 10000000, 1000);
        QCOMPARE(us.at(0.5), std::uint64_t{300000});
    }

    void meanIsTheAverageDraw()
    {
        for (const Distribution &d :
             {Distribution::logNormal(300000, 3000000), Distribution::pareto(200000, 2000000),
              Distribution::bimodal(0.2), Distribution::uniform()}) {
            const auto v = sortedDraws(d, 10000, 5000000);
            double sum = 0;
            for (auto x : v)
                sum += double(x);
            const DistributionSampler sampler(d, 10000, 5000000);
            QVERIFY2(relativeError(sampler.mean(), sum / kDraws) < 0.02, qPrintable(d.text()));
        }
    }

    void textNamesShapeAndParameters()
    {
        QCOMPARE(Distribution::uniform().text(), QStringLiteral("uniform"));
        QCOMPARE(Distribution::logNormal(300, 3000).text(),
                 QStringLiteral("lognormal:median=300,p99=3000"));
        QCOMPARE(Distribution::pareto(200000, 2000000).text(),
                 QStringLiteral("pareto:median=200000,p99=2000000"));
        QCOMPARE(Distribution::bimodal(0.05).text(), QStringLiteral("bimodal:heavy=0.05"));
    }

    void checkNamesTheParameterAndItsRange_data()
    {
        QTest::addColumn<int>("shape");
        QTest::addColumn<quint64>("median");
        QTest::addColumn<quint64>("p99");
        QTest::addColumn<double>("heavy");
        QTest::addColumn<QString>("message");
        const int ln = int(Distribution::Shape::LogNormal);
        QTest::newRow("median below min") << ln << quint64(100) << quint64(900) << 0.0
                                          << "median 100 ms is outside 200 to 1,000 ms";
        QTest::newRow("p99 above max") << ln << quint64(300) << quint64(3000) << 0.0
                                       << "p99 3,000 ms is outside 200 to 1,000 ms";
        QTest::newRow("p99 not above median")
            << int(Distribution::Shape::Pareto) << quint64(300) << quint64(300) << 0.0
            << "p99 300 ms is not above median 300 ms";
        QTest::newRow("heavy above 1") << int(Distribution::Shape::Bimodal) << quint64(0)
                                       << quint64(0) << 1.5 << "heavy 1.5 is outside 0 to 1";
    }

    void checkNamesTheParameterAndItsRange()
    {
        QFETCH(int, shape);
        QFETCH(quint64, median);
        QFETCH(quint64, p99);
        QFETCH(double, heavy);
        QFETCH(QString, message);
        Distribution d;
        d.shape = Distribution::Shape(shape);
        d.median = median;
        d.p99 = p99;
        d.heavy = heavy;
        QCOMPARE(d.check(200, 1000, NumberRange{0, 3600000, "ms"}).value_or(QString()), message);
    }

    void medianMustBeAboveZeroEvenWhenMinIsZero()
    {
        QCOMPARE(Distribution::logNormal(0, 10)
                     .check(0, 1000, NumberRange{0, 3600000, "ms"})
                     .value_or(QString()),
                 QStringLiteral("median 0 ms is outside 1 to 1,000 ms"));
        QVERIFY(!Distribution::logNormal(1, 10).check(0, 1000, NumberRange{0, 3600000, "ms"}));
    }
};

QTEST_GUILESS_MAIN(TestDistribution)
#include "tst_distribution.moc"
