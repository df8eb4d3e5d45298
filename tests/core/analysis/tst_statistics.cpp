// SPDX-License-Identifier: MIT
// Statistics against known vectors. Where a comment names R, the expected values were printed by
// R 4.2.2 (Debian 12's r-base-core) running the expression beside them with options(digits = 17);
// "by hand" means derived on paper from the definitions in core/statistics.h.
#include "core/analysis/statistics.h"

#include <QTest>

#include <cmath>

namespace {

bool near(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance;
}

} // namespace

class TestStatistics : public QObject
{
    Q_OBJECT

private slots:
    void percentileIsHyndmanFanType7();
    void summaryMatchesR();
    void summaryMatchesROnWallTimes();
    void summaryOfOneValueHasNoSpread();
    void summaryOfNothingIsUndefined();
    void madFlagsOnlyTheWildRun();
    void madFallsBackToMeanDeviationWhenMadIsZero();
    void madFlagsNothingWhenAllValuesAreEqual();
    void madNeedsThreeValues();
    void speedupErrorPropagatesStandardErrorsOfMedians();
    void speedupOfOneRunHasNoError();
    void speedupOverZeroIsUndefined();
    void mannWhitneyMatchesR_data();
    void mannWhitneyMatchesR();
    void mannWhitneyIsSymmetric();
    void mannWhitneyWithoutVarianceIsUndefined();
    void amdahlRecoversAnExactSerialFraction();
    void amdahlMatchesLeastSquaresOnNoisySpeedups();
    void amdahlClampsSuperlinearSpeedupToZero();
    void amdahlClampsSlowdownToOne();
    void amdahlNeedsMoreThanOneLoop();
};

void TestStatistics::percentileIsHyndmanFanType7()
{
    // R: quantile(c(1, 2, 3, 4), c(0.5, 0.9), type = 7) -> 2.5 3.7
    std::vector<double> v{4, 1, 3, 2};
    QCOMPARE(percentile(v, 0.5), 2.5);
    QVERIFY(near(percentile(v, 0.9), 3.7, 1e-12));
    std::vector<double> none;
    QCOMPARE(percentile(none, 0.5), 0.0);
}

void TestStatistics::summaryMatchesR()
{
    // R: x <- c(2, 4, 4, 4, 5, 5, 7, 9); median(x); mean(x); sd(x); sd(x) / mean(x)
    const Summary s = summarize({2, 4, 4, 4, 5, 5, 7, 9});
    QCOMPARE(s.n, std::size_t{8});
    QCOMPARE(s.median, 4.5);
    QCOMPARE(s.mean, 5.0);
    QCOMPARE(s.stddev, 2.1380899352993952);
    QCOMPARE(s.min, 2.0);
    QCOMPARE(s.max, 9.0);
    QCOMPARE(s.cv, 0.42761798705987902);
}

void TestStatistics::summaryMatchesROnWallTimes()
{
    // R: y <- c(10512.3, 10498.7, 10533.1, 10490.2, 10507.9): large values with a small spread,
    // where a one-pass variance would lose digits.
    const Summary s = summarize({10512.3, 10498.7, 10533.1, 10490.2, 10507.9});
    QCOMPARE(s.median, 10507.9);
    QCOMPARE(s.mean, 10508.44);
    QVERIFY(near(s.stddev, 16.208577975874164, 1e-9));
    QCOMPARE(s.min, 10490.2);
    QCOMPARE(s.max, 10533.1);
    QVERIFY(near(s.cv, 0.0015424342695846542, 1e-15));
}

void TestStatistics::summaryOfOneValueHasNoSpread()
{
    const Summary s = summarize({42});
    QCOMPARE(s.n, std::size_t{1});
    QCOMPARE(s.median, 42.0);
    QCOMPARE(s.mean, 42.0);
    QCOMPARE(s.min, 42.0);
    QCOMPARE(s.max, 42.0);
    QVERIFY(std::isnan(s.stddev));
    QVERIFY(std::isnan(s.cv));
}

void TestStatistics::summaryOfNothingIsUndefined()
{
    const Summary s = summarize({});
    QCOMPARE(s.n, std::size_t{0});
    for (double v : {s.median, s.mean, s.stddev, s.min, s.max, s.cv})
        QVERIFY(std::isnan(v));
}

