// SPDX-License-Identifier: MIT
#pragma once

#include "ui/export/reportexporter.h"

class QSettings;

// The export dialog's choices as they last were, across restarts: folder, scope, reports, chart
// formats and PNG size. A stored value that is out of range falls back to the default.
namespace ExportSettings {

ExportOptions load(const QSettings &settings);
void save(QSettings &settings, const ExportOptions &options);

} // namespace ExportSettings
