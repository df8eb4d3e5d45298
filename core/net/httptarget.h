// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/endpoint.h"

// Where and how one run's tasks fetch: resolved from TransportConfig once the server is known
// (the port of the server the run started, or --target).
struct HttpTarget
{
    Endpoint server;
    int connections = 0; // 0: one per request; N: a keep-alive pool of N per shard
    int responseBytes = 4096;
    int timeoutMs = 10000; // beyond each request's planned delay

    friend bool operator==(const HttpTarget &, const HttpTarget &) = default;
};