void TestStatistics::madFlagsOnlyTheWildRun()
{
    // R: o <- c(10, 10.2, 9.9, 10.1, 10.05, 13, 9.5); 0.6745 * (o - median(o)) / mad(o, constant =
    // 1)
    //    -> -0.225 0.6745 -0.6745 0.225 0 13.27 -2.47: only 13 is beyond 3.5.
    const std::vector<bool> flags = madOutliers({10, 10.2, 9.9, 10.1, 10.05, 13, 9.5});
    QCOMPARE(flags, (std::vector<bool>{false, false, false, false, false, true, false}));
    // The same data with a cut-off below 2.47 also catches 9.5.
    QCOMPARE(madOutliers({10, 10.2, 9.9, 10.1, 10.05, 13, 9.5}, 2.4),
             (std::vector<bool>{false, false, false, false, false, true, true}));
}

void TestStatistics::madFallsBackToMeanDeviationWhenMadIsZero()
{
    // By hand: median 5, deviations 0 0 0 0 1, MAD 0; mean deviation 0.2, scaled by sqrt(pi/2):
    // 0.2507; the 6 is 1 / 0.2507 = 3.99 from the median, above 3.5.
    QCOMPARE(madOutliers({5, 5, 5, 5, 6}), (std::vector<bool>{false, false, false, false, true}));
    // Ten values: mean deviation 1.4 / 10 = 0.14, scaled 0.1755; the 6 sits at 5.70: flagged; a
    // 5.4 sits at 0.4 / (0.14 * 1.2533) = 2.28: not.
    QCOMPARE(
        madOutliers({5, 5, 5, 5, 5, 5, 5, 5, 5.4, 6}),
        (std::vector<bool>{false, false, false, false, false, false, false, false, false, true}));
}

void TestStatistics::madFlagsNothingWhenAllValuesAreEqual()
{
    QCOMPARE(madOutliers({7, 7, 7, 7}), (std::vector<bool>(4, false)));
}

void TestStatistics::madNeedsThreeValues()
{
    QCOMPARE(madOutliers({1, 1000}), (std::vector<bool>{false, false}));
    // Three runs measured here (wall s, K = 1): the MAD would be 0.005 and flag 8.217 at a
    // modified z of 6.7; below 5 values nothing is flagged.
    QCOMPARE(madOutliers({8.267, 8.217, 8.272}), (std::vector<bool>(3, false)));
    QCOMPARE(madOutliers({10, 10, 10, 50}), (std::vector<bool>(4, false)));
    QVERIFY(madOutliers({}).empty());
}

void TestStatistics::speedupErrorPropagatesStandardErrorsOfMedians()
{
    // R: se <- function(v) sqrt(pi / 2) * sd(v) / sqrt(length(v)); r <- median(y) / median(d)
    //    r * sqrt((se(y) / median(y))^2 + (se(d) / median(d))^2) -> 2.8304870164852924,
    //    0.010214315274681498
    const Summary base = summarize({10512.3, 10498.7, 10533.1, 10490.2, 10507.9});
    const Summary four = summarize({3712.4, 3698.0, 3755.9, 3701.3, 3720.8});
    const Ratio r = ratioOfMedians(base, four);
    QCOMPARE(r.value, 2.8304870164852924);
    QVERIFY(near(r.error, 0.010214315274681498, 1e-15));
}

void TestStatistics::speedupOfOneRunHasNoError()
{
    const Ratio r = ratioOfMedians(summarize({1000}), summarize({400}));
    QCOMPARE(r.value, 2.5);
    QVERIFY(std::isnan(r.error));
}

void TestStatistics::speedupOverZeroIsUndefined()
{
    QVERIFY(std::isnan(ratioOfMedians(summarize({1000, 1001}), summarize({0, 0})).value));
    QVERIFY(std::isnan(ratioOfMedians(summarize({1000, 1001}), summarize({})).value));
}

void TestStatistics::mannWhitneyMatchesR_data()
{
    QTest::addColumn<std::vector<double>>("a");
    QTest::addColumn<std::vector<double>>("b");
    QTest::addColumn<double>("u");
    QTest::addColumn<double>("p");
    // R: wilcox.test(a, b, exact = FALSE, correct = TRUE); $statistic is W = U of a.
    // The data of R's own ?wilcox.test example, no ties.
    QTest::newRow("no ties") << std::vector<double>{0.80, 0.83, 1.89, 1.04, 1.45,
                                                    1.38, 1.91, 1.64, 0.73, 1.46}
                             << std::vector<double>{1.15, 0.88, 0.90, 0.74, 1.21} << 35.0
                             << 0.24462360512698336;
    QTest::newRow("ties within and across samples")
        << std::vector<double>{1, 2, 2, 3, 3, 3, 4, 5} << std::vector<double>{3, 4, 4, 5, 5, 6, 7}
        << 7.5 << 0.018530522991017578;
    // Five runs each, completely separated: the smallest p the approximation gives at R = 5.
    QTest::newRow("separated, five runs each")
        << std::vector<double>{10.1, 10.3, 10.2, 10.4, 10.0}
        << std::vector<double>{3.6, 3.5, 3.7, 3.4, 3.8} << 25.0 << 0.012185780355344811;
    QTest::newRow("U at its mean") << std::vector<double>{1, 2, 3, 4}
                                   << std::vector<double>{1.5, 2.5, 3.5, 4.5, 0} << 10.0 << 1.0;
}

