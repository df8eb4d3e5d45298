// SPDX-License-Identifier: MIT
#include "core/base/numberrange.h"
#include "core/base/wholenumber.h"
#include "core/experiment/speccodec.h"
#include "core/experiment/spectext.h"
#include "tests/support/textrows.h"

#include <QTest>

#include <functional>
#include <limits>

// The one codec from text and JSON to the spec: every rule, in its one wording. The CLI, the
// form, presets and saved settings show these sentences (the CLI after "--option: ").
namespace {

constexpr int kCpus = 4; // decode() with a fixed CPU count: "sweep" is then 1, 2, 4, 8

// Valid text for every field, so that a row changes exactly one.
SpecText validText()
{
    SpecText t = SpecText::from(WorkloadSpec{}, RunConfig{2, Partition::Contiguous, false});
    t.shardList = QStringLiteral("1,2");
    t.repeats = QStringLiteral("3");
    return t;
}

using Setter = std::function<void(SpecText &, const QString &)>;

struct NumericField
{
    const char *name;
    const char *key; // the FieldError key decode() reports it under
    Setter set;
};

// Every numeric text field: each must read the same spellings the same way.
const QList<NumericField> &numericFields()
{
    static const QList<NumericField> fields{
        {"tasks", "tasks", [](SpecText &t, const QString &v) { t.tasks = v; }},
        {"io min", "io", [](SpecText &t, const QString &v) { t.ioMinMs = v; }},
        {"io max", "io",
         [](SpecText &t, const QString &v) {
             t.ioMinMs = QStringLiteral("0");
             t.ioMaxMs = v;
         }},
        {"cpu min", "cpu", [](SpecText &t, const QString &v) { t.cpuMin = v; }},
        {"cpu max", "cpu",
         [](SpecText &t, const QString &v) {
             t.cpuMin = QStringLiteral("0");
             t.cpuMax = v;
         }},
        {"seed", "seed", [](SpecText &t, const QString &v) { t.seed = v; }},
        {"shards (K)", "shards", [](SpecText &t, const QString &v) { t.shards = v; }},
        {"shard list", "shardList", [](SpecText &t, const QString &v) { t.shardList = v; }},
        {"repeats", "repeat", [](SpecText &t, const QString &v) { t.repeats = v; }},
        {"fail task", "failTask", [](SpecText &t, const QString &v) { t.failTask = v; }},
    };
    return fields;
}

QString errorOf(const SpecText::Parsed &p, const QString &field)
{
    for (const FieldError &e : p.errors) {
        if (e.field == field)
            return e.message;
    }
    return {};
}

} // namespace

