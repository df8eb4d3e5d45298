// SPDX-License-Identifier: MIT
#include "ui/config/configinput.h"

#include "ui/common/formatting.h"

#include <QThread>

#include <algorithm>
#include <limits>

std::optional<std::int64_t> parseWholeNumber(QStringView text)
{
    QString s;
    for (QChar c : text) {
        // Digit group separators people paste from reports.
        if (!c.isSpace() && c != QLatin1Char(',') && c != QLatin1Char('_'))
            s.append(c);
    }
    if (s.isEmpty())
        return std::nullopt;

    std::int64_t multiplier = 1;
    switch (s.back().toLower().unicode()) {
    case 'k':
        multiplier = 1'000;
        break;
    case 'm':
        multiplier = 1'000'000;
        break;
    case 'g':
        multiplier = 1'000'000'000;
        break;
    default:
        break;
    }
    if (multiplier != 1)
        s.chop(1);

    const bool negative = s.startsWith(QLatin1Char('-'));
    if (negative)
        s.remove(0, 1);
    const qsizetype dot = s.indexOf(QLatin1Char('.'));
    const QString whole = dot < 0 ? s : s.left(dot);
    QString fraction = dot < 0 ? QString() : s.mid(dot + 1);
    auto digitsOnly = [](const QString &d) {
        return std::all_of(d.begin(), d.end(), [](QChar c) { return c.isDigit(); });
    };
    if ((whole.isEmpty() && fraction.isEmpty()) || !digitsOnly(whole) || !digitsOnly(fraction))
        return std::nullopt;

    // Exact integer arithmetic: "2.5M" is 2500000, and "1.5" (not whole) is refused.
    constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
    std::int64_t value = 0;
    for (QChar c : whole + fraction) {
        if (value > (kMax - 9) / 10)
            return std::nullopt;
        value = value * 10 + c.digitValue();
    }
    for (qsizetype i = 0; i < fraction.size(); ++i) {
        if (multiplier % 10 != 0) {
            if (value % 10 != 0)
                return std::nullopt;
            value /= 10;
        } else {
            multiplier /= 10;
        }
    }
    if (value != 0 && multiplier > kMax / value)
        return std::nullopt;
    value *= multiplier;
    return negative ? -value : value;
}

namespace {

// Reads an int-sized field. Values that parse but do not fit an int are reported here with the
// core's range, since the core types cannot hold them.
std::optional<int> readInt(const QString &text, const QString &field, const QString &what,
                           std::int64_t min, std::int64_t max, FieldErrors &errors)
{
    const auto value = parseWholeNumber(text);
    if (!value) {
        errors.append({field, QStringLiteral("%1: “%2” is not a whole number").arg(what, text)});
        return std::nullopt;
    }
    if (*value < std::numeric_limits<int>::min() || *value > std::numeric_limits<int>::max()) {
        errors.append(
            {field,
             QStringLiteral("%1 %2 is outside %3..%4").arg(what).arg(*value).arg(min).arg(max)});
        return std::nullopt;
    }
    return static_cast<int>(*value);
}

std::optional<std::uint64_t> readIterations(const QString &text, FieldErrors &errors)
{
    const auto value = parseWholeNumber(text);
    if (!value || *value < 0) {
        errors.append({QStringLiteral("cpu"),
                       QStringLiteral("CPU work: “%1” is not a whole number of iterations "
                                      "(0..%2)")
                           .arg(text)
                           .arg(WorkloadSpec::kMaxIterations)});
        return std::nullopt;
    }
    return static_cast<std::uint64_t>(*value);
}

} // namespace

