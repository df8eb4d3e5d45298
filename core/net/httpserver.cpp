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
#include <sys/stat.h>
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
    std::string in; // bytes of requests not yet answered, at most kMaxBufferedInputBytes
    // The response being written: its head (or a whole small error answer) and a body generated
    // piece by piece from `task`, never held whole.
    char head[256];
    std::uint16_t headBytes = 0;
    std::uint16_t headSent = 0;
    std::uint64_t bodySent = 0;
    bool writing = false;    // a response is being written
    bool waiting = false;    // a response is scheduled on the heap
    bool queued = false;     // in Loop::turns: its socket takes more than one turn allows
    bool readPaused = false; // input left unread in the socket: kMaxBufferedInputBytes reached
    bool closeAfter = false;
    bool dead = false; // closed while the heap or Loop::turns still points at it
    std::uint32_t task = 0;
    std::uint64_t bytes = 0;
    std::int64_t dueNs = 0;
    std::size_t slot = 0; // index in Loop::connections
};

struct Due
{
    std::int64_t dueNs;
    Connection *connection;
    bool operator>(const Due &other) const { return dueNs > other.dueNs; }
};

// A number in a query: absent, a whole number, or neither (then `text` holds what was there).
struct QueryNumber
{
    enum { Absent, Valid, TooLarge, NotANumber } state = Absent;
    std::uint64_t value = 0;
    std::string_view text;
};

