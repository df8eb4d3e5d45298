// SPDX-License-Identifier: MIT
#include "core/experiment/plancodec.h"
#include "tests/support/distinctplan.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <limits>

// The one codec of a plan, and the one equality: every field is written, read back, compared and
// named, by iterating the codec's table, so that a field added to the plan is covered here by its
// entry alone.
using distinctplan::distinctPlan;
using distinctplan::otherValues;

namespace {

QString errorsText(const FieldErrors &errors)
{
    QStringList got;
    for (const FieldError &e : errors)
        got.append(e.field + QStringLiteral(": ") + e.message);
    return got.join(QStringLiteral("; "));
}

QJsonObject parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(json, &error).object();
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return o;
}

} // namespace

class TestPlanCodec : public QObject
{
    Q_OBJECT
private slots:
    void distinctPlanIsValid() { QCOMPARE(errorsText(distinctPlan().validate()), QString()); }

    void roundTripsEveryField()
    {
        const Plan plan = distinctPlan();
        const QJsonObject json = PlanCodec::toJson(plan);
        for (const PlanField &f : PlanCodec::fields())
            QVERIFY2(json.contains(QLatin1String(f.key)), f.key);
        const PlanCodec::Read back = PlanCodec::fromJson(json, PlanCodec::Missing::Refused);
        QCOMPARE(errorsText(back.errors), QString());
        QVERIFY(back.plan == plan);
        // Through text too (a CSV comment, a store column read back as text).
        QJsonObject asText;
        for (const PlanField &f : PlanCodec::fields())
            asText.insert(QLatin1String(f.key), PlanCodec::text(f, plan));
        const PlanCodec::Read fromText = PlanCodec::fromJson(asText, PlanCodec::Missing::Refused);
        QCOMPARE(errorsText(fromText.errors), QString());
        QVERIFY(fromText.plan == plan);
    }

    // The form's and the CLI's text (SpecText, SpecCodec::decode) carries every field too: a
    // field the text forgot comes back as its default, which distinctPlan() never holds.
    void theFormsTextCarriesEveryField()
    {
        const Plan plan = distinctPlan();
        const SpecText text = SpecText::from(plan.workload, RunConfig{}, plan.transport);
        for (const PlanField &f : PlanCodec::fields())
            QVERIFY2(!(text.*f.text).isEmpty(), f.key);
        const SpecText::Parsed parsed = text.parse();
        QCOMPARE(errorsText(parsed.errors), QString());
        QVERIFY(Plan({parsed.spec, parsed.transport}) == plan);
    }

    void keysAreUnique()
    {
        QStringList keys;
        for (const PlanField &f : PlanCodec::fields()) {
            QVERIFY2(!keys.contains(QLatin1String(f.key)), f.key);
            keys.append(QLatin1String(f.key));
            QCOMPARE(PlanCodec::field(QString::fromLatin1(f.key)), &f);
        }
    }

    void everyFieldHasAnotherValue()
    {
        for (const PlanField &f : PlanCodec::fields())
            QVERIFY2(otherValues().contains(QLatin1String(f.key)), f.key);
        QCOMPARE(otherValues().size(), qsizetype(PlanCodec::fields().size()));
    }

    // Each field changed alone: the plans are unequal and the difference is named by that field
    // only.
    void equalitySeesEveryField_data() { distinctplan::addRowPerField(); }
    void equalitySeesEveryField()
    {
        QFETCH(QString, key);
        const PlanField &f = *PlanCodec::field(key);
        const Plan plan = distinctPlan();
        const std::optional<Plan> read = distinctplan::changedIn(plan, key);
        QVERIFY(read);
        const Plan &changed = *read;
        QVERIFY(!(changed == plan));
        QCOMPARE(planDifferences(plan, changed), QStringList{QLatin1String(f.label)});
        QCOMPARE(differentPlansText(plan, changed),
                 QStringLiteral("different plans (%1)").arg(QLatin1String(f.label)));
        QVERIFY(planDifferences(plan, plan).isEmpty());
        QCOMPARE(differentPlansText(plan, plan), QString());
    }

