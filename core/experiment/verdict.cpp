// SPDX-License-Identifier: MIT
#include "core/experiment/verdict.h"

#include "core/base/missingmark.h"
#include "core/base/wholenumber.h"
#include "core/base/wording.h"
#include "core/engine/runresult.h"
#include "core/experiment/experiment.h"
#include "core/experiment/experimentsummary.h"
#include "core/experiment/plan.h"

#include <algorithm>
#include <cmath>

namespace {

// Whether two speedups differ by more than noise: two standard errors of their difference.
bool clearlyApart(const Ratio &a, const Ratio &b)
{
    const double e =
        std::hypot(std::isnan(a.error) ? 0.0 : a.error, std::isnan(b.error) ? 0.0 : b.error);
    return e > 0 && std::abs(a.value - b.value) > 2 * e;
}

QString seconds(double ms)
{
    return std::isfinite(ms) ? coreNumber(ms / 1000, 3) + QStringLiteral(" s") : missingMark();
}

QString times(double factor)
{
    return timesText(factor);
}

// Within half a percent two times are equal at the precision printed: "as fast as", rather than
// "1.00x slower".
bool asFast(double speedup)
{
    return std::abs(speedup - 1) < 0.005;
}

double factorOf(double speedup)
{
    return speedup >= 1 ? speedup : 1 / speedup;
}

// What a cancel left: "cancelled after 3,840 of 10,000 tasks on 4 loops (1.535 s): no verdict".
QString cancelledClaim(const std::vector<RunResult> &runs)
{
    for (auto r = runs.rbegin(); r != runs.rend(); ++r) {
        if (r->status == RunStatus::Cancelled)
            return coreTr("Verdict", "%1: no verdict").arg(cancelledText(*r, true));
    }
    return coreTr("Verdict", "cancelled: no verdict");
}

// The largest share other programs took during a completed run, when it made the machine busy.
double busiest(const std::vector<RunResult> &runs)
{
    double busy = kNaN;
    for (const RunResult &r : runs) {
        if (r.completed() && r.machineBusy() && !(r.othersCpuFraction <= busy))
            busy = r.othersCpuFraction;
    }
    return busy;
}

void noteBusy(Verdict &v, double busy)
{
    if (std::isfinite(busy)) {
        v.busyFraction = busy;
        v.busyNote = machineBusyNote(busy);
        v.busyBrief = coreTr("Verdict", "machine busy (others %1 %)").arg(std::lround(busy * 100));
    }
}

} // namespace

QString Verdict::text() const
{
    QString s = claim;
    if (!detail.isEmpty())
        s += QStringLiteral(" · ") + detail;
    if (!busyNote.isEmpty())
        s += QStringLiteral(" — ") + busyNote;
    return s;
}

QString cancelledText(const RunResult &run, bool withLoops)
{
    const QString loops =
        withLoops ? coreTr("Verdict", " on %1").arg(loopsLabel(run.shards)) : QString();
    const QString elapsed = std::isfinite(run.elapsedMs)
                                ? QStringLiteral(" (%1)").arg(seconds(run.elapsedMs))
                                : QString();
    return coreTr("Verdict", "cancelled after %1 of %2 tasks%3%4")
        .arg(WholeNumber::group(std::uint64_t(std::max<std::int64_t>(0, run.tasksDone))),
             WholeNumber::group(std::uint64_t(std::max<std::int64_t>(0, run.tasks))), loops,
             elapsed);
}

QString loopsLabel(int shards)
{
    return shards == 1 ? coreTr("Verdict", "1 loop") : coreTr("Verdict", "%1 loops").arg(shards);
}

QString configLabel(Runtime runtime, int shards)
{
    if (runtime == Runtime::Threads)
        return loopsLabel(shards);
    return QStringLiteral("%1 (%2)").arg(loopsLabel(shards), runtimeName(runtime));
}

QString timesText(double factor, double error)
{
    if (!std::isfinite(factor))
        return missingMark();
    if (!std::isfinite(error))
        return coreNumber(factor, 2) + QString::fromUtf8(kTimes);
    return coreNumber(factor, 2) + QStringLiteral(" ± ") + coreNumber(error, 2) +
           QString::fromUtf8(kTimes);
}