QueryNumber queryValue(std::string_view query, std::string_view key)
{
    std::size_t at = 0;
    while (at < query.size()) {
        const std::size_t amp = std::min(query.find('&', at), query.size());
        const std::string_view pair = query.substr(at, amp - at);
        if (pair.size() >= key.size() + 1 && pair.substr(0, key.size()) == key &&
            pair[key.size()] == '=') {
            QueryNumber n;
            n.text = pair.substr(key.size() + 1);
            const auto r = std::from_chars(n.text.data(), n.text.data() + n.text.size(), n.value);
            const bool whole = !n.text.empty() && r.ptr == n.text.data() + n.text.size();
            n.state = whole && r.ec == std::errc()                      ? QueryNumber::Valid
                      : whole && r.ec == std::errc::result_out_of_range ? QueryNumber::TooLarge
                                                                        : QueryNumber::NotANumber;
            return n;
        }
        at = amp + 1;
    }
    return {};
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
    std::int64_t acceptPausedUntilNs = 0; // out of descriptors: listeners unwatched until then
    std::unique_ptr<char[]> scratch{new char[kPieceBytes]}; // one piece of a body, or input
    std::vector<Connection *> connections;
    // Connections whose socket still takes bytes after a full turn: served round robin, one
    // turn each per pass of the loop, between its epoll waits.
    std::vector<Connection *> turns;
    std::vector<Connection *> turnsNow; // the pass of `turns` being served
    std::vector<Connection *> due;      // the heap entries fireDue() is answering
    // Closed connections nothing points at any more, freed after the events of one epoll_wait:
    // a later event of the same batch may still name one.
    std::vector<Connection *> graveyard;

    // One piece of a body: generated, then sent with its head in one sendmsg.
    static constexpr std::size_t kPieceBytes = 64 * 1024;

    ~Loop()
    {
        for (Connection *c : connections)
            close(c->fd);
        while (!heap.empty()) {
            Connection *c = heap.top().connection;
            heap.pop();
            c->waiting = false;
            if (c->dead && !c->queued)
                delete c;
        }
        for (Connection *c : turns) {
            if (c->dead)
                delete c;
        }
        for (Connection *c : connections)
            delete c;
        for (Connection *c : graveyard)
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

    void watchListeners(bool on)
    {
        for (Watched &l : listeners) {
            epoll_event ev{};
            ev.events = on ? std::uint32_t{EPOLLIN} : 0u;
            ev.data.ptr = &l;
            epoll_ctl(epoll, EPOLL_CTL_MOD, l.fd, &ev);
        }
    }

    int waitMs() const
    {
        if (!turns.empty())
            return 0;
        if (acceptPausedUntilNs == 0)
            return -1;
        const std::int64_t left = acceptPausedUntilNs - nowNs();
        return left <= 0 ? 0 : static_cast<int>(left / 1'000'000 + 1);
    }

    void run()
    {
        epoll_event events[256];
        for (;;) {
            const int n = epoll_wait(epoll, events, 256, waitMs());
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
            if (acceptPausedUntilNs != 0 && nowNs() >= acceptPausedUntilNs) {
                acceptPausedUntilNs = 0;
                watchListeners(true); // level-triggered: a waiting connection reports at once
            }
            serveTurns();
            for (Connection *c : graveyard)
                delete c;
            graveyard.clear();
        }
    }

    void acceptAll(int listener)
    {
        for (;;) {
            const int fd = accept4(listener, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0) {
                if (errno == EINTR || errno == ECONNABORTED)
                    continue;
                if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                    // The connection stays queued and the listener stays readable: watching it
                    // would wake this loop at once, for ever. Sleep instead, and try again later.
                    acceptPausedUntilNs = nowNs() + std::int64_t{kAcceptBackoffMs} * 1'000'000;
                    watchListeners(false);
                }
                return; // EAGAIN: the queue is empty
            }
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
        c->dead = true;
        if (!c->waiting && !c->queued)
            graveyard.push_back(c); // otherwise when the heap or the turns list lets it go
    }

    void onConnection(Connection *c, std::uint32_t events)
    {
        if (c->dead)
            return; // closed earlier in this batch of events
        if (events & EPOLLOUT && c->writing && !c->queued && !writeTurn(c))
            return;
        if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))
            readAndServe(c);
    }

    // Reads what the connection sent, up to kMaxBufferedInputBytes, and schedules the next request.
    // False when the connection was dropped.
    bool readAndServe(Connection *c)
    {
        c->readPaused = false;
        char *buffer = scratch.get();
        for (;;) {
            const std::size_t room = HttpServer::kMaxBufferedInputBytes - c->in.size();
            if (room == 0) {
                // Leave the rest in the socket: the client is held back by TCP's own window.
                c->readPaused = true;
                break;
            }
            const ssize_t got = recv(c->fd, buffer, std::min(room, kPieceBytes), 0);
            if (got > 0) {
                c->in.append(buffer, static_cast<std::size_t>(got));
                continue;
            }
            if (got < 0 && errno == EINTR)
                continue;
            if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                break;
            drop(c); // EOF or an error: the client is gone
            return false;
        }
        nextRequest(c);
        return true;
    }

    // Schedules the first complete request in c->in, if no response is pending. A request this
    // server does not serve is answered 400 or 413 with the reason, and the connection closed.
    void nextRequest(Connection *c)
    {
        if (c->waiting || c->writing)
            return;
        const std::size_t end = c->in.find("\r\n\r\n");
        if (end == std::string::npos && c->in.size() < HttpServer::kMaxRequestHeadBytes)
            return; // the rest of the head is still on its way
        if (end == std::string::npos || end > HttpServer::kMaxRequestHeadBytes) {
            refuse(c, "400 Bad Request",
                   "the request head is longer than " +
                       std::to_string(HttpServer::kMaxRequestHeadBytes) + " bytes");
            return;
        }
        const std::string_view head(c->in.data(), end);
        // "GET /task/<id>?delay_us=<d>&bytes=<n> HTTP/1.1"
        constexpr std::string_view prefix = "GET /task/";
        const std::size_t lineEnd = std::min(head.find("\r\n"), head.size());
        const std::string_view line = head.substr(0, lineEnd);
        const std::size_t space = line.find(' ', prefix.size());
        const std::string_view target = space == std::string_view::npos
                                            ? std::string_view()
                                            : line.substr(prefix.size(), space - prefix.size());
        const std::size_t q = target.find('?');
        const std::string_view id = target.substr(0, q);
        std::uint32_t task = 0;
        const auto parsed = std::from_chars(id.data(), id.data() + id.size(), task);
        if (line.substr(0, prefix.size()) != prefix || space == std::string_view::npos ||
            id.empty() || parsed.ec != std::errc() || parsed.ptr != id.data() + id.size()) {
            refuse(c, "400 Bad Request",
                   "this server answers GET /task/<id>?delay_us=<d>&bytes=<n> "
                   "only (id below 2^32)");
            return;
        }
        const std::string_view query =
            q == std::string_view::npos ? std::string_view() : target.substr(q + 1);
        const QueryNumber delayUs = queryValue(query, "delay_us");
        const QueryNumber bytes = queryValue(query, "bytes");
        if (delayUs.state == QueryNumber::NotANumber || delayUs.state == QueryNumber::TooLarge ||
            bytes.state == QueryNumber::NotANumber) {
            refuse(c, "400 Bad Request", "delay_us and bytes must be whole numbers");
            return;
        }
        c->task = task;
        c->bytes = bytes.state == QueryNumber::Absent ? static_cast<std::uint64_t>(defaultBytes)
                                                      : bytes.value;
        c->closeAfter = line.substr(space + 1) == "HTTP/1.0" ||
                        hasToken(head.substr(lineEnd), "\r\nconnection: close");
        c->in.erase(0, end + 4);
        if (c->in.empty() && c->in.capacity() > 4096)
            std::string().swap(c->in); // a flood's buffer is not kept for the connection's life
        if (bytes.state == QueryNumber::TooLarge || c->bytes > HttpServer::kMaxResponseBytes) {
            refuse(c, "413 Content Too Large",
                   "bytes is above this server's cap of " +
                       std::to_string(HttpServer::kMaxResponseBytes) + " bytes");
            return;
        }
        c->dueNs =
            nowNs() +
            static_cast<std::int64_t>(std::min<std::uint64_t>(delayUs.value, 1ULL << 40)) * 1000;
        c->waiting = true;
        heap.push({c->dueNs, c});
        if (c->dueNs < armedNs)
            arm(c->dueNs);
        return;
    }

    // Answers `status` at once with a one-line reason, and closes the connection after it: what
    // follows on it was sent by a client expecting another answer. Written on the loop's next
    // turn, so that this never drops the connection under its caller.
    void refuse(Connection *c, std::string_view status, std::string_view reason)
    {
        std::string response = "HTTP/1.1 ";
        response.append(status);
        response += "\r\nContent-Length: " + std::to_string(reason.size() + 1) +
                    "\r\nConnection: close\r\n\r\n";
        response.append(reason);
        response += '\n';
        const std::size_t n = std::min(response.size(), sizeof c->head);
        std::memcpy(c->head, response.data(), n);
        startResponse(c, static_cast<int>(n), 0);
        c->closeAfter = true;
        c->in.clear();
        c->queued = true;
        turns.push_back(c);
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

    // Answers what was due when it started; what its answers schedule (a pipelined request with
    // no delay) waits for the next pass, after the other connections' events: one client that
    // keeps pipelining cannot keep the loop here.
    void fireDue()
    {
        const std::int64_t now = nowNs();
        due.clear();
        while (!heap.empty() && heap.top().dueNs <= now) {
            due.push_back(heap.top().connection);
            heap.pop();
        }
        for (Connection *c : due) {
            c->waiting = false;
            if (c->dead) {
                if (!c->queued)
                    graveyard.push_back(c);
                continue;
            }
            respond(c, nowNs());
        }
        if (!heap.empty() && heap.top().dueNs < armedNs)
            arm(heap.top().dueNs);
    }

    void startResponse(Connection *c, int headBytes, std::uint64_t bodyBytes)
    {
        c->headBytes = static_cast<std::uint16_t>(
            std::clamp<int>(headBytes, 0, static_cast<int>(sizeof c->head)));
        c->headSent = 0;
        c->bytes = bodyBytes;
        c->bodySent = 0;
        c->writing = true;
    }

    void respond(Connection *c, std::int64_t now)
    {
        const long long lateUs = std::max<std::int64_t>(0, now - c->dueNs) / 1000;
        const int headBytes =
            std::snprintf(c->head, sizeof c->head,
                          "HTTP/1.1 200 OK\r\nContent-Length: %llu\r\nX-Late-Us: %lld\r\n%s\r\n",
                          static_cast<unsigned long long>(c->bytes), lateUs,
                          c->closeAfter ? "Connection: close\r\n" : "");
        startResponse(c, headBytes, c->bytes);
        writeTurn(c); // the first turn at once: a small response (nearly all) is then done
    }

    // Writes up to kWriteTurnBytes of c's response. False when the connection was dropped. When
    // the socket would take more, c joins `turns` and gets its next turn after every other ready
    // connection had one; when it would not, EPOLLOUT brings it back.
    bool writeTurn(Connection *c)
    {
        std::size_t budget = HttpServer::kWriteTurnBytes;
        char *piece = scratch.get();
        for (;;) {
            const std::size_t headLeft = c->headBytes - c->headSent;
            const std::uint64_t bodyLeft = c->bytes - c->bodySent;
            if (headLeft == 0 && bodyLeft == 0)
                return finished(c);
            if (budget == 0) {
                if (!c->queued) {
                    c->queued = true;
                    turns.push_back(c);
                }
                return true;
            }
            const std::size_t pieceBytes = static_cast<std::size_t>(std::min<std::uint64_t>(
                {bodyLeft, kPieceBytes, budget > headLeft ? budget - headLeft : 0}));
            ResponseBody::fill(c->task, c->bodySent, piece, pieceBytes);
            iovec parts[2] = {{c->head + c->headSent, headLeft}, {piece, pieceBytes}};
            msghdr message{};
            message.msg_iov = parts;
            message.msg_iovlen = 2;
            const ssize_t sent = sendmsg(c->fd, &message, MSG_NOSIGNAL);
            if (sent < 0) {
                if (errno == EINTR)
                    continue;
                if (errno == EAGAIN || errno == EWOULDBLOCK)
                    return true; // EPOLLOUT says when it drains
                drop(c);
                return false;
            }
            std::size_t done = static_cast<std::size_t>(sent);
            const std::size_t fromHead = std::min(done, headLeft);
            c->headSent = static_cast<std::uint16_t>(c->headSent + fromHead);
            c->bodySent += done - fromHead;
            budget -= std::min(budget, done);
        }
    }

    void serveTurns()
    {
        if (turns.empty())
            return;
        turnsNow.clear();
        turnsNow.swap(turns);
        for (Connection *c : turnsNow) {
            c->queued = false;
            if (c->dead) {
                if (!c->waiting)
                    graveyard.push_back(c);
                continue;
            }
            writeTurn(c);
        }
    }

    // The response is written: close, or take the next request (read ahead, or still unread in
    // the socket when the input cap was reached). False when the connection was dropped.
    bool finished(Connection *c)
    {
        c->writing = false;
        if (c->closeAfter) {
            drop(c);
            return false;
        }
        if (c->readPaused)
            return readAndServe(c);
        nextRequest(c); // a pipelined request already here
        return true;
    }
};

