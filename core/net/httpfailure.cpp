// SPDX-License-Identifier: MIT
#include "core/net/httpfailure.h"

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
    case HttpFailure::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}
