// SPDX-License-Identifier: MIT
#include "core/runtime/workerprotocol.h"

#include <QList>

#include <limits>

namespace WorkerProtocol {

namespace {

constexpr std::uint64_t kMaxTime = std::uint64_t(std::numeric_limits<std::int64_t>::max());
constexpr std::uint64_t kMaxId = std::numeric_limits<std::uint32_t>::max();

QString quoted(QByteArrayView line)
{
    // A garbage line can be anything: quote at most 80 bytes of it, printable.
    QString text = QString::fromUtf8(line.first(std::min<qsizetype>(line.size(), 80)));
    for (QChar &c : text) {
        if (!c.isPrint() || c == QChar::ReplacementCharacter)
            c = u'?';
    }
    return QStringLiteral("'%1%2'").arg(text, line.size() > 80 ? QStringLiteral("...") : QString());
}

// The fields of a line: split on single spaces, so "a  b" (an empty field) is not a line of ours.
QList<QByteArrayView> fieldsOf(QByteArrayView line)
{
    QList<QByteArrayView> fields;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= line.size(); ++i) {
        if (i == line.size() || line[i] == ' ') {
            fields.append(line.sliced(start, i - start));
            start = i + 1;
        }
    }
    return fields;
}

// The text after the first `n` fields ("fail 3 connection refused" → "connection refused").
QString restAfter(QByteArrayView line, int n)
{
    qsizetype at = 0;
    for (int i = 0; i < n && at >= 0; ++i) {
        at = line.indexOf(' ', at);
        if (at >= 0)
            ++at;
    }
    return at < 0 ? QString() : QString::fromUtf8(line.sliced(at));
}

struct NumberField
{
    const char *name;
    std::uint64_t max;
};

// Parses fields 1..n of `fields` as the numbers `spec` names; the error names the first bad one.
template <std::size_t N>
std::optional<std::array<std::uint64_t, N>> numbers(QByteArrayView line,
                                                    const QList<QByteArrayView> &fields,
                                                    const NumberField (&spec)[N], QString *error)
{
    std::array<std::uint64_t, N> values{};
    for (std::size_t i = 0; i < N; ++i) {
        const QByteArrayView text = fields[qsizetype(i) + 1];
        const auto value = parseNumber(text);
        if (!value || *value > spec[i].max) {
            *error = QStringLiteral("%1: %2 '%3' is %4")
                         .arg(quoted(line), QLatin1String(spec[i].name),
                              QString::fromUtf8(text.first(std::min<qsizetype>(text.size(), 24))),
                              value ? QStringLiteral("above %1").arg(spec[i].max)
                                    : QStringLiteral("not a number"));
            return std::nullopt;
        }
        values[i] = *value;
    }
    return values;
}

QByteArray number(std::uint64_t value)
{
    return QByteArray::number(qulonglong(value));
}

} // namespace

std::optional<std::uint64_t> parseNumber(QByteArrayView text, std::uint64_t max)
{
    if (text.isEmpty() || text.size() > 20 || (text.size() > 1 && text[0] == '0'))
        return std::nullopt;
    std::uint64_t value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        const std::uint64_t digit = std::uint64_t(c - '0');
        if (value > (~std::uint64_t{0} - digit) / 10)
            return std::nullopt; // beyond 64 bits
        value = value * 10 + digit;
    }
    if (value > max)
        return std::nullopt;
    return value;
}

QByteArray sliceHeader(Kernel kernel, const std::optional<HttpTarget> &http, std::size_t tasks)
{
    QByteArray out = QByteArray(kVersion) + "\nkernel " + kernelName(kernel).toUtf8() + '\n';
    if (http) {
        out += "transport http " + http->host + ' ' + number(http->port) + ' ' +
               number(http->responseBytes) + ' ' + number(http->timeoutMs) + '\n';
    } else {
        out += "transport timer\n";
    }
    out += "tasks " + number(tasks) + '\n';
    return out;
}

void appendTask(QByteArray &out, const Task &task)
{
    out += "task ";
    out += number(task.id);
    out += ' ';
    out += number(task.ioUs);
    out += ' ';
    out += number(task.iterations);
    out += ' ';
    out += number(task.input);
    out += '\n';
}

