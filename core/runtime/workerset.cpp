// SPDX-License-Identifier: MIT
#include "core/runtime/workerset.h"

#include "core/base/clock.h"
#include "core/workload/taskplan.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

// The slice is written in pieces of this many bytes at most: a ten-million-task slice is 400 MB
// of text, never held whole.
constexpr qsizetype kWriteChunk = 256 * 1024;
// Bytes of a worker's stderr kept to quote when it fails: its last lines say why.
constexpr qsizetype kStderrTail = 2048;
// After SIGTERM a worker has this long to end before SIGKILL (the protocol gives it 100 ms).
constexpr std::int64_t kTermGraceNs = 100'000'000;

void setNonBlocking(int fd)
{
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

void closeFd(int &fd)
{
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

QString secondsText(std::int64_t ns)
{
    return QString::number(double(ns) / 1e9, 'f', ns % 1'000'000'000 == 0 ? 0 : 1);
}

// The last non-empty line of a worker's stderr (a traceback's last line names the problem).
QString lastLineOf(const QByteArray &text)
{
    const QList<QByteArray> lines = text.trimmed().split('\n');
    return lines.isEmpty() ? QString() : QString::fromUtf8(lines.last().trimmed());
}

} // namespace

struct WorkerSet::Worker
{
    explicit Worker(Slice s)
        : slice(s)
        , stream(s)
    {}
    Slice slice;
    WorkerStream stream;
    pid_t pid = -1;
    int in = -1;
    int out = -1;
    int err = -1;
    QByteArray pending; // bytes to write to stdin, from pendingAt on
    qsizetype pendingAt = 0;
    std::size_t nextTask = 0; // the next slice position to encode
    bool headerQueued = false;
    bool startQueued = false;
    bool t0Queued = false;
    QByteArray stderrTail;
    std::int64_t spawnedNs = 0;
    std::int64_t readyNs = 0;
    std::int64_t lastOutputNs = 0;
    bool reaped = false;
    int status = 0;
    rusage usage{};
    std::int64_t exitNs = 0;
    std::atomic<std::int64_t> finished{0};
    std::atomic<std::int64_t> busy{0};
    std::atomic<clockid_t> clock{CLOCK_THREAD_CPUTIME_ID}; // "none" to LoadSampler
};

WorkerSet::WorkerSet(std::shared_ptr<const TaskPlan> plan, std::vector<Slice> slices,
                     Options options)
    : m_plan(std::move(plan))
    , m_slices(std::move(slices))
    , m_options(std::move(options))
{
    m_workers.reserve(m_slices.size());
    for (const Slice &slice : m_slices)
        m_workers.push_back(std::make_unique<Worker>(slice));
}

WorkerSet::~WorkerSet()
{
    endAll();
}

QString WorkerSet::name(int k) const
{
    return QStringLiteral("%1 worker %2 of %3").arg(m_options.runtime).arg(k + 1).arg(count());
}

QString WorkerSet::programProblem(const QString &program)
{
    const QFileInfo info(program);
    if (program.isEmpty())
        return QStringLiteral("no program given");
    if (!info.exists())
        return QStringLiteral("'%1' does not exist").arg(program);
    if (!info.isFile() || !info.isExecutable())
        return QStringLiteral("'%1' is not an executable file").arg(program);
    return {};
}

std::int64_t WorkerSet::tasksFinished(int worker) const
{
    return m_workers[std::size_t(worker)]->finished.load(std::memory_order_relaxed);
}

std::int64_t WorkerSet::busyNs(int worker) const
{
    return m_workers[std::size_t(worker)]->busy.load(std::memory_order_relaxed);
}

clockid_t WorkerSet::cpuClock(int worker) const
{
    return m_workers[std::size_t(worker)]->clock.load(std::memory_order_relaxed);
}

bool WorkerSet::spawn(int k)
{
    Worker &w = *m_workers[std::size_t(k)];
    if (const QString problem = programProblem(m_options.command.program); !problem.isEmpty()) {
        failWorker(k, QStringLiteral("cannot start: %1").arg(problem));
        return false;
    }
    // Everything the child needs is made before fork(): after it, in a process with threads, the
    // child may only make async-signal-safe calls.
    std::vector<QByteArray> args{QFile::encodeName(m_options.command.program)};
    for (const QString &a : m_options.command.arguments)
        args.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    // stdin is a socket so that writing to a worker that died fails with EPIPE instead of
    // raising SIGPIPE in LoopBench (MSG_NOSIGNAL exists for sockets only).
    int inPair[2] = {-1, -1};
    int outPipe[2] = {-1, -1};
    int errPipe[2] = {-1, -1};
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, inPair) != 0 ||
        pipe2(outPipe, O_CLOEXEC) != 0 || pipe2(errPipe, O_CLOEXEC) != 0) {
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        for (int *fd : {&inPair[0], &inPair[1], &outPipe[0], &outPipe[1], &errPipe[0], &errPipe[1]})
            closeFd(*fd);
        failWorker(k, QStringLiteral("cannot start: %1").arg(why));
        return false;
    }
    const pid_t parent = getpid();
    w.spawnedNs = nowNs();
    const pid_t pid = fork();
    if (pid == 0) {
        // The worker dies with the thread that forked it (a kill -9 of LoopBench included); if
        // LoopBench died before this line, the worker ends here.
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent)
            _exit(127);
        setpgid(0, 0);
        dup2(inPair[1], 0);
        dup2(outPipe[1], 1);
        dup2(errPipe[1], 2);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, nullptr);
        struct sigaction dfl
        {};
        dfl.sa_handler = SIG_DFL;
        for (int sig : {SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGQUIT})
            sigaction(sig, &dfl, nullptr);
        syscall(SYS_close_range, 3U, ~0U, 0U);
        execv(argv[0], argv.data());
        static const char message[] = "error could not execute the worker program\n";
        [[maybe_unused]] const ssize_t written = write(1, message, sizeof message - 1);
        _exit(127);
    }
    const int forkErrno = errno;
    closeFd(inPair[1]);
    closeFd(outPipe[1]);
    closeFd(errPipe[1]);
    if (pid < 0) {
        closeFd(inPair[0]);
        closeFd(outPipe[0]);
        closeFd(errPipe[0]);
        failWorker(k, QStringLiteral("cannot start: %1")
                          .arg(QString::fromLocal8Bit(std::strerror(forkErrno))));
        return false;
    }
    w.pid = pid;
    w.in = inPair[0];
    w.out = outPipe[0];
    w.err = errPipe[0];
    for (int fd : {w.in, w.out, w.err})
        setNonBlocking(fd);
    clockid_t clock;
    if (clock_getcpuclockid(pid, &clock) == 0)
        w.clock.store(clock);
    return true;
}