QString speedPhrase(double speedup, const QString &baseline, double error)
{
    if (!std::isfinite(speedup) || !(speedup > 0))
        return coreTr("Verdict", "%1 against %2").arg(missingMark(), baseline);
    if (asFast(speedup))
        return coreTr("Verdict", "as fast as %1").arg(baseline);
    // A slower K reads as the inverse factor; its error follows to first order, d(1/s) = ds / s².
    return (speedup >= 1 ? coreTr("Verdict", "%1 faster than %2")
                         : coreTr("Verdict", "%1 slower than %2"))
        .arg(timesText(factorOf(speedup), speedup >= 1 ? error : error / (speedup * speedup)),
             baseline);
}

QString machineBusyNote(double othersCpuFraction)
{
    return coreTr("Verdict", "machine busy: other programs used %1 % of the CPUs; not comparable "
                             "with quiet runs")
        .arg(std::lround(othersCpuFraction * 100));
}

namespace {

// speedPhrase() without its baseline, for the headline of several runtimes: "1.95 ± 0.07×
// faster", "as fast", "1.10× slower".
QString briefSpeed(double speedup, double error)
{
    if (!std::isfinite(speedup) || !(speedup > 0))
        return missingMark();
    if (asFast(speedup))
        return coreTr("Verdict", "as fast");
    return (speedup >= 1 ? coreTr("Verdict", "%1 faster") : coreTr("Verdict", "%1 slower"))
        .arg(timesText(factorOf(speedup), speedup >= 1 ? error : error / (speedup * speedup)));
}

// One runtime's judgement: its fastest K against its own baseline K, as on a single runtime.
Verdict judgeRuntime(const ExperimentSummary &summary, Runtime judged)
{
    Verdict v;
    v.runtime = judged;
    const int base = summary.baselineShards;
    v.baselineShards = base;
    const ConfigSummary *baseline = summary.config(judged, base);
    if (!baseline || baseline->completedRuns == 0) {
        v.kind = Verdict::Kind::NoBaseline;
        v.claim = coreTr("Verdict", "no completed run on %1: no verdict").arg(loopsLabel(base));
        return v;
    }
    const ConfigSummary *best = nullptr;
    for (const ConfigSummary &c : summary.configs) {
        if (c.runtime == judged && c.shards != base && c.completedRuns > 0 &&
            std::isfinite(c.speedup.value) && (!best || c.speedup.value > best->speedup.value))
            best = &c;
    }
    if (!best) {
        v.kind = Verdict::Kind::BaselineOnly;
        v.claim = coreTr("Verdict", "%1: %2 (ideal %3)")
                      .arg(loopsLabel(base), seconds(baseline->wallMs.median),
                           seconds(baseline->idealMs.median));
        return v;
    }
    v.shards = best->shards;
    v.speedup = best->speedup.value;
    v.speedupError = best->speedup.error;
    v.idealSpeedup = best->idealSpeedup;
    v.factor = factorOf(v.speedup);
    const QString ideal = times(best->idealSpeedup);
    v.oneRunPerK = best->completedRuns < 2 || baseline->completedRuns < 2;
    if (v.oneRunPerK) {
        v.speedupError = kNaN;
        v.detail = coreTr("Verdict", "one run per K");
    } else {
        // Against the baseline: the p-value when there is one, else the speedup's own error.
        const bool beyondNoise = !std::isnan(best->vsBaseline.p)
                                     ? best->vsBaseline.p < kVerdictSignificance
                                     : clearlyApart(best->speedup, Ratio{1.0, 0.0});
        if (!beyondNoise) {
            v.kind = Verdict::Kind::WithinNoise;
            v.claim =
                coreTr("Verdict", "no K is faster than %1 beyond noise (best %2: %3, ideal %4)")
                    .arg(loopsLabel(base), loopsLabel(best->shards),
                         speedPhrase(v.speedup, loopsLabel(base), v.speedupError), ideal);
            return v;
        }
        // Every faster K that the best is not clearly ahead of shares the place.
        if (v.speedup > 1) {
            for (const ConfigSummary &c : summary.configs) {
                if (c.runtime == judged && c.shards != base && c.completedRuns > 1 &&
                    std::isfinite(c.speedup.value) && !clearlyApart(best->speedup, c.speedup))
                    v.tiedShards.append(c.shards);
            }
        }
        if (v.tiedShards.size() > 1) {
            v.kind = Verdict::Kind::Tied;
            QStringList names;
            for (const int k : v.tiedShards)
                names.append(QString::number(k));
            v.claim = coreTr("Verdict", "K = %1 are alike within noise: up to %2 (ideal %3)")
                          .arg(names.join(QStringLiteral(", ")),
                               speedPhrase(v.speedup, loopsLabel(base), v.speedupError), ideal);
            return v;
        }
        v.tiedShards.clear();
    }
    v.kind = asFast(v.speedup) ? Verdict::Kind::AsFast
             : v.speedup > 1   ? Verdict::Kind::Faster
                               : Verdict::Kind::Slower;
    v.claim = coreTr("Verdict", "%1: %2 (ideal %3)")
                  .arg(loopsLabel(best->shards),
                       speedPhrase(v.speedup, loopsLabel(base), v.speedupError), ideal);
    return v;
}

// Several runtimes ("Compare runtimes"): each runtime's K against its own baseline, then the
// configuration that finished first. The headline's kind and figures are the first runtime's
// (the spec's order), so that views that mark one bar mark the same one as before; the claim
// names every runtime.
Verdict judgeRuntimes(const ExperimentSummary &summary, const std::vector<Runtime> &runtimes,
                      double busy)
{
    Verdict v = judgeRuntime(summary, runtimes.front());
    noteBusy(v, busy);
    QStringList claims;
    QStringList brief; // the headline: each runtime's K against its 1 loop, in a few words
    for (const Runtime r : runtimes) {
        Verdict one = r == v.runtime ? v : judgeRuntime(summary, r);
        one.byRuntime.clear();
        claims.append(coreTr("Verdict", "%1: %2").arg(runtimeName(r), one.claim));
        const QString loops = one.shards > 0 ? loopsLabel(one.shards) : QString();
        switch (one.kind) {
        case Verdict::Kind::Faster:
        case Verdict::Kind::Slower:
        case Verdict::Kind::AsFast:
        case Verdict::Kind::Tied:
            brief.append(
                coreTr("Verdict", "%1 %2 %3")
                    .arg(runtimeName(r), loops, briefSpeed(one.speedup, one.speedupError)));
            break;
        case Verdict::Kind::WithinNoise:
            brief.append(coreTr("Verdict", "%1 within noise").arg(runtimeName(r)));
            break;
        default:
            brief.append(coreTr("Verdict", "%1 no verdict").arg(runtimeName(r)));
        }
        v.byRuntime.push_back(std::move(one));
    }
    // Across runtimes every configuration names its runtime, threads too.
    auto named = [](const ConfigSummary &c) {
        return QStringLiteral("%1 (%2)").arg(loopsLabel(c.shards), runtimeName(c.runtime));
    };
    const ConfigSummary *fastest = nullptr;
    for (const ConfigSummary &c : summary.configs) {
        if (c.completedRuns > 0 && std::isfinite(c.wallMs.median) &&
            (!fastest || c.wallMs.median < fastest->wallMs.median))
            fastest = &c;
    }
    if (fastest) {
        v.fastestRuntime = fastest->runtime;
        v.fastestShards = fastest->shards;
        QStringList alike;
        for (const ConfigSummary &c : summary.configs) {
            if (&c != fastest && c.completedRuns > 0 && c.wallMs.median > 0 &&
                asFast(fastest->wallMs.median / c.wallMs.median))
                alike.append(named(c));
        }
        QString best = coreTr("Verdict", "fastest: %1, %2")
                           .arg(named(*fastest), seconds(fastest->wallMs.median));
        brief.append(best);
        if (!alike.isEmpty())
            best += coreTr("Verdict", ", as fast as %1").arg(alike.join(QStringLiteral(", ")));
        claims.append(best);
    }
    v.claim = claims.join(QStringLiteral("; "));
    v.headline = brief.join(QStringLiteral("; "));
    return v;
}

} // namespace

