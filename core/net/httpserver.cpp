// SPDX-License-Identifier: MIT
#include "core/net/httpserver.h"

#include "core/base/clock.h"
#include "core/net/responsebody.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <queue>
#include <string>
#include <string_view>

namespace {

// What an epoll event points at: the first member of every watched object.
enum class Kind { Listener, Wake, Timer, Connection };
struct Watched
{
    Kind kind;
    int fd = -1;
};

struct Connection : Watched
{
    std::string in;       // bytes of requests not yet answered
    std::string out;      // the unsent rest of a response the socket would not take at once
    bool waiting = false; // a response is scheduled on the heap
    bool closeAfter = false;
    bool dead = false; // closed while its response was on the heap: freed when it pops
    std::uint32_t task = 0;
    std::size_t bytes = 0;
    std::int64_t dueNs = 0;
    std::size_t slot = 0; // index in Loop::connections
};

struct Due
{
    std::int64_t dueNs;
    Connection *connection;
    bool operator>(const Due &other) const { return dueNs > other.dueNs; }
};

std::uint64_t queryValue(std::string_view query, std::string_view key, bool *found)
{
    std::size_t at = 0;
    while (at < query.size()) {
        const std::size_t amp = std::min(query.find('&', at), query.size());
        const std::string_view pair = query.substr(at, amp - at);
        if (pair.size() > key.size() && pair.substr(0, key.size()) == key &&
            pair[key.size()] == '=') {
            std::uint64_t v = 0;
            const std::string_view digits = pair.substr(key.size() + 1);
            const auto r = std::from_chars(digits.data(), digits.data() + digits.size(), v);
            *found = r.ec == std::errc() && r.ptr == digits.data() + digits.size();
            return v;
        }
        at = amp + 1;
    }
    *found = false;
    return 0;
}

bool hasToken(std::string_view head, std::string_view line)
{
    // Case-insensitive search for a header line such as "connection: close".
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    const auto it = std::search(head.begin(), head.end(), line.begin(), line.end(),
                                [&](char a, char b) { return lower(a) == lower(b); });
    return it != head.end();
}

} // namespace

struct HttpServer::Loop
{
    int epoll = -1;
    Watched wake{Kind::Wake};
    Watched timer{Kind::Timer};
    std::vector<Watched> listeners;
    std::priority_queue<Due, std::vector<Due>, std::greater<>> heap;
    std::int64_t armedNs = INT64_MAX;
    int defaultBytes = 4096;
    std::string body; // scratch for one response body
    std::vector<Connection *> connections;

    ~Loop()
    {
        for (Connection *c : connections)
            close(c->fd);
        while (!heap.empty()) {
            Connection *c = heap.top().connection;
            heap.pop();
            if (c->dead)
                delete c;
        }
        for (Connection *c : connections)
            delete c;
        for (const Watched &l : listeners)
            close(l.fd);
        if (wake.fd >= 0)
            close(wake.fd);
        if (timer.fd >= 0)
            close(timer.fd);
        if (epoll >= 0)
            close(epoll);
    }

    void watch(Watched *w, std::uint32_t events)
    {
        epoll_event ev{};
        ev.events = events;
        ev.data.ptr = w;
        epoll_ctl(epoll, EPOLL_CTL_ADD, w->fd, &ev);
    }

    void run()
    {
        epoll_event events[256];
        for (;;) {
            const int n = epoll_wait(epoll, events, 256, -1);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                return;
            for (int i = 0; i < n; ++i) {
                auto *w = static_cast<Watched *>(events[i].data.ptr);
                switch (w->kind) {
                case Kind::Wake:
                    return;
                case Kind::Listener:
                    acceptAll(w->fd);
                    break;
                case Kind::Timer: {
                    std::uint64_t expirations;
                    (void)!read(timer.fd, &expirations, sizeof expirations);
                    armedNs = INT64_MAX;
                    fireDue();
                    break;
                }
                case Kind::Connection:
                    onConnection(static_cast<Connection *>(w), events[i].events);
                    break;
                }
            }
        }
    }

    void acceptAll(int listener)
    {
        for (;;) {
            const int fd = accept4(listener, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0)
                return; // EAGAIN, or out of descriptors: the rest stay queued
            const int one = 1;
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            auto *c = new Connection;
            c->kind = Kind::Connection;
            c->fd = fd;
            c->slot = connections.size();
            connections.push_back(c);
            watch(c, EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET);
        }
    }