class TestSpecCodec : public QObject
{
    Q_OBJECT
private slots:
    void wholeNumbersReadAsPeopleWriteThem_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("negative");
        QTest::addColumn<quint64>("magnitude");
        auto ok = [](const char *name, const char *text, quint64 value, bool negative = false) {
            QTest::newRow(name) << QString::fromUtf8(text) << int(WholeNumber::Status::Ok)
                                << negative << value;
        };
        auto nan = [](const char *name, const char *text) {
            QTest::newRow(name) << QString::fromUtf8(text) << int(WholeNumber::Status::NotANumber)
                                << false << quint64{0};
        };
        ok("plain", "10000", 10000);
        ok("commas", "10,000", 10000);
        ok("indian grouping", "1,00,000", 100000);
        ok("indian crore", "1,00,00,000", 10000000);
        ok("short first group", "12,345,678", 12345678);
        ok("spaces inside", "10 000", 10000);
        ok("no-break space", "10\u00a0000", 10000);
        ok("narrow no-break space", "10\u202f000", 10000);
        ok("underscores", "1_000_000", 1000000);
        ok("apostrophes", "1'000", 1000);
        ok("whitespace around", " \t10000\n", 10000);
        ok("plus", "+5", 5);
        ok("minus", "-5", 5, true);
        ok("minus zero is zero", "-0", 0);
        ok("k", "100k", 100000);
        ok("K", "100K", 100000);
        ok("M decimal", "2.5M", 2500000);
        ok("m is million", "3m", 3000000);
        ok("G", "4G", 4000000000);
        ok("fraction then k", ".5k", 500);
        ok("trailing zero fraction", "1.0", 1);
        ok("grouped with suffix", "1,000k", 1000000);
        ok("hex", "0x1F", 31);
        ok("hex upper", "0XfF", 255);
        ok("largest", "18446744073709551615", std::numeric_limits<quint64>::max());
        ok("largest hex", "0xffffffffffffffff", std::numeric_limits<quint64>::max());
        nan("empty", "");
        nan("blank", "   ");
        nan("sign alone", "+");
        nan("two signs", "+-5");
        nan("two pluses", "++5");
        nan("space after sign", "- 5");
        nan("space before suffix", "100 k");
        nan("separator first", ",100");
        nan("separator last", "100,");
        nan("two separators", "1,,000");
        nan("not whole", "1.5");
        nan("fraction beyond suffix", "1.0001k");
        nan("exponent", "1e6");
        nan("letters", "abc");
        nan("trailing junk", "12abc");
        nan("two suffixes", "1kk");
        nan("hex without digits", "0x");
        nan("hex with suffix", "0x10k");
        nan("hex with separator", "0x1,0");
        nan("separator in fraction", "1.2,5M");
        // A separator groups by three from the right (or twos then three, as in India).
        nan("group of four", "10,0000");
        nan("group of two at the end", "100,00");
        nan("group of four in the middle", "1,0000,000");
        nan("first group of four", "1000,000");
        nan("indian then western", "1,00,000,000");
        nan("two kinds of separator", "1,000_000");
        nan("group of four before a suffix", "10,0000k");
        // "1.000" is one thousand where a dot groups thousands: refused, not read as 1.
        nan("dot before three digits", "1.000");
        nan("dot before three digits, larger", "10.000");
        ok("dot before three digits with a suffix", "1.000k", 1000);
        ok("dot before two zeros", "1.00", 1);
        QTest::newRow("overflow") << QStringLiteral("18446744073709551616")
                                  << int(WholeNumber::Status::TooLarge) << false << quint64{0};
        QTest::newRow("overflow by suffix")
            << QStringLiteral("18446744073709552k") << int(WholeNumber::Status::TooLarge) << false
            << quint64{0};
        QTest::newRow("negative overflow")
            << QStringLiteral("-99999999999999999999") << int(WholeNumber::Status::TooLarge) << true
            << quint64{0};
    }
    void wholeNumbersReadAsPeopleWriteThem()
    {
        QFETCH(QString, text);
        QFETCH(int, status);
        QFETCH(bool, negative);
        QFETCH(quint64, magnitude);
        const WholeNumber n = WholeNumber::parse(text);
        QCOMPARE(int(n.status), status);
        if (n.status == WholeNumber::Status::Ok) {
            QCOMPARE(n.magnitude, magnitude);
            QCOMPARE(n.negative, negative);
        } else if (n.status == WholeNumber::Status::TooLarge) {
            QCOMPARE(n.negative, negative);
        }
    }

    void numbersInMessagesHaveThousandsSeparators()
    {
        QCOMPARE(WholeNumber::group(std::uint64_t{0}), QStringLiteral("0"));
        QCOMPARE(WholeNumber::group(std::uint64_t{999}), QStringLiteral("999"));
        QCOMPARE(WholeNumber::group(std::uint64_t{1000}), QStringLiteral("1,000"));
        QCOMPARE(WholeNumber::group(std::uint64_t{50'000'000}), QStringLiteral("50,000,000"));
        QCOMPARE(WholeNumber::group(std::numeric_limits<std::uint64_t>::max()),
                 QStringLiteral("18,446,744,073,709,551,615"));
        QCOMPARE(WholeNumber::group(std::int64_t{-1200}), QStringLiteral("-1,200"));
        QCOMPARE(WholeNumber::group(std::numeric_limits<std::int64_t>::min()),
                 QStringLiteral("-9,223,372,036,854,775,808"));
        QCOMPARE(WorkloadSpec::kTaskRange.text(), QStringLiteral("1 to 50,000,000"));
        QCOMPARE(WorkloadSpec::kIoRange.text(), QStringLiteral("0 to 3,600,000 ms"));
    }

    void abbreviatedCountsReadBackExactly_data()
    {
        QTest::addColumn<quint64>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("small") << quint64{1234} << "1234";
        QTest::newRow("thousands") << quint64{150000} << "150k";
        QTest::newRow("millions") << quint64{2500000} << "2.5M";
        QTest::newRow("not a round thousand") << quint64{1234567} << "1234567";
        QTest::newRow("limit") << quint64{WorkloadSpec::kMaxIterations} << "4000M";
    }
    void abbreviatedCountsReadBackExactly()
    {
        QFETCH(quint64, value);
        QFETCH(QString, text);
        QCOMPARE(WholeNumber::abbreviated(value), text);
        QCOMPARE(WholeNumber::parse(text).magnitude, value);
    }

    // One row per rule of NumberRange: the sentence, exactly.
    void rangesReadNumbersInOneWording_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("message"); // empty: valid
        auto row = [](const char *name, const char *which, const char *text, const char *label,
                      const char *message) {
            QTest::newRow(name) << QString::fromLatin1(which) << QString::fromUtf8(text)
                                << QString::fromLatin1(label) << QString::fromUtf8(message);
        };
        row("tasks lower bound", "tasks", "1", "", "");
        row("tasks upper bound", "tasks", "50,000,000", "", "");
        row("tasks zero", "tasks", "0", "", "0 is outside 1 to 50,000,000");
        row("tasks above", "tasks", "50000001", "", "50,000,001 is outside 1 to 50,000,000");
        row("tasks negative", "tasks", "-5", "", "-5 is outside 1 to 50,000,000");
        row("tasks with suffix above", "tasks", "51M", "", "51,000,000 is outside 1 to 50,000,000");
        row("tasks overflow", "tasks", " 99999999999999999999 ", "",
            "99999999999999999999 is outside 1 to 50,000,000");
        row("tasks plus overflow", "tasks", "+99999999999999999999", "",
            "99999999999999999999 is outside 1 to 50,000,000");
        row("tasks text", "tasks", "lots", "", "'lots' is not a whole number from 1 to 50,000,000");
        row("tasks fraction", "tasks", "2.5", "",
            "'2.5' is not a whole number from 1 to 50,000,000");
        row("tasks empty", "tasks", " ", "", "missing value (a whole number from 1 to 50,000,000)");
        row("io max above", "io", "3600001", "max",
            "max 3,600,001 ms is outside 0 to 3,600,000 ms");
        row("io min text", "io", "soon", "min",
            "min 'soon' is not a whole number from 0 to "
            "3,600,000 ms");
        row("io min empty", "io", "", "min",
            "missing min value (a whole number from 0 to "
            "3,600,000 ms)");
        row("cpu overflow", "cpu", "99999999999999999999", "max",
            "max 99999999999999999999 iterations is outside 0 to 4,000,000,000 iterations");
        row("cpu limit", "cpu", "4G", "max", "");
        row("seed largest", "seed", "18446744073709551615", "", "");
        row("seed overflow", "seed", "18446744073709551616", "",
            "18446744073709551616 is outside 0 to 18,446,744,073,709,551,615");
        row("seed negative", "seed", "-1", "", "-1 is outside 0 to 18,446,744,073,709,551,615");
    }
    void rangesReadNumbersInOneWording()
    {
        QFETCH(QString, which);
        QFETCH(QString, text);
        QFETCH(QString, label);
        QFETCH(QString, message);
        const NumberRange range = which == u"tasks" ? WorkloadSpec::kTaskRange
                                  : which == u"io"  ? WorkloadSpec::kIoRange
                                  : which == u"cpu" ? WorkloadSpec::kCpuRange
                                                    : WorkloadSpec::kSeedRange;
        QString error;
        const auto value = range.read(text, &error, label);
        QCOMPARE(value.has_value(), message.isEmpty());
        QCOMPARE(error, message);
    }

    void minAboveMaxNamesBothEnds()
    {
        QCOMPARE(WorkloadSpec::kIoRange.checkOrder(1200, 1000),
                 std::optional<QString>(QStringLiteral("min 1,200 ms is above max 1,000 ms")));
        QCOMPARE(WorkloadSpec::kIoRange.checkOrder(1000, 1000), std::nullopt);
        QString error;
        QVERIFY(!SpecCodec::readPair(u"9", u"3", WorkloadSpec::kCpuRange, &error));
        QCOMPARE(error, QStringLiteral("min 9 iterations is above max 3 iterations"));
        // A bad end is named before the order is looked at.
        QVERIFY(!SpecCodec::readPair(u"x", u"3", WorkloadSpec::kCpuRange, &error));
        QCOMPARE(error, QStringLiteral("min 'x' is not a whole number from 0 to 4,000,000,000 "
                                       "iterations"));
    }

    void minMaxTextSplitsAtOneColon_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("min");
        QTest::addColumn<QString>("max");
        QTest::addColumn<QString>("message");
        textRow("plain", "200:1000", "200", "1000", "");
        textRow("spaces", " 200 : 1,000 ", " 200 ", " 1,000 ", "");
        textRow("dash", "200-1000", "", "",
                "'200-1000' is not MIN:MAX, each from 0 to 3,600,000 ms");
        textRow("three", "1:2:3", "", "", "'1:2:3' is not MIN:MAX, each from 0 to 3,600,000 ms");
    }
    void minMaxTextSplitsAtOneColon()
    {
        QFETCH(QString, text);
        QFETCH(QString, min);
        QFETCH(QString, max);
        QFETCH(QString, message);
        QString lo, hi;
        const auto error = SpecCodec::splitPair(text, WorkloadSpec::kIoRange, lo, hi);
        QCOMPARE(error.value_or(QString()), message);
        QCOMPARE(lo, min);
        QCOMPARE(hi, max);
    }

    // Whitespace around, '+', digit groups, suffixes and hex: one answer for every numeric field.
    void everyNumericFieldReadsTheSameSpellings_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        struct Spelling
        {
            const char *name;
            const char *text;
            bool valid;
        };
        const Spelling spellings[]{
            {"plain", "7", true},
            {"spaces around", " 7 ", true},
            {"plus", "+7", true},
            {"tab, plus, newline", "\t+7\n", true},
            {"hex", "0x7", true},
            {"zero fraction", "7.0", true},
            {"two pluses", "++7", false},
            {"space after plus", "+ 7", false},
            {"space before dot", "7 .", false},
            {"exponent", "7e0", false},
            {"fraction", "7.5", false},
            {"junk", "7x", false},
            {"empty", "", false},
        };
        for (int f = 0; f < numericFields().size(); ++f) {
            for (const Spelling &sp : spellings) {
                // An empty fail task is the one field where empty means something: off.
                if (QByteArray(numericFields()[f].key) == "failTask" && !*sp.text)
                    continue;
                QTest::addRow("%s, %s", numericFields()[f].name, sp.name)
                    << f << QString::fromLatin1(sp.text) << sp.valid;
            }
        }
    }
    void everyNumericFieldReadsTheSameSpellings()
    {
        QFETCH(int, field);
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const NumericField &f = numericFields()[field];
        SpecText t = validText();
        f.set(t, text);
        const SpecText::Parsed p = SpecCodec::decode(t, kCpus);
        QCOMPARE(errorOf(p, QLatin1String(f.key)).isEmpty(), valid);
        QCOMPARE(p.ok(), valid);
    }

    void aValueInEveryFieldLandsInTheSpec()
    {
        SpecText t;
        t.tasks = QStringLiteral("12,345");
        t.ioMinMs = QStringLiteral("5");
        t.ioMaxMs = QStringLiteral("1.5k");
        t.cpuMin = QStringLiteral("100k");
        t.cpuMax = QStringLiteral("2.5M");
        t.seed = QStringLiteral("0xff");
        t.kernel = QStringLiteral("hash");
        t.shards = QStringLiteral("3");
        t.partition = QStringLiteral("round-robin");
        t.runtime = QStringLiteral("stealing, threads,stealing");
        t.pin = true;
        t.shardList = QStringLiteral("4, 1,4,2");
        t.repeats = QStringLiteral("7");
        t.warmup = true;
        t.failTask = QStringLiteral("12,344");
        const SpecText::Parsed p = SpecCodec::decode(t, kCpus);
        QVERIFY2(p.ok(), qPrintable(p.errors.value(0).message));
        QCOMPARE(p.spec, (WorkloadSpec{12345, 5, 1500, 100000, 2500000, Kernel::Hash, 255}));
        RunConfig config{3, Partition::RoundRobin, true, 12344};
        config.runtime = Runtime::Stealing; // the first of the list
        QCOMPARE(p.config, config);
        QCOMPARE(p.runtimes, (QList<Runtime>{Runtime::Stealing, Runtime::Threads}));
        QCOMPARE(p.shardCounts, (QList<int>{4, 1, 2})); // repeats dropped, order kept
        QCOMPARE(p.repeats, 7);
        QVERIFY(p.warmup);
        QCOMPARE(p.maxShards(), 4);

        // The experiment is put together in one place, every field carried.
        const ExperimentSpec sweep = p.sweepSpec();
        QCOMPARE(sweep.workload, p.spec);
        QCOMPARE(sweep.shardCounts, p.shardCounts);
        QCOMPARE(sweep.runtimes, p.runtimes);
        QCOMPARE(p.repeatCompareSpec().runtimes, p.runtimes);
        QCOMPARE(sweep.partition, Partition::RoundRobin);
        QVERIFY(sweep.pin);
        QCOMPARE(sweep.repeats, 7);
        QVERIFY(sweep.warmup);
        QCOMPARE(sweep.failTask, std::int64_t{12344});
        QCOMPARE(p.repeatCompareSpec().shardCounts, (QList<int>{1, 3}));
        QCOMPARE(SpecCodec::compareShards(1), QList<int>{1});
        QVERIFY(sweep.validate().isEmpty());
    }

    void everyProblemIsReportedOncePerField()
    {
        SpecText t = validText();
        t.tasks = QStringLiteral("0");
        t.ioMinMs = QStringLiteral("1200");
        t.ioMaxMs = QStringLiteral("1000");
        t.cpuMin = QStringLiteral("x");
        t.cpuMax = QStringLiteral("y");
        t.seed = QStringLiteral("seed");
        t.kernel = QStringLiteral("spin");
        t.shards = QStringLiteral("2000");
        t.partition = QStringLiteral("random");
        t.runtime = QStringLiteral("threads,fibers");
        t.shardList = QStringLiteral("1,0");
        t.repeats = QStringLiteral("1001");
        t.failTask = QStringLiteral("5"); // not checked: no task count to be a task id of
        const SpecText::Parsed p = SpecCodec::decode(t, kCpus);
        const FieldErrors expected{
            {"tasks", "0 is outside 1 to 50,000,000"},
            {"io", "min 1,200 ms is above max 1,000 ms"},
            {"cpu", "min 'x' is not a whole number from 0 to 4,000,000,000 iterations"},
            {"seed", "'seed' is not a whole number from 0 to 18,446,744,073,709,551,615"},
            {"kernel", "'spin' is not one of sum, hash, article"},
            {"shards", "2,000 is outside 1 to 1,024"},
            {"partition", "'random' is not one of contiguous, round-robin"},
            {"runtime", "'fibers' is not one of threads, processes, stealing, asyncio, "
                        "asyncio-uvloop"},
            {"shardList", "0 is outside 1 to 1,024"},
            {"repeat", "1,001 is outside 1 to 1,000"},
        };
        QCOMPARE(p.errors, expected);
        // A field that fails keeps its value type's default.
        QCOMPARE(p.spec, WorkloadSpec{});
        // No runtime at all (the form with every box unchecked) is named as such.
        SpecText none = SpecText::from(WorkloadSpec{}, RunConfig{});
        none.runtime = QStringLiteral(" ");
        QCOMPARE(SpecCodec::decode(none, kCpus).errors,
                 (FieldErrors{{"runtime", "no runtime given"}}));
    }

    void shardListsAndSweep_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<int>>("counts");
        QTest::addColumn<QString>("message");
        auto row = [](const char *name, const char *text, QList<int> counts, const char *message) {
            QTest::newRow(name) << QString::fromLatin1(text) << counts
                                << QString::fromLatin1(message);
        };
        const char *notAList = "'%1' is not a list such as 1,2,4, each from 1 to 1,024, or sweep";
        row("list", "1,2,3,4,8", {1, 2, 3, 4, 8}, "");
        row("spaces", " 1 , 2 ,4 ", {1, 2, 4}, "");
        row("one", "3", {3}, "");
        row("duplicates dropped", "2,1,2", {2, 1}, "");
        row("sweep", "sweep", {1, 2, 4, 8}, "");
        row("sweep any case", " SWEEP ", {1, 2, 4, 8}, "");
        row("upper limit", "1,1024", {1, 1024}, "");
        row("zero", "1,0", {}, "0 is outside 1 to 1,024");
        row("above", "1,2048", {}, "2,048 is outside 1 to 1,024");
        row("negative", "-2", {}, "-2 is outside 1 to 1,024");
        row("overflow", "1,99999999999999999999", {}, "99999999999999999999 is outside 1 to 1,024");
        row("a thousands separator is a list separator", "1,000", {}, "0 is outside 1 to 1,024");
        row("text", "many", {}, qPrintable(QString::fromLatin1(notAList).arg(u"many")));
        row("empty element", "1,,2", {}, qPrintable(QString::fromLatin1(notAList).arg(u"1,,2")));
        row("trailing comma", "1,2,", {}, qPrintable(QString::fromLatin1(notAList).arg(u"1,2,")));
        row("empty", "  ", {},
            "missing value (a list such as 1,2,4, each from 1 to 1,024, or sweep)");
    }
    void shardListsAndSweep()
    {
        QFETCH(QString, text);
        QFETCH(QList<int>, counts);
        QFETCH(QString, message);
        QString error;
        const auto read = SpecCodec::readShardList(text, kCpus, &error);
        QCOMPARE(error, message);
        QCOMPARE(read.value_or(QList<int>{}), counts);
        QCOMPARE(sweepShardCounts(kCpus), (QList<int>{1, 2, 4, 8}));
    }

    void repeatsAndFailTaskRanges_data()
    {
        QTest::addColumn<QString>("repeats");
        QTest::addColumn<QString>("failTask");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        textRow("one repeat", "1", "", "", "");
        textRow("most repeats", "1,000", "", "", "");
        textRow("no repeats", "0", "", "repeat", "0 is outside 1 to 1,000");
        textRow("too many repeats", "1001", "", "repeat", "1,001 is outside 1 to 1,000");
        textRow("repeats text", "often", "", "repeat",
                "'often' is not a whole number from 1 to 1,000");
        textRow("first task", "1", "0", "", "");
        textRow("last task", "1", "9,999", "", "");
        textRow("past the last task", "1", "10000", "failTask", "10,000 is outside 0 to 9,999");
        textRow("negative task", "1", "-1", "failTask", "-1 is outside 0 to 9,999");
    }
    void repeatsAndFailTaskRanges()
    {
        QFETCH(QString, repeats);
        QFETCH(QString, failTask);
        QFETCH(QString, field);
        QFETCH(QString, message);
        SpecText t = validText(); // 10,000 tasks
        t.repeats = repeats;
        t.failTask = failTask;
        const SpecText::Parsed p = SpecCodec::decode(t, kCpus);
        QCOMPARE(p.errors.size(), field.isEmpty() ? 0 : 1);
        if (!field.isEmpty())
            QCOMPARE(p.errors.first(), (FieldError{field, message}));
        else
            QCOMPARE(p.config.failTask, failTask.isEmpty() ? -1 : p.config.failTask);
    }

    // validate() of the value types words the same rule the same way as the text codec: a spec
    // built in code and one typed in get one sentence.
    void validateSpeaksTheCodecsWords_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("validateMessage");
        WorkloadSpec w;
        w.tasks = 0;
        QTest::newRow("tasks") << "tasks"
                               << "0" << w.validate().value(0).message;
        w = {};
        w.ioMinMs = 1200;
        w.ioMaxMs = 1000;
        QTest::newRow("io order") << "io"
                                  << "1200" << w.validate().value(0).message;
        w = {};
        w.ioMaxMs = 3'600'001;
        QTest::newRow("io max") << "ioMax"
                                << "3600001" << w.validate().value(0).message;
        w = {};
        w.cpuMax = 4'000'000'001;
        QTest::newRow("cpu max") << "cpuMax"
                                 << "4000000001" << w.validate().value(0).message;
        RunConfig c;
        c.shards = 1025;
        QTest::newRow("shards") << "shards"
                                << "1025" << c.validate().value(0).message;
        ExperimentSpec e;
        e.repeats = 0;
        QTest::newRow("repeat") << "repeat"
                                << "0" << e.validate().value(0).message;
        e = {};
        e.shardCounts = {1, 0};
        QTest::newRow("shard list") << "shardList"
                                    << "1,0" << e.validate().value(0).message;
        e = {};
        e.failTask = 10000;
        QTest::newRow("fail task") << "failTask"
                                   << "10000" << e.validate().value(0).message;
    }
    void validateSpeaksTheCodecsWords()
    {
        QFETCH(QString, field);
        QFETCH(QString, text);
        QFETCH(QString, validateMessage);
        SpecText t = validText();
        if (field == u"tasks")
            t.tasks = text;
        else if (field == u"io")
            t.ioMinMs = text;
        else if (field == u"ioMax")
            t.ioMaxMs = text;
        else if (field == u"cpuMax")
            t.cpuMax = text;
        else if (field == u"shards")
            t.shards = text;
        else if (field == u"repeat")
            t.repeats = text;
        else if (field == u"shardList")
            t.shardList = text;
        else
            t.failTask = text;
        const SpecText::Parsed p = SpecCodec::decode(t, kCpus);
        QCOMPARE(p.errors.size(), 1);
        QVERIFY(!validateMessage.isEmpty());
        QCOMPARE(p.errors.first().message, validateMessage);
    }

    void textOfAValidSpecReadsBackToIt()
    {
        const WorkloadSpec spec{50'000'000,
                                0,
                                3'600'000,
                                0,
                                WorkloadSpec::kMaxIterations,
                                Kernel::Hash,
                                std::numeric_limits<std::uint64_t>::max()};
        RunConfig config{1024, Partition::RoundRobin, true, 49'999'999};
        config.runtime = Runtime::Stealing;
        const SpecText t = SpecText::from(spec, config);
        const SpecText::Parsed p = SpecCodec::decode(t, kCpus);
        QVERIFY(p.ok());
        QCOMPARE(p.spec, spec);
        QCOMPARE(p.config, config);
        // Every shape too, its parameters at the ends of their ranges.
        for (const auto &[io, cpu] :
             {std::pair{Distribution::logNormal(1, 3'600'000),
                        Distribution::pareto(3'999'999'999, WorkloadSpec::kMaxIterations)},
              std::pair{Distribution::bimodal(0), Distribution::bimodal(1)},
              std::pair{Distribution::bimodal(0.123456789), Distribution::uniform()}}) {
            WorkloadSpec shaped = spec;
            shaped.ioDist = io;
            shaped.cpuDist = cpu;
            const SpecText::Parsed back = SpecCodec::decode(SpecText::from(shaped, config), kCpus);
            QVERIFY2(back.ok(), qPrintable(back.errors.value(0).message));
            QCOMPARE(back.spec, shaped);
        }
    }

    // A stored experiment loaded into the form: its text reads back to the same spec, every
    // experiment field (shard list, runtimes, repeats, warm-up) and the transport's too.
    void textOfAnExperimentReadsBackToIt()
    {
        ExperimentSpec e;
        e.workload = WorkloadSpec{1234, 150, 900, 20'000, 300'000, Kernel::Hash, 0xfeedULL};
        e.workload.ioDist = Distribution::logNormal(300, 800);
        e.runtimes = {Runtime::Threads, Runtime::Stealing};
        e.shardCounts = {1, 3, 8};
        e.partition = Partition::RoundRobin;
        e.pin = true;
        e.repeats = 7;
        e.warmup = true;
        e.failTask = 1000;
        e.transport.kind = Transport::Http;
        e.transport.connections = 8;
        e.transport.responseBytes = 2048;
        e.transport.target = QStringLiteral("127.0.0.1:8099");
        e.transport.serverLoops = 3;
        e.transport.timeoutMs = 12'345;
        const SpecText t = SpecText::of(e);
        QCOMPARE(t.shardList, QStringLiteral("1,3,8"));
        QCOMPARE(t.runtime, QStringLiteral("threads,stealing"));
        QCOMPARE(t.shards, QStringLiteral("8")); // Run and Compare take the largest K
        const SpecText::Parsed p = SpecCodec::decode(t, kCpus);
        QVERIFY2(p.ok(), qPrintable(p.errors.value(0).message));
        QCOMPARE(p.sweepSpec(), e);
    }

    void transportFieldsReadOnlyForHttp()
    {
        SpecText t = validText();
        t.connections = QStringLiteral("0");
        t.responseBytes = QStringLiteral("lots");
        // Timer: the http fields are not read, and the transport is the default one.
        SpecText::Parsed p = SpecCodec::decode(t, kCpus);
        QVERIFY(p.ok());
        QCOMPARE(p.transport, TransportConfig{});
        t.transport = QStringLiteral("HTTP");
        p = SpecCodec::decode(t, kCpus);
        QCOMPARE(p.transport.kind, Transport::Http);
        QCOMPARE(errorOf(p, QStringLiteral("connections")),
                 QStringLiteral("0 is outside 1 to 1,000,000 (or per-task)"));
        QCOMPARE(errorOf(p, QStringLiteral("responseBytes")),
                 QStringLiteral("'lots' is not a whole number from 0 to 16,777,216 bytes"));
        QCOMPARE(p.errors.size(), 2);
        t.connections = QStringLiteral("8");
        t.responseBytes = QStringLiteral("64k");
        t.target = QStringLiteral(" 127.0.0.1:8080 ");
        t.httpTimeout = QStringLiteral("2,000");
        p = SpecCodec::decode(t, kCpus);
        QVERIFY2(p.ok(), qPrintable(p.errors.value(0).message));
        QCOMPARE(p.transport.connections, 8);
        QCOMPARE(p.transport.responseBytes, 64'000);
        QCOMPARE(p.transport.target, QStringLiteral("127.0.0.1:8080"));
        QCOMPARE(p.transport.timeoutMs, 2000);
        // It travels into every experiment the form and the CLI start, and its text reads back.
        QCOMPARE(p.sweepSpec().transport, p.transport);
        QCOMPARE(p.repeatCompareSpec().transport, p.transport);
        const SpecText back = SpecText::from(p.spec, p.config, p.transport);
        QCOMPARE(SpecCodec::decode(back, kCpus).transport, p.transport);
        t.transport = QStringLiteral("udp");
        QCOMPARE(errorOf(SpecCodec::decode(t, kCpus), QStringLiteral("transport")),
                 QStringLiteral("'udp' is not timer or http"));
        t.transport = QStringLiteral("http");
        t.target = QStringLiteral("127.0.0.1");
        QCOMPARE(errorOf(SpecCodec::decode(t, kCpus), QStringLiteral("target")),
                 QStringLiteral("'127.0.0.1' is not HOST:PORT with a port from 1 to 65,535"));
    }

    void shapesReadInOneWording_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("result"); // the shape's text(), or the message
        auto row = [](const char *text, const char *result) {
            QTest::newRow(text) << QString::fromUtf8(text) << QString::fromUtf8(result);
        };
        row("uniform", "uniform");
        row("Uniform", "uniform");
        row("uniform: ", "uniform");
        row("lognormal:median=300,p99=3000", "lognormal:median=300,p99=3000");
        row(" LogNormal : p99 = 3k , median = 300 ", "lognormal:median=300,p99=3000");
        row("pareto:median=10,000,p99=50,000", "pareto:median=10000,p99=50000");
        row("bimodal:heavy=0.05", "bimodal:heavy=0.05");
        row("bimodal:heavy=1", "bimodal:heavy=1");
        row("", "missing shape (one of uniform, lognormal, pareto, bimodal)");
        row("normal", "'normal' is not one of uniform, lognormal, pareto, bimodal");
        row("uniform:median=3", "uniform takes no parameters");
        row("lognormal:300,3000", "'300' is not KEY=VALUE");
        row("lognormal:median=300", "missing p99 value (a whole number from 0 to 3,600,000 ms)");
        row("lognormal:median=300,p99=3000,p50=2",
            "'p50' is not a parameter of lognormal (it takes median, p99)");
        row("lognormal:median=1,median=2,p99=3", "median given twice");
        row("pareto:median=lots,p99=5", "median 'lots' is not a whole number from 0 to "
                                        "3,600,000 ms");
        row("pareto:median=5,p99=4000000", "p99 4,000,000 ms is outside 0 to 3,600,000 ms");
        row("bimodal", "missing heavy value (a fraction from 0 to 1, such as 0.1)");
        row("bimodal:heavy=10%", "heavy '10%' is not a fraction from 0 to 1");
        row("bimodal:heavy=nan", "heavy 'nan' is not a fraction from 0 to 1");
        row("bimodal:heavy=1.5", "heavy 1.5 is outside 0 to 1");
    }

    void shapesReadInOneWording()
    {
        QFETCH(QString, text);
        QFETCH(QString, result);
        QString error;
        const auto d = SpecCodec::readDistribution(text, WorkloadSpec::kIoRange, &error);
        QCOMPARE(d ? d->text() : error, result);
    }

    void aShapeIsCheckedAgainstItsRangeOnlyWhenTheRangeReads()
    {
        SpecText t = validText();
        t.ioDist = QStringLiteral("lognormal:median=300,p99=3000");
        SpecText::Parsed p = SpecCodec::decode(t, kCpus);
        QCOMPARE(p.errors.size(), 1);
        QCOMPARE(p.errors.first().field, QStringLiteral("ioDist"));
        QCOMPARE(p.errors.first().message,
                 QStringLiteral("p99 3,000 ms is outside 200 to 1,000 ms"));
        t.ioMaxMs = QStringLiteral("5000");
        QVERIFY(SpecCodec::decode(t, kCpus).ok());
        // A broken range is the range's error alone.
        t.ioMaxMs = QStringLiteral("x");
        p = SpecCodec::decode(t, kCpus);
        QCOMPARE(p.errors.size(), 1);
        QCOMPARE(p.errors.first().field, QStringLiteral("io"));
        // The CPU shape reports under its own key, in iterations.
        t = validText();
        t.cpuDist = QStringLiteral("pareto:median=50k,p99=400k");
        QCOMPARE(errorOf(SpecCodec::decode(t, kCpus), QStringLiteral("cpuDist")),
                 QStringLiteral("median 50,000 iterations is outside 100,000 to 500,000 "
                                "iterations"));
    }
};

QTEST_GUILESS_MAIN(TestSpecCodec)
#include "tst_speccodec.moc"
