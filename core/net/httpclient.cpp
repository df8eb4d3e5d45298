// SPDX-License-Identifier: MIT
#include "core/net/httpclient.h"

#include "core/base/clock.h"

#include <QFile>
#include <QList>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <string_view>

namespace {

// 64 KiB: a 4 KiB response and its head in one read, a large one in few.
constexpr std::size_t kBufferBytes = 64 * 1024;
// How often exchanges past their deadline are looked for. Timeouts are seconds long; 50 ms
// late is well inside their meaning, and a sweep of 10,000 exchanges costs ~10 us.
constexpr int kSweepMs = 50;

bool startsWithNoCase(std::string_view text, std::string_view prefix)
{
    if (text.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if (c != prefix[i])
            return false;
    }
    return true;
}

bool readNumber(std::string_view text, std::int64_t *value)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    const auto r = std::from_chars(text.data(), text.data() + text.size(), *value);
    return r.ec == std::errc() && r.ptr == text.data() + text.size() && *value >= 0;
}

} // namespace

int HttpClient::ephemeralPortCount()
{
    QFile file(QStringLiteral("/proc/sys/net/ipv4/ip_local_port_range"));
    if (file.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> ends = file.readAll().simplified().split(' ');
        bool ok1 = false, ok2 = false;
        const int low = ends.value(0).toInt(&ok1);
        const int high = ends.value(1).toInt(&ok2);
        if (ok1 && ok2 && high >= low)
            return high - low + 1;
    }
    return 60999 - 32768 + 1;
}

HttpClient::HttpClient(HttpTarget target, bool spreadSources, QObject *parent)
    : QObject(parent)
    , m_target(target)
    , m_spreadSources(spreadSources)
    , m_buffer(new char[kBufferBytes])
{
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    if (m_epoll >= 0) {
        m_notifier = std::make_unique<QSocketNotifier>(m_epoll, QSocketNotifier::Read);
        connect(m_notifier.get(), &QSocketNotifier::activated, this, &HttpClient::onReady);
    }
    m_sweep.setInterval(kSweepMs);
    connect(&m_sweep, &QTimer::timeout, this, &HttpClient::sweepTimeouts);
}

HttpClient::~HttpClient()
{
    for (Exchange *e : m_inFlight) {
        if (e->m_connection && !e->m_connection->pooled)
            closeConnection(e->m_connection);
    }
    for (const auto &c : m_pool)
        closeConnection(c.get());
    m_notifier.reset();
    if (m_epoll >= 0)
        close(m_epoll);
}

bool HttpClient::Exchange::await_suspend(std::coroutine_handle<> handle)
{
    m_handle = handle;
    return m_client->begin(this);
}

void HttpClient::track(Exchange *exchange)
{
    exchange->m_slot = m_inFlight.size();
    m_inFlight.push_back(exchange);
    if (!m_sweep.isActive())
        m_sweep.start();
}

void HttpClient::untrack(Exchange *exchange)
{
    // Swap-remove: O(1) for each of ten thousand exchanges ending.
    Exchange *last = m_inFlight.back();
    m_inFlight[exchange->m_slot] = last;
    last->m_slot = exchange->m_slot;
    m_inFlight.pop_back();
    if (m_inFlight.empty())
        m_sweep.stop();
}

bool HttpClient::begin(Exchange *exchange)
{
    exchange->m_startNs = nowNs();
    HttpFailure failure = HttpFailure::Error;
    if (m_epoll < 0) {
        exchange->m_failure = failure;
        return false;
    }
    Connection *connection = nullptr;
    if (m_target.connections == 0) {
        connection = &exchange->m_own;
    } else if (!m_idle.empty()) {
        connection = m_idle.back();
        m_idle.pop_back();
    } else if (m_pool.size() < static_cast<std::size_t>(m_target.connections)) {
        m_pool.push_back(std::make_unique<Connection>());
        connection = m_pool.back().get();
        connection->pooled = true;
    } else {
        m_queued.push_back(exchange);
        return true;
    }
    connection->current = exchange;
    exchange->m_connection = connection;
    if (connection->fd < 0 && !openConnection(connection, exchange->m_task, &failure)) {
        connection->current = nullptr;
        if (connection->pooled)
            release(connection, false);
        exchange->m_connection = nullptr;
        exchange->m_failure = failure;
        return false;
    }
    track(exchange);
    if (connection->connected) {
        exchange->m_connectedNs = exchange->m_startNs;
        if (!sendRequest(exchange) &&
            !(mayRetry(exchange, exchange->m_failure) && reconnect(exchange))) {
            // Ended before it suspended: the caller resumes it (await_suspend returns false), so
            // this does what finish() does except the resume.
            untrack(exchange);
            connection = exchange->m_connection;
            connection->current = nullptr;
            exchange->m_connection = nullptr;
            closeConnection(connection);
            if (connection->pooled)
                release(connection, false);
            return false;
        }
    }
    return true;
}