Verdict judgeExperiment(const ExperimentSummary &summary, const std::vector<RunResult> &runs,
                        bool cancelled, const QStringList &differingPlanFields)
{
    Verdict v;
    const int base = summary.baselineShards;
    v.baselineShards = base;
    if (cancelled) {
        v.kind = Verdict::Kind::Cancelled;
        v.claim = cancelledClaim(runs);
        return v;
    }
    const bool anyCompleted =
        std::any_of(summary.configs.begin(), summary.configs.end(),
                    [](const ConfigSummary &c) { return c.completedRuns > 0; });
    if (!anyCompleted) {
        v.kind = Verdict::Kind::NoRuns;
        v.claim = coreTr("Verdict", "no completed runs: no verdict");
        return v;
    }
    noteBusy(v, busiest(runs));
    const std::vector<Runtime> runtimes = summary.runtimes();
    if (!differingPlanFields.isEmpty()) {
        // A speedup between two plans measures the plans: the times only.
        v.kind = Verdict::Kind::DifferentPlans;
        QStringList walls;
        for (const ConfigSummary &c : summary.configs) {
            if (c.completedRuns > 0)
                walls.append((runtimes.size() > 1 ? configLabel(c.runtime, c.shards)
                                                  : loopsLabel(c.shards)) +
                             QLatin1Char(' ') + seconds(c.wallMs.median));
        }
        v.claim =
            coreTr("Verdict", "%1: %2; no speedup")
                .arg(differentPlansText(differingPlanFields), walls.join(QStringLiteral(", ")));
        return v;
    }
    if (runtimes.size() == 1) {
        Verdict one = judgeRuntime(summary, runtimes.front());
        noteBusy(one, v.busyFraction);
        return one;
    }
    return judgeRuntimes(summary, runtimes, v.busyFraction);
}

