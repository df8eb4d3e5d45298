// SPDX-License-Identifier: MIT
#pragma once

#include "core/experiment/spectext.h"

// The config form's contents as typed: the core's SpecText, so that the form, saved settings and
// the CLI go through one codec (SpecCodec) and show one wording for each rule.
using ConfigInput = SpecText;
