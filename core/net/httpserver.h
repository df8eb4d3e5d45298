// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/endpoint.h"
#include "core/net/transportconfig.h"

#include <QString>

#include <memory>
#include <thread>
#include <vector>

// What `loopbench --serve` runs: an HTTP/1.1 server that answers
//   GET /task/<id>?delay_us=<d>[&bytes=<n>]
// after d microseconds (counted from the request's arrival) with n bytes of
// ResponseBody::fill(id) (the server's default when n is absent), and an "X-Late-Us" header
// saying how late it answered. Keep-alive unless the client says "Connection: close".
//
// Bounded and fair whatever clients do: a connection buffers at most kMaxBufferedInputBytes of
// requests (past that it is not read until its pending response is written, so a client that
// floods behind a pending request fills its own socket buffers, not the server); a body is
// generated in pieces as the socket drains, never built whole; a body above kMaxResponseBytes is
// refused with 413, and any other request it does not serve with 400, each with its reason; a
// connection writes at most kWriteTurnBytes per turn of the loop, and a timer pass answers only
// what was due when it began, so neither a large response nor a client pipelining without pause
// holds back other connections. Out of descriptors, a loop stops accepting for kAcceptBackoffMs
// instead of spinning on accept.
//
// Built for ten thousand simultaneous connections on one thread: each loop is a thread with its
// own epoll set, its own listening sockets (SO_REUSEPORT on one port, so the kernel deals the
// connections out and each socket has its own accept queue) and its own timer heap behind one
// timerfd; no per-request allocation beyond the connection. At least kListenSockets sockets
// listen, each with a backlog of SOMAXCONN or more: a SYN dropped by a full queue costs the
// client a 1 s retransmit, which would show as fake lag.
class HttpServer
{
public:
    struct Options
    {
        Endpoint listen{0x7f000001, 0}; // 127.0.0.1, any free port
        int loops = 1;
        int responseBytes = 4096;
        // Share the port with listeners of other processes (SO_REUSEPORT across processes). Off:
        // a port another process listens on is refused, not silently split between the two.
        bool reusePort = false;
    };
    static constexpr int kListenSockets = 8;
    // The largest body a request may ask for: the largest a run's --response-bytes allows.
    static constexpr std::uint64_t kMaxResponseBytes = TransportConfig::kResponseBytesRange.max;
    // A request head longer than this is not LoopBench's (its own are ~80 B): answered 400, and
    // the connection closed.
    static constexpr std::size_t kMaxRequestHeadBytes = 8 * 1024;
    // Requests read ahead of the one being answered, per connection: two of the longest heads.
    // Beyond it the server stops reading that connection until its response is written.
    static constexpr std::size_t kMaxBufferedInputBytes = 2 * kMaxRequestHeadBytes;
    // Bytes one connection may write in one turn of its loop before the others get theirs:
    // a fraction of a millisecond on loopback, so a 16 MiB body delays a small response by
    // one such turn instead of by the whole body.
    static constexpr std::size_t kWriteTurnBytes = 256 * 1024;
    // How long a loop stops accepting when the process is out of descriptors (EMFILE, ENFILE):
    // short enough that a freed descriptor is used soon, long enough that the loop sleeps.
    static constexpr int kAcceptBackoffMs = 50;

    explicit HttpServer(Options options);
    ~HttpServer(); // stop()
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Binds and starts the loops. False with *error ("cannot listen on 127.0.0.1:80: Permission
    // denied") when it cannot; *portInUse then says whether another process listens on the port
    // (and Options::reusePort was not set).
    bool start(QString *error, bool *portInUse = nullptr);
    // The port it listens on (the one the system chose for port 0).
    std::uint16_t port() const { return m_port; }
    // Ends every loop and closes every socket; idempotent.
    void stop();

    struct Loop;

private:
    Options m_options;
    std::uint16_t m_port = 0;
    std::vector<std::unique_ptr<Loop>> m_loops;
    std::vector<std::thread> m_threads;
};
