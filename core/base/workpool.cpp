// SPDX-License-Identifier: MIT
#include "core/base/workpool.h"

#include <QThread>
#include <QThreadPool>

namespace {

QThreadPool *makeWorkPool()
{
    auto *pool = new QThreadPool;
    // A join sleeps and a plan or summary computes: room for both beside a calibration, on any
    // number of CPUs. Idle threads expire after the pool's default 30 s.
    pool->setMaxThreadCount(QThread::idealThreadCount() + 2);
    return pool;
}

} // namespace

QThreadPool &workPool()
{
    // Never destroyed: work still queued at exit belongs to objects whose destructors wait for it.
    static QThreadPool *const pool = makeWorkPool();
    return *pool;
}