HttpServer::HttpServer(Options options)
    : m_options(options)
{}

HttpServer::~HttpServer()
{
    stop();
}

namespace {

// Whether a listener of another process holds `listen`'s port: a socket bound without
// SO_REUSEPORT cannot join a port anything listens on (SO_REUSEADDR only lets it past
// connections in TIME_WAIT). Checked before this server's own SO_REUSEPORT sockets bind, which
// would otherwise silently share the port with it.
bool portHeldByAnother(const Endpoint &listen)
{
    const int probe = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (probe < 0)
        return false; // the real bind below reports what is wrong
    const int one = 1;
    setsockopt(probe, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(listen.address);
    addr.sin_port = htons(listen.port);
    const bool held =
        bind(probe, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 && errno == EADDRINUSE;
    close(probe);
    return held;
}

// Whether a socket of another process listens on `listen`'s port, read from /proc/net/tcp{,6}
// after this server's own sockets listen: the probe above cannot see a process that bound its
// SO_REUSEPORT sockets in the instant between the probe and ours. `ours` are this server's
// listening sockets, told apart by inode.
bool anotherListensBeside(const Endpoint &listen, const std::vector<int> &ours)
{
    std::vector<ino_t> inodes;
    for (const int fd : ours) {
        struct stat st
        {};
        if (fstat(fd, &st) == 0)
            inodes.push_back(st.st_ino);
    }
    char want[9];
    std::snprintf(want, sizeof want, "%08X", htonl(listen.address)); // as the kernel prints it
    for (const char *table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        std::FILE *f = std::fopen(table, "re");
        if (!f)
            continue;
        char line[512];
        bool anyFound = false;
        while (std::fgets(line, sizeof line, f)) {
            char local[64], state[8];
            unsigned long inode = 0;
            // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
            if (std::sscanf(line, " %*s %63s %*s %7s %*s %*s %*s %*s %*s %lu", local, state,
                            &inode) != 3 ||
                std::strcmp(state, "0A") != 0) // TCP_LISTEN
                continue;
            const char *colon = std::strrchr(local, ':');
            if (!colon || std::strtoul(colon + 1, nullptr, 16) != listen.port)
                continue;
            const std::string_view address(local, static_cast<std::size_t>(colon - local));
            const bool overlaps =
                address.size() == 8
                    ? listen.address == 0 || address == "00000000" || address == want
                    : address == "00000000000000000000000000000000" || listen.address == 0 ||
                          address == std::string("0000000000000000FFFF0000") + want;
            if (overlaps && std::find(inodes.begin(), inodes.end(), ino_t(inode)) == inodes.end())
                anyFound = true;
        }
        std::fclose(f);
        if (anyFound)
            return true;
    }
    return false;
}

} // namespace

bool HttpServer::start(QString *error, bool *portInUse)
{
    if (portInUse)
        *portInUse = false;
    const int loops = std::max(1, m_options.loops);
    const int sockets = std::max(loops, kListenSockets);
    auto fail = [&](const char *doing) {
        if (portInUse)
            *portInUse = errno == EADDRINUSE;
        if (error)
            *error = QStringLiteral("cannot %1 %2: %3")
                         .arg(QLatin1String(doing), m_options.listen.text(),
                              QString::fromLocal8Bit(std::strerror(errno)));
        m_loops.clear();
        return false;
    };
    auto refuseBusyPort = [&] {
        if (error)
            *error =
                // Not "listens on <our address>": the other may hold 127.0.0.1 while we asked
                // for 0.0.0.0, or have bound the port without listening yet.
                QStringLiteral("port %1 is in use by another process (--reuse-port shares it "
                               "with that process)")
                    .arg(m_options.listen.port);
        if (portInUse)
            *portInUse = true;
        m_loops.clear();
        return false;
    };
    if (m_options.listen.port != 0 && !m_options.reusePort && portHeldByAnother(m_options.listen))
        return refuseBusyPort();
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
    if (m_options.listen.port != 0 && !m_options.reusePort) {
        std::vector<int> ours;
        for (const auto &loop : m_loops) {
            for (const Watched &l : loop->listeners)
                ours.push_back(l.fd);
        }
        if (anotherListensBeside(m_options.listen, ours))
            return refuseBusyPort();
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
