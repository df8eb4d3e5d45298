// SPDX-License-Identifier: MIT
#include "core/experiment/plancodec.h"

#include "core/experiment/speccodec.h"

#include <algorithm>
#include <iterator>

namespace {

using Error = std::optional<QString>;

// Binds every field of a plan by name. A field added to WorkloadSpec or TransportConfig makes a
// binding below fail to compile: give it its entry in kFields, then extend the binding.
[[maybe_unused]] void everyFieldHasAnEntry(const Plan &plan)
{
    [[maybe_unused]] const auto &[tasks, ioMinMs, ioMaxMs, cpuMin, cpuMax, kernel, seed, ioDist,
                                  cpuDist] = plan.workload;
    [[maybe_unused]] const auto &[kind, connections, responseBytes, target, serverLoops,
                                  timeoutMs] = plan.transport;
}
constexpr std::size_t kWorkloadFields = 9;
constexpr std::size_t kTransportFields = 6;

// A name as written: a string as itself, anything else as JSON shows it (3, true).
QString nameText(const QJsonValue &v)
{
    return v.isString() ? v.toString() : SpecCodec::jsonText(v);
}

template <typename T> Error readInt(const QJsonValue &v, const NumberRange &range, T &into)
{
    QString error;
    const auto n = SpecCodec::readJsonNumber(v, range, &error);
    if (!n)
        return error;
    into = T(*n);
    return std::nullopt;
}

Error readShape(const QJsonValue &v, const NumberRange &range, Distribution &into)
{
    QString error;
    const auto d = SpecCodec::readDistribution(nameText(v), range, &error);
    if (!d)
        return error;
    into = *d;
    return std::nullopt;
}

template <typename E, typename Read> Error readName(const QJsonValue &v, Read read, E &into)
{
    if (v.isUndefined())
        return QStringLiteral("missing value");
    QString error;
    const auto value = read(nameText(v), &error);
    if (!value)
        return error;
    into = *value;
    return std::nullopt;
}

Error readConnections(const QJsonValue &v, int &into)
{
    // 0 is "per-task" as the store's rows of schema 3 hold it.
    if (v.isDouble() && v.toDouble() == 0) {
        into = 0;
        return std::nullopt;
    }
    QString error;
    if (v.isString()) {
        const auto n = TransportConfig::readConnections(v.toString(), &error);
        if (!n)
            return error;
        into = *n;
        return std::nullopt;
    }
    const auto n = SpecCodec::readJsonNumber(v, TransportConfig::kConnectionRange, &error);
    if (!n)
        return error + QStringLiteral(" (or per-task)");
    into = int(*n);
    return std::nullopt;
}

Error readTarget(const QJsonValue &v, QString &into)
{
    if (!v.isString())
        return QStringLiteral("'%1' is not HOST:PORT").arg(SpecCodec::jsonText(v));
    const QString target = v.toString().trimmed();
    // HOST:PORT in form only, not resolved: a report may come from another machine, and reading
    // a file must not wait on a name server. A run resolves its target when it starts.
    const qsizetype colon = target.lastIndexOf(QLatin1Char(':'));
    constexpr NumberRange kPorts{1, 65535, nullptr};
    if (!target.isEmpty() &&
        (colon <= 0 || !kPorts.read(QStringView(target).mid(colon + 1), nullptr))) {
        return QStringLiteral("'%1' is not HOST:PORT with a port from %2")
            .arg(target, kPorts.text());
    }
    into = target;
    return std::nullopt;
}

QJsonValue whole(std::uint64_t n)
{
    return QJsonValue(double(n)); // every count of a plan but the seed is far below 2^53
}

// In the order reports have always listed them: the workload, then its transport.
const PlanField kFields[] = {
    {"tasks", "tasks", "tasks", &SpecText::tasks, true, false,
     [](const Plan &p) { return whole(std::uint64_t(p.workload.tasks)); },
     [](const QJsonValue &v, Plan &p) {
         return readInt(v, WorkloadSpec::kTaskRange, p.workload.tasks);
     }},
    {"io_min_ms", "IO min", "io", &SpecText::ioMinMs, true, false,
     [](const Plan &p) { return whole(std::uint64_t(p.workload.ioMinMs)); },
     [](const QJsonValue &v, Plan &p) {
         return readInt(v, WorkloadSpec::kIoRange, p.workload.ioMinMs);
     }},
    {"io_max_ms", "IO max", "io", &SpecText::ioMaxMs, true, false,
     [](const Plan &p) { return whole(std::uint64_t(p.workload.ioMaxMs)); },
     [](const QJsonValue &v, Plan &p) {
         return readInt(v, WorkloadSpec::kIoRange, p.workload.ioMaxMs);
     }},
    {"io_dist", "IO shape", "ioDist", &SpecText::ioDist, false, false,
     [](const Plan &p) { return QJsonValue(p.workload.ioDist.text()); },
     [](const QJsonValue &v, Plan &p) {
         return readShape(v, WorkloadSpec::kIoRange, p.workload.ioDist);
     }},
    {"cpu_min_iterations", "CPU min", "cpu", &SpecText::cpuMin, true, false,
     [](const Plan &p) { return whole(p.workload.cpuMin); },
     [](const QJsonValue &v, Plan &p) {
         return readInt(v, WorkloadSpec::kCpuRange, p.workload.cpuMin);
     }},
    {"cpu_max_iterations", "CPU max", "cpu", &SpecText::cpuMax, true, false,
     [](const Plan &p) { return whole(p.workload.cpuMax); },
     [](const QJsonValue &v, Plan &p) {
         return readInt(v, WorkloadSpec::kCpuRange, p.workload.cpuMax);
     }},
    {"cpu_dist", "CPU shape", "cpuDist", &SpecText::cpuDist, false, false,
     [](const Plan &p) { return QJsonValue(p.workload.cpuDist.text()); },
     [](const QJsonValue &v, Plan &p) {
         return readShape(v, WorkloadSpec::kCpuRange, p.workload.cpuDist);
     }},
    {"kernel", "kernel", "kernel", &SpecText::kernel, true, false,
     [](const Plan &p) { return QJsonValue(kernelName(p.workload.kernel)); },
     [](const QJsonValue &v, Plan &p) {
         return readName(v, &SpecCodec::readKernel, p.workload.kernel);
     }},
    // 64-bit: as text, so that no JSON reader rounds it.
    {"seed", "seed", "seed", &SpecText::seed, true, false,
     [](const Plan &p) { return QJsonValue(QString::number(p.workload.seed)); },
     [](const QJsonValue &v, Plan &p) {
         return readInt(v, WorkloadSpec::kSeedRange, p.workload.seed);
     }},
    // Absent in files from before the http transport: those ran over the timer.
    {"transport", "transport", "transport", &SpecText::transport, false, false,
     [](const Plan &p) { return QJsonValue(transportName(p.transport.kind)); },
     [](const QJsonValue &v, Plan &p) {
         return readName(v, &SpecCodec::readTransport, p.transport.kind);
     }},
    {"connections", "connections", "connections", &SpecText::connections, false, true,
     [](const Plan &p) {
         return p.transport.connections == 0 ? QJsonValue(p.transport.connectionsText())
                                             : QJsonValue(p.transport.connections);
     },
     [](const QJsonValue &v, Plan &p) { return readConnections(v, p.transport.connections); }},
    {"response_bytes", "response bytes", "responseBytes", &SpecText::responseBytes, false, true,
     [](const Plan &p) { return whole(std::uint64_t(p.transport.responseBytes)); },
     [](const QJsonValue &v, Plan &p) {
         return readInt(v, TransportConfig::kResponseBytesRange, p.transport.responseBytes);
     }},
    // "" for the server the run starts itself.
    {"target", "server", "target", &SpecText::target, false, true,
     [](const Plan &p) { return QJsonValue(p.transport.target); },
     [](const QJsonValue &v, Plan &p) { return readTarget(v, p.transport.target); }},
    {"server_loops", "server loops", "serverLoops", &SpecText::serverLoops, false, true,
     [](const Plan &p) { return whole(std::uint64_t(p.transport.serverLoops)); },
     [](const QJsonValue &v, Plan &p) {
         return readInt(v, TransportConfig::kServerLoopRange, p.transport.serverLoops);
     }},
    {"http_timeout_ms", "HTTP timeout", "httpTimeout", &SpecText::httpTimeout, false, true,
     [](const Plan &p) { return whole(std::uint64_t(p.transport.timeoutMs)); },
     [](const QJsonValue &v, Plan &p) {
         return readInt(v, TransportConfig::kTimeoutRange, p.transport.timeoutMs);
     }},
};
static_assert(std::size(kFields) == kWorkloadFields + kTransportFields,
              "every field of a plan has one entry in kFields");

// The pairs whose order, and the shapes whose parameters, depend on two or three fields.
struct Range
{
    const char *min;
    const char *max;
    const char *shape;
    const NumberRange *range;
    std::uint64_t (*lo)(const Plan &);
    std::uint64_t (*hi)(const Plan &);
    const Distribution &(*dist)(const Plan &);
};
const Range kRanges[] = {
    {"io_min_ms", "io_max_ms", "io_dist", &WorkloadSpec::kIoRange,
     [](const Plan &p) { return std::uint64_t(p.workload.ioMinMs); },
     [](const Plan &p) { return std::uint64_t(p.workload.ioMaxMs); },
     [](const Plan &p) -> const Distribution & { return p.workload.ioDist; }},
    {"cpu_min_iterations", "cpu_max_iterations", "cpu_dist", &WorkloadSpec::kCpuRange,
     [](const Plan &p) { return p.workload.cpuMin; },
     [](const Plan &p) { return p.workload.cpuMax; },
     [](const Plan &p) -> const Distribution & { return p.workload.cpuDist; }},
};

bool hasError(const FieldErrors &errors, const char *key)
{
    for (const FieldError &e : errors) {
        if (e.field == QLatin1String(key))
            return true;
    }
    return false;
}

} // namespace

