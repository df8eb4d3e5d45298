// SPDX-License-Identifier: MIT
#include "ui/export/exportsettings.h"

#include <QSettings>

namespace {

const QString kGroup = QStringLiteral("export/");

QString key(const char *name)
{
    return kGroup + QLatin1String(name);
}

} // namespace

namespace ExportSettings {

ExportOptions load(const QSettings &s)
{
    ExportOptions o;
    o.directory = s.value(key("directory"), o.directory).toString();
    const int scope = s.value(key("scope"), int(o.scope)).toInt();
    if (scope >= int(ExportScope::Experiment) && scope <= int(ExportScope::History))
        o.scope = static_cast<ExportScope>(scope);
    o.csv = s.value(key("csv"), o.csv).toBool();
    o.tasksCsv = s.value(key("tasksCsv"), o.tasksCsv).toBool();
    o.json = s.value(key("json"), o.json).toBool();
    o.markdown = s.value(key("markdown"), o.markdown).toBool();
    o.png = s.value(key("png"), o.png).toBool();
    o.svg = s.value(key("svg"), o.svg).toBool();
    const QSize size = s.value(key("pngSize"), o.pngSize).toSize();
    if (size.width() >= 16 && size.height() >= 16 && size.width() <= ReportExporter::kMaxPngSide &&
        size.height() <= ReportExporter::kMaxPngSide)
        o.pngSize = size;
    return o;
}

void save(QSettings &s, const ExportOptions &o)
{
    s.setValue(key("directory"), o.directory);
    s.setValue(key("scope"), int(o.scope));
    s.setValue(key("csv"), o.csv);
    s.setValue(key("tasksCsv"), o.tasksCsv);
    s.setValue(key("json"), o.json);
    s.setValue(key("markdown"), o.markdown);
    s.setValue(key("png"), o.png);
    s.setValue(key("svg"), o.svg);
    s.setValue(key("pngSize"), o.pngSize);
}

} // namespace ExportSettings
