// SPDX-License-Identifier: MIT
#include "core/report/reportcomparison.h"

#include "core/experiment/experimentsummary.h"

#include <algorithm>
#include <cmath>

namespace {

std::vector<double> completedWalls(const ExperimentResult &result, Runtime runtime, int shards)
{
    std::vector<double> walls;
    for (const RunResult &r : result.runs) {
        if (r.runtime == runtime && r.shards == shards && r.completed())
            walls.push_back(r.wallMs);
    }
    return walls;
}

bool ran(const ExperimentResult &result, Runtime runtime, int shards)
{
    return result.summary.config(runtime, shards) != nullptr;
}

ComparisonCell measured(const ExperimentResult &result, Runtime runtime, int shards)
{
    ComparisonCell cell;
    cell.state = ComparisonCell::State::Measured;
    const ConfigSummary *c = result.summary.config(runtime, shards);
    cell.completedRuns = c->completedRuns;
    cell.medianWallMs = c->wallMs.median;
    // The summary's speedup is against its baseline, which is 1 loop whenever 1 loop was run.
    if (result.summary.baselineShards == 1)
        cell.speedup = c->speedup.value;
    for (const RunResult &r : result.runs) {
        if (r.runtime == runtime && r.shards == shards && r.completed() && r.machineBusy() &&
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
        // Configurations are (runtime, K): runtimes in the order the reports first ran them,
        // each by ascending K.
        std::vector<std::pair<Runtime, int>> keys;
        std::vector<Runtime> runtimes;
        for (const ComparedReport &r : out.reports) {
            if (r.result.spec.plan() != plan)
                continue;
            for (const ConfigSummary &c : r.result.summary.configs) {
                keys.emplace_back(c.runtime, c.shards);
                if (std::find(runtimes.begin(), runtimes.end(), c.runtime) == runtimes.end())
                    runtimes.push_back(c.runtime);
            }
        }
        auto order = [&](const std::pair<Runtime, int> &key) {
            return std::pair{std::find(runtimes.begin(), runtimes.end(), key.first) -
                                 runtimes.begin(),
                             key.second};
        };
        std::sort(keys.begin(), keys.end(),
                  [&](const auto &a, const auto &b) { return order(a) < order(b); });
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());

        for (const auto &[runtime, k] : keys) {
            ComparisonTable table;
            table.plan = plan;
            table.runtime = runtime;
            table.shards = k;
            bool haveBase = false;
            for (std::size_t i = 0; i < out.reports.size(); ++i) {
                const ExperimentResult &result = out.reports[i].result;
                ComparisonCell cell;
                if (result.spec.plan() != plan) {
                    cell.state = ComparisonCell::State::OtherPlan;
                } else if (ran(result, runtime, k)) {
                    cell = measured(result, runtime, k);
                    if (!haveBase) {
                        table.base = i;
                        haveBase = true;
                    }
                }
                table.cells.push_back(cell);
            }
            const ExperimentResult &baseResult = out.reports[table.base].result;
            const ComparisonCell &base = table.cells[table.base];
            const std::vector<double> baseWalls = completedWalls(baseResult, runtime, k);
            for (std::size_t i = 0; i < table.cells.size(); ++i) {
                ComparisonCell &cell = table.cells[i];
                if (i == table.base || cell.state != ComparisonCell::State::Measured)
                    continue;
                cell.baseRuns = base.completedRuns;
                if (base.medianWallMs > 0 && std::isfinite(cell.medianWallMs)) {
                    cell.changePercent =
                        (cell.medianWallMs - base.medianWallMs) / base.medianWallMs * 100;
                }
                cell.vsBase =
                    mannWhitneyU(baseWalls, completedWalls(out.reports[i].result, runtime, k));
                cell.significant = cell.vsBase.p <= kSignificanceLevel;
            }
            out.tables.push_back(std::move(table));
        }
    }
    return out;
}
