# SPDX-License-Identifier: MIT
# The original write-up's code ("Harnessing Multi-Core Power with Asyncio in Python"), copied and
# changed ONLY so that it runs LoopBench's plan instead of random draws (bench_runtimes compares
# it with LoopBench's asyncio runtime on that plan). What changed, and nothing else:
#   1. fake_crawlers() takes its IO delay and iteration count from the plan (task `idx`) instead
#      of random.uniform(0.2, 1.0) and random.randint(100_000, 500_000);
#   2. the plan is read from the file named by argv[1] (one "io_us iterations" line per task)
#      before the pool forks its workers, which inherit it;
#   3. the batch count and size come from argv[2] (K) and the plan's size instead of the fixed
#      5 x 2000, and ProcessPoolExecutor gets max_workers=K (the article's default is the CPU
#      count, which is K on the machine it compares);
#   4. K = 1 runs the article's first version (one asyncio.run over every task);
#   5. the article's `begin = batch_idx * step + 1` made its batches 1-based; the task index is
#      begin - 1 onwards here, and the last batch ends with the plan, so every task runs once.
#   6. the typo "sync def query_concurrently" of the article's listing is "async def", as in its
#      first listing.
import asyncio
import sys
import time
from concurrent.futures import ProcessPoolExecutor

PLAN = []


def load(path):
    with open(path) as f:
        return [(int(a) / 1e6, int(b)) for a, b in (line.split() for line in f)]


async def fake_crawlers(idx):
    io_delay = PLAN[idx][0]
    await asyncio.sleep(io_delay)

    result = 0
    for i in range(PLAN[idx][1]):
        result += i
    return result


async def query_concurrently(begin_idx: int, end_idx: int):
    """ Start concurrent tasks by start and end sequence number """
    tasks = []
    for idx in range(begin_idx, end_idx, 1):
        tasks.append(asyncio.create_task(fake_crawlers(idx - 1)))
    results = await asyncio.gather(*tasks)
    return results


def run_batch_tasks(batch_idx: int, step: int):
    """ Execute batch tasks in sub processes """
    begin = batch_idx * step + 1
    end = min(begin + step, len(PLAN) + 1)

    results = [result for result in asyncio.run(query_concurrently(begin, end))]
    return results


async def main_single():
    start = time.monotonic()
    tasks = [asyncio.create_task(fake_crawlers(i)) for i in range(len(PLAN))]

    await asyncio.gather(*tasks)
    print(f"All tasks completed. And last {time.monotonic() - start:.2f} seconds")


async def main(k: int):
    """ Distribute tasks in batches to be executed in sub-processes """
    start = time.monotonic()

    step = (len(PLAN) + k - 1) // k
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=k) as executor:
        tasks = [loop.run_in_executor(executor, run_batch_tasks, batch_idx, step)
                 for batch_idx in range(k)]

    results = [result for sub_list in await asyncio.gather(*tasks) for result in sub_list]

    print(f"We get {len(results)} results. All last {time.monotonic() - start:.2f} second(s)")


if __name__ == "__main__":
    PLAN = load(sys.argv[1])
    k = int(sys.argv[2])
    if k == 1:
        asyncio.run(main_single())
    else:
        asyncio.run(main(k))
