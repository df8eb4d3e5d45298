// SPDX-License-Identifier: MIT
#include "core/net/transportconfig.h"

#include "core/base/enumnames.h"
#include "core/base/wording.h"
#include "core/net/endpoint.h"

namespace {

constexpr EnumName<Transport> kTransportNames[] = {
    {Transport::Timer, u"timer"},
    {Transport::Http, u"http"},
};

} // namespace

QString transportName(Transport transport)
{
    return nameOf(kTransportNames, transport);
}

std::optional<Transport> transportFromName(QStringView name)
{
    return valueOf(kTransportNames, name);
}

std::optional<int> TransportConfig::readConnections(QStringView text, QString *error)
{
    if (text.trimmed().compare(u"per-task", Qt::CaseInsensitive) == 0)
        return 0;
    QString why;
    const auto n = kConnectionRange.read(text, &why);
    if (!n) {
        if (error)
            *error = coreTr("TransportConfig", "%1 (or per-task)").arg(why);
        return std::nullopt;
    }
    return static_cast<int>(*n);
}

QString TransportConfig::connectionsText() const
{
    return connections == 0 ? QStringLiteral("per-task") : QString::number(connections);
}

FieldErrors TransportConfig::validate() const
{
    FieldErrors errors;
    if (connections != 0) {
        if (auto e = kConnectionRange.check(connections))
            errors.append({QStringLiteral("connections"),
                           coreTr("TransportConfig", "%1 (or per-task)").arg(*e)});
    }
    if (auto e = kResponseBytesRange.check(responseBytes))
        errors.append({QStringLiteral("responseBytes"), *e});
    if (auto e = kServerLoopRange.check(serverLoops))
        errors.append({QStringLiteral("serverLoops"), *e});
    if (auto e = kTimeoutRange.check(timeoutMs))
        errors.append({QStringLiteral("httpTimeout"), *e});
    if (!target.isEmpty()) {
        QString why;
        if (!Endpoint::read(target, &why, false))
            errors.append({QStringLiteral("target"), why});
    }
    return errors;
}

QStringList transportNames()
{
    return namesOf(kTransportNames);
}
