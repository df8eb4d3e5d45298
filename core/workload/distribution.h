// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/numberrange.h"

#include <QString>
#include <QStringList>
#include <QStringView>

#include <cstdint>
#include <optional>

// The shape of the values a plan draws inside one MIN:MAX range (a task's IO delay or its CPU
// work). MIN and MAX stay the bounds: every draw is clamped to them, so a shape never leaves the
// range the user set; it only decides where inside it the tasks fall. Real request times are
// rarely uniform: most are quick and a few are very slow, and that tail is what makes one shard
// finish long after the others.
//
// Written as text everywhere (CLI, form, presets, reports, result store) in one grammar:
//   uniform                          every value of MIN:MAX equally likely (the default)
//   lognormal:median=M,p99=P         half the draws below M, 1 % above P
//   pareto:median=M,p99=P            power-law tail through the same two points: heavier than
//                                    lognormal beyond P, and nothing below about 2/3 of M
//   bimodal:heavy=F                  a fraction F (0 to 1) of heavy tasks near MAX, the rest
//                                    near MIN (each uniform in the tenth of the range at its end)
// M and P are in the range's unit (ms, iterations), with MIN <= M < P <= MAX and M >= 1.
struct Distribution
{
    enum class Shape {
        Uniform,
        LogNormal,
        Pareto,
        Bimodal,
    };

    Shape shape = Shape::Uniform;
    std::uint64_t median = 0; // LogNormal, Pareto; 0 otherwise
    std::uint64_t p99 = 0;    // LogNormal, Pareto; 0 otherwise
    double heavy = 0;         // Bimodal: fraction of heavy tasks, 0 to 1; 0 otherwise

    // Bimodal's two modes: each uniform over this share of the range at its end.
    static constexpr std::uint64_t kBimodalBandDivisor = 10;

    static Distribution uniform() { return {}; }
    static Distribution logNormal(std::uint64_t median, std::uint64_t p99);
    static Distribution pareto(std::uint64_t median, std::uint64_t p99);
    static Distribution bimodal(double heavy);

    bool isUniform() const { return shape == Shape::Uniform; }

    // The text in the grammar above, numbers ungrouped: "lognormal:median=300,p99=3000".
    QString text() const;

    // The problem with these parameters for values drawn from [lo, hi] measured with `range`
    // (whose unit the message names), or nullopt: "median 5,000 ms is outside 200 to 1,000 ms",
    // "p99 300 ms is not above median 300 ms", "heavy 1.5 is outside 0 to 1".
    std::optional<QString> check(std::uint64_t lo, std::uint64_t hi,
                                 const NumberRange &range) const;

    friend bool operator==(const Distribution &, const Distribution &) = default;
};

QString shapeName(Distribution::Shape shape);
std::optional<Distribution::Shape> shapeFromName(QStringView name);
QStringList shapeNames(); // "uniform", "lognormal", ...: every name, in order
