// SPDX-License-Identifier: MIT
#pragma once

#include "core/workload/kernel.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <optional>
#include <variant>
#include <vector>

// The lines of `loopbench.worker/1` (resources/doc/worker-protocol.md), both ways: what the
// parent writes to a worker (its slice, t0) and what a worker writes back (ready, progress, one
// record per task, end). Pure functions over one line each; the order of the lines and their
// agreement with the slice are WorkerStream's.
namespace WorkerProtocol {

inline constexpr char kVersion[] = "loopbench.worker/1";
// A longer line is not this protocol's: no message needs more than a message's worth of text.
inline constexpr int kMaxLineBytes = 4096;

// One task of a slice as the parent hands it over: its id in the whole plan, its IO delay, its
// kernel iterations and the kernel's input (TaskPlan::kernelInput()).
struct Task
{
    std::uint32_t id = 0;
    std::uint32_t ioUs = 0;
    std::uint32_t iterations = 0;
    std::uint64_t input = 0;
    friend bool operator==(const Task &, const Task &) = default;
};

// Transport http as a worker needs it: the server and each request's shape.
struct HttpTarget
{
    QByteArray host; // numeric address ("127.0.0.1", "::1")
    std::uint16_t port = 0;
    std::uint32_t responseBytes = 0;
    std::uint32_t timeoutMs = 0;
    friend bool operator==(const HttpTarget &, const HttpTarget &) = default;
};

// What the parent sends before `start`.
struct Slice
{
    Kernel kernel = Kernel::Sum;
    std::optional<HttpTarget> http;
    std::vector<Task> tasks;
};

// Parent to worker. The header is everything before the task lines ("...\ntasks N\n").
QByteArray sliceHeader(Kernel kernel, const std::optional<HttpTarget> &http, std::size_t tasks);
void appendTask(QByteArray &out, const Task &task);
inline constexpr char kStartLine[] = "start\n";
QByteArray t0Line(std::int64_t t0Ns);

// Worker to parent, one line each (without its '\n').
struct Ready
{
    QString implementation; // "CPython 3.11.2 asyncio"
};
struct Progress
{
    std::uint64_t done = 0;
    std::uint64_t busyNs = 0;
};
struct Record
{
    std::uint32_t id = 0;
    std::int64_t resumedNs = 0; // CLOCK_MONOTONIC
    std::int64_t doneNs = 0;    // CLOCK_MONOTONIC
    std::int64_t workNs = 0;    // the kernel's CPU time
    std::uint64_t result = 0;   // kernel result (XOR the body digest, transport http)
};
struct Fail
{
    std::uint32_t id = 0;
    QString message;
};
struct End
{
    std::uint64_t done = 0;
    std::uint64_t failed = 0;
    std::uint64_t checksum = 0;
    std::uint64_t bytes = 0;
};
struct Error
{
    QString message;
};
using Message = std::variant<Ready, Progress, Record, Fail, End, Error>;

QByteArray readyLine(const QString &implementation);
QByteArray progressLine(std::uint64_t done, std::uint64_t busyNs);
void appendRecord(QByteArray &out, const Record &record);
QByteArray endLine(const End &end);

// A worker's line, or why it is not one ("'task 3 12 x 4 5': RESUMED_NS 'x' is not a number").
// `line` excludes its '\n'.
struct Parsed
{
    std::optional<Message> message;
    QString error;
};
Parsed parseWorkerLine(QByteArrayView line);

// The parent's lines, read by a worker: feed them one at a time (without '\n') until complete().
class SliceReader
{
public:
    // Empty when the line was taken; else why not ("line 3: 'kernel md5': ..."). After an error
    // the reader takes nothing more.
    QString addLine(QByteArrayView line);
    bool complete() const { return m_state == State::Complete; }
    const Slice &slice() const { return m_slice; }

private:
    enum class State { Version, Kernel, Transport, Count, Tasks, Start, Complete, Failed };
    QString fail(QByteArrayView line, const QString &why);
    State m_state = State::Version;
    std::uint64_t m_expected = 0;
    std::uint64_t m_lineNumber = 0;
    Slice m_slice;
};

// "t0 NS" → NS, or nullopt.
std::optional<std::int64_t> parseT0(QByteArrayView line);

// Strict protocol numbers: digits only, no leading zeros but "0", at most `max`.
std::optional<std::uint64_t> parseNumber(QByteArrayView text,
                                         std::uint64_t max = ~std::uint64_t{0});

} // namespace WorkerProtocol
