// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/runtime.h"
#include "core/runtime/workerset.h"

#include <QString>

#include <optional>

// How the out-of-process runtimes start a worker: `processes` runs `loopbench --worker`, the
// asyncio runtimes run resources/python/loopbench_worker.py on a Python interpreter.
namespace RuntimeCommand {

// Debian's interpreter, which python3-uvloop and python3-aiohttp install into. Not the first
// python3 on PATH: a pyenv shim or a venv there may lack Debian's modules.
inline constexpr char kDefaultPython[] = "/usr/bin/python3";

// Whether `runtime` runs its loops in worker processes (WorkerSet) rather than threads.
bool isOutOfProcess(Runtime runtime);

// The loopbench executable a `processes` worker runs; by default this process's own
// (QCoreApplication::applicationFilePath()). Tests and benchmarks, which are other executables,
// name the built loopbench here.
void setLoopbenchExecutable(const QString &path);
QString loopbenchExecutable();

// The interpreter of the asyncio runtimes where RunConfig::python is empty: kDefaultPython
// unless set (the CLI's --python; the form's field).
void setPython(const QString &path);
QString python();

// The Python worker: share/loopbench/python/loopbench_worker.py under the loopbench
// executable's parent folder; the build tree copies it there too (app/ and share/ are siblings
// in both trees). Empty when it is not there.
QString pythonWorkerScript();

// The command line of one worker of `runtime` (out of process), with `python` (empty: the
// default) for the asyncio runtimes.
WorkerCommand command(Runtime runtime, const QString &python);

// Whether `runtime` can run here, asked of the interpreter itself for the asyncio runtimes
// (~100 ms: it imports its modules). `problem` is the reason it cannot ("/usr/bin/python3:
// uvloop is not installed ..."), `implementation` what it is ("CPython 3.11.2 uvloop").
struct Check
{
    QString problem;
    QString implementation;
};
Check check(Runtime runtime, const QString &python, bool http);

} // namespace RuntimeCommand
