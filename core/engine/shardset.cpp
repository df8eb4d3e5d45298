// SPDX-License-Identifier: MIT
#include "core/engine/shardset.h"

#include "core/engine/runsummary.h"

#include "core/analysis/idealbound.h"
#include "core/analysis/statistics.h"
#include "core/base/clock.h"
#include "core/base/residentpages.h"
#include "core/base/wholenumber.h"
#include "core/net/httpclient.h"
#include "core/system/shardcpugroup.h"
#include "core/workload/taskplan.h"

#include <QThread>

#include <pthread.h>

#include <algorithm>
#include <cstring>
#include <new>
#include <optional>

namespace {

ShardSchedule scheduleFor(const RunConfig &config)
{
    const ShardCpuGroup *window = ShardCpuGroup::windowIfMade();
    return config.schedule.value_or(ThreadSchedule::forRun(
        config.shards, QThread::idealThreadCount(), window && !window->available()));
}

} // namespace

ShardSet::ShardSet(std::shared_ptr<const TaskPlan> plan, RunConfig config, double nsPerIter)
    : m_plan(std::move(plan))
    , m_config(config)
    , m_schedule(scheduleFor(config))
    , m_nsPerIter(nsPerIter)
    , m_timings(std::make_shared<std::vector<TaskTiming>>())
{
    // Written at random places (each task's record, in wake-up order): 2 MiB pages keep those
    // writes to a cache miss each, without a TLB miss on top (ten million tasks: 160 MB).
    m_timings->reserve(m_plan->size());
    ResidentPages::adviseHuge(m_timings->data(), m_plan->size() * sizeof(TaskTiming));
    m_timings->resize(m_plan->size());
    // Every Shard object exists before launch() starts a thread, so that progress() and cancel()
    // on the caller's thread never see the vector change under them.
    const int cpus = QThread::idealThreadCount();
    Shard::Context context{m_plan.get(), m_timings->data(), &m_cancel, m_config.failTask, &m_start};
    context.schedule = m_schedule;
    if (m_config.runtime == Runtime::Stealing) {
        // The run ends when every loop's tasks have ended, not each loop's own: the last task
        // quits them all. QThread::quit() is thread-safe, and before exec() it makes exec()
        // return at once.
        m_readyQueue = std::make_unique<ReadyQueue>(
            m_config.shards, static_cast<std::int64_t>(m_plan->size()), [this] {
                for (auto &shard : m_shards)
                    shard->quit();
            });
        static_assert(RunConfig::kMaxShards <= 65536, "a loop index fits in cpuLoops' 16 bits");
        m_cpuLoops = std::make_shared<std::vector<std::uint16_t>>(m_plan->size());
        context.readyQueue = m_readyQueue.get();
        context.cpuLoops = m_cpuLoops->data();
    }
    if (m_config.http) {
        context.http = &*m_config.http;
        // One (source, destination) address pair has only the local port range's ports (~28,000
        // by default, fewer where an administrator narrowed it): where the plan could hold more
        // than most of them at once with a loopback server, connect from several 127.0.0.x.
        const std::size_t ports = std::size_t(HttpClient::ephemeralPortCount());
        context.spreadSources =
            m_config.http->server.isLoopback() && m_plan->size() > ports * 3 / 4;
    }
    m_shards.reserve(static_cast<std::size_t>(m_config.shards));
    for (int k = 0; k < m_config.shards; ++k) {
        m_shards.push_back(std::make_unique<Shard>(
            k, context, sliceFor(m_config.partition, m_plan->size(), m_config.shards, k),
            m_config.pin ? k % cpus : -1));
    }
}

ShardSet::~ShardSet()
{
    cancel();
    join(ULONG_MAX);
}

namespace {

void *doNothing(void *)
{
    return nullptr;
}

// Why the system refuses a thread. QThread::start() prints pthread_create's error but does not
// return it: ask the same question once more, with the same (default) attributes.
QString threadRefusal()
{
    pthread_t probe;
    const int code = pthread_create(&probe, nullptr, doNothing, nullptr);
    if (code == 0) {
        pthread_join(probe, nullptr);
        return QStringLiteral("the system refused a new thread");
    }
    return QString::fromLocal8Bit(std::strerror(code));
}

} // namespace