    // The HTTP run at K = 1 beside a timer run at K = 2 of one workload: different plans.
    void transportAloneMakesAnotherPlan()
    {
        Plan timer;
        Plan http;
        http.transport.kind = Transport::Http;
        QVERIFY(!(timer == http));
        QCOMPARE(differentPlansText(timer, http), QStringLiteral("different plans (transport)"));
    }

    // A timer plan has no http fields: not written, and its http settings keep their defaults.
    void aTimerPlanWritesNoHttpField()
    {
        const QJsonObject json = PlanCodec::toJson(Plan{});
        for (const PlanField &f : PlanCodec::fields())
            QCOMPARE(json.contains(QLatin1String(f.key)), !f.httpOnly);
        QJsonObject withPool = json;
        withPool.insert(QStringLiteral("connections"), 8);
        // Skipped where other keys are the caller's (the store's columns hold them all)...
        QVERIFY(PlanCodec::fromJson(withPool).plan == Plan{});
        // ...refused where a person wrote the file.
        QCOMPARE(
            errorsText(PlanCodec::fromJson(withPool, PlanCodec::Missing::Default, true).errors),
            QStringLiteral("connections: only with \"transport\": \"http\""));
    }

    // A field not given takes its default (a preset names what it sets); a report must have the
    // fields every report has had.
    void missingFields()
    {
        const PlanCodec::Read empty = PlanCodec::fromJson(QJsonObject{});
        QVERIFY(empty.ok());
        QVERIFY(empty.plan == Plan{});
        QCOMPARE(errorsText(PlanCodec::fromJson(QJsonObject{}, PlanCodec::Missing::Refused).errors),
                 QStringLiteral(
                     "tasks: missing value (a whole number from 1 to 50,000,000); io_min_ms: "
                     "missing value (a whole number from 0 to 3,600,000 ms); io_max_ms: missing "
                     "value (a whole number from 0 to 3,600,000 ms); cpu_min_iterations: missing "
                     "value (a whole number from 0 to 4,000,000,000 iterations); "
                     "cpu_max_iterations: missing value (a whole number from 0 to 4,000,000,000 "
                     "iterations); kernel: missing value; seed: missing value (a whole number "
                     "from 0 to 18,446,744,073,709,551,615)"));
    }

    // The store's rows before this codec kept a per-task pool as 0.
    void connectionsZeroIsPerTask()
    {
        Plan plan;
        plan.transport.kind = Transport::Http;
        plan.transport.connections = 5;
        QCOMPARE(PlanCodec::field(u"connections")->read(QJsonValue(0), plan),
                 std::optional<QString>());
        QCOMPARE(plan.transport.connections, 0);
        QCOMPARE(PlanCodec::text(*PlanCodec::field(u"connections"), plan),
                 QStringLiteral("per-task"));
    }

