// SPDX-License-Identifier: MIT
#include "core/base/splitmix64.h"
#include "core/report/comparisonreport.h"
#include "core/report/jsonreport.h"
#include "core/report/reportcomparison.h"
#include "core/report/reportreader.h"
#include "tests/support/syntheticexperiment.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

// The report reader under mutated reports, as `compare` meets files from elsewhere: thousands of
// reports changed byte by byte and field by field (a deterministic seed, a bounded count and
// time, so every run of the suite tries the same ones). Each is refused with one message that
// names the file, or read into runs that a run could have been, whose comparison prints no
// control character raw.
namespace {

constexpr std::uint64_t kSeed = 20261207;
constexpr int kMutations = 4000;
constexpr qint64 kTimeBudgetMs = 30000; // a slow sanitizer build tries fewer, never fails on time

// A leaf of the report: the keys and indices that reach it.
using Path = QList<QJsonValue>;

void leaves(const QJsonValue &v, Path &at, QList<Path> &out)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            at.append(it.key());
            leaves(it.value(), at, out);
            at.removeLast();
        }
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            at.append(double(i));
            leaves(a[i], at, out);
            at.removeLast();
        }
    }
    out.append(at); // containers too: a whole object replaced or removed is a mutation
}

// `root` with the value at `path` replaced (or removed when `value` is undefined).
QJsonValue replaced(const QJsonValue &root, const Path &path, qsizetype depth,
                    const QJsonValue &value)
{
    if (depth == path.size())
        return value;
    if (root.isObject() && path[depth].isString()) {
        QJsonObject o = root.toObject();
        const QString key = path[depth].toString();
        const QJsonValue inner = replaced(o.value(key), path, depth + 1, value);
        if (inner.isUndefined())
            o.remove(key);
        else
            o.insert(key, inner);
        return o;
    }
    // An earlier mutation may have removed or replaced what the path went through.
    const auto i = qsizetype(path[depth].toDouble());
    if (!root.isArray() || path[depth].isString() || i >= root.toArray().size())
        return root;
    QJsonArray a = root.toArray();
    const QJsonValue inner = replaced(a.at(i), path, depth + 1, value);
    if (inner.isUndefined())
        a.removeAt(i);
    else
        a.replace(i, inner);
    return a;
}

QJsonValue hostileValue(SplitMix64 &rng)
{
    static const QList<QJsonValue> values{
        1e308,
        -1e308,
        0,
        -1,
        -0.001,
        0.5,
        1e18,
        4294967296.0,
        QJsonValue(QJsonValue::Null),
        true,
        QJsonArray(),
        QJsonObject(),
        QString(),
        QStringLiteral("x"),
        QString(QLatin1Char('\0')) + QStringLiteral("after a NUL"),
        QStringLiteral("line\nbreak\r\x1b[31mred\x1b[0m\t\x07"),
        QString(2000, QLatin1Char('y')),
        QStringLiteral("0x00000000000012e4"),
        QStringLiteral("completed"),
        QJsonValue(QJsonValue::Undefined), // removes the field
    };
    return values[qsizetype(rng.between(0, std::uint64_t(values.size() - 1)))];
}

QByteArray mutatedBytes(QByteArray bytes, SplitMix64 &rng)
{
    const auto at = [&] { return qsizetype(rng.between(0, std::uint64_t(bytes.size() - 1))); };
    switch (rng.between(0, 5)) {
    case 0: // a flipped bit
        bytes[at()] = char(bytes[at()] ^ char(1 << rng.between(0, 7)));
        break;
    case 1: { // an inserted control byte, NUL or ESC or any other
        static const char kBytes[] = {'\0', '\x1b', '\n', '\r', '\x07', '\x7f', '"', '\\'};
        bytes.insert(at(), kBytes[rng.between(0, sizeof(kBytes) - 1)]);
        break;
    }
    case 2: // cut short
        bytes.truncate(at());
        break;
    case 3: { // a range deleted
        const qsizetype from = at();
        bytes.remove(from, qsizetype(rng.between(1, 64)));
        break;
    }
    case 4: { // a range repeated
        const qsizetype from = at();
        bytes.insert(from, bytes.mid(from, qsizetype(rng.between(1, 64))));
        break;
    }
    default: // a digit changed
        for (int tries = 0; tries < 64; ++tries) {
            const qsizetype i = at();
            if (bytes[i] >= '0' && bytes[i] <= '9') {
                bytes[i] = char('0' + rng.between(0, 9));
                break;
            }
        }
        break;
    }
    return bytes;
}

