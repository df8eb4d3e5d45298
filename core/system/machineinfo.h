// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QString>

// Where and with what a report was measured. Travels with every report, so a figure is never
// separated from the machine and build that produced it.
struct MachineInfo
{
    QString appVersion;
    QString gitHash;
    QString cpuModel;
    int logicalCpus = 0;
    QString os;
    QString qtVersion;
    QString qcoroVersion;
    QString compiler;
    QString buildType;
    QString timestampUtc; // ISO 8601, when the report was made
    QString host;         // the machine's host name: tells reports of two machines apart

    static MachineInfo current();
    QJsonObject toJson() const;
};
