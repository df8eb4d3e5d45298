// SPDX-License-Identifier: MIT
#include "ui/models/historyfilter.h"

#include "core/engine/runtime.h"
#include "core/experiment/verdict.h"

#include <QSettings>

namespace {
const QString kText = QStringLiteral("history/filter/text");
const QString kExperiment = QStringLiteral("history/filter/experiment");
const QString kRuntime = QStringLiteral("history/filter/runtime");
const QString kTransport = QStringLiteral("history/filter/transport");
const QString kMachine = QStringLiteral("history/filter/machine");
const QString kBusy = QStringLiteral("history/filter/busy");
} // namespace

bool HistoryFilter::accepts(const HistoryEntry &entry, const QStringList &cells) const
{
    const RunResult &r = entry.result;
    if (experimentId != 0 && entry.experimentId != experimentId)
        return false;
    if (!runtime.isEmpty() && runtimeName(r.runtime) != runtime)
        return false;
    if (!transport.isEmpty() && transportName(entry.plan.transport.kind) != transport)
        return false;
    if (!machine.isEmpty() && entry.machine != machine)
        return false;
    if (busy != Busy::Any && r.machineBusy() != (busy == Busy::Busy))
        return false;
    QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    // "2 loops", as loopsLabel() writes K, is the shard count: as two words, "2" and "loops"
    // were each found somewhere in nearly every row (a date, "4 loops").
    for (qsizetype i = 0; i + 1 < words.size(); ++i) {
        bool number = false;
        const int k = words[i].toInt(&number);
        if (number && k > 0 &&
            QString::compare(loopsLabel(k), words[i] + QLatin1Char(' ') + words[i + 1],
                             Qt::CaseInsensitive) == 0) {
            if (r.shards != k)
                return false;
            words.remove(i, 2);
            --i;
        }
    }
    return std::all_of(words.begin(), words.end(), [&cells](const QString &word) {
        return std::any_of(cells.begin(), cells.end(), [&word](const QString &cell) {
            return cell.contains(word, Qt::CaseInsensitive);
        });
    });
}

void HistoryFilter::save(QSettings &settings) const
{
    settings.setValue(kText, text);
    settings.setValue(kExperiment, qint64{experimentId});
    settings.setValue(kRuntime, runtime);
    settings.setValue(kTransport, transport);
    settings.setValue(kMachine, machine);
    settings.setValue(kBusy, int(busy));
}

HistoryFilter HistoryFilter::load(const QSettings &settings)
{
    HistoryFilter f;
    f.text = settings.value(kText).toString();
    f.experimentId = std::max<qint64>(0, settings.value(kExperiment).toLongLong());
    f.runtime = settings.value(kRuntime).toString();
    f.transport = settings.value(kTransport).toString();
    f.machine = settings.value(kMachine).toString();
    const int busy = settings.value(kBusy).toInt();
    // A value written by hand or by another build lets every run through.
    f.busy = busy == int(Busy::Busy) || busy == int(Busy::Quiet) ? Busy(busy) : Busy::Any;
    return f;
}