bool HttpClient::openConnection(Connection *connection, std::uint32_t task, HttpFailure *failure)
{
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *failure = HttpFailure::Error;
        return false;
    }
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (m_spreadSources) {
        // The port is chosen at connect(), per (source, destination) pair: each source address
        // brings its own ~28,000 ephemeral ports.
        setsockopt(fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof one);
        sockaddr_in source{};
        source.sin_family = AF_INET;
        source.sin_addr.s_addr = htonl(0x7f000001 + task % kSourceAddresses);
        bind(fd, reinterpret_cast<sockaddr *>(&source), sizeof source);
    }
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(m_target.server.address);
    addr.sin_port = htons(m_target.server.port);
    const int rc = ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    if (rc != 0 && errno != EINPROGRESS) {
        *failure = httpFailureOfErrno(errno);
        close(fd);
        return false;
    }
    connection->fd = fd;
    connection->connected = rc == 0;
    epoll_event ev{};
    // Edge-triggered: one registration for the connection's life, each readiness reported once.
    ev.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
    ev.data.ptr = connection;
    if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev) != 0) {
        *failure = HttpFailure::Error;
        close(fd);
        connection->fd = -1;
        return false;
    }
    return true;
}

bool HttpClient::sendRequest(Exchange *exchange)
{
    // The server counts the delay from the request's arrival: send what is left of the planned
    // one, so that the response is due at t0 + io whatever connecting cost.
    const std::int64_t now = nowNs();
    const std::int64_t delayUs = std::max<std::int64_t>(0, exchange->m_dueNs - now) / 1000;
    exchange->m_deadlineNs = now + delayUs * 1000 + std::int64_t{m_target.timeoutMs} * 1'000'000;
    char request[200];
    const int n =
        std::snprintf(request, sizeof request,
                      "GET /task/%u?delay_us=%lld&bytes=%d HTTP/1.1\r\nHost: loopbench\r\n"
                      "%s\r\n",
                      exchange->m_task, static_cast<long long>(delayUs), m_target.responseBytes,
                      exchange->m_connection->pooled ? "" : "Connection: close\r\n");
    // A request this small always fits an empty socket buffer: one send, never a partial one.
    const ssize_t sent =
        send(exchange->m_connection->fd, request, static_cast<std::size_t>(n), MSG_NOSIGNAL);
    if (sent == n)
        return true;
    exchange->m_failure = sent < 0 ? httpFailureOfErrno(errno) : HttpFailure::Error;
    return false;
}

bool HttpClient::mayRetry(const Exchange *exchange, HttpFailure failure) const
{
    const Connection *c = exchange->m_connection;
    return c && c->pooled && c->served > 0 && !exchange->m_retried &&
           exchange->m_firstByteNs == 0 && exchange->m_headBytes == 0 &&
           (failure == HttpFailure::Truncated || failure == HttpFailure::Reset);
}

bool HttpClient::reconnect(Exchange *exchange)
{
    Connection *connection = exchange->m_connection;
    closeConnection(connection);
    exchange->m_retried = true;
    HttpFailure failure = HttpFailure::Error;
    if (!openConnection(connection, exchange->m_task, &failure)) {
        exchange->m_failure = failure;
        return false;
    }
    if (!connection->connected)
        return true; // onEvent sends the request once connected
    exchange->m_connectedNs = nowNs();
    return sendRequest(exchange);
}

void HttpClient::failOrRetry(Exchange *exchange, HttpFailure failure)
{
    if (mayRetry(exchange, failure)) {
        if (reconnect(exchange))
            return;
        failure = exchange->m_failure;
    }
    finish(exchange, failure);
}