void TestStatistics::mannWhitneyMatchesR()
{
    QFETCH(std::vector<double>, a);
    QFETCH(std::vector<double>, b);
    QFETCH(double, u);
    QFETCH(double, p);
    const MannWhitney mw = mannWhitneyU(a, b);
    QCOMPARE(mw.u, u);
    QVERIFY2(near(mw.p, p, 1e-12), qPrintable(QString::number(mw.p, 'g', 17)));
}

void TestStatistics::mannWhitneyIsSymmetric()
{
    const std::vector<double> a{1, 2, 2, 3, 3, 3, 4, 5};
    const std::vector<double> b{3, 4, 4, 5, 5, 6, 7};
    const MannWhitney ab = mannWhitneyU(a, b);
    const MannWhitney ba = mannWhitneyU(b, a);
    QCOMPARE(ab.u + ba.u, 56.0); // U_a + U_b = n_a n_b
    QCOMPARE(ab.p, ba.p);
}

void TestStatistics::mannWhitneyWithoutVarianceIsUndefined()
{
    const MannWhitney tied = mannWhitneyU({3, 3, 3}, {3, 3});
    QCOMPARE(tied.u, 3.0); // every pair a tie: half of 3 x 2
    QVERIFY(std::isnan(tied.p));
    QVERIFY(std::isnan(mannWhitneyU({}, {1, 2}).p));
}

void TestStatistics::amdahlRecoversAnExactSerialFraction()
{
    // R: K <- c(1, 2, 4, 8); 1 / (0.1 + 0.9 / K): speedups of a 10 % serial program.
    const AmdahlFit fit =
        amdahlFit({1, 2, 4, 8}, {1, 1.8181818181818181, 3.0769230769230766, 4.7058823529411757});
    QVERIFY(near(fit.serialFraction, 0.1, 1e-15));
    QVERIFY(near(fit.rmse, 0, 1e-14));
    QVERIFY(near(fit.speedup(16), 1 / (0.1 + 0.9 / 16), 1e-12));
}

void TestStatistics::amdahlMatchesLeastSquaresOnNoisySpeedups()
{
    // R: K <- c(2, 4, 8); S <- c(1.82, 3.05, 4.9); x <- 1 - 1/K; y <- 1/S - 1/K
    //    s <- coef(lm(y ~ 0 + x)); sqrt(mean((S - 1 / (s + (1 - s) / K))^2))
    //    -> 0.096521722069522739, 0.078552152021594907
    const AmdahlFit fit = amdahlFit({1, 2, 4, 8}, {1, 1.82, 3.05, 4.9});
    QVERIFY(near(fit.serialFraction, 0.096521722069522739, 1e-14));
    QVERIFY(near(fit.rmse, 0.078552152021594907, 1e-14));
}

void TestStatistics::amdahlClampsSuperlinearSpeedupToZero()
{
    // By hand: S = 1.1 K gives y = 1/(1.1 K) - 1/K < 0, so the unconstrained s is negative.
    const AmdahlFit fit = amdahlFit({2, 4}, {2.2, 4.4});
    QCOMPARE(fit.serialFraction, 0.0);
    // By hand: residuals 2.2 - 2 and 4.4 - 4: rmse = sqrt((0.04 + 0.16) / 2) = sqrt(0.1).
    QVERIFY(near(fit.rmse, std::sqrt(0.1), 1e-12));
}

void TestStatistics::amdahlClampsSlowdownToOne()
{
    const AmdahlFit fit = amdahlFit({2, 4}, {0.5, 0.25});
    QCOMPARE(fit.serialFraction, 1.0);
}

void TestStatistics::amdahlNeedsMoreThanOneLoop()
{
    QVERIFY(std::isnan(amdahlFit({1}, {1}).serialFraction));
    QVERIFY(std::isnan(amdahlFit({}, {}).rmse));
    QVERIFY(std::isnan(amdahlFit({2}, {kNaN}).serialFraction));
}

QTEST_APPLESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
