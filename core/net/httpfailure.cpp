// SPDX-License-Identifier: MIT
#include "core/net/httpfailure.h"

#include <cerrno>

QString httpFailureName(HttpFailure failure)
{
    switch (failure) {
    case HttpFailure::None:
        return {};
    case HttpFailure::Refused:
        return QStringLiteral("refused");
    case HttpFailure::Reset:
        return QStringLiteral("reset");
    case HttpFailure::Truncated:
        return QStringLiteral("truncated");
    case HttpFailure::Timeout:
        return QStringLiteral("timeout");
    case HttpFailure::BadResponse:
        return QStringLiteral("bad_response");
    case HttpFailure::Error:
        return QStringLiteral("error");
    case HttpFailure::OutOfPorts:
        return QStringLiteral("out_of_ports");
    case HttpFailure::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

QString httpFailureMessage(HttpFailure failure)
{
    switch (failure) {
    case HttpFailure::None:
        return {};
    case HttpFailure::Refused:
        return QStringLiteral("connection refused (no server at the target)");
    case HttpFailure::Reset:
        return QStringLiteral("connection reset by the server");
    case HttpFailure::Truncated:
        return QStringLiteral("response truncated (the connection closed before its body ended)");
    case HttpFailure::Timeout:
        return QStringLiteral("no response within its delay plus the HTTP timeout");
    case HttpFailure::BadResponse:
        return QStringLiteral("the server's answer is not an HTTP 200 response with a length");
    case HttpFailure::Error:
        return QStringLiteral("socket error");
    case HttpFailure::OutOfPorts:
        return QStringLiteral("out of local ports (EADDRNOTAVAIL): fewer tasks in flight, or "
                              "widen net.ipv4.ip_local_port_range");
    case HttpFailure::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

HttpFailure httpFailureOfErrno(int error)
{
    switch (error) {
    case ECONNREFUSED:
        return HttpFailure::Refused;
    case ECONNRESET:
    case EPIPE:
    case ECONNABORTED:
        return HttpFailure::Reset;
    case ETIMEDOUT:
        return HttpFailure::Timeout;
    case EADDRNOTAVAIL: // connect() found no free (source port, destination) pair
        return HttpFailure::OutOfPorts;
    default:
        return HttpFailure::Error;
    }
}
