// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/fielderror.h"
#include "core/base/numberrange.h"

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

// How a task does its IO: a sleep on its shard's timer queue (the original experiment), or one
// HTTP/1.1 GET over a real TCP socket to `loopbench --serve`, which answers after the task's
// planned delay.
enum class Transport { Timer, Http };
QString transportName(Transport transport);
std::optional<Transport> transportFromName(QStringView name);
QStringList transportNames(); // "timer", "http": every name, in order

// The transport an experiment asks for. A plain value carried by ExperimentSpec, presets and
// reports.
struct TransportConfig
{
    Transport kind = Transport::Timer;
    // 0: one connection per request (a crawler visiting many sites); N: a keep-alive pool of N
    // per shard that tasks queue for, as a real client's per-host limit does.
    int connections = 0;
    // 4 KiB: a small page, what the figures are measured with.
    int responseBytes = 4096;
    // "HOST:PORT" of a server started by hand; empty: the run starts its own.
    QString target;
    // Server loops (threads) of the server a run starts itself.
    int serverLoops = 1;
    // How long a request may take beyond its planned delay before it fails as "timeout".
    int timeoutMs = 10000;

    // A pool larger than the descriptors any machine gives one process is a typo.
    static constexpr NumberRange kConnectionRange{1, 1'000'000, nullptr};
    // 16 MiB: far above any page a crawler fetches; the body is generated per request.
    static constexpr NumberRange kResponseBytesRange{0, 16 * 1024 * 1024, "bytes"};
    static constexpr NumberRange kServerLoopRange{1, 256, nullptr};
    static constexpr NumberRange kTimeoutRange{1, 3'600'000, "ms"};

    // "per-task" or a pool size in kConnectionRange.
    static std::optional<int> readConnections(QStringView text, QString *error);
    QString connectionsText() const;
    bool isHttp() const { return kind == Transport::Http; }

    // Problems keyed "transport", "connections", "responseBytes", "target", "serverLoops",
    // "httpTimeout".
    FieldErrors validate() const;

    friend bool operator==(const TransportConfig &, const TransportConfig &) = default;
};
