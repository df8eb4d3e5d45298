// SPDX-License-Identifier: MIT
#include "core/store/storecodec.h"

#include <QStringList>
#include <QtEndian>

#include <cmath>
#include <limits>

namespace StoreCodec {

QString fractions(const std::vector<std::vector<double>> &series, std::size_t i)
{
    QStringList parts;
    for (const std::vector<double> &column : series) {
        const double v = i < column.size() ? column[i] : std::numeric_limits<double>::quiet_NaN();
        parts.append(std::isfinite(v) ? QString::number(v, 'g', 6) : QString());
    }
    // Never a null QString, which would bind as NULL: "" for a sample with no figure known.
    const QString joined = parts.join(QLatin1Char(','));
    return joined.isNull() ? QString(QLatin1String("")) : joined;
}

void appendFractions(std::vector<std::vector<double>> &series, const QString &text,
                     std::size_t sample)
{
    const QStringList parts = text.isEmpty() ? QStringList() : text.split(QLatin1Char(','));
    if (series.size() < static_cast<std::size_t>(parts.size()))
        series.resize(static_cast<std::size_t>(parts.size()));
    for (std::vector<double> &column : series)
        column.resize(sample + 1, std::numeric_limits<double>::quiet_NaN());
    for (qsizetype c = 0; c < parts.size(); ++c) {
        bool ok = false;
        const double v = parts[c].toDouble(&ok);
        if (ok)
            series[static_cast<std::size_t>(c)][sample] = v;
    }
}

QByteArray timings(const std::vector<TaskTiming> &timings)
{
    QByteArray bytes;
    bytes.resize(static_cast<qsizetype>(timings.size() * 16));
    char *out = bytes.data();
    for (const TaskTiming &t : timings) {
        qToLittleEndian<qint64>(t.resumedNs, out);
        qToLittleEndian<qint64>(t.doneNs, out + 8);
        out += 16;
    }
    return bytes;
}

std::vector<TaskTiming> timingsOf(const QByteArray &bytes)
{
    std::vector<TaskTiming> timings(static_cast<std::size_t>(bytes.size() / 16));
    const char *in = bytes.constData();
    for (TaskTiming &t : timings) {
        t.resumedNs = qFromLittleEndian<qint64>(in);
        t.doneNs = qFromLittleEndian<qint64>(in + 8);
        in += 16;
    }
    return timings;
}

QByteArray work(const std::vector<TaskTiming> &timings)
{
    QByteArray bytes;
    bytes.resize(static_cast<qsizetype>(timings.size() * 8));
    char *out = bytes.data();
    for (const TaskTiming &t : timings) {
        qToLittleEndian<qint64>(t.workNs, out);
        out += 8;
    }
    return bytes;
}

bool setWork(std::vector<TaskTiming> &timings, const QByteArray &bytes)
{
    if (static_cast<std::size_t>(bytes.size()) != timings.size() * 8)
        return false;
    const char *in = bytes.constData();
    for (TaskTiming &t : timings) {
        t.workNs = qFromLittleEndian<qint64>(in);
        in += 8;
    }
    return true;
}

QByteArray loops(const std::vector<std::uint16_t> &loops)
{
    QByteArray bytes;
    bytes.resize(static_cast<qsizetype>(loops.size() * 2));
    char *out = bytes.data();
    for (const std::uint16_t loop : loops) {
        qToLittleEndian<quint16>(loop, out);
        out += 2;
    }
    return bytes;
}

std::vector<std::uint16_t> loopsOf(const QByteArray &bytes)
{
    std::vector<std::uint16_t> loops(static_cast<std::size_t>(bytes.size() / 2));
    const char *in = bytes.constData();
    for (std::uint16_t &loop : loops) {
        loop = qFromLittleEndian<quint16>(in);
        in += 2;
    }
    return loops;
}

} // namespace StoreCodec