QByteArray t0Line(std::int64_t t0Ns)
{
    return "t0 " + number(std::uint64_t(t0Ns)) + '\n';
}

QByteArray readyLine(const QString &implementation)
{
    return QByteArray("ready ") + kVersion + ' ' + implementation.toUtf8() + '\n';
}

QByteArray progressLine(std::uint64_t done, std::uint64_t busyNs)
{
    return "progress " + number(done) + ' ' + number(busyNs) + '\n';
}

void appendRecord(QByteArray &out, const Record &r)
{
    out += "task " + number(r.id) + ' ' + number(std::uint64_t(r.resumedNs)) + ' ' +
           number(std::uint64_t(r.doneNs)) + ' ' + number(std::uint64_t(r.workNs)) + ' ' +
           number(r.result) + '\n';
}

QByteArray endLine(const End &e)
{
    return "end " + number(e.done) + ' ' + number(e.failed) + ' ' + number(e.checksum) + ' ' +
           number(e.bytes) + '\n';
}

Parsed parseWorkerLine(QByteArrayView line)
{
    Parsed p;
    if (line.size() > kMaxLineBytes) {
        p.error =
            QStringLiteral("a line of %1 bytes (at most %2)").arg(line.size()).arg(kMaxLineBytes);
        return p;
    }
    const QList<QByteArrayView> f = fieldsOf(line);
    const QByteArrayView verb = f[0];
    auto arity = [&](qsizetype n, const char *shape) {
        if (f.size() == n)
            return true;
        p.error = QStringLiteral("%1: expected '%2'").arg(quoted(line), QLatin1String(shape));
        return false;
    };
    if (verb == "ready") {
        if (f.size() < 2) {
            p.error =
                QStringLiteral("%1: expected 'ready VERSION IMPLEMENTATION'").arg(quoted(line));
        } else if (f[1] != kVersion) {
            p.error = QStringLiteral("the worker speaks %1, not %2")
                          .arg(QString::fromUtf8(f[1].first(std::min<qsizetype>(f[1].size(), 40))),
                               QLatin1String(kVersion));
        } else {
            p.message = Ready{restAfter(line, 2)};
        }
    } else if (verb == "progress") {
        if (arity(3, "progress DONE BUSY_NS")) {
            static constexpr NumberField spec[] = {{"DONE", kMaxId}, {"BUSY_NS", kMaxTime}};
            if (const auto v = numbers(line, f, spec, &p.error))
                p.message = Progress{(*v)[0], (*v)[1]};
        }
    } else if (verb == "task") {
        if (arity(6, "task ID RESUMED_NS DONE_NS WORK_NS RESULT")) {
            static constexpr NumberField spec[] = {{"ID", kMaxId},
                                                   {"RESUMED_NS", kMaxTime},
                                                   {"DONE_NS", kMaxTime},
                                                   {"WORK_NS", kMaxTime},
                                                   {"RESULT", ~std::uint64_t{0}}};
            if (const auto v = numbers(line, f, spec, &p.error)) {
                p.message = Record{std::uint32_t((*v)[0]), std::int64_t((*v)[1]),
                                   std::int64_t((*v)[2]), std::int64_t((*v)[3]), (*v)[4]};
            }
        }
    } else if (verb == "fail") {
        if (f.size() < 2) {
            p.error = QStringLiteral("%1: expected 'fail ID MESSAGE'").arg(quoted(line));
        } else {
            const auto id = parseNumber(f[1], kMaxId);
            if (!id)
                p.error = QStringLiteral("%1: ID is not a task id").arg(quoted(line));
            else
                p.message = Fail{std::uint32_t(*id), restAfter(line, 2)};
        }
    } else if (verb == "end") {
        if (arity(5, "end DONE FAILED CHECKSUM BYTES")) {
            static constexpr NumberField spec[] = {{"DONE", kMaxId},
                                                   {"FAILED", kMaxId},
                                                   {"CHECKSUM", ~std::uint64_t{0}},
                                                   {"BYTES", kMaxTime}};
            if (const auto v = numbers(line, f, spec, &p.error))
                p.message = End{(*v)[0], (*v)[1], (*v)[2], (*v)[3]};
        }
    } else if (verb == "error") {
        p.message = Error{restAfter(line, 1)};
    } else {
        p.error =
            QStringLiteral("%1 is not a line of %2").arg(quoted(line), QLatin1String(kVersion));
    }
    return p;
}

