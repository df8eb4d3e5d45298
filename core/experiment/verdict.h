// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/statistics.h"
#include "core/engine/runtime.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

struct ExperimentResult;
struct ExperimentSummary;
struct RunResult;

// The one judgement of an experiment: which K is how much faster than the baseline, and how far
// to trust it. The window's headline, the statistics page, the chart titles, the CLI, every
// report, the store and the two-row comparison all show this value's text and compute none of
// their own (two copies drifted: one sweep read "no K is faster beyond noise" in the window and
// "1.03x faster" in its report).
//
// With repeats the statistics decide: the best K is named only when it is apart from the baseline
// beyond noise (a Mann-Whitney p below kVerdictSignificance, or two standard errors of the
// speedup where there is no p), and K that the best is not clearly ahead of share its place.
// With one run per K there is no noise to judge by, and the verdict says so.
struct Verdict
{
    enum class Kind {
        Cancelled,      // the experiment did not finish: no judgement
        NoRuns,         // no run completed
        NoBaseline,     // the baseline K has no completed run
        BaselineOnly,   // nothing to compare the baseline with: its time only
        DifferentPlans, // the runs ran different plans: no speedup
        Faster,         // the named K against the baseline
        Slower,
        AsFast,
        WithinNoise, // with repeats, no K differs from the baseline beyond noise
        Tied,        // with repeats, several K are the fastest within noise
    };
    Kind kind = Kind::NoRuns;
    // The runtime judged: with several ("Compare runtimes"), the first one's figures are the
    // headline's and `byRuntime` holds each runtime's own judgement, in the spec's order.
    Runtime runtime = Runtime::Threads;
    std::vector<Verdict> byRuntime;
    // With several runtimes, the configuration with the shortest median wall time (shards 0
    // where none completed); the claim names it, with any as fast as it.
    Runtime fastestRuntime = Runtime::Threads;
    int fastestShards = 0;
    int baselineShards = 1;
    int shards = 0;        // the K the verdict names (the fastest); 0 where none
    QList<int> tiedShards; // Kind::Tied: every K sharing the place, ascending
    double speedup = kNaN; // baseline median wall / the named K's
    // ConfigSummary::speedup.error of the named K: the one-sigma error that repeats give the
    // speedup ("1.87 ± 0.01× faster", as hyperfine writes it). NaN with one run per K.
    double speedupError = kNaN;
    double idealSpeedup = kNaN;
    // How many times faster or slower, always >= 1: a K that is slower reads "2.50x slower"
    // (1 / speedup), never "0.40x faster".
    double factor = kNaN;
    bool oneRunPerK = false;
    // The largest share of all CPUs other programs took during a judged run, when that was more
    // than RunResult::kMachineBusyThreshold (NaN otherwise): the numbers measured the neighbours
    // too.
    double busyFraction = kNaN;

    // "4 loops: 2.93x faster than 1 loop (ideal 3.40x)"; with repeats "2.93 ± 0.04x faster";
    // with several runtimes each one's claim after its name, then the fastest: "threads: 2 loops:
    // as fast as 1 loop (ideal 1.00x); asyncio: 2 loops: 1.91x faster than 1 loop (ideal 1.96x);
    // fastest: 2 loops (threads), 1.00 s"
    QString claim;
    // With several runtimes, the claim in a few words for a chart's title: "threads 2 loops as
    // fast; asyncio 2 loops 1.95 ± 0.07× faster; fastest: 2 loops (threads), 1.000 s". Empty
    // with one runtime (the claim is short).
    QString headline;
    QString detail; // "one run per K", or empty
    // "machine busy: other programs used 51 % of the CPUs; not comparable with quiet runs", or
    // empty on a quiet machine.
    QString busyNote;
    // The same in a few words for a chart's title, where the whole note took three lines of a
    // small pane: "machine busy (others 69 %)". The window's headline and reports say busyNote.
    QString busyBrief;

    bool machineBusy() const { return !busyNote.isEmpty(); }
    // The whole sentence: claim, " · " detail, " — " busy note.
    QString text() const;
};

inline constexpr double kVerdictSignificance = 0.05;

// The experiment's verdict from its summary (completed runs only) and its runs (for the cancel
// and the machine's load). `differingPlanFields`: when the runs ran different plans, the fields
// that differ (the caller's plan comparison): there is then no speedup to speak of.
Verdict judgeExperiment(const ExperimentSummary &summary, const std::vector<RunResult> &runs,
                        bool cancelled, const QStringList &differingPlanFields = {});
Verdict judgeExperiment(const ExperimentResult &result);
// Two runs side by side (the history's two selected rows): the same judgement over an experiment
// of those two runs, one run per K. Runs of one K are told apart by their start time.
Verdict judgeRuns(const RunResult &baseline, const RunResult &candidate,
                  const QStringList &differingPlanFields = {});

// What a cancelled run did: "cancelled after 3,840 of 10,000 tasks (1.535 s)", with " on 4 loops"
// before the time when `withLoops`. A cancelled run has no wall time; this is what it has.
QString cancelledText(const RunResult &run, bool withLoops = false);
// "1 loop", "4 loops".
QString loopsLabel(int shards);
// A configuration as every report and view names it: loopsLabel() on threads (the default
// runtime), "4 loops (stealing)" on any other.
QString configLabel(Runtime runtime, int shards);
// "2.93x faster than 1 loop", "2.50x slower than 1 loop", "as fast as 1 loop": `speedup` is the
// baseline's time over the other's, `baseline` names the baseline. With the speedup's error
// (repeats): "2.93 ± 0.04x faster than 1 loop".
QString speedPhrase(double speedup, const QString &baseline, double error = kNaN);
// "2.93x", or "2.93 ± 0.04x" with an error; the missing mark for a factor that is not finite.
// Numbers as coreNumber() writes them.
QString timesText(double factor, double error = kNaN);
// "machine busy: other programs used 51 % of the CPUs; not comparable with quiet runs".
QString machineBusyNote(double othersCpuFraction);