void WorkerSet::fill(Worker &w)
{
    using namespace WorkerProtocol;
    if (w.pendingAt == w.pending.size()) {
        w.pending.clear();
        w.pendingAt = 0;
    }
    if (!w.headerQueued) {
        w.pending += sliceHeader(m_options.kernel, m_options.http, w.slice.size());
        w.headerQueued = true;
    }
    while (w.nextTask < w.slice.size() && w.pending.size() - w.pendingAt < kWriteChunk) {
        const std::uint32_t id = w.slice.at(w.nextTask++);
        appendTask(w.pending,
                   Task{id, m_plan->ioUs(id), m_plan->iterations(id), m_plan->kernelInput(id)});
    }
    if (w.nextTask == w.slice.size() && !w.startQueued) {
        w.pending += kStartLine;
        w.startQueued = true;
    }
}

bool WorkerSet::writeSome(int k)
{
    Worker &w = *m_workers[std::size_t(k)];
    while (w.in >= 0) {
        if (w.pendingAt == w.pending.size() && !w.startQueued)
            fill(w);
        if (w.pendingAt == w.pending.size()) {
            if (w.t0Queued)
                closeFd(w.in); // all said: the worker needs nothing more
            return true;
        }
        const ssize_t n =
            ::send(w.in, w.pending.constData() + w.pendingAt,
                   std::size_t(w.pending.size() - w.pendingAt), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0) {
            w.pendingAt += n;
            if (w.pendingAt == w.pending.size()) {
                w.pending.clear();
                w.pendingAt = 0;
            }
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return true;
        if (n < 0 && errno == EINTR)
            continue;
        // The worker closed its stdin or died: its exit (or its output) says why.
        closeFd(w.in);
        return false;
    }
    return false;
}

void WorkerSet::readSome(int k, int fd, const RecordSink &onRecord)
{
    Worker &w = *m_workers[std::size_t(k)];
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return; // EAGAIN: nothing more now
        if (fd == w.err) {
            if (n == 0) {
                closeFd(w.err);
                return;
            }
            w.stderrTail.append(buffer, n);
            if (w.stderrTail.size() > kStderrTail)
                w.stderrTail.remove(0, w.stderrTail.size() - kStderrTail);
            continue;
        }
        const std::int64_t now = nowNs();
        if (n == 0) {
            w.stream.close();
            closeFd(w.out);
            return;
        }
        w.lastOutputNs = now;
        const WorkerStream::Phase before = w.stream.phase();
        w.stream.feed(QByteArrayView(buffer, n), m_t0.load(), now,
                      [&](const WorkerProtocol::Record &r) {
                          if (onRecord)
                              onRecord(k, r);
                      });
        if (before == WorkerStream::Phase::Handshake &&
            w.stream.phase() != WorkerStream::Phase::Handshake)
            w.readyNs = now;
        w.finished.store(std::int64_t(std::max(w.stream.progressDone(),
                                               w.stream.tasksDone() + w.stream.tasksFailed())),
                         std::memory_order_relaxed);
        w.busy.store(std::int64_t(w.stream.busyNs()), std::memory_order_relaxed);
        if (w.stream.phase() == WorkerStream::Phase::Failed)
            return;
    }
}

