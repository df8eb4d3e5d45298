// SPDX-License-Identifier: MIT
#include "core/store/storethread.h"

StoreThread::StoreThread()
    : m_store(std::make_unique<ResultStore>()) // makes a connection name, opens nothing
{
    m_pool.setObjectName(QStringLiteral("result store"));
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);
}

StoreThread::~StoreThread()
{
    // After the calls already queued; the connection is closed by the thread that opened it.
    // waitForDone(), not the future's waitForFinished(): that runs a call still queued on the
    // waiting thread itself.
    [[maybe_unused]] const QFuture<void> closing =
        QtConcurrent::run(&m_pool, [this] { m_store.reset(); });
    m_pool.waitForDone();
}
