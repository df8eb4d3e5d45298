// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/endpoint.h"

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
    };
    static constexpr int kListenSockets = 8;

    explicit HttpServer(Options options);
    ~HttpServer(); // stop()
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Binds and starts the loops. False with *error ("cannot listen on 127.0.0.1:80: Permission
    // denied") when it cannot.
    bool start(QString *error);
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
