// SPDX-License-Identifier: MIT
#include "app/workermode.h"

#include "app/cliparser.h"
#include "core/base/clock.h"
#include "core/engine/shard.h"
#include "core/net/endpoint.h"
#include "core/runtime/workerprotocol.h"
#include "core/workload/taskplan.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

using WorkerProtocol::End;
using WorkerProtocol::kMaxLineBytes;
using WorkerProtocol::Record;

void writeLine(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, std::size_t(line.size()), stdout);
    std::fflush(stdout);
}

[[noreturn]] void refuse(const QString &why)
{
    writeLine("error " + why.toUtf8() + '\n');
    std::exit(2);
}

// One line of stdin without its '\n'; nullopt at end of file.
std::optional<QByteArray> readLine()
{
    static std::string buffer;
    buffer.clear();
    int c;
    while ((c = std::fgetc(stdin)) != EOF && c != '\n') {
        buffer.push_back(char(c));
        if (buffer.size() > std::size_t(kMaxLineBytes))
            refuse(QStringLiteral("a line longer than %1 bytes").arg(kMaxLineBytes));
    }
    if (c == EOF && buffer.empty())
        return std::nullopt;
    return QByteArray(buffer.data(), qsizetype(buffer.size()));
}

} // namespace

namespace WorkerMode {

bool wanted(const QStringList &args)
{
    return args.size() == 1 && args.first() == u"--worker";
}

int run(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    WorkerProtocol::SliceReader reader;
    while (!reader.complete()) {
        const std::optional<QByteArray> line = readLine();
        if (!line)
            return 1; // the parent is gone before t0
        if (const QString error = reader.addLine(*line); !error.isEmpty())
            refuse(error);
    }
    const WorkerProtocol::Slice &slice = reader.slice();
    const std::size_t n = slice.tasks.size();
    std::vector<std::uint32_t> ioUs(n), iterations(n), ids(n);
    std::vector<std::uint64_t> inputs(n);
    for (std::size_t i = 0; i < n; ++i) {
        ids[i] = slice.tasks[i].id;
        ioUs[i] = slice.tasks[i].ioUs;
        iterations[i] = slice.tasks[i].iterations;
        inputs[i] = slice.tasks[i].input;
    }
    WorkloadSpec spec;
    spec.tasks = int(n);
    spec.kernel = slice.kernel;
    const TaskPlan plan = TaskPlan::fromSlice(spec, std::move(ioUs), std::move(iterations),
                                              std::move(inputs), std::move(ids));
    std::optional<HttpTarget> http;
    if (slice.http) {
        QString error;
        const auto server = Endpoint::read(QStringLiteral("%1:%2")
                                               .arg(QString::fromLatin1(slice.http->host))
                                               .arg(slice.http->port),
                                           &error, false);
        if (!server)
            refuse(error);
        http = HttpTarget{*server, 0, int(slice.http->responseBytes), int(slice.http->timeoutMs)};
    }

    std::vector<TaskTiming> timings(n);
    std::vector<std::uint64_t> results(n, 0);
    std::atomic<bool> cancel{false};
    std::atomic<std::int64_t> t0{0};
    Shard::Context context{&plan, timings.data(), &cancel, -1, &t0};
    context.http = http ? &*http : nullptr;
    context.results = results.data();
    Shard shard(0, context, Slice{0, std::uint32_t(n), 1});
    shard.start();
    shard.waitUntilReady();
    writeLine(WorkerProtocol::readyLine(
        // "loopbench 0.1.0 Qt 6.4.2 (one event loop)": the version --version prints (the
        // application's own version is not set in worker mode, which wrote "loopbench  Qt").
        QStringLiteral("%1 Qt %2 (one event loop)")
            .arg(CliParser::version().trimmed(), QString::fromLatin1(qVersion()))));
    const std::optional<QByteArray> t0Text = readLine();
    const std::optional<std::int64_t> start =
        t0Text ? WorkerProtocol::parseT0(*t0Text) : std::nullopt;
    if (!start) {
        // Cancelled (or the parent died) before t0: the shard ends without running a task.
        cancel.store(true);
        t0.store(Shard::kNoStart);
        t0.notify_all();
        shard.requestCancel();
        shard.wait();
        return 1;
    }
    t0.store(*start, std::memory_order_release);
    t0.notify_all();
    // Four progress lines a second, from this thread: the shard's loop never writes.
    while (!shard.wait(QDeadlineTimer(250)))
        writeLine(WorkerProtocol::progressLine(std::uint64_t(shard.tasksFinished()),
                                               std::uint64_t(shard.busyNs())));
    const ShardReport report = shard.report();
    End end;
    QByteArray out;
    out.reserve(qsizetype(n) * 64);
    for (std::size_t i = 0; i < n; ++i) {
        const TaskTiming &t = timings[i];
        if (t.doneNs < 0) {
            out += "fail " + QByteArray::number(plan.taskId(i)) + ' ' +
                   (report.error.isEmpty() ? QByteArray("did not complete")
                                           : report.error.toUtf8().replace('\n', ' ')) +
                   '\n';
            ++end.failed;
            continue;
        }
        WorkerProtocol::appendRecord(out,
                                     Record{plan.taskId(i), *start + t.resumedNs, *start + t.doneNs,
                                            std::max<std::int64_t>(0, t.workNs), results[i]});
        end.checksum += checksumTerm(results[i]);
        ++end.done;
    }
    end.bytes = std::uint64_t(report.bytesReceived);
    out += WorkerProtocol::progressLine(end.done + end.failed, std::uint64_t(report.busyNs));
    out += WorkerProtocol::endLine(end);
    writeLine(out);
    return 0;
}

} // namespace WorkerMode
