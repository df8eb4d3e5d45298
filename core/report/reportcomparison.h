// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/statistics.h"
#include "core/experiment/experiment.h"

#include <QString>

#include <vector>

// Reports of several runs or machines side by side, in the manner of Go's benchstat: one table
// per configuration (one workload, one runtime at one shard count K), one row per report with its
// median wall time, and the change against the first report that has the configuration, with a
// Mann-Whitney test saying whether the change is more than noise. Reports are compared only where
// they ran the same plan (Plan: the workload and its transport): a speedup between two plans
// measures the plans, not the machines.

// One report to compare: the name it is shown under (the path as the user gave it) and its
// content (ReportReader).
struct ComparedReport
{
    QString name;
    ExperimentResult result;
};

// One report's figures for one configuration. Every figure comes from the report's summary
// (ExperimentSummary: completed runs only), except the test, which needs both reports' runs.
struct ComparisonCell
{
    enum class State {
        Measured,  // the report ran this configuration (possibly with no completed run)
        Missing,   // same plan, but this (runtime, K) was not run
        OtherPlan, // the report ran another plan: nothing here compares
    };
    State state = State::Missing;
    int completedRuns = 0;
    double medianWallMs = kNaN;
    // Against the table's base report: (this median - base median) / base median, in percent.
    // NaN for the base itself and where either median is missing.
    double changePercent = kNaN;
    // The base's completed wall times against this report's (NaN where not computed).
    MannWhitney vsBase;
    int baseRuns = 0;
    // p <= kSignificanceLevel: the change is shown; otherwise "~", as benchstat does.
    bool significant = false;
    // This report's own 1-loop median over this K's median, on this runtime; NaN where the report
    // ran no 1 loop.
    double speedup = kNaN;
    // The largest share of the CPUs other programs took during a completed run of this
    // configuration, when that made the machine busy (RunResult::machineBusy()); NaN when quiet.
    double busyFraction = kNaN;
};

struct ComparisonTable
{
    Plan plan;
    Runtime runtime = Runtime::Threads;
    int shards = 1;
    // The report the changes are measured against: the first, in the order given, that ran this
    // configuration.
    std::size_t base = 0;
    std::vector<ComparisonCell> cells; // one per report, in the order given
};

struct ReportComparison
{
    std::vector<ComparedReport> reports;
    // By plan in the order the reports first ran them, then by runtime (in the same order), then
    // by ascending K.
    std::vector<ComparisonTable> tables;
    // Every report ran one plan. Otherwise the tables say "different plan" where one does not
    // belong, and planDifferences names the fields in which the plans differ (planDifferences()
    // of the first report's plan and each other one, every label once).
    bool samePlan() const { return planDifferences.isEmpty(); }
    QStringList planDifferences;
};

// benchstat's default: a change with a p-value above it is printed as "~".
inline constexpr double kSignificanceLevel = 0.05;

ReportComparison compareReports(std::vector<ComparedReport> reports);
