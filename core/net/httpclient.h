// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/bodyfold.h"
#include "core/net/httpfailure.h"
#include "core/net/httptarget.h"

#include <QObject>
#include <QSocketNotifier>
#include <QTimer>

#include <coroutine>
#include <cstdint>
#include <deque>
#include <memory>
#include <vector>

// A shard's HTTP/1.1 client: one GET per exchange over non-blocking TCP sockets, awaited by the
// task's coroutine on its own shard's loop. Lives in, and is used only from, that thread.
//
// Built for ten thousand exchanges in flight on one loop. Every socket sits in one epoll set,
// and the loop watches only the epoll descriptor (one QSocketNotifier): Qt's own dispatcher polls
// every notifier's descriptor on every wake-up, O(n) per event, while epoll hands over only the
// ready ones. Each exchange's state (parser, digest, timings) lives in the awaiting coroutine's
// frame, so an exchange allocates nothing but its socket. Not QNetworkAccessManager: it allows
// six connections per host and port, which would serialise a crawl.
class HttpClient : public QObject
{
    Q_OBJECT
public:
    class Exchange;
    // One TCP connection: an exchange's own (per-task mode) or one of the shard's pool.
    struct Connection
    {
        int fd = -1;
        Exchange *current = nullptr; // the exchange using it; null when idle in the pool
        bool connected = false;
        bool pooled = false;
        std::uint32_t served = 0; // responses it carried: > 0 is a reused keep-alive connection
    };

    // One GET, as an awaitable: `HttpClient::Exchange e = client.fetch(...); co_await e;`. It
    // must stay where it is while suspended (a coroutine frame is such a place).
    class Exchange
    {
    public:
        bool await_ready() const noexcept { return false; }
        // False when it ended at once (no descriptor, refused on the spot): no suspension then.
        bool await_suspend(std::coroutine_handle<> handle);
        HttpFailure await_resume() const noexcept { return m_failure; }

        std::uint64_t bodyDigest() const { return m_body.value(); }
        std::uint64_t bodyBytes() const { return m_body.length(); }
        // From the start of the exchange: connected (0 for a pooled connection already open) and
        // first byte of the response.
        std::int64_t connectNs() const { return m_connectedNs - m_startNs; }
        std::int64_t firstByteNs() const { return m_firstByteNs - m_startNs; }
        // How late the server says it answered (its X-Late-Us header), -1 if it did not say.
        std::int64_t serverLateUs() const { return m_serverLateUs; }

    private:
        friend class HttpClient;
        Exchange(HttpClient *client, std::uint32_t task, std::int64_t dueNs)
            : m_client(client)
            , m_task(task)
            , m_dueNs(dueNs)
        {}

        HttpClient *m_client;
        std::uint32_t m_task;
        std::int64_t m_dueNs;
        std::coroutine_handle<> m_handle;
        Connection *m_connection = nullptr;
        Connection m_own; // per-task mode: the connection is part of the exchange
        std::int64_t m_startNs = 0;
        std::int64_t m_connectedNs = 0;
        std::int64_t m_firstByteNs = 0;
        std::int64_t m_deadlineNs = INT64_MAX;
        std::int64_t m_serverLateUs = -1;
        std::int64_t m_bodyLeft = -1; // -1 while the head is being read
        std::size_t m_slot = 0;       // index in HttpClient::m_inFlight
        BodyFold m_body;
        HttpFailure m_failure = HttpFailure::None;
        bool m_closeAfter = false;
        bool m_retried = false; // already sent again on a new connection
        std::uint16_t m_headBytes = 0;
        char m_head[256]; // the response head until its blank line (LoopBench's is ~70 B)
    };

    // `spreadSources`: connect from 127.0.0.1 to 127.0.0.(kSourceAddresses) in turn, so that
    // more than the ~28,000 ephemeral ports of one address pair can be in use (loopback only).
    HttpClient(HttpTarget target, bool spreadSources, QObject *parent = nullptr);
    ~HttpClient() override; // closes every socket; exchanges still suspended are not resumed

    Exchange fetch(std::uint32_t task, std::int64_t dueNs) { return {this, task, dueNs}; }
    // Ends every exchange in flight or queued with HttpFailure::Cancelled, resuming each.
    void cancelAll();
    std::size_t pending() const { return m_inFlight.size() + m_queued.size(); }

    static constexpr int kSourceAddresses = 16;
    // The size of net.ipv4.ip_local_port_range: how many connections one (source, destination)
    // address pair can hold at once. 28,232 (Linux's default range) when /proc cannot say.
    static int ephemeralPortCount();

private:
    bool begin(Exchange *exchange);
    bool openConnection(Connection *connection, std::uint32_t task, HttpFailure *failure);
    bool sendRequest(Exchange *exchange);
    // A keep-alive connection the server closed while idle is found out only when the next
    // request on it fails. That exchange was never answered: like every real client, send it once
    // more on a new connection (only then; a new connection's failure is the exchange's).
    bool mayRetry(const Exchange *exchange, HttpFailure failure) const;
    // Replaces the exchange's connection by a new one and sends the request when it is already
    // connected. False with exchange->m_failure set when that fails; nothing finished.
    bool reconnect(Exchange *exchange);
    // finish(), unless mayRetry() and the retry is under way.
    void failOrRetry(Exchange *exchange, HttpFailure failure);
    void onReady();
    void onEvent(Connection *connection, std::uint32_t events);
    void readResponse(Exchange *exchange);
    bool parseHead(Exchange *exchange, const char *data, std::size_t n, std::size_t *used);
    // Ends the exchange, hands its connection on (or closes it) and resumes its coroutine last.
    void finish(Exchange *exchange, HttpFailure failure);
    void release(Connection *connection, bool reusable);
    void closeConnection(Connection *connection);
    void sweepTimeouts();
    void track(Exchange *exchange);
    void untrack(Exchange *exchange);

    const HttpTarget m_target;
    const bool m_spreadSources;
    int m_epoll = -1;
    std::unique_ptr<QSocketNotifier> m_notifier;
    QTimer m_sweep;
    std::vector<Exchange *> m_inFlight; // started, not finished: what the timeout sweep checks
    std::deque<Exchange *> m_queued;    // waiting for a pooled connection, first come first served
    std::vector<std::unique_ptr<Connection>> m_pool;
    std::vector<Connection *> m_idle;
    std::unique_ptr<char[]> m_buffer; // one read buffer for every socket of this loop
};
