// SPDX-License-Identifier: MIT
#pragma once

class QThreadPool;

// The pool for LoopBench's own background work: the engine's launch-and-join (it sleeps for the
// whole run), plans, calibrations, summaries, report reading and export writing. Pass it to
// QtConcurrent::run. Not QThreadPool::globalInstance(): Qt's raster paint engine splits large
// fills (the load chart's bands) over the global pool and waits for them on the GUI thread, so a
// run's join holding one of its two threads here, or a ten-million-task plan, stalled repaints.
QThreadPool &workPool();
