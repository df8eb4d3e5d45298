#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""A worker that breaks loopbench.worker/1 in one chosen way (tst_workerset).

    fakeworker.py MODE [WORKER]
Only the worker whose index (its first task id's position, 0 for the first slice) is WORKER
misbehaves; the others speak the protocol correctly with the article kernel.
"""
import signal
import sys
import time

mode = sys.argv[1]
bad_worker = int(sys.argv[2]) if len(sys.argv) > 2 else 0
MASK = (1 << 64) - 1


def term(x):
    x = ((x ^ (x >> 33)) * 0xFF51AFD7ED558CCD) & MASK
    return x ^ (x >> 33)


lines = []
while True:
    line = sys.stdin.readline()
    if not line:
        sys.exit(1)
    lines.append(line.rstrip("\n"))
    if line == "start\n":
        break
tasks = [tuple(int(w) for w in l.split()[1:]) for l in lines if l.startswith("task ")]
me = 0 if not tasks else min(t[0] for t in tasks)
bad = me == bad_worker
out = sys.stdout
if bad and mode == "ignore-term":
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
if bad and mode == "no-ready":
    time.sleep(3600)
if bad and mode == "die-before-ready":
    sys.stderr.write("Traceback (most recent call last):\nImportError: no module named 'fake'\n")
    sys.exit(3)
if bad and mode == "wrong-version":
    out.write("ready loopbench.worker/9 fake\n")
    out.flush()
    time.sleep(3600)
out.write("ready loopbench.worker/1 fake %s\n" % mode)
out.flush()
t0_line = sys.stdin.readline()
t0 = int(t0_line.split()[1])
if bad and mode in ("hang", "ignore-term"):
    time.sleep(3600)
if bad and mode == "garbage":
    out.write("Segmentation fault (core dumped)\n")
    out.flush()
    time.sleep(3600)
while time.monotonic_ns() < t0:
    time.sleep(0.001)
checksum = 0
done = 0
for (i, (task, io_us, iterations, _input)) in enumerate(sorted(tasks, key=lambda t: t[1])):
    due = t0 + io_us * 1000
    while time.monotonic_ns() < due:
        time.sleep(0.0005)
    resumed = time.monotonic_ns()
    result = (iterations * (iterations - 1) // 2) & MASK
    if bad and mode == "wrong-id" and i == 0:
        task = 999999
    if bad and mode == "lie" and i == 0:
        result ^= 1
        checksum ^= 0  # the end line below sums the true results: the records disagree
    now = time.monotonic_ns()
    out.write("task %d %d %d %d %d\n" % (task, resumed, now, 0, result))
    if not (bad and mode == "lie" and i == 0):
        checksum = (checksum + term(result)) & MASK
    else:
        checksum = (checksum + term(result ^ 1)) & MASK
    done += 1
    if bad and mode == "die-mid-run":
        out.flush()
        sys.exit(4)
    if bad and mode == "truncated":
        out.write("task %d %d" % (task + 1, resumed))
        out.flush()
        sys.exit(0)
    out.write("progress %d 0\n" % done)
    out.flush()
if bad and mode == "duplicate" and tasks:
    out.write("task %d %d %d 0 0\n" % (tasks[0][0], t0 + 1, t0 + 2))
out.write("end %d 0 %d 0\n" % (done, checksum))
out.flush()
sys.exit(5 if (bad and mode == "bad-exit") else 0)
