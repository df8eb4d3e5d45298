// SPDX-License-Identifier: MIT
#include "core/experiment/verdict.h"
#include "ui/common/formatting.h"

#include <QLocale>
#include <QTest>

#include <limits>
#include <utility>

// The text every cell, tooltip and headline of the app shows for a number: each unit at the edges
// where its precision or its unit changes, and the mark for no number. A failure prints the text
// shown beside the text expected.
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Each (number, text) pair through `format`.
template <typename Format>
void expectTexts(Format format, std::initializer_list<std::pair<double, const char *>> pairs)
{
    for (const auto &[number, text] : pairs)
        QCOMPARE(format(number), QString::fromUtf8(text));
}

} // namespace

class TestFormatting : public QObject
{
    Q_OBJECT
private slots:
    // Three significant digits everywhere (bar labels once read "2.7 s" beside "2.75 s"),
    // rounded before the unit and the decimals are chosen: 9.996 ms is "10.0 ms", not "10.00".
    void aDurationTakesItsUnitAndPrecisionFromItsSize()
    {
        expectTexts(Formatting::duration, {{0.256, "0.256 ms"}, // below 1 ms: three decimals
                                           {0.0, "0.00 ms"},
                                           {1.0, "1.00 ms"}, // below 10 ms: two
                                           {9.94, "9.94 ms"},
                                           {9.996, "10.0 ms"},
                                           {12.34, "12.3 ms"}, // below 100 ms: one
                                           {999.4, "999 ms"},  // below 1 s: whole ms
                                           {999.6, "1.00 s"},
                                           {1000.0, "1.00 s"}, // below 10 s: two decimals
                                           {2750.0, "2.75 s"},
                                           {2704.0, "2.70 s"},
                                           {10000.0, "10.0 s"}, // below a minute: one
                                           {59940.0, "59.9 s"},
                                           {59960.0, "1 min 00 s"},
                                           {60000.0, "1 min 00 s"},
                                           {125400.0, "2 min 05 s"},
                                           {3'600'000.0, "60 min 00 s"},
                                           {kNaN, "—"}}); // not measured
    }

    // The window writes numbers the locale's way: "2,75 s" under pt_BR.
    void aDurationFollowsTheLocale()
    {
        const QLocale before;
        QLocale::setDefault(QLocale(QStringLiteral("pt_BR")));
        const QString text = Formatting::duration(2750.0);
        QLocale::setDefault(before);
        QCOMPARE(text, QStringLiteral("2,75 s"));
    }

    // An axis's ticks share one number of decimals, enough to tell them apart.
    void anAxisFormatHasTheDecimalsOfItsStep()
    {
        QCOMPARE(Formatting::axisLabelFormat(0.5, QStringLiteral("s")), QStringLiteral("%.1f s"));
        QCOMPARE(Formatting::axisLabelFormat(0.1, QStringLiteral("s")), QStringLiteral("%.1f s"));
        QCOMPARE(Formatting::axisLabelFormat(0.25, QString()), QStringLiteral("%.2f"));
        QCOMPARE(Formatting::axisLabelFormat(2.0, QStringLiteral("s")), QStringLiteral("%.0f s"));
        QCOMPARE(Formatting::axisLabelFormat(20.0, QStringLiteral("%")), QStringLiteral("%.0f %"));
    }

    void aSpeedupIsAFactorWithTwoDecimals()
    {
        expectTexts(static_cast<QString (*)(double)>(Formatting::speedup),
                    {{2.0, "2.00×"}, {2.8305, "2.83×"}, {0.4, "0.40×"}, {kNaN, "—"}, {kInf, "—"}});
    }

    // With repeats the error follows as hyperfine writes it, and as the verdict does.
    void aSpeedupWithRepeatsCarriesItsError()
    {
        QCOMPARE(Formatting::speedup(1.8712, 0.0132), QStringLiteral("1.87 ± 0.01×"));
        QCOMPARE(Formatting::speedup(1.8712, 0.0132), timesText(1.8712, 0.0132));
        QCOMPARE(Formatting::speedup(1.8712, kNaN), QStringLiteral("1.87×"));
    }

    // A fraction in, a percentage out: 0.5 is "50 %" (not "0 %", not "5000 %").
    void aFractionShowsAsAPercentage()
    {
        expectTexts(Formatting::percent, {{0.5, "50 %"},
                                          {1.0, "100 %"},
                                          {1.04, "104 %"},
                                          {0.0, "0 %"},
                                          {0.0123, "1 %"},
                                          {0.876, "88 %"},
                                          {kNaN, "—"}});
        expectTexts(
            Formatting::percentPrecise,
            {{0.5, "50.0 %"}, {1.0, "100.0 %"}, {0.0123, "1.2 %"}, {0.876, "87.6 %"}, {kNaN, "—"}});
    }

    void aCountTakesItsNoun()
    {
        QCOMPARE(Formatting::counted(1, QStringLiteral("run")), QStringLiteral("1 run"));
        QCOMPARE(Formatting::counted(0, QStringLiteral("run")), QStringLiteral("0 runs"));
        QCOMPARE(Formatting::counted(2, QStringLiteral("run")), QStringLiteral("2 runs"));
        QCOMPARE(Formatting::counted(3, QStringLiteral("fix"), QStringLiteral("fixes")),
                 QStringLiteral("3 fixes"));
    }
};

QTEST_MAIN(TestFormatting)
#include "tst_formatting.moc"
