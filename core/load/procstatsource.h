// SPDX-License-Identifier: MIT
#pragma once

#include "core/load/cpustatsource.h"

#include <QString>

// Linux: reads /proc/stat (or another file of the same format, for tests).
class ProcStatSource final : public CpuStatSource
{
public:
    explicit ProcStatSource(QString path = QStringLiteral("/proc/stat"));
    std::optional<QByteArray> read() override;

private:
    QString m_path;
};