void ShardSet::launch(const std::atomic<bool> *stop)
{
    m_startedUtc = QDateTime::currentDateTimeUtc();
    m_launchNs = nowNs();
    auto stopped = [&] {
        if (stop && stop->load())
            m_cancel.store(true);
        return m_cancel.load();
    };
    const int count = static_cast<int>(m_shards.size());
    for (int k = 0; k < count && !stopped(); ++k) {
        Shard &shard = *m_shards[static_cast<std::size_t>(k)];
        shard.start();
        if (!shard.threadStarted()) {
            m_failure = QStringLiteral("could not start thread %1 of %2: %3")
                            .arg(WholeNumber::group(std::uint64_t(k + 1)),
                                 WholeNumber::group(std::uint64_t(count)), threadRefusal());
            break;
        }
        m_started.store(k + 1);
    }
    // Each started loop gets ready once its slice is sorted (most of a second for ten million
    // tasks). Waiting in 10 ms steps keeps a cancel or a signal effective at every moment: it
    // reaches the shards through m_cancel, which their sort looks at.
    for (int k = 0; k < m_started.load() && m_failure.isEmpty() && !stopped(); ++k) {
        while (!m_shards[static_cast<std::size_t>(k)]->waitUntilReady(QDeadlineTimer(10)) &&
               !stopped()) {
        }
    }
    if (!m_failure.isEmpty() || stopped()) {
        cancel(); // t0 was not published: every started shard ends without running a task
        return;
    }
    // One t0 for every shard, taken when all loops run with their slices in hand: thread
    // start-up is not charged to the tasks (it is reported separately as startOverheadMs), and
    // nothing is posted after t0, so K slices do not delay the first task by K wake-ups.
    std::int64_t unpublished = 0;
    if (m_start.compare_exchange_strong(unpublished, nowNs(), std::memory_order_release))
        m_start.notify_all();
    if (m_cancel.load()) // cancel() raced with the publication above
        cancel();
}

void ShardSet::cancel()
{
    m_cancel.store(true);
    // Shards still waiting for t0 wake up and end; a t0 already published stays.
    std::int64_t unpublished = 0;
    if (m_start.compare_exchange_strong(unpublished, Shard::kNoStart, std::memory_order_release))
        m_start.notify_all();
    for (auto &shard : m_shards)
        shard->requestCancel();
}

bool ShardSet::allFinished() const
{
    // A shard whose thread was never started has nothing to finish.
    return std::all_of(m_shards.begin(), m_shards.end(), [](const auto &shard) {
        return !shard->threadStarted() || shard->isFinished();
    });
}

std::int64_t ShardSet::t0Ns() const
{
    const std::int64_t t0 = m_start.load(std::memory_order_acquire);
    return t0 > 0 ? t0 : 0;
}

bool ShardSet::join(unsigned long timeoutMsEach)
{
    bool joined = true;
    for (auto &shard : m_shards)
        joined = shard->wait(timeoutMsEach == ULONG_MAX ? QDeadlineTimer(QDeadlineTimer::Forever)
                                                        : QDeadlineTimer(timeoutMsEach)) &&
                 joined;
    if (joined && m_joinedNs == 0)
        m_joinedNs = nowNs();
    return joined;
}

RunProgress ShardSet::progress() const
{
    RunProgress p;
    p.tasks = static_cast<std::int64_t>(m_plan->size());
    const std::int64_t now = nowNs();
    const std::int64_t t0 = t0Ns();
    p.elapsedNs = t0 ? now - t0 : 0;
    for (const auto &shard : m_shards) {
        p.shardRecentMaxLagNs.push_back(shard->recentMaxLagNs(now));
        p.shardFinished.push_back(shard->tasksFinished());
        p.shardBusyNs.push_back(shard->busyNs());
        p.shardClocks.push_back(shard->cpuClock());
        p.finished += p.shardFinished.back();
    }
    return p;
}

