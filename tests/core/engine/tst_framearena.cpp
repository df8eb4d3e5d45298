// SPDX-License-Identifier: MIT
#include "core/engine/arenatask.h"
#include "core/engine/framearena.h"

#include <QTest>

#include <coroutine>
#include <cstdint>
#include <vector>

namespace {

// Suspends until resumed by hand, like a task parked on a timer queue.
struct Parked
{
    std::coroutine_handle<> *slot;
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h) const noexcept { *slot = h; }
    void await_resume() const noexcept {}
};

ArenaTask parkedTask(std::coroutine_handle<> *slot, int *ended)
{
    co_await Parked{slot};
    ++*ended;
}

} // namespace

// FrameArena hands out frames in order from a mapping it made resident, falls back to operator
// new beyond it, and can let go of every frame in it at once; ArenaTask frames come from the
// thread's current arena.
class TestFrameArena : public QObject
{
    Q_OBJECT
private slots:
    void framesComeInOrderFromTheMappingThenFromOperatorNew()
    {
        FrameArena arena;
        QVERIFY(arena.reserve(3, 40, nullptr));
        std::vector<char *> frames;
        for (int i = 0; i < 4; ++i)
            frames.push_back(static_cast<char *>(arena.allocate(40)));
        // 40 B rounded up to operator new's alignment (16): 48 B apart, front to back.
        QCOMPARE(frames[1] - frames[0], std::ptrdiff_t(48));
        QCOMPARE(frames[2] - frames[1], std::ptrdiff_t(48));
        for (char *f : frames)
            QCOMPARE(reinterpret_cast<std::uintptr_t>(f) % 16, std::uintptr_t(0));
        QCOMPARE(arena.liveInMapping(), std::size_t(3));
        QCOMPARE(arena.liveOutside(), std::size_t(1)); // the fourth did not fit
        for (char *f : frames)
            arena.deallocate(f, 40);
        QCOMPARE(arena.liveInMapping(), std::size_t(0));
        QCOMPARE(arena.liveOutside(), std::size_t(0));
        QCOMPARE(arena.largestFrameBytes(), std::size_t(40));
    }

    void aCancelledReservationLeavesNoMapping()
    {
        FrameArena arena;
        const std::atomic<bool> cancel{true};
        QVERIFY(!arena.reserve(1000, 64, &cancel));
        void *frame = arena.allocate(64); // from operator new: nothing was mapped
        QCOMPARE(arena.liveInMapping(), std::size_t(0));
        QCOMPARE(arena.liveOutside(), std::size_t(1));
        arena.deallocate(frame, 64);
    }

    void taskFramesComeFromTheCurrentArenaAndFreeThemselves()
    {
        FrameArena arena;
        arena.makeCurrent();
        std::coroutine_handle<> slot;
        int ended = 0;
        { // the probe a shard makes: created suspended, destroyed unstarted
            ArenaTask probe = parkedTask(&slot, &ended);
        }
        QVERIFY(arena.largestFrameBytes() > 0);
        QCOMPARE(arena.liveOutside(), std::size_t(0));
        QVERIFY(arena.reserve(2, arena.largestFrameBytes(), nullptr));
        std::vector<std::coroutine_handle<>> parked(2);
        parkedTask(&parked[0], &ended).start();
        parkedTask(&parked[1], &ended).start();
        QCOMPARE(arena.liveInMapping(), std::size_t(2));
        QCOMPARE(ended, 0);
        parked[1].resume(); // ends, and its frame goes back
        QCOMPARE(ended, 1);
        QCOMPARE(arena.liveInMapping(), std::size_t(1));
        // What a shard's cancel does with the tasks still asleep: drop them with the mapping.
        arena.release();
        QCOMPARE(arena.liveInMapping(), std::size_t(0));
        QCOMPARE(ended, 1);
        QCOMPARE(FrameArena::current(), &arena);
    }
};

QTEST_GUILESS_MAIN(TestFrameArena)
#include "tst_framearena.moc"