void HttpClient::onReady()
{
    epoll_event events[256];
    for (;;) {
        const int n = epoll_wait(m_epoll, events, 256, 0);
        if (n <= 0)
            return;
        for (int i = 0; i < n; ++i)
            onEvent(static_cast<Connection *>(events[i].data.ptr), events[i].events);
        if (n < 256)
            return;
    }
}

void HttpClient::onEvent(Connection *connection, std::uint32_t events)
{
    Exchange *exchange = connection->current;
    if (!exchange) {
        // An idle pooled connection that became readable: the server closed it (keep-alive
        // timeout, or it went away). The next exchange gets a new one.
        if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) {
            closeConnection(connection);
            m_idle.erase(std::find(m_idle.begin(), m_idle.end(), connection));
            release(connection, false);
        }
        return;
    }
    if (!connection->connected) {
        if (!(events & (EPOLLOUT | EPOLLERR | EPOLLHUP)))
            return;
        int error = 0;
        socklen_t len = sizeof error;
        getsockopt(connection->fd, SOL_SOCKET, SO_ERROR, &error, &len);
        if (error != 0) {
            finish(exchange, httpFailureOfErrno(error));
            return;
        }
        connection->connected = true;
        exchange->m_connectedNs = nowNs();
        if (!sendRequest(exchange)) {
            finish(exchange, exchange->m_failure);
            return;
        }
    }
    if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))
        readResponse(exchange);
}

void HttpClient::readResponse(Exchange *exchange)
{
    const int fd = exchange->m_connection->fd;
    char *buffer = m_buffer.get();
    for (;;) {
        const ssize_t got = recv(fd, buffer, kBufferBytes, 0);
        if (got < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                return;
            if (errno == EINTR)
                continue;
            failOrRetry(exchange, httpFailureOfErrno(errno));
            return;
        }
        if (got == 0) {
            failOrRetry(exchange, HttpFailure::Truncated);
            return;
        }
        if (exchange->m_firstByteNs == 0)
            exchange->m_firstByteNs = nowNs();
        std::size_t used = 0;
        const auto n = static_cast<std::size_t>(got);
        if (exchange->m_bodyLeft < 0) {
            if (!parseHead(exchange, buffer, n, &used)) {
                finish(exchange, HttpFailure::BadResponse);
                return;
            }
            if (exchange->m_bodyLeft < 0)
                continue; // the head goes on in the next read
        }
        const std::size_t body =
            std::min<std::size_t>(n - used, static_cast<std::size_t>(exchange->m_bodyLeft));
        exchange->m_body.add(buffer + used, body);
        exchange->m_bodyLeft -= static_cast<std::int64_t>(body);
        if (exchange->m_bodyLeft == 0) {
            finish(exchange, HttpFailure::None);
            return;
        }
    }
}

bool HttpClient::parseHead(Exchange *exchange, const char *data, std::size_t n, std::size_t *used)
{
    // Append to the head until its blank line; a head over 256 bytes is not LoopBench's.
    std::size_t taken = 0;
    while (taken < n) {
        if (exchange->m_headBytes == sizeof exchange->m_head)
            return false;
        exchange->m_head[exchange->m_headBytes++] = data[taken++];
        const std::size_t h = exchange->m_headBytes;
        if (h >= 4 && std::memcmp(exchange->m_head + h - 4, "\r\n\r\n", 4) == 0)
            break;
    }
    *used = taken;
    const std::size_t h = exchange->m_headBytes;
    if (h < 4 || std::memcmp(exchange->m_head + h - 4, "\r\n\r\n", 4) != 0)
        return true; // not complete yet
    std::string_view head(exchange->m_head, h - 4);
    if (!(head.substr(0, 13) == "HTTP/1.1 200 " || head.substr(0, 13) == "HTTP/1.0 200 " ||
          head == "HTTP/1.1 200" || head.substr(0, 14) == "HTTP/1.1 200\r\n"))
        return false;
    if (head.substr(0, 8) == "HTTP/1.0")
        exchange->m_closeAfter = true;
    std::int64_t length = -1;
    std::size_t at = head.find("\r\n");
    while (at != std::string_view::npos) {
        const std::size_t next = head.find("\r\n", at + 2);
        const std::string_view line = head.substr(
            at + 2, next == std::string_view::npos ? std::string_view::npos : next - at - 2);
        std::int64_t value = 0;
        if (startsWithNoCase(line, "content-length:")) {
            // Two different lengths: which one frames the body cannot be known (RFC 9112 6.3).
            if (!readNumber(line.substr(15), &value) || (length >= 0 && value != length))
                return false;
            length = value;
        } else if (startsWithNoCase(line, "x-late-us:")) {
            if (readNumber(line.substr(10), &value))
                exchange->m_serverLateUs = value;
        } else if (startsWithNoCase(line, "connection:")) {
            if (line.find("close") != std::string_view::npos)
                exchange->m_closeAfter = true;
        }
        at = next;
    }
    if (length < 0)
        return false;
    exchange->m_bodyLeft = length;
    return true;
}