ConfigInput::Parsed ConfigInput::parse() const
{
    Parsed out;
    FieldErrors parseErrors;
    const auto fieldFailed = [&](const QString &field) {
        return std::any_of(parseErrors.begin(), parseErrors.end(),
                           [&](const FieldError &e) { return e.field == field; });
    };

    if (auto v = readInt(tasks, QStringLiteral("tasks"), QStringLiteral("task count"), 1,
                         WorkloadSpec::kMaxTasks, parseErrors))
        out.spec.tasks = *v;
    const auto ioMin = readInt(ioMinMs, QStringLiteral("io"), QStringLiteral("IO delay min (ms)"),
                               0, WorkloadSpec::kMaxIoMs, parseErrors);
    const auto ioMax =
        fieldFailed(QStringLiteral("io"))
            ? std::nullopt
            : readInt(ioMaxMs, QStringLiteral("io"), QStringLiteral("IO delay max (ms)"), 0,
                      WorkloadSpec::kMaxIoMs, parseErrors);
    if (ioMin && ioMax) {
        out.spec.ioMinMs = *ioMin;
        out.spec.ioMaxMs = *ioMax;
    }
    const auto cpuLo = readIterations(cpuMin, parseErrors);
    const auto cpuHi = cpuLo ? readIterations(cpuMax, parseErrors) : std::nullopt;
    if (cpuLo && cpuHi) {
        out.spec.cpuMin = *cpuLo;
        out.spec.cpuMax = *cpuHi;
    }
    bool seedOk = false;
    const QString seedText = seed.trimmed();
    const std::uint64_t seedValue = seedText.startsWith(QLatin1String("0x"), Qt::CaseInsensitive)
                                        ? seedText.mid(2).toULongLong(&seedOk, 16)
                                        : seedText.toULongLong(&seedOk, 10);
    if (seedOk) {
        out.spec.seed = seedValue;
    } else {
        parseErrors.append({QStringLiteral("seed"),
                            QStringLiteral("seed: “%1” is not a number in 0..2^64-1 (decimal "
                                           "or 0x hex)")
                                .arg(seed)});
    }
    out.spec.kernel = kernel;

    if (auto v = readInt(shards, QStringLiteral("shards"), QStringLiteral("shard count"), 1,
                         RunConfig::kMaxShards, parseErrors))
        out.config.shards = *v;
    out.config.partition = partition;
    out.config.pin = pin;

    const QString list = shardList.trimmed();
    if (list.compare(QLatin1String("sweep"), Qt::CaseInsensitive) == 0) {
        out.shardCounts = sweepShardCounts(QThread::idealThreadCount());
    } else {
        QList<int> counts;
        for (const QString &part : list.split(QLatin1Char(','))) {
            const auto k = parseWholeNumber(part);
            if (!k || *k < 1 || *k > RunConfig::kMaxShards) {
                parseErrors.append({QStringLiteral("shardList"),
                                    QStringLiteral("shard counts: “%1” is not a list of whole "
                                                   "numbers in 1..%2, or “sweep”")
                                        .arg(shardList)
                                        .arg(RunConfig::kMaxShards)});
                counts.clear();
                break;
            }
            if (!counts.contains(int(*k)))
                counts.append(int(*k));
        }
        if (!counts.isEmpty())
            out.shardCounts = counts;
    }
    if (auto r = readInt(repeats, QStringLiteral("repeat"), QStringLiteral("repeat count"), 1,
                         ExperimentSpec::kMaxRepeats, parseErrors)) {
        if (*r < 1 || *r > ExperimentSpec::kMaxRepeats)
            parseErrors.append(
                {QStringLiteral("repeat"), QStringLiteral("repeat count %1 is outside 1..%2")
                                               .arg(*r)
                                               .arg(ExperimentSpec::kMaxRepeats)});
        else
            out.repeats = *r;
    }
    out.warmup = warmup;

    // The core's own checks, for every field that did parse: one source of truth for ranges.
    out.errors = parseErrors;
    FieldErrors coreErrors = out.spec.validate();
    coreErrors.append(out.config.validate());
    for (const FieldError &e : coreErrors) {
        if (!fieldFailed(e.field))
            out.errors.append(e);
    }
    return out;
}

ConfigInput ConfigInput::from(const WorkloadSpec &spec, const RunConfig &config)
{
    ConfigInput in;
    in.tasks = QString::number(spec.tasks);
    in.ioMinMs = QString::number(spec.ioMinMs);
    in.ioMaxMs = QString::number(spec.ioMaxMs);
    in.cpuMin = Formatting::count(spec.cpuMin);
    in.cpuMax = Formatting::count(spec.cpuMax);
    in.shards = QString::number(config.shards);
    in.seed = QString::number(spec.seed);
    in.kernel = spec.kernel;
    in.partition = config.partition;
    in.pin = config.pin;
    return in;
}

ExperimentSpec ConfigInput::Parsed::sweepSpec() const
{
    ExperimentSpec e;
    e.workload = spec;
    e.shardCounts = shardCounts;
    e.partition = config.partition;
    e.pin = config.pin;
    e.repeats = repeats;
    e.warmup = warmup;
    e.failTask = config.failTask;
    return e;
}

ExperimentSpec ConfigInput::Parsed::repeatCompareSpec() const
{
    ExperimentSpec e = sweepSpec();
    e.shardCounts = config.shards == 1 ? QList<int>{1} : QList<int>{1, config.shards};
    return e;
}

int ConfigInput::Parsed::maxShards() const
{
    int k = config.shards;
    for (int s : shardCounts)
        k = std::max(k, s);
    return k;
}
