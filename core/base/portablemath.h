// SPDX-License-Identifier: MIT
#pragma once

// The few transcendental functions the plan's draws need, written with IEEE-754 +, -, *, / and
// the exact std::frexp / std::ldexp / std::floor only. The C library's log and exp are accurate
// but not bit-identical across libm implementations (glibc, musl, Apple, MSVC) or versions, and a
// last-bit difference can move a task's delay by a microsecond: then a seed would no longer name
// one plan everywhere. portablemath.cpp is compiled without floating-point contraction (no fused
// multiply-add), so that an FMA-capable target rounds exactly as one without.
//
// Accuracy: within a few units in the last place of the true value, far below the integer
// microsecond or iteration every draw is rounded to.
namespace PortableMath {

// Natural logarithm for x > 0; -inf for 0, NaN below 0.
double log(double x);
// e^x; +inf above ~709.78, 0 below ~-745.13.
double exp(double x);
// The standard normal distribution's quantile Phi^-1(p) for 0 < p < 1 (Acklam's rational
// approximation, relative error below 1.2e-9): the deterministic normal behind lognormal draws.
double normalQuantile(double p);

} // namespace PortableMath
