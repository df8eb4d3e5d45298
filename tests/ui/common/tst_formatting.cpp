// SPDX-License-Identifier: MIT
#include "ui/common/formatting.h"

#include <QTest>

#include <limits>
#include <utility>

// The text every cell, tooltip and headline of the app shows for a number: each unit at the edges
// where its precision or its unit changes, and the mark for no number. A failure prints the text
// shown beside the text expected.
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
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
    void aDurationTakesItsUnitAndPrecisionFromItsSize()
    {
        expectTexts(Formatting::duration, {{0.256, "0.26 ms"}, // below 1 ms: two decimals
                                           {0.0, "0.00 ms"},
                                           {1.0, "1.0 ms"}, // below 10 ms: one
                                           {9.94, "9.9 ms"},
                                           {10.0, "10 ms"}, // below 1 s: whole ms
                                           {999.4, "999 ms"},
                                           {1000.0, "1.00 s"}, // below 10 s: two decimals
                                           {2500.0, "2.50 s"},
                                           {10000.0, "10.0 s"}, // below a minute: one
                                           {59940.0, "59.9 s"},
                                           {60000.0, "1 min 00 s"},
                                           {125400.0, "2 min 05 s"},
                                           {3'600'000.0, "60 min 00 s"},
                                           {kNaN, "—"}}); // not measured
    }

    void aSpeedupIsAFactorWithTwoDecimals()
    {
        expectTexts(Formatting::speedup,
                    {{2.0, "2.00×"}, {2.8305, "2.83×"}, {0.4, "0.40×"}, {kNaN, "—"}, {kInf, "—"}});
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