QString SliceReader::fail(QByteArrayView line, const QString &why)
{
    m_state = State::Failed;
    return QStringLiteral("line %1: %2: %3").arg(m_lineNumber).arg(quoted(line), why);
}

QString SliceReader::addLine(QByteArrayView line)
{
    ++m_lineNumber;
    if (m_state == State::Failed || m_state == State::Complete)
        return fail(line, QStringLiteral("nothing more was expected"));
    if (line.size() > kMaxLineBytes)
        return fail(line.first(80), QStringLiteral("longer than %1 bytes").arg(kMaxLineBytes));
    const QList<QByteArrayView> f = fieldsOf(line);
    switch (m_state) {
    case State::Version:
        if (line != kVersion)
            return fail(line, QStringLiteral("expected %1").arg(QLatin1String(kVersion)));
        m_state = State::Kernel;
        return {};
    case State::Kernel: {
        const auto kernel = f.size() == 2 && f[0] == "kernel"
                                ? kernelFromName(QString::fromUtf8(f[1]))
                                : std::nullopt;
        if (!kernel)
            return fail(line, QStringLiteral("expected 'kernel %1'").arg(kernelNames().join(u'|')));
        m_slice.kernel = *kernel;
        m_state = State::Transport;
        return {};
    }
    case State::Transport:
        if (f.size() == 2 && f[0] == "transport" && f[1] == "timer") {
            m_state = State::Count;
            return {};
        }
        if (f.size() == 6 && f[0] == "transport" && f[1] == "http") {
            const auto port = parseNumber(f[3], 65535);
            const auto bytes = parseNumber(f[4], std::numeric_limits<std::uint32_t>::max());
            const auto timeout = parseNumber(f[5], std::numeric_limits<std::uint32_t>::max());
            if (!f[2].isEmpty() && port && *port > 0 && bytes && timeout) {
                m_slice.http = HttpTarget{f[2].toByteArray(), std::uint16_t(*port),
                                          std::uint32_t(*bytes), std::uint32_t(*timeout)};
                m_state = State::Count;
                return {};
            }
        }
        return fail(line, QStringLiteral("expected 'transport timer' or 'transport http HOST PORT "
                                         "BYTES TIMEOUT_MS'"));
    case State::Count: {
        const auto n = f.size() == 2 && f[0] == "tasks" ? parseNumber(f[1], kMaxId) : std::nullopt;
        if (!n)
            return fail(line, QStringLiteral("expected 'tasks N'"));
        m_expected = *n;
        m_slice.tasks.reserve(std::size_t(*n));
        m_state = m_expected == 0 ? State::Start : State::Tasks;
        return {};
    }
    case State::Tasks: {
        if (f.size() != 5 || f[0] != "task")
            return fail(line, QStringLiteral("expected 'task ID IO_US ITERATIONS INPUT'"));
        const auto id = parseNumber(f[1], kMaxId);
        const auto io = parseNumber(f[2], kMaxId);
        const auto iterations = parseNumber(f[3], kMaxId);
        const auto input = parseNumber(f[4]);
        if (!id || !io || !iterations || !input)
            return fail(line, QStringLiteral("a field is not a number of its range"));
        m_slice.tasks.push_back(
            {std::uint32_t(*id), std::uint32_t(*io), std::uint32_t(*iterations), *input});
        if (m_slice.tasks.size() == m_expected)
            m_state = State::Start;
        return {};
    }
    case State::Start:
        if (line != "start")
            return fail(line, QStringLiteral("expected 'start' after %1 tasks").arg(m_expected));
        m_state = State::Complete;
        return {};
    case State::Complete:
    case State::Failed:
        break;
    }
    return fail(line, QStringLiteral("nothing more was expected"));
}

std::optional<std::int64_t> parseT0(QByteArrayView line)
{
    if (!line.startsWith("t0 "))
        return std::nullopt;
    const auto value = parseNumber(line.sliced(3), kMaxTime);
    if (!value || *value == 0)
        return std::nullopt;
    return std::int64_t(*value);
}

} // namespace WorkerProtocol
