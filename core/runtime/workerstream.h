// SPDX-License-Identifier: MIT
#pragma once

#include "core/runtime/workerprotocol.h"
#include "core/workload/partition.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <functional>
#include <vector>

// One worker's output, checked as it arrives: bytes are cut into lines, each line must parse
// (WorkerProtocol::parseWorkerLine) and come in the protocol's order (ready, then after t0
// progress/task/fail lines, then end, then nothing), and its records must fit the worker's
// slice: ids of the slice only, each once, times after t0 and not after the parent's clock, an
// end line whose counts and checksum match the lines before it. The first violation is kept
// (error()) and nothing further is taken: the run fails on it.
class WorkerStream
{
public:
    using RecordSink = std::function<void(const WorkerProtocol::Record &)>;
    enum class Phase { Handshake, Ready, Running, Ended, Failed };

    explicit WorkerStream(Slice slice);

    // Feeds bytes read from the worker's stdout. `t0Ns` is 0 until the parent published t0;
    // `nowNs` is the parent's clock when the bytes were read. Records go to `onRecord` as they
    // are taken. False once the stream has failed.
    bool feed(QByteArrayView bytes, std::int64_t t0Ns, std::int64_t nowNs,
              const RecordSink &onRecord);
    // The worker's stdout reached end of file: a partial line is a truncated record.
    void close();

    Phase phase() const { return m_phase; }
    const QString &error() const { return m_error; } // "line 12: ..."; empty while fine
    const QString &implementation() const { return m_implementation; }
    std::uint64_t tasksDone() const { return m_done; }
    std::uint64_t tasksFailed() const { return m_failed; }
    std::uint64_t checksum() const { return m_checksum; } // of the records taken
    std::uint64_t bytesReceived() const { return m_bytes; }
    std::uint64_t progressDone() const { return m_progressDone; }
    std::uint64_t busyNs() const { return m_busyNs; }
    const QString &firstTaskFailure() const { return m_firstFailure; } // "task 3: ..."
    std::int64_t lastRecordDoneNs() const { return m_lastDoneNs; }     // CLOCK_MONOTONIC, or 0

private:
    bool takeLine(QByteArrayView line, std::int64_t t0Ns, std::int64_t nowNs,
                  const RecordSink &onRecord);
    bool fail(const QString &why);
    // The slot of `id` in the slice, or -1 when the slice does not hold it.
    std::int64_t slotOf(std::uint32_t id) const;
    bool markSeen(std::uint32_t id, const char *what);

    ::Slice m_slice;
    std::vector<bool> m_seen; // by slot
    QByteArray m_partial;     // bytes of a line not yet ended
    std::uint64_t m_lineNumber = 0;
    Phase m_phase = Phase::Handshake;
    QString m_error;
    QString m_implementation;
    std::uint64_t m_done = 0;
    std::uint64_t m_failed = 0;
    std::uint64_t m_checksum = 0;
    std::uint64_t m_bytes = 0;
    std::uint64_t m_progressDone = 0;
    std::uint64_t m_busyNs = 0;
    std::int64_t m_lastDoneNs = 0;
    QString m_firstFailure;
};
