// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/resultstore.h"

#include <QFuture>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>
#include <type_traits>
#include <utility>

// The result store on a thread of its own, for a caller whose thread must not wait on it (the
// desktop window: a read of a long history takes seconds, a commit waits on the disk). One
// ResultStore lives on one worker thread for the whole life of this object, since a QSqlDatabase
// connection belongs to the thread that opened it. submit() queues a function of the store there
// and returns its future, which a coroutine awaits: never wait on it with result() or
// waitForFinished(), which run a call still queued on the waiting thread itself. Calls run one at a
// time in the order they were submitted: a run recorded before a clear is cleared, and a read after
// a write sees it.
class StoreThread
{
public:
    StoreThread();
    // Waits for the calls submitted so far, then closes the store on its own thread.
    ~StoreThread();
    StoreThread(const StoreThread &) = delete;
    StoreThread &operator=(const StoreThread &) = delete;

    // `fn(ResultStore &)` on the store's thread, after every call submitted before it. `fn` must
    // not keep the reference: the store is only ever touched on its thread.
    template <typename Fn> auto submit(Fn fn) -> QFuture<std::invoke_result_t<Fn, ResultStore &>>
    {
        return QtConcurrent::run(
            &m_pool, [store = m_store.get(), fn = std::move(fn)]() mutable { return fn(*store); });
    }

private:
    // One thread that never expires: QThreadPool would otherwise retire an idle thread after
    // 30 s and run the next call on a new one, where the connection is not usable.
    QThreadPool m_pool;
    std::unique_ptr<ResultStore> m_store;
};
