// SPDX-License-Identifier: MIT
#include "core/runtime/workerstream.h"

#include <variant>

using WorkerProtocol::End;
using WorkerProtocol::Error;
using WorkerProtocol::Fail;
using WorkerProtocol::kMaxLineBytes;
using WorkerProtocol::Message;
using WorkerProtocol::Parsed;
using WorkerProtocol::Progress;
using WorkerProtocol::Ready;
using WorkerProtocol::Record;

namespace {

// How much earlier than its due time a record may say its task resumed: CPython's loop keeps
// time in a double of seconds, which rounds a deadline by up to a microsecond or so.
constexpr std::int64_t kEarlySlackNs = 1'000'000;

QString checksumHex(std::uint64_t value)
{
    return QStringLiteral("0x%1").arg(value, 16, 16, QLatin1Char('0'));
}

} // namespace

WorkerStream::WorkerStream(Slice slice)
    : m_slice(slice)
    , m_seen(slice.size(), false)
{}

std::int64_t WorkerStream::slotOf(std::uint32_t id) const
{
    if (id < m_slice.begin || id >= m_slice.end || (id - m_slice.begin) % m_slice.stride != 0)
        return -1;
    return std::int64_t((id - m_slice.begin) / m_slice.stride);
}

bool WorkerStream::fail(const QString &why)
{
    m_phase = Phase::Failed;
    m_error = QStringLiteral("line %1: %2").arg(m_lineNumber).arg(why);
    return false;
}

bool WorkerStream::markSeen(std::uint32_t id, const char *what)
{
    const std::int64_t slot = slotOf(id);
    if (slot < 0)
        return fail(QStringLiteral("%1 for task %2, which is not in its slice")
                        .arg(QLatin1String(what))
                        .arg(id));
    if (m_seen[std::size_t(slot)])
        return fail(QStringLiteral("a second %1 for task %2").arg(QLatin1String(what)).arg(id));
    m_seen[std::size_t(slot)] = true;
    return true;
}

bool WorkerStream::feed(QByteArrayView bytes, std::int64_t t0Ns, std::int64_t nowNs,
                        const RecordSink &onRecord)
{
    if (m_phase == Phase::Failed)
        return false;
    qsizetype start = 0;
    for (;;) {
        const qsizetype newline = bytes.indexOf('\n', start);
        if (newline < 0)
            break;
        bool ok;
        if (m_partial.isEmpty()) {
            ok = takeLine(bytes.sliced(start, newline - start), t0Ns, nowNs, onRecord);
        } else {
            m_partial.append(bytes.sliced(start, newline - start));
            const QByteArray line = std::move(m_partial);
            m_partial.clear();
            ok = takeLine(line, t0Ns, nowNs, onRecord);
        }
        if (!ok)
            return false;
        start = newline + 1;
    }
    m_partial.append(bytes.sliced(start));
    if (m_partial.size() > kMaxLineBytes) {
        ++m_lineNumber;
        return fail(QStringLiteral("a line longer than %1 bytes").arg(kMaxLineBytes));
    }
    return true;
}

void WorkerStream::close()
{
    if (m_phase == Phase::Failed || m_partial.isEmpty())
        return;
    ++m_lineNumber;
    fail(QStringLiteral("the output ends inside a line: '%1'")
             .arg(QString::fromUtf8(m_partial.first(std::min<qsizetype>(m_partial.size(), 80)))));
}

bool WorkerStream::takeLine(QByteArrayView line, std::int64_t t0Ns, std::int64_t nowNs,
                            const RecordSink &onRecord)
{
    ++m_lineNumber;
    const Parsed parsed = WorkerProtocol::parseWorkerLine(line);
    if (!parsed.message)
        return fail(parsed.error);
    const Message &message = *parsed.message;
    if (const auto *error = std::get_if<Error>(&message))
        return fail(QStringLiteral("the worker reports: %1").arg(error->message));
    if (m_phase == Phase::Ended)
        return fail(QStringLiteral("a line after the end line"));
    if (const auto *ready = std::get_if<Ready>(&message)) {
        if (m_phase != Phase::Handshake)
            return fail(QStringLiteral("a second ready line"));
        m_implementation = ready->implementation;
        m_phase = Phase::Ready;
        return true;
    }
    if (m_phase == Phase::Handshake)
        return fail(QStringLiteral("a line before its ready line"));
    if (t0Ns == 0)
        return fail(QStringLiteral("a line before t0"));
    m_phase = Phase::Running;
    if (const auto *progress = std::get_if<Progress>(&message)) {
        if (progress->done > m_slice.size())
            return fail(QStringLiteral("progress of %1 tasks in a slice of %2")
                            .arg(progress->done)
                            .arg(m_slice.size()));
        if (progress->done < m_progressDone || progress->busyNs < m_busyNs)
            return fail(QStringLiteral("progress that went backwards"));
        m_progressDone = progress->done;
        m_busyNs = progress->busyNs;
        return true;
    }
    if (const auto *record = std::get_if<Record>(&message)) {
        if (!markSeen(record->id, "record"))
            return false;
        if (record->resumedNs < t0Ns - kEarlySlackNs)
            return fail(QStringLiteral("task %1 resumed before t0").arg(record->id));
        if (record->doneNs < record->resumedNs)
            return fail(QStringLiteral("task %1 was done before it resumed").arg(record->id));
        if (record->doneNs > nowNs)
            return fail(
                QStringLiteral("task %1 was done later than the parent's clock").arg(record->id));
        ++m_done;
        m_checksum += checksumTerm(record->result);
        m_lastDoneNs = std::max(m_lastDoneNs, record->doneNs);
        if (onRecord)
            onRecord(*record);
        return true;
    }
    if (const auto *failed = std::get_if<Fail>(&message)) {
        if (!markSeen(failed->id, "failure"))
            return false;
        ++m_failed;
        if (m_firstFailure.isEmpty())
            m_firstFailure = QStringLiteral("task %1: %2").arg(failed->id).arg(failed->message);
        return true;
    }
    const End &end = std::get<End>(message);
    if (end.done != m_done || end.failed != m_failed)
        return fail(QStringLiteral("its end line counts %1 done and %2 failed, its lines %3 and %4")
                        .arg(end.done)
                        .arg(end.failed)
                        .arg(m_done)
                        .arg(m_failed));
    if (m_done + m_failed != m_slice.size())
        return fail(QStringLiteral("it ended after %1 of the %2 tasks of its slice")
                        .arg(m_done + m_failed)
                        .arg(m_slice.size()));
    if (end.checksum != m_checksum)
        return fail(QStringLiteral("its checksum %1 is not its records' %2")
                        .arg(checksumHex(end.checksum), checksumHex(m_checksum)));
    m_bytes = end.bytes;
    m_phase = Phase::Ended;
    return true;
}