void WorkerSet::reap(int k, bool block)
{
    Worker &w = *m_workers[std::size_t(k)];
    if (w.pid < 0 || w.reaped)
        return;
    int status = 0;
    rusage usage{};
    pid_t got;
    do {
        got = wait4(w.pid, &status, block ? 0 : WNOHANG, &usage);
    } while (got < 0 && errno == EINTR);
    if (got == w.pid) {
        w.reaped = true;
        w.status = status;
        w.usage = usage;
        w.exitNs = nowNs();
        w.clock.store(CLOCK_THREAD_CPUTIME_ID); // a reaped process has no clock to read
    }
}

void WorkerSet::failWorker(int k, const QString &why)
{
    if (m_failure.isEmpty())
        m_failure = QStringLiteral("%1: %2").arg(name(k), why);
}

void WorkerSet::endAll()
{
    // SIGTERM to each worker's process group, SIGKILL to those still there 100 ms later: every
    // worker has ended when this returns.
    bool anyRunning = false;
    for (auto &w : m_workers) {
        if (w->pid > 0 && !w->reaped) {
            ::kill(-w->pid, SIGTERM);
            anyRunning = true;
        }
    }
    const std::int64_t deadline = nowNs() + kTermGraceNs;
    while (anyRunning && nowNs() < deadline) {
        anyRunning = false;
        for (int k = 0; k < count(); ++k) {
            reap(k, false);
            anyRunning = anyRunning ||
                         (m_workers[std::size_t(k)]->pid > 0 && !m_workers[std::size_t(k)]->reaped);
        }
        if (anyRunning)
            usleep(1000);
    }
    for (int k = 0; k < count(); ++k) {
        Worker &w = *m_workers[std::size_t(k)];
        if (w.pid > 0 && !w.reaped) {
            ::kill(-w.pid, SIGKILL);
            reap(k, true);
        }
        closeFd(w.in);
        closeFd(w.out);
        closeFd(w.err);
    }
}