std::span<const PlanField> PlanCodec::fields()
{
    return kFields;
}

const PlanField *PlanCodec::field(QStringView key)
{
    for (const PlanField &f : kFields) {
        if (key == QLatin1String(f.key))
            return &f;
    }
    return nullptr;
}

bool PlanCodec::applies(const PlanField &field, const Plan &plan)
{
    return !field.httpOnly || plan.transport.isHttp();
}

QString PlanCodec::text(const PlanField &field, const Plan &plan)
{
    const QJsonValue v = field.write(plan);
    return v.isString() ? v.toString() : QString::number(v.toDouble(), 'f', 0);
}

QJsonObject PlanCodec::toJson(const Plan &plan)
{
    QJsonObject o;
    insertInto(o, plan);
    return o;
}

void PlanCodec::insertInto(QJsonObject &object, const Plan &plan)
{
    for (const PlanField &f : kFields) {
        if (applies(f, plan))
            object.insert(QLatin1String(f.key), f.write(plan));
    }
}

PlanCodec::Read PlanCodec::fromJson(const QJsonObject &o, Missing missing, bool strictKeys,
                                    const QStringList &otherKeys)
{
    Read out;
    auto failed = [&](const char *key, const QString &message) {
        out.errors.append({QLatin1String(key), message});
    };
    if (strictKeys) {
        QStringList known;
        for (const PlanField &f : kFields)
            known.append(QLatin1String(f.key));
        known += otherKeys;
        for (const QString &key : o.keys()) {
            if (!known.contains(key)) {
                out.errors.append(
                    {key, QStringLiteral("unknown key (known: %1)").arg(known.join(u", "))});
            }
        }
    }
    // The transport first: it decides which fields the plan has.
    const PlanField &transport = *field(u"transport");
    bool transportRead = true;
    if (o.contains(QLatin1String(transport.key))) {
        if (const Error e = transport.read(o.value(QLatin1String(transport.key)), out.plan)) {
            failed(transport.key, *e);
            transportRead = false;
        }
    }
    for (const PlanField &f : kFields) {
        if (&f == &transport)
            continue;
        const QJsonValue v = o.value(QLatin1String(f.key));
        if (v.isUndefined()) {
            if (missing == Missing::Refused && f.required) {
                Plan scratch;
                failed(f.key, f.read(v, scratch).value_or(QString()));
            }
            continue;
        }
        if (!applies(f, out.plan)) {
            // An unreadable transport has its own message; the fields it would have had wait.
            if (strictKeys && transportRead)
                failed(f.key, QStringLiteral("only with \"transport\": \"http\""));
            continue;
        }
        if (const Error e = f.read(v, out.plan))
            failed(f.key, *e);
    }
    // Pairs in order, then shapes within them, once the fields they relate read.
    for (const Range &r : kRanges) {
        if (hasError(out.errors, r.min) || hasError(out.errors, r.max))
            continue;
        if (const Error e = r.range->checkOrder(r.lo(out.plan), r.hi(out.plan))) {
            failed(r.max, *e);
            continue;
        }
        if (hasError(out.errors, r.shape))
            continue;
        if (const Error e = r.dist(out.plan).check(r.lo(out.plan), r.hi(out.plan), *r.range))
            failed(r.shape, *e);
    }
    // In the table's order, whatever order the checks above found them in.
    std::stable_sort(out.errors.begin(), out.errors.end(),
                     [](const FieldError &a, const FieldError &b) {
                         auto at = [](const FieldError &e) {
                             const PlanField *f = field(e.field);
                             return f ? f - kFields : -1;
                         };
                         return at(a) < at(b);
                     });
    return out;
}