Verdict judgeExperiment(const ExperimentResult &result)
{
    return judgeExperiment(result.summary, result.runs, result.cancelled);
}

Verdict judgeRuns(const RunResult &baseline, const RunResult &candidate,
                  const QStringList &differingPlanFields)
{
    if (baseline.shards != candidate.shards) {
        ExperimentResult pair;
        pair.spec.shardCounts = {baseline.shards, candidate.shards};
        pair.runs = {baseline, candidate};
        pair.summary = summarizeExperiment(pair);
        Verdict v = judgeExperiment(pair.summary, pair.runs, false, differingPlanFields);
        if (v.oneRunPerK)
            v.detail = coreTr("Verdict", "one run each");
        return v;
    }
    // One K twice: the later against the earlier, told apart by their start times.
    Verdict v;
    v.baselineShards = baseline.shards;
    v.shards = candidate.shards;
    auto at = [](const RunResult &r) {
        return coreTr("Verdict", "at %1")
            .arg(r.startedUtc.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    };
    if (!baseline.completed() || !candidate.completed()) {
        v.kind = Verdict::Kind::NoRuns;
        v.claim = coreTr("Verdict", "a run did not complete: no verdict");
        return v;
    }
    noteBusy(v, busiest({baseline, candidate}));
    const QString label = loopsLabel(candidate.shards);
    if (!differingPlanFields.isEmpty()) {
        v.kind = Verdict::Kind::DifferentPlans;
        v.claim = coreTr("Verdict", "%1: %2 %3 %4, %5 %6; no speedup")
                      .arg(differentPlansText(differingPlanFields), label, at(baseline),
                           seconds(baseline.wallMs), at(candidate), seconds(candidate.wallMs));
        return v;
    }
    v.speedup = runSpeedup(baseline.wallMs, candidate);
    v.idealSpeedup = candidate.idealMs > 0 ? baseline.idealMs / candidate.idealMs : kNaN;
    v.factor = factorOf(v.speedup);
    v.oneRunPerK = true;
    v.kind = asFast(v.speedup) ? Verdict::Kind::AsFast
             : v.speedup > 1   ? Verdict::Kind::Faster
                               : Verdict::Kind::Slower;
    v.claim =
        coreTr("Verdict", "%1 %2: %3 (ideal %4)")
            .arg(label, at(candidate), speedPhrase(v.speedup, at(baseline)), times(v.idealSpeedup));
    v.detail = coreTr("Verdict", "one run each");
    return v;
}
