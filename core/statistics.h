#pragma once

#include <vector>

// Descriptive statistics over plain vectors of doubles.

// Percentile by linear interpolation between closest ranks (NIST / Excel PERCENTILE.INC,
// "type 7" in Hyndman & Fan 1996). q in [0, 1]. Reorders `values`. 0 for an empty vector.
double percentile(std::vector<double> &values, double q);