    void drop(Connection *c)
    {
        close(c->fd);
        c->fd = -1;
        // Swap-remove: ten thousand connections closing must not cost O(n) each.
        connections[c->slot] = connections.back();
        connections[c->slot]->slot = c->slot;
        connections.pop_back();
        if (c->waiting)
            c->dead = true; // the heap still points at it
        else
            delete c;
    }

    void onConnection(Connection *c, std::uint32_t events)
    {
        if (events & EPOLLOUT && !c->out.empty() && !flush(c))
            return;
        if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) {
            char buffer[4096];
            for (;;) {
                const ssize_t got = recv(c->fd, buffer, sizeof buffer, 0);
                if (got > 0) {
                    c->in.append(buffer, static_cast<std::size_t>(got));
                    continue;
                }
                if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                    break;
                drop(c); // EOF or an error: the client is gone
                return;
            }
            if (!nextRequest(c))
                drop(c);
        }
    }

    // Schedules the first complete request in c->in, if no response is pending. False on a
    // request this server does not understand (the connection is then closed).
    bool nextRequest(Connection *c)
    {
        if (c->waiting || !c->out.empty())
            return true;
        const std::size_t end = c->in.find("\r\n\r\n");
        if (end == std::string::npos)
            return c->in.size() < 8192;
        const std::string_view head(c->in.data(), end);
        // "GET /task/<id>?delay_us=<d>&bytes=<n> HTTP/1.1"
        constexpr std::string_view prefix = "GET /task/";
        if (head.substr(0, prefix.size()) != prefix)
            return false;
        const std::size_t lineEnd = std::min(head.find("\r\n"), head.size());
        const std::string_view line = head.substr(0, lineEnd);
        const std::size_t space = line.find(' ', prefix.size());
        if (space == std::string_view::npos)
            return false;
        const std::string_view target = line.substr(prefix.size(), space - prefix.size());
        const std::size_t q = target.find('?');
        const std::string_view id = target.substr(0, q);
        std::uint32_t task = 0;
        if (std::from_chars(id.data(), id.data() + id.size(), task).ptr != id.data() + id.size())
            return false;
        const std::string_view query =
            q == std::string_view::npos ? std::string_view() : target.substr(q + 1);
        bool found = false;
        const std::uint64_t delayUs = queryValue(query, "delay_us", &found);
        bool hasBytes = false;
        const std::uint64_t bytes = queryValue(query, "bytes", &hasBytes);
        c->task = task;
        c->bytes = hasBytes ? std::min<std::uint64_t>(bytes, 1ULL << 30)
                            : static_cast<std::uint64_t>(defaultBytes);
        c->closeAfter = line.substr(space + 1) == "HTTP/1.0" ||
                        hasToken(head.substr(lineEnd), "\r\nconnection: close");
        c->in.erase(0, end + 4);
        c->dueNs = nowNs() +
                   static_cast<std::int64_t>(std::min<std::uint64_t>(delayUs, 1ULL << 40)) * 1000;
        c->waiting = true;
        heap.push({c->dueNs, c});
        if (c->dueNs < armedNs)
            arm(c->dueNs);
        return true;
    }

    void arm(std::int64_t dueNs)
    {
        armedNs = dueNs;
        itimerspec spec{};
        // An absolute deadline on CLOCK_MONOTONIC, the clock nowNs() reads; 0 would disarm.
        const std::int64_t at = std::max<std::int64_t>(dueNs, 1);
        spec.it_value.tv_sec = at / 1'000'000'000;
        spec.it_value.tv_nsec = at % 1'000'000'000;
        timerfd_settime(timer.fd, TFD_TIMER_ABSTIME, &spec, nullptr);
    }

    void fireDue()
    {
        std::int64_t now = nowNs();
        while (!heap.empty() && heap.top().dueNs <= now) {
            Connection *c = heap.top().connection;
            heap.pop();
            c->waiting = false;
            if (c->dead) {
                delete c;
                continue;
            }
            respond(c, now);
            now = nowNs();
        }
        if (!heap.empty())
            arm(heap.top().dueNs);
    }

    void respond(Connection *c, std::int64_t now)
    {
        char head[160];
        const long long lateUs = std::max<std::int64_t>(0, now - c->dueNs) / 1000;
        const int headBytes =
            std::snprintf(head, sizeof head,
                          "HTTP/1.1 200 OK\r\nContent-Length: %zu\r\nX-Late-Us: %lld\r\n%s\r\n",
                          c->bytes, lateUs, c->closeAfter ? "Connection: close\r\n" : "");
        body.resize(c->bytes);
        ResponseBody::fill(c->task, body.data(), c->bytes);
        iovec parts[2] = {{head, static_cast<std::size_t>(headBytes)}, {body.data(), c->bytes}};
        const ssize_t sent = writev(c->fd, parts, 2);
        const std::size_t total = static_cast<std::size_t>(headBytes) + c->bytes;
        if (sent < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
            drop(c);
            return;
        }
        const std::size_t done = sent < 0 ? 0 : static_cast<std::size_t>(sent);
        if (done < total) {
            // The socket buffer is full: keep the rest and send it on EPOLLOUT.
            std::string rest;
            if (done < static_cast<std::size_t>(headBytes))
                rest.assign(head + done, static_cast<std::size_t>(headBytes) - done);
            const std::size_t bodyFrom =
                done > static_cast<std::size_t>(headBytes) ? done - headBytes : 0;
            rest.append(body, bodyFrom, std::string::npos);
            c->out = std::move(rest);
            return;
        }
        finished(c);
    }

    // False when the connection was dropped.
    bool flush(Connection *c)
    {
        while (!c->out.empty()) {
            const ssize_t sent = send(c->fd, c->out.data(), c->out.size(), MSG_NOSIGNAL);
            if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                return true;
            if (sent < 0) {
                drop(c);
                return false;
            }
            c->out.erase(0, static_cast<std::size_t>(sent));
        }
        finished(c);
        return c->fd >= 0;
    }

    void finished(Connection *c)
    {
        if (c->closeAfter) {
            drop(c);
            return;
        }
        if (!nextRequest(c)) // a pipelined request already here
            drop(c);
    }
};

