#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""A LoopBench worker in CPython asyncio: the original write-up's task body over LoopBench's plan.

Speaks loopbench.worker/1 (resources/doc/worker-protocol.md) on stdin/stdout: reads its slice,
says `ready`, waits for t0, runs every task as `await asyncio.sleep(until its due time)` (or one
aiohttp GET with transport http) followed by the kernel's loop, and writes one record per task.
LoopBench starts K of these for K loops: the article's fix, one asyncio.run per process.

    python3 loopbench_worker.py [--loop asyncio|uvloop]
    python3 loopbench_worker.py --check [--loop uvloop] [--http]   (exit 0 when usable)
"""

import asyncio
import os
import platform
import sys
import threading
import time

VERSION = "loopbench.worker/1"
MASK = (1 << 64) - 1
SUM_MULTIPLIER = 0x9E3779B97F4A7C15
FNV_OFFSET = 14695981039346656037
FNV_PRIME = 1099511628211
# A progress line this often (the protocol asks for at least one a second).
PROGRESS_SECONDS = 0.25


# The kernels, computed exactly as core/workload/kernel.cpp does (modulo 2^64).
def kernel_article(n, _input):
    # The article's own loop, unchanged: CPython's big ints make the sum exact, and for the
    # plan's n (< 2^32) it stays below 2^64.
    result = 0
    for i in range(n):
        result += i
    return result & MASK


def kernel_sum(n, acc):
    for i in range(n):
        acc = ((acc ^ i) * SUM_MULTIPLIER) & MASK
    return acc


def kernel_hash(n, seed):
    h = FNV_OFFSET ^ seed
    x = seed | 1
    for _ in range(n):
        x ^= (x << 13) & MASK
        x ^= x >> 7
        x ^= (x << 17) & MASK
        h = ((h ^ (x & 0xFF)) * FNV_PRIME) & MASK
    return h


KERNELS = {"article": kernel_article, "sum": kernel_sum, "hash": kernel_hash}


def checksum_term(x):
    x = ((x ^ (x >> 33)) * 0xFF51AFD7ED558CCD) & MASK
    return x ^ (x >> 33)


def body_fold(body, length):
    """BodyFold (core/net/bodyfold.h): 64-bit little-endian words, the last zero-padded."""
    h = 0xCBF29CE484222325

    def step(h, w):
        h = ((h ^ w) * SUM_MULTIPLIER) & MASK
        return h ^ (h >> 29)

    whole = len(body) - len(body) % 8
    for (w,) in _WORDS.iter_unpack(memoryview(body)[:whole]):
        h = step(h, w)
    if whole < len(body):
        h = step(h, int.from_bytes(body[whole:], "little"))
    return step(h, length)


def fail(message):
    sys.stdout.write("error " + message + "\n")
    sys.stdout.flush()
    sys.exit(2)


def number(text, limit):
    if not text.isdigit() or (len(text) > 1 and text[0] == "0") or int(text) > limit:
        fail("not a protocol number: " + text[:40])
    return int(text)


def read_slice(stdin):
    """The parent's lines up to `start`: (kernel, http or None, [(id, io_us, iters, input)])."""
    def line():
        text = stdin.readline()
        if not text:
            sys.exit(1)  # the parent is gone before t0
        return text.rstrip("\n")

    version = line()
    if version != VERSION:
        fail("this worker speaks " + VERSION + ", not " + version[:40])
    words = line().split(" ")
    if len(words) != 2 or words[0] != "kernel" or words[1] not in KERNELS:
        fail("expected 'kernel article|sum|hash'")
    kernel = words[1]
    words = line().split(" ")
    http = None
    if words == ["transport", "timer"]:
        pass
    elif len(words) == 6 and words[:2] == ["transport", "http"]:
        http = (words[2], number(words[3], 65535), number(words[4], 2**32 - 1),
                number(words[5], 2**32 - 1))
    else:
        fail("expected 'transport timer' or 'transport http HOST PORT BYTES TIMEOUT_MS'")
    words = line().split(" ")
    if len(words) != 2 or words[0] != "tasks":
        fail("expected 'tasks N'")
    count = number(words[1], 2**32 - 1)
    tasks = []
    for _ in range(count):
        words = line().split(" ")
        if len(words) != 5 or words[0] != "task":
            fail("expected 'task ID IO_US ITERATIONS INPUT'")
        tasks.append((int(words[1]), int(words[2]), int(words[3]), int(words[4])))
    if line() != "start":
        fail("expected 'start'")
    return kernel, http, tasks


