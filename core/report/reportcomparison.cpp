// SPDX-License-Identifier: MIT
#include "core/report/reportcomparison.h"

#include "core/experiment/experimentsummary.h"

#include <algorithm>
#include <cmath>

namespace {

std::vector<double> completedWalls(const ExperimentResult &result, int shards)
{
    std::vector<double> walls;
    for (const RunResult &r : result.runs) {
        if (r.shards == shards && r.completed())
            walls.push_back(r.wallMs);
    }
    return walls;
}

bool ran(const ExperimentResult &result, int shards)
{
    return result.summary.config(shards) != nullptr;
}

ComparisonCell measured(const ExperimentResult &result, int shards)
{
    ComparisonCell cell;
    cell.state = ComparisonCell::State::Measured;
    const ConfigSummary *c = result.summary.config(shards);
    cell.completedRuns = c->completedRuns;
    cell.medianWallMs = c->wallMs.median;
    // The summary's speedup is against its baseline, which is 1 loop whenever 1 loop was run.
    if (result.summary.baselineShards == 1)
        cell.speedup = c->speedup.value;
    for (const RunResult &r : result.runs) {
        if (r.shards == shards && r.completed() && r.machineBusy() &&
            !(r.othersCpuFraction <= cell.busyFraction))
            cell.busyFraction = r.othersCpuFraction;
    }
    return cell;
}

} // namespace

ReportComparison compareReports(std::vector<ComparedReport> reports)
{
    ReportComparison out;
    out.reports = std::move(reports);
    std::vector<Plan> plans;
    for (const ComparedReport &r : out.reports) {
        const Plan &plan = r.result.spec.plan();
        if (std::find(plans.begin(), plans.end(), plan) == plans.end())
            plans.push_back(plan);
    }
    for (std::size_t i = 1; i < plans.size(); ++i) {
        for (const QString &label : planDifferences(plans.front(), plans[i])) {
            if (!out.planDifferences.contains(label))
                out.planDifferences.append(label);
        }
    }

    for (const Plan &plan : plans) {
        std::vector<int> shardCounts;
        for (const ComparedReport &r : out.reports) {
            if (r.result.spec.plan() != plan)
                continue;
            for (const ConfigSummary &c : r.result.summary.configs)
                shardCounts.push_back(c.shards);
        }
        std::sort(shardCounts.begin(), shardCounts.end());
        shardCounts.erase(std::unique(shardCounts.begin(), shardCounts.end()), shardCounts.end());

        for (const int k : shardCounts) {
            ComparisonTable table;
            table.plan = plan;
            table.shards = k;
            bool haveBase = false;
            for (std::size_t i = 0; i < out.reports.size(); ++i) {
                const ExperimentResult &result = out.reports[i].result;
                ComparisonCell cell;
                if (result.spec.plan() != plan) {
                    cell.state = ComparisonCell::State::OtherPlan;
                } else if (ran(result, k)) {
                    cell = measured(result, k);
                    if (!haveBase) {
                        table.base = i;
                        haveBase = true;
                    }
                }
                table.cells.push_back(cell);
            }
            const ExperimentResult &baseResult = out.reports[table.base].result;
            const ComparisonCell &base = table.cells[table.base];
            const std::vector<double> baseWalls = completedWalls(baseResult, k);
            for (std::size_t i = 0; i < table.cells.size(); ++i) {
                ComparisonCell &cell = table.cells[i];
                if (i == table.base || cell.state != ComparisonCell::State::Measured)
                    continue;
                cell.baseRuns = base.completedRuns;
                if (base.medianWallMs > 0 && std::isfinite(cell.medianWallMs)) {
                    cell.changePercent =
                        (cell.medianWallMs - base.medianWallMs) / base.medianWallMs * 100;
                }
                cell.vsBase = mannWhitneyU(baseWalls, completedWalls(out.reports[i].result, k));
                cell.significant = cell.vsBase.p <= kSignificanceLevel;
            }
            out.tables.push_back(std::move(table));
        }
    }
    return out;
}