HttpServer::HttpServer(Options options)
    : m_options(options)
{}

HttpServer::~HttpServer()
{
    stop();
}

bool HttpServer::start(QString *error)
{
    const int loops = std::max(1, m_options.loops);
    const int sockets = std::max(loops, kListenSockets);
    auto fail = [&](const char *doing) {
        if (error)
            *error = QStringLiteral("cannot %1 %2: %3")
                         .arg(QLatin1String(doing), m_options.listen.text(),
                              QString::fromLocal8Bit(std::strerror(errno)));
        m_loops.clear();
        return false;
    };
    for (int i = 0; i < loops; ++i) {
        auto loop = std::make_unique<Loop>();
        loop->defaultBytes = m_options.responseBytes;
        loop->epoll = epoll_create1(EPOLL_CLOEXEC);
        loop->wake.fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        loop->timer.fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
        if (loop->epoll < 0 || loop->wake.fd < 0 || loop->timer.fd < 0)
            return fail("set up a loop for");
        loop->watch(&loop->wake, EPOLLIN);
        loop->watch(&loop->timer, EPOLLIN);
        loop->listeners.reserve(static_cast<std::size_t>(sockets));
        m_loops.push_back(std::move(loop));
    }
    std::uint16_t port = m_options.listen.port;
    for (int s = 0; s < sockets; ++s) {
        const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0)
            return fail("open a socket for");
        const int one = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(m_options.listen.address);
        addr.sin_port = htons(port);
        // The kernel caps the backlog at net.core.somaxconn; asking for more takes what it allows.
        if (bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 ||
            listen(fd, 65535) != 0) {
            close(fd);
            return fail("listen on");
        }
        if (port == 0) {
            socklen_t len = sizeof addr;
            getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
            port = ntohs(addr.sin_port);
        }
        Loop &loop = *m_loops[static_cast<std::size_t>(s % loops)];
        loop.listeners.push_back({Kind::Listener, fd});
        loop.watch(&loop.listeners.back(), EPOLLIN);
    }
    m_port = port;
    for (auto &loop : m_loops)
        m_threads.emplace_back([l = loop.get()] { l->run(); });
    return true;
}

void HttpServer::stop()
{
    for (auto &loop : m_loops) {
        const std::uint64_t one = 1;
        (void)!write(loop->wake.fd, &one, sizeof one);
    }
    for (std::thread &t : m_threads)
        t.join();
    m_threads.clear();
    m_loops.clear();
}