class Reporter:
    """Progress and records to stdout: the loop appends, a thread writes every 250 ms.

    The thread is what keeps the parent hearing from a worker whose loop is stuck in a long
    kernel: CPython hands it the GIL at its switch interval (5 ms) even then.
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.records = []
        self.done = 0
        self.busy_ns = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def flush(self):
        with self.lock:
            records, self.records = self.records, []
            done, busy = self.done, self.busy_ns
        out = "".join(records) + "progress %d %d\n" % (done, busy)
        sys.stdout.write(out)
        sys.stdout.flush()

    def run(self):
        while not self.stop.wait(PROGRESS_SECONDS):
            self.flush()


async def run_slice(kernel, http, tasks, t0_ns, reporter):
    run_kernel = KERNELS[kernel]
    monotonic_ns = time.monotonic_ns
    thread_time_ns = time.thread_time_ns
    state = {"checksum": 0, "done": 0, "failed": 0, "bytes": 0}

    def complete(task_id, resumed, iterations, kernel_input, digest):
        cpu = thread_time_ns()
        result = run_kernel(iterations, kernel_input) ^ digest
        work = thread_time_ns() - cpu
        done = monotonic_ns()
        state["checksum"] = (state["checksum"] + checksum_term(result)) & MASK
        state["done"] += 1
        with reporter.lock:
            reporter.records.append("task %d %d %d %d %d\n" % (task_id, resumed, done, work, result))
            reporter.done += 1
            reporter.busy_ns += work

    async def timer_task(task_id, io_us, iterations, kernel_input):
        # The article's `await asyncio.sleep(io_delay)`, to the task's absolute due time. uvloop
        # keeps libuv's millisecond timers and may wake up to a millisecond early: sleep the rest.
        due = t0_ns + io_us * 1000
        await asyncio.sleep((due - monotonic_ns()) / 1e9)
        while monotonic_ns() < due:
            await asyncio.sleep((due - monotonic_ns()) / 1e9)
        complete(task_id, monotonic_ns(), iterations, kernel_input, 0)

    session = None
    if http is not None:
        import aiohttp

        host, port, size, timeout_ms = http
        # No per-host cap (aiohttp's default is 100 per host): a crawler's client, as LoopBench's.
        session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0, force_close=True),
                                        auto_decompress=False)
        base = "http://%s:%d" % (("[%s]" % host) if ":" in host else host, port)

    async def http_task(task_id, io_us, iterations, kernel_input):
        due = t0_ns + io_us * 1000
        delay_us = max(0, due - monotonic_ns()) // 1000
        url = "%s/task/%d?delay_us=%d&bytes=%d" % (base, task_id, delay_us, size)
        try:
            limit = aiohttp.ClientTimeout(total=(delay_us / 1e6) + timeout_ms / 1000)
            async with session.get(url, timeout=limit, headers={"Host": "loopbench"}) as response:
                body = await response.read()
                if response.status != 200 or len(body) != size:
                    raise RuntimeError("HTTP %d with %d of %d bytes" % (response.status, len(body),
                                                                        size))
        except Exception as e:  # a failed exchange fails its task, as in the C++ client
            state["failed"] += 1
            with reporter.lock:
                reporter.records.append("fail %d %s\n" % (task_id, (str(e) or type(e).__name__)
                                                          .replace("\n", " ")[:200]))
                reporter.done += 1
            return
        state["bytes"] += len(body)
        complete(task_id, monotonic_ns(), iterations, kernel_input, body_fold(body, len(body)))

    body_of = http_task if http is not None else timer_task
    try:
        await asyncio.gather(*[asyncio.create_task(body_of(*t)) for t in tasks])
    finally:
        if session is not None:
            await session.close()
    return state


_WORDS = None


def main(argv):
    global _WORDS
    import struct

    _WORDS = struct.Struct("<Q")
    loop_name = "uvloop" if "--loop" in argv and argv[argv.index("--loop") + 1] == "uvloop" \
        else "asyncio"
    if loop_name == "uvloop":
        try:
            import uvloop
        except ImportError as e:
            fail("uvloop is not installed for %s (%s)" % (sys.executable, e))
        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    if "--check" in argv:
        # Asked by LoopBench before it offers the runtime: can this interpreter run it?
        if "--http" in argv:
            try:
                import aiohttp  # noqa: F401
            except ImportError as e:
                fail("aiohttp is not installed for %s (%s)" % (sys.executable, e))
        print("%s %s %s" % (platform.python_implementation(), platform.python_version(), loop_name))
        return 0
    stdin = sys.stdin
    kernel, http, tasks = read_slice(stdin)
    if http is not None:
        try:
            import aiohttp  # noqa: F401  (imported before ready: start-up, not run time)
        except ImportError as e:
            fail("aiohttp is not installed for %s (%s)" % (sys.executable, e))
    # Tasks in due order, as the thread engine sorts its slice: creation order is wake-up order.
    tasks.sort(key=lambda t: t[1])
    implementation = "%s %s %s" % (platform.python_implementation(), platform.python_version(),
                                   loop_name)
    sys.stdout.write("ready %s %s\n" % (VERSION, implementation))
    sys.stdout.flush()
    text = stdin.readline()
    if not text.startswith("t0 "):
        sys.exit(1)  # the parent is gone, or cancelled before t0
    t0_ns = int(text[3:])
    reporter = Reporter()
    reporter.thread.start()
    state = asyncio.run(run_slice(kernel, http, tasks, t0_ns, reporter))
    reporter.stop.set()
    reporter.thread.join()
    reporter.flush()
    sys.stdout.write("end %d %d %d %d\n" % (state["done"], state["failed"], state["checksum"],
                                            state["bytes"]))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
