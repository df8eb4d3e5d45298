// SPDX-License-Identifier: MIT
#include "core/net/endpoint.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

std::optional<Endpoint> Endpoint::read(QStringView text, QString *error, bool allowAnyPort)
{
    const QString range = allowAnyPort ? QStringLiteral("0 to 65,535 (0: any free port)")
                                       : QStringLiteral("1 to 65,535");
    auto fail = [&](const QString &why) -> std::optional<Endpoint> {
        if (error)
            *error = QStringLiteral("'%1' %2").arg(text.toString(), why);
        return std::nullopt;
    };
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return fail(QStringLiteral("is not HOST:PORT with a port from %1").arg(range));
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535 || (port == 0 && !allowAnyPort))
        return fail(QStringLiteral("is not HOST:PORT with a port from %1").arg(range));
    const QByteArray host = text.left(colon).toUtf8();
    Endpoint e;
    e.port = static_cast<std::uint16_t>(port);
    in_addr addr{};
    if (inet_pton(AF_INET, host.constData(), &addr) == 1) {
        e.address = ntohl(addr.s_addr);
        return e;
    }
    addrinfo hints{};
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *found = nullptr;
    if (getaddrinfo(host.constData(), nullptr, &hints, &found) != 0 || !found)
        return fail(QStringLiteral("names no IPv4 host this machine can resolve"));
    e.address = ntohl(reinterpret_cast<const sockaddr_in *>(found->ai_addr)->sin_addr.s_addr);
    freeaddrinfo(found);
    return e;
}

QString Endpoint::text() const
{
    return QStringLiteral("%1.%2.%3.%4:%5")
        .arg(address >> 24)
        .arg((address >> 16) & 0xff)
        .arg((address >> 8) & 0xff)
        .arg(address & 0xff)
        .arg(port);
}
