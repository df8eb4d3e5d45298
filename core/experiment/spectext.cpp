// SPDX-License-Identifier: MIT
#include "core/experiment/spectext.h"

#include "core/base/wholenumber.h"
#include "core/experiment/speccodec.h"

#include <algorithm>

SpecText::Parsed SpecText::parse() const
{
    return SpecCodec::decode(*this);
}

SpecText SpecText::from(const WorkloadSpec &spec, const RunConfig &config,
                        const TransportConfig &transport)
{
    SpecText in;
    in.tasks = QString::number(spec.tasks);
    in.ioMinMs = QString::number(spec.ioMinMs);
    in.ioMaxMs = QString::number(spec.ioMaxMs);
    in.cpuMin = WholeNumber::abbreviated(spec.cpuMin);
    in.cpuMax = WholeNumber::abbreviated(spec.cpuMax);
    in.ioDist = spec.ioDist.text();
    in.cpuDist = spec.cpuDist.text();
    in.seed = QString::number(spec.seed);
    in.kernel = kernelName(spec.kernel);
    in.shards = QString::number(config.shards);
    in.partition = partitionName(config.partition);
    in.runtime = runtimeName(config.runtime);
    in.python = config.python;
    in.pin = config.pin;
    if (config.failTask >= 0)
        in.failTask = QString::number(config.failTask);
    in.transport = transportName(transport.kind);
    in.connections = transport.connectionsText();
    in.responseBytes = QString::number(transport.responseBytes);
    in.target = transport.target;
    in.serverLoops = QString::number(transport.serverLoops);
    in.httpTimeout = QString::number(transport.timeoutMs);
    return in;
}

SpecText SpecText::of(const ExperimentSpec &spec)
{
    RunConfig config;
    config.shards = spec.shardCounts.isEmpty()
                        ? 1
                        : *std::max_element(spec.shardCounts.begin(), spec.shardCounts.end());
    config.partition = spec.partition;
    config.pin = spec.pin;
    config.failTask = spec.failTask;
    config.runtime = spec.runtimes.value(0, Runtime::Threads);
    SpecText in = from(spec.workload, config, spec.transport);
    QStringList runtimes;
    for (Runtime r : spec.runtimes)
        runtimes << runtimeName(r);
    in.runtime = runtimes.join(QLatin1Char(','));
    QStringList shards;
    for (int k : spec.shardCounts)
        shards << QString::number(k);
    in.shardList = shards.join(QLatin1Char(','));
    in.repeats = QString::number(spec.repeats);
    in.warmup = spec.warmup;
    return in;
}

ExperimentSpec SpecText::Parsed::sweepSpec() const
{
    return SpecCodec::experiment(spec, config, shardCounts, repeats, warmup, transport, runtimes);
}

ExperimentSpec SpecText::Parsed::repeatCompareSpec() const
{
    return SpecCodec::experiment(spec, config, SpecCodec::compareShards(config.shards), repeats,
                                 warmup, transport, runtimes);
}

int SpecText::Parsed::maxShards() const
{
    int k = config.shards;
    for (int s : shardCounts)
        k = std::max(k, s);
    return k;
}
