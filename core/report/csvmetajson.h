// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QStringList>

struct ExperimentResult;

// meta.json of a CSV set: the JSON report (core/report/jsonreport.h) without its runs, plus the
// schema of the CSV files (`files`), the baseline and the Amdahl fit.
QByteArray csvMetaJson(const ExperimentResult &result, const QStringList &files);
