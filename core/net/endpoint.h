// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringView>

#include <cstdint>
#include <optional>

// An IPv4 address and port, as the client connects to it and the server listens on it. IPv4
// only: the loopback crawl is the point, and 127.0.0.0/8 gives many source addresses.
struct Endpoint
{
    std::uint32_t address = 0; // host byte order
    std::uint16_t port = 0;

    // "127.0.0.1:8080", a host name ("localhost:8080", resolved once, now) or, with `allowAnyPort`,
    // port 0 (the system picks one). On failure nullopt and *error, e.g. "'x:99999' is not
    // HOST:PORT with a port from 1 to 65,535".
    static std::optional<Endpoint> read(QStringView text, QString *error, bool allowAnyPort);
    QString text() const;
    bool isLoopback() const { return (address >> 24) == 127; }

    friend bool operator==(const Endpoint &, const Endpoint &) = default;
};