void HttpClient::finish(Exchange *exchange, HttpFailure failure)
{
    untrack(exchange);
    exchange->m_failure = failure;
    Connection *connection = exchange->m_connection;
    exchange->m_connection = nullptr;
    if (connection) {
        connection->current = nullptr;
        const bool reusable =
            connection->pooled && failure == HttpFailure::None && !exchange->m_closeAfter;
        if (reusable)
            ++connection->served;
        else
            closeConnection(connection);
        if (connection->pooled)
            release(connection, reusable);
    }
    // Last: the coroutine runs its kernel now and frees its frame, this exchange with it.
    exchange->m_handle.resume();
}

void HttpClient::release(Connection *connection, bool reusable)
{
    if (!reusable) {
        closeConnection(connection);
        const auto it = std::find_if(m_pool.begin(), m_pool.end(),
                                     [connection](const auto &c) { return c.get() == connection; });
        if (it != m_pool.end())
            m_pool.erase(it);
        connection = nullptr;
    }
    // The next queued exchange takes the connection (or a new one) before anything resumes, so
    // its request is on the wire while the finished task runs its kernel.
    while (!m_queued.empty()) {
        Exchange *next = m_queued.front();
        m_queued.pop_front();
        if (!connection) {
            m_pool.push_back(std::make_unique<Connection>());
            connection = m_pool.back().get();
            connection->pooled = true;
        }
        connection->current = next;
        next->m_connection = connection;
        HttpFailure failure = HttpFailure::Error;
        if (connection->fd < 0 && !openConnection(connection, next->m_task, &failure)) {
            track(next);
            finish(next, failure); // resumes it; the connection slot was released by finish()
            return;
        }
        track(next);
        if (connection->connected) {
            next->m_connectedNs = nowNs();
            next->m_startNs = next->m_connectedNs;
            if (!sendRequest(next) && !(mayRetry(next, next->m_failure) && reconnect(next))) {
                finish(next, next->m_failure);
                return;
            }
        }
        return;
    }
    if (connection)
        m_idle.push_back(connection);
}

void HttpClient::closeConnection(Connection *connection)
{
    if (connection->fd >= 0) {
        close(connection->fd); // also leaves the epoll set
        connection->fd = -1;
    }
    connection->connected = false;
    connection->served = 0;
}

void HttpClient::sweepTimeouts()
{
    const std::int64_t now = nowNs();
    // Backwards: finish() swap-removes the current element, which only moves later ones here.
    for (std::size_t i = m_inFlight.size(); i-- > 0;) {
        if (i < m_inFlight.size() && m_inFlight[i]->m_deadlineNs <= now)
            finish(m_inFlight[i], HttpFailure::Timeout);
    }
}

void HttpClient::cancelAll()
{
    // Detach everything first: resuming a task runs its end, which must find nothing to touch.
    std::vector<Exchange *> ending(m_inFlight.begin(), m_inFlight.end());
    ending.insert(ending.end(), m_queued.begin(), m_queued.end());
    m_inFlight.clear();
    m_queued.clear();
    m_sweep.stop();
    for (Exchange *e : ending) {
        if (e->m_connection) {
            e->m_connection->current = nullptr;
            closeConnection(e->m_connection);
            e->m_connection = nullptr;
        }
        e->m_failure = HttpFailure::Cancelled;
    }
    for (const auto &c : m_pool)
        closeConnection(c.get());
    m_idle.clear();
    m_pool.clear();
    for (Exchange *e : ending)
        e->m_handle.resume();
}