RunResult ShardSet::result()
{
    RunResult r;
    r.shards = m_config.shards;
    r.partition = m_config.partition;
    r.runtime = m_config.runtime;
    r.pinned = m_config.pin;
    r.schedule = m_schedule;
    r.startedUtc = m_startedUtc;
    r.tasks = static_cast<std::int64_t>(m_plan->size());
    r.nsPerIter = m_nsPerIter;
    r.plan = m_plan;
    r.timings = m_timings;
    r.cpuLoops = m_cpuLoops;
    // A run cancelled while its threads started never took t0: it has no start or join overhead.
    const std::int64_t t0 = t0Ns();
    const bool started = t0 != 0;
    r.startOverheadMs = started ? nsToMs(t0 - m_launchNs) : kNaN;

    std::int64_t lastFinishNs = 0;
    std::vector<double> connectNs, firstByteNs, serverLateNs;
    if (m_config.http)
        r.http.emplace();
    // Only shards whose thread ran have anything to report.
    for (int k = 0; k < m_started.load(); ++k) {
        const ShardReport report = m_shards[static_cast<std::size_t>(k)]->report();
        if (r.http) {
            r.http->bytesReceived += report.bytesReceived;
            for (std::size_t f = 0; f < kHttpFailureKinds; ++f)
                r.http->failures[f] += report.httpFailures[f];
            for (const auto &[from, to] : {std::pair{&report.connectUs, &connectNs},
                                           std::pair{&report.firstByteUs, &firstByteNs},
                                           std::pair{&report.serverLateUs, &serverLateNs}}) {
                for (const std::int32_t us : *from)
                    to->push_back(double(us) * 1000.0);
            }
        }
        r.tasksDone += report.tasksDone;
        r.tasksFailed += report.tasksFailed;
        r.tasksMoved += report.tasksMoved;
        r.checksum += report.checksum;
        if (r.error.isEmpty() && !report.error.isEmpty())
            r.error = QStringLiteral("shard-%1: %2").arg(report.index).arg(report.error);
        lastFinishNs = std::max(lastFinishNs, report.finishNs);
        r.perShard.push_back({report.index, report.cpu, report.tasks, report.tasksDone,
                              nsToMs(report.busyNs), nsToMs(report.cpuNs), nsToMs(report.finishNs),
                              report.checksum});
    }
    // Not clamped: every shard stamps its finish before its thread ends, so a negative value
    // would be a bug in the stamps, and it must show.
    r.joinOverheadMs = started ? nsToMs(m_joinedNs - (t0 + lastFinishNs)) : kNaN;
    r.elapsedMs = started ? nsToMs(m_joinedNs - t0) : kNaN;

    if (r.http) {
        // No response at all (a cancel before the first, a server that never answered): the
        // latencies are missing, not 0 ms, which a reused connection's connect time really is.
        auto orMissing = [](std::vector<double> &ns) {
            return ns.empty() ? Percentiles{kNaN, kNaN, kNaN, kNaN} : percentilesMs(ns);
        };
        r.http->connectMs = orMissing(connectNs);
        r.http->firstByteMs = orMissing(firstByteNs);
        r.http->serverLateMs = orMissing(serverLateNs);
    }
    summariseTasks(r, m_cancel, m_failure);
    return r;
}

RunResult failedRun(const std::shared_ptr<const TaskPlan> &plan, RunConfig config, double nsPerIter,
                    QString error)
{
    RunResult r;
    r.status = RunStatus::Failed;
    r.error = std::move(error);
    r.shards = config.shards;
    r.partition = config.partition;
    r.runtime = config.runtime;
    r.pinned = config.pin;
    r.schedule = scheduleFor(config);
    r.startedUtc = QDateTime::currentDateTimeUtc();
    r.tasks = plan ? static_cast<std::int64_t>(plan->size()) : 0;
    r.nsPerIter = nsPerIter;
    r.idealMs = kNaN;
    r.efficiency = kNaN;
    r.plan = plan;
    if (config.http)
        r.http.emplace();
    return r;
}

QString outOfMemoryMessage(std::int64_t tasks, int shards, const char *doing)
{
    return QStringLiteral("out of memory %1 the run of %2 tasks on %3 shard%4")
        .arg(QLatin1String(doing), WholeNumber::group(std::uint64_t(tasks)),
             WholeNumber::group(std::uint64_t(shards)),
             shards == 1 ? QString() : QStringLiteral("s"));
}
