// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/shardset.h"

#include <QMetaType>

#include <vector>

struct ExperimentSpec;

// What an experiment is doing, in the order it does it.
enum class ExperimentPhase {
    Idle,
    Calibrating, // ns per kernel iteration, off the caller's thread
    DrawingPlan, // the one plan every run executes, off the caller's thread
    Running,     // a run is in flight
    Settling,    // the pause between two runs
    Summarizing, // summarizeExperiment(), off the caller's thread
};

// One run of an experiment.
struct ExperimentStep
{
    int runIndex = 0; // 0-based among the measured runs; -1 for the warm-up
    int runCount = 0; // measured runs in the whole experiment
    Runtime runtime = Runtime::Threads;
    int shards = 1;
    int repeat = 0;
    bool warmup() const { return runIndex < 0; }
};

// The runs of `spec` in execution order: the warm-up (the first configuration) when asked for,
// then `repeats` rounds, each over every runtime and, per runtime, every shard count (threads 1,
// threads K, stealing 1, stealing K, threads 1, ...), so that drift of the machine hits every
// configuration alike.
std::vector<ExperimentStep> experimentSteps(const ExperimentSpec &spec);

// A poll of an experiment in flight (ExperimentRunner::progress()): cheap, never pushed per task.
struct ExperimentProgress
{
    ExperimentPhase phase = ExperimentPhase::Idle;
    ExperimentStep step; // the run in flight, or the one that ran last
    RunProgress run;     // empty unless phase is Running
};

Q_DECLARE_METATYPE(ExperimentPhase)
Q_DECLARE_METATYPE(ExperimentStep)
