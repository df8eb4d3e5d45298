// SPDX-License-Identifier: MIT
#include "core/system/machineinfo.h"

#include <QDateTime>
#include <QFile>
#include <QSysInfo>
#include <QThread>

namespace {

QString cpuModelName()
{
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return QStringLiteral("unknown");
    // procfs files report size 0, so QFile::atEnd() is true at once: read it whole instead.
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("model name")) {
            const auto colon = line.indexOf(':');
            if (colon >= 0)
                return QString::fromUtf8(line.mid(colon + 1)).trimmed();
        }
    }
    return QStringLiteral("unknown");
}

QString compilerName()
{
#if defined(__clang__)
    return QStringLiteral("clang ") + QStringLiteral(__clang_version__);
#elif defined(__GNUC__)
    return QStringLiteral("gcc ") + QStringLiteral(__VERSION__);
#else
    return QStringLiteral("unknown");
#endif
}

} // namespace

MachineInfo MachineInfo::current()
{
    MachineInfo m;
    m.appVersion = QStringLiteral(LOOPBENCH_VERSION);
    m.gitHash = QStringLiteral(LOOPBENCH_GIT_HASH);
    m.cpuModel = cpuModelName();
    m.logicalCpus = QThread::idealThreadCount();
    m.os = QSysInfo::prettyProductName() + QStringLiteral(", kernel ") + QSysInfo::kernelVersion();
    m.qtVersion = QString::fromLatin1(qVersion());
    m.qcoroVersion = QStringLiteral(LOOPBENCH_QCORO_VERSION);
    m.compiler = compilerName();
    m.buildType = QStringLiteral(LOOPBENCH_BUILD_TYPE);
    m.timestampUtc = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    m.host = QSysInfo::machineHostName();
    return m;
}

QJsonObject MachineInfo::toJson() const
{
    return QJsonObject{
        {QStringLiteral("app_version"), appVersion},
        {QStringLiteral("git_hash"), gitHash},
        {QStringLiteral("cpu_model"), cpuModel},
        {QStringLiteral("logical_cpus"), logicalCpus},
        {QStringLiteral("os"), os},
        {QStringLiteral("qt_version"), qtVersion},
        {QStringLiteral("qcoro_version"), qcoroVersion},
        {QStringLiteral("compiler"), compiler},
        {QStringLiteral("build_type"), buildType},
        {QStringLiteral("timestamp_utc"), timestampUtc},
        {QStringLiteral("host"), host},
    };
}
