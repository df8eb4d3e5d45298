// SPDX-License-Identifier: MIT
#pragma once

#include "ui/models/historyentry.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <cstdint>

class QSettings;

// Which runs of the history are listed: every field left at its default lets every run through;
// each set field must match. A value type: the filter bar edits one, the proxy applies it, the
// settings keep it (under history/filter/) so it survives a restart.
struct HistoryFilter
{
    enum class Busy { Any, Busy, Quiet };

    // Matched, without regard to case, against every cell the row shows; words must all match,
    // and "4 loops" (loopsLabel()) matches K = 4 alone.
    QString text;
    std::int64_t experimentId = 0; // 0: every experiment
    QString runtime;               // runtimeName(); empty: every runtime
    QString transport;             // transportName(); empty: every transport
    QString machine;               // empty: every machine
    Busy busy = Busy::Any;         // whether other programs took the machine during the run

    bool isEmpty() const { return *this == HistoryFilter{}; }
    // `cells`: the row's shown text, one entry per column.
    bool accepts(const HistoryEntry &entry, const QStringList &cells) const;

    void save(QSettings &settings) const;
    static HistoryFilter load(const QSettings &settings);

    friend bool operator==(const HistoryFilter &, const HistoryFilter &) = default;
};
Q_DECLARE_METATYPE(HistoryFilter)
