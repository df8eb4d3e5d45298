// SPDX-License-Identifier: MIT
#include "ui/export/exportfigures.h"

#include "core/experiment/experiment.h"
#include "ui/charts/comparisonchart.h"
#include "ui/charts/coreloadview.h"
#include "ui/charts/efficiencychart.h"
#include "ui/charts/shardloadview.h"
#include "ui/charts/sweepchart.h"
#include "ui/models/comparison.h"

#include <QObject>

namespace {

// The run the shard chart shows: the last completed one of the largest K (the most threads to
// look at), else the last one.
const RunResult *shardRun(const ExperimentResult &result)
{
    const RunResult *chosen = nullptr;
    for (const RunResult &r : result.runs) {
        if (r.completed() && (!chosen || r.shards >= chosen->shards))
            chosen = &r;
    }
    if (!chosen && !result.runs.empty())
        chosen = &result.runs.back();
    return chosen;
}

} // namespace

namespace ExportFigures {

const QList<Figure> &all()
{
    static const QList<Figure> figures{
        {QStringLiteral("chart-core-load"), QObject::tr("Per-core load")},
        {QStringLiteral("chart-shard-load"), QObject::tr("Shard threads")},
        {QStringLiteral("chart-comparison"), QObject::tr("One loop against K loops")},
        {QStringLiteral("chart-sweep"), QObject::tr("Speedup against K")},
        {QStringLiteral("chart-efficiency"), QObject::tr("Efficiency per K")},
    };
    return figures;
}

Built build(const QString &stem, const ExperimentResult &result)
{
    Built b;
    if (stem == QLatin1String("chart-core-load")) {
        auto view = std::make_unique<CoreLoadView>();
        view->showRuns(result.runs);
        b.view = view->view();
        b.owner = std::move(view);
    } else if (stem == QLatin1String("chart-shard-load")) {
        auto view = std::make_unique<ShardLoadView>();
        if (const RunResult *run = shardRun(result))
            view->showRun(*run);
        b.view = view.get();
        b.owner = std::move(view);
    } else if (stem == QLatin1String("chart-comparison")) {
        auto view = std::make_unique<ComparisonChart>();
        if (const auto pair = Comparison::ofExperiment(result))
            view->setComparison(*pair);
        else
            view->setTitleLines(QObject::tr("No comparison"),
                                QObject::tr("this experiment has no two loop counts that both "
                                            "completed"));
        b.view = view.get();
        b.owner = std::move(view);
    } else if (stem == QLatin1String("chart-sweep")) {
        auto view = std::make_unique<SweepChart>();
        view->setExperiment(result, result.summary);
        b.view = view.get();
        b.owner = std::move(view);
    } else if (stem == QLatin1String("chart-efficiency")) {
        auto view = std::make_unique<EfficiencyChart>();
        view->setSummary(result.summary);
        b.view = view.get();
        b.owner = std::move(view);
    }
    return b;
}

} // namespace ExportFigures
