// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <array>
#include <cstdint>

// Why an HTTP exchange ended without its response: each is counted per run and named in the
// reports ("refused", "reset", ...).
enum class HttpFailure : std::uint8_t {
    None,        // the whole response arrived
    Refused,     // nothing listens at the target (ECONNREFUSED)
    Reset,       // the peer reset the connection (ECONNRESET, EPIPE)
    Truncated,   // the connection ended before Content-Length bytes of body arrived
    Timeout,     // no complete response within its delay plus the timeout
    BadResponse, // not "HTTP/1.x 200" with a Content-Length
    Error,       // any other socket error (out of descriptors, no route, ...)
    OutOfPorts,  // no local port left for a new connection (EADDRNOTAVAIL)
    Cancelled,   // the run was cancelled: not a failure of the task
};
inline constexpr std::size_t kHttpFailureKinds = 9;
using HttpFailureCounts = std::array<std::int64_t, kHttpFailureKinds>;

// "refused", "reset", "truncated", "timeout", "bad_response", "error", "out_of_ports",
// "cancelled"; "" for None.
QString httpFailureName(HttpFailure failure);
// A sentence for the run's error line: "connection refused", "connection reset by the server".
QString httpFailureMessage(HttpFailure failure);
// The failure a socket call's errno means: ECONNREFUSED is Refused, EADDRNOTAVAIL OutOfPorts, ...
HttpFailure httpFailureOfErrno(int error);