bool hasRawControl(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u != '\n' && (u < 0x20 || (u >= 0x7F && u <= 0x9F)))
            return true;
    }
    return false;
}

} // namespace

class TestReportFuzz : public QObject
{
    Q_OBJECT
private slots:
    void mutatedReportsAreRefusedOrReadAsPossibleRuns()
    {
        ExperimentResult base = synthetic::experiment();
        base.runs.back().repeat = base.spec.repeats - 1; // its failed run, within the repeats
        base.summary = summarizeExperiment(base);
        const QJsonObject report = experimentToJson(base);
        const QByteArray bytes = QJsonDocument(report).toJson(QJsonDocument::Indented);
        {
            QString error;
            QVERIFY2(ReportReader::read(bytes, QStringLiteral("f.json"), &error),
                     qPrintable(error));
        }
        QList<Path> paths;
        Path at;
        leaves(report, at, paths);
        SplitMix64 rng(kSeed);
        QElapsedTimer timer;
        timer.start();
        int tried = 0;
        int accepted = 0;
        for (; tried < kMutations && timer.elapsed() < kTimeBudgetMs; ++tried) {
            QByteArray mutated;
            if (rng.between(0, 1) == 0) {
                mutated = mutatedBytes(bytes, rng);
            } else {
                QJsonValue doc = report;
                for (std::uint64_t n = rng.between(1, 3); n > 0; --n) {
                    const Path &path =
                        paths[qsizetype(rng.between(0, std::uint64_t(paths.size() - 1)))];
                    doc = replaced(doc, path, 0, hostileValue(rng));
                }
                mutated = QJsonDocument(doc.toObject()).toJson(QJsonDocument::Compact);
            }
            QString error;
            const std::optional<ExperimentResult> read =
                ReportReader::read(mutated, QStringLiteral("f.json"), &error);
            if (!read) {
                QVERIFY2(error.startsWith(QLatin1String("f.json: ")) && error.size() > 8,
                         qPrintable(QStringLiteral("mutation %1: %2").arg(tried).arg(error)));
                continue;
            }
            ++accepted;
            for (const RunResult &r : read->runs) {
                const QString where =
                    QStringLiteral("mutation %1, a run of %2 shards").arg(tried).arg(r.shards);
                QVERIFY2(std::isfinite(r.wallMs) && r.wallMs >= 0 && r.wallMs < 1e13,
                         qPrintable(where));
                QVERIFY2(r.status != RunStatus::Completed || r.tasksDone == 0 || r.wallMs > 0,
                         qPrintable(where));
                QVERIFY2(!(r.lagMs.p50 < 0) && !(r.lagMs.max < r.lagMs.p99) &&
                             !(r.latencyMs.max < r.latencyMs.p50),
                         qPrintable(where));
                QVERIFY2(r.tasksDone + r.tasksFailed <= r.tasks, qPrintable(where));
            }
            // What compare prints of it: whole, one line per row, nothing raw.
            const ReportComparison comparison = compareReports(
                {{QStringLiteral("base.json"), base}, {QStringLiteral("f.json"), *read}});
            const QString text = comparisonText(comparison);
            QVERIFY2(!hasRawControl(text), qPrintable(QStringLiteral("mutation %1").arg(tried)));
            QVERIFY(!comparisonMarkdown(comparison).isEmpty());
        }
        qInfo("%d mutated reports in %lld ms, %d read (the rest refused)", tried,
              static_cast<long long>(timer.elapsed()), accepted);
        // The budget is generous: a run that tried few would prove little.
        QVERIFY2(tried >= 500, qPrintable(QString::number(tried)));
        // Both sides exercised: mutations that keep a report readable, and ones that do not.
        QVERIFY(accepted > 0 && accepted < tried);
    }
};

QTEST_GUILESS_MAIN(TestReportFuzz)
#include "tst_reportfuzz.moc"