    void strictJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("errors");
        auto row = [](const char *name, const char *json, const char *errors) {
            QTest::newRow(name) << QByteArray(json) << QString::fromUtf8(errors);
        };
        row("valid", R"({"tasks": 100, "io_min_ms": 0, "io_max_ms": 10})", "");
        row("numbers as text", R"({"tasks": "10,000", "cpu_max_iterations": "100k"})", "");
        row("tasks zero", R"({"tasks": 0})", "tasks: 0 is outside 1 to 50,000,000");
        row("tasks fraction", R"({"tasks": 2.5})",
            "tasks: '2.5' is not a whole number from 1 to 50,000,000");
        row("tasks huge", R"({"tasks": 1e300})",
            "tasks: 1.0000000000000001e+300 is outside 1 to 50,000,000");
        row("tasks bool", R"({"tasks": true})",
            "tasks: 'true' is not a whole number from 1 to 50,000,000");
        row("io min above max", R"({"io_min_ms": 1200, "io_max_ms": 1000})",
            "io_max_ms: min 1,200 ms is above max 1,000 ms");
        row("io above an hour", R"({"io_max_ms": 3600001})",
            "io_max_ms: 3,600,001 ms is outside 0 to 3,600,000 ms");
        row("cpu past 64 bits", R"({"cpu_max_iterations": 18446744073709551616})",
            "cpu_max_iterations: 18446744073709551616 iterations is outside 0 to "
            "4,000,000,000 iterations");
        row("seed past 2^53 as a number", R"({"seed": 18014398509481984})",
            "seed: 18,014,398,509,481,984 is past 2^53, where JSON numbers lose digits: write it "
            "as a string");
        row("seed past 2^53 as a string", R"({"seed": "18446744073709551615"})", "");
        row("kernel unknown", R"({"kernel": "quantum"})",
            "kernel: 'quantum' is not one of sum, hash, article");
        row("kernel not a string", R"({"kernel": 3})",
            "kernel: '3' is not one of sum, hash, article");
        row("unknown key", R"({"task": 5})",
            "task: unknown key (known: tasks, io_min_ms, io_max_ms, io_dist, cpu_min_iterations, "
            "cpu_max_iterations, cpu_dist, kernel, seed, transport, connections, response_bytes, "
            "target, server_loops, http_timeout_ms, name)");
        row("http with its settings",
            R"({"transport": "http", "connections": 8, "response_bytes": "64k",
                "target": "crawl.example.org:8080", "server_loops": 2, "http_timeout_ms": 500})",
            "");
        row("transport unknown", R"({"transport": "udp", "connections": 8})",
            "transport: 'udp' is not timer or http");
        row("http settings without http", R"({"connections": "per-task", "response_bytes": 5})",
            "connections: only with \"transport\": \"http\"; response_bytes: only with "
            "\"transport\": \"http\"");
        row("http settings out of range",
            R"({"transport": "http", "connections": -1, "response_bytes": 2e7, "target": "x",
                "server_loops": 0, "http_timeout_ms": 0})",
            "connections: -1 is outside 1 to 1,000,000 (or per-task); response_bytes: 20,000,000 "
            "bytes is outside 0 to 16,777,216 bytes; target: 'x' is not HOST:PORT with a port from "
            "1 to 65,535; server_loops: 0 is outside 1 to 256; http_timeout_ms: 0 ms is outside "
            "1 to 3,600,000 ms");
        row("shapes", R"({"io_min_ms": 1, "io_max_ms": 5000, "io_dist":
                "lognormal:median=300,p99=3000", "cpu_dist": "bimodal:heavy=0.1"})",
            "");
        row("shape unknown", R"({"io_dist": "gauss"})",
            "io_dist: 'gauss' is not one of uniform, lognormal, pareto, bimodal");
        row("shape outside its range",
            R"({"io_min_ms": 0, "io_max_ms": 1000, "io_dist": "pareto:median=300,p99=3000"})",
            "io_dist: p99 3,000 ms is outside 0 to 1,000 ms");
        row("every problem at once, in the table's order",
            R"({"io_dist": "gauss", "tasks": 0, "io_min_ms": 5, "io_max_ms": 1})",
            "tasks: 0 is outside 1 to 50,000,000; io_max_ms: min 5 ms is above max 1 ms; "
            "io_dist: 'gauss' is not one of uniform, lognormal, pareto, bimodal");
    }
    void strictJson()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, errors);
        const PlanCodec::Read read = PlanCodec::fromJson(parse(json), PlanCodec::Missing::Default,
                                                         true, {QStringLiteral("name")});
        QCOMPARE(errorsText(read.errors), errors);
    }
};

QTEST_GUILESS_MAIN(TestPlanCodec)
#include "tst_plancodec.moc"
