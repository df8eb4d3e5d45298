// SPDX-License-Identifier: MIT
#include "core/load/procstatsource.h"

#include <QFile>

#include <utility>

ProcStatSource::ProcStatSource(QString path)
    : m_path(std::move(path))
{}

std::optional<QByteArray> ProcStatSource::read()
{
    // Opened afresh each time: procfs builds the text on open/read, and at 4 Hz the open costs
    // nothing next to the chart it feeds.
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    // readAll(), not size(): procfs files report size 0.
    QByteArray text = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return std::nullopt;
    return text;
}