void WorkerSet::run(const std::atomic<bool> *stop, const RecordSink &onRecord)
{
    auto cancelled = [&] { return m_cancel.load() || (stop && stop->load()); };
    m_spawnNs = nowNs();
    for (int k = 0; k < count() && !cancelled(); ++k) {
        if (!spawn(k))
            break;
        writeSome(k);
    }
    std::vector<pollfd> fds;
    std::vector<int> owner;
    while (m_failure.isEmpty()) {
        if (cancelled()) {
            m_cancelled = true;
            break;
        }
        fds.clear();
        owner.clear();
        bool allDone = true;
        for (int k = 0; k < count(); ++k) {
            Worker &w = *m_workers[std::size_t(k)];
            if (w.out >= 0) {
                fds.push_back({w.out, POLLIN, 0});
                owner.push_back(k);
            }
            if (w.err >= 0) {
                fds.push_back({w.err, POLLIN, 0});
                owner.push_back(k);
            }
            if (w.in >= 0 && (w.pendingAt < w.pending.size() || !w.startQueued)) {
                fds.push_back({w.in, POLLOUT, 0});
                owner.push_back(k);
            }
            allDone = allDone && w.reaped && w.out < 0 && w.err < 0;
        }
        if (allDone)
            break;
        // 10 ms: a cancel and a dead worker are seen within it; an idle wake-up costs nothing.
        poll(fds.data(), nfds_t(fds.size()), 10);
        for (std::size_t i = 0; i < fds.size(); ++i) {
            if (fds[i].revents == 0)
                continue;
            const int k = owner[i];
            if (fds[i].events & POLLOUT)
                writeSome(k);
            else
                readSome(k, fds[i].fd, onRecord);
        }
        const std::int64_t now = nowNs();
        bool allReady = true;
        for (int k = 0; k < count() && m_failure.isEmpty(); ++k) {
            Worker &w = *m_workers[std::size_t(k)];
            reap(k, false);
            const WorkerStream::Phase phase = w.stream.phase();
            if (phase == WorkerStream::Phase::Failed) {
                failWorker(k, w.stream.error());
            } else if (w.reaped && w.out < 0 && w.err < 0 &&
                       (phase != WorkerStream::Phase::Ended || w.status != 0)) {
                QString how;
                if (WIFSIGNALED(w.status))
                    how = QStringLiteral("was killed by signal %1 (%2)")
                              .arg(WTERMSIG(w.status))
                              .arg(QString::fromLocal8Bit(strsignal(WTERMSIG(w.status))));
                else if (WEXITSTATUS(w.status) != 0)
                    how = QStringLiteral("exited with status %1").arg(WEXITSTATUS(w.status));
                else
                    how = QStringLiteral("exited");
                if (phase != WorkerStream::Phase::Ended)
                    how += phase == WorkerStream::Phase::Handshake
                               ? QStringLiteral(" before its ready line")
                               : QStringLiteral(" before its end line");
                const QString said = lastLineOf(w.stderrTail);
                failWorker(k, said.isEmpty() ? how : QStringLiteral("%1: %2").arg(how, said));
            } else if (phase == WorkerStream::Phase::Handshake && !w.reaped) {
                const std::int64_t limit =
                    m_options.readyBaseNs + m_options.readyPerTaskNs * std::int64_t(w.slice.size());
                if (now - w.spawnedNs > limit)
                    failWorker(k, QStringLiteral("did not answer the handshake (no ready line "
                                                 "within %1 s)")
                                      .arg(secondsText(limit)));
            } else if (m_t0.load() != 0 && phase != WorkerStream::Phase::Ended && !w.reaped &&
                       now - std::max(w.lastOutputNs, m_t0.load()) > m_options.silenceLimitNs) {
                failWorker(k, QStringLiteral("hangs: no line for %1 s while %2 of its %3 tasks "
                                             "are not done")
                                  .arg(secondsText(m_options.silenceLimitNs))
                                  .arg(w.slice.size() - w.stream.tasksDone())
                                  .arg(w.slice.size()));
            }
            allReady = allReady && phase != WorkerStream::Phase::Handshake;
        }
        if (m_failure.isEmpty() && allReady && m_t0.load() == 0) {
            m_readyNs = nowNs();
            const std::int64_t t0 = m_readyNs + m_options.t0LeadNs;
            m_t0.store(t0);
            for (int k = 0; k < count(); ++k) {
                Worker &w = *m_workers[std::size_t(k)];
                if (w.pendingAt == w.pending.size()) {
                    w.pending.clear();
                    w.pendingAt = 0;
                }
                w.pending += WorkerProtocol::t0Line(t0);
                w.t0Queued = true;
                writeSome(k);
            }
        }
    }
    endAll();
    m_endedNs = nowNs();
    m_outcomes.clear();
    for (const auto &w : m_workers) {
        Outcome o;
        o.pid = w->pid;
        o.implementation = w->stream.implementation();
        o.readyNs = w->readyNs > 0 ? w->readyNs - w->spawnedNs : 0;
        o.exitNs = w->exitNs;
        o.cpuNs =
            (std::int64_t(w->usage.ru_utime.tv_sec) + w->usage.ru_stime.tv_sec) * 1'000'000'000 +
            (std::int64_t(w->usage.ru_utime.tv_usec) + w->usage.ru_stime.tv_usec) * 1000;
        o.peakRssKb = w->reaped ? w->usage.ru_maxrss : -1;
        o.tasksDone = w->stream.tasksDone();
        o.tasksFailed = w->stream.tasksFailed();
        o.checksum = w->stream.checksum();
        o.bytesReceived = w->stream.bytesReceived();
        o.lastDoneNs = w->stream.lastRecordDoneNs();
        o.firstTaskFailure = w->stream.firstTaskFailure();
        m_outcomes.push_back(o);
    }
}
