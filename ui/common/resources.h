// SPDX-License-Identifier: MIT
#pragma once

// Registers the icon and presets compiled into the ui library. A static library's resource
// initialiser is dropped by the linker unless someone calls it; idempotent.
void initResources();
