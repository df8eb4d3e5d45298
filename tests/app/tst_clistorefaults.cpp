// SPDX-License-Identifier: MIT
#include "core/store/resultstore.h"
#include "core/store/storeschema.h"
#include "tests/support/cliprocess.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

// `loopbench --headless --record` against a store under faults, as real processes on real files
// (and, as root, on a small tmpfs): a healthy history is never moved aside. Only a file SQLite
// itself calls corrupt is; a full disk, a lock held by another process, a read-only filesystem or
// folder, a device at the store's path or tables changed by hand stop the command before the run
// with exit 2, a message naming the cause, and every file exactly as it was. Instances that
// create one new store at once all record.
namespace {

const QStringList kTiny{
    QStringLiteral("--headless"), QStringLiteral("--tasks"),  QStringLiteral("50"),
    QStringLiteral("--io"),       QStringLiteral("0:2"),      QStringLiteral("--cpu"),
    QStringLiteral("0:100"),      QStringLiteral("--shards"), QStringLiteral("1,2"),
    QStringLiteral("--quiet"),    QStringLiteral("--record")};

QProcessEnvironment withDataHome(const QString &dir)
{
    QProcessEnvironment env = cli::headlessEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir);
    env.remove(QLatin1String(ResultStore::kPathVariable)); // the suite's ":memory:" would win
    return env;
}

QProcessEnvironment withStore(const QString &path)
{
    QProcessEnvironment env = cli::headlessEnvironment();
    env.insert(QLatin1String(ResultStore::kPathVariable), path);
    return env;
}

QString storeIn(const QString &dataHome)
{
    return dataHome + QStringLiteral("/LoopBench/results.sqlite");
}

// Every file of a folder with a hash of its bytes: equal snapshots, untouched files.
QMap<QString, QByteArray> snapshot(const QString &folder)
{
    QMap<QString, QByteArray> files;
    const QDir dir(folder);
    for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden | QDir::System)) {
        QFile f(dir.filePath(name));
        struct stat st
        {};
        if (::lstat(QFile::encodeName(f.fileName()).constData(), &st) != 0 ||
            !S_ISREG(st.st_mode)) { // a FIFO would block the open
            files.insert(name, QByteArray::number(st.st_mode, 8));
            continue;
        }
        files.insert(name, f.open(QIODevice::ReadOnly)
                               ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                               : QByteArray("<unreadable>"));
    }
    return files;
}

int experimentsIn(const QString &path)
{
    qunsetenv(ResultStore::kPathVariable);
    ResultStore store;
    if (!store.open(path)) {
        qWarning("%s", qPrintable(store.error()));
        return -1;
    }
    return int(store.experiments().size());
}

// Runs `sql` on the store through a connection of this process.
bool execOn(const QString &path, const QStringList &sql)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("e"));
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery q(db);
        for (const QString &s : sql)
            ok = ok && q.exec(s);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("e"));
    return ok;
}

// A tmpfs of `size` mounted on a folder of its own for one test, unmounted when it ends; empty
// (with the reason in skipReason) when this process may not mount.
class SmallFilesystem
{
public:
    explicit SmallFilesystem(const QString &size)
    {
        if (::geteuid() != 0) {
            skipReason = "mounting a small filesystem needs root (CI runs as root)";
            return;
        }
        const int rc = QProcess::execute(QStringLiteral("mount"),
                                         {QStringLiteral("-t"), QStringLiteral("tmpfs"),
                                          QStringLiteral("-o"), QStringLiteral("size=") + size,
                                          QStringLiteral("loopbench-test"), m_dir.path()});
        if (rc != 0)
            skipReason = "mount -t tmpfs failed: no CAP_SYS_ADMIN in this container?";
        else
            m_mounted = true;
    }
    ~SmallFilesystem()
    {
        if (m_mounted)
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), m_dir.path()});
    }
    bool mounted() const { return m_mounted; }
    QString path() const { return m_dir.path(); }
    bool remount(const char *how)
    {
        return QProcess::execute(QStringLiteral("mount"),
                                 {QStringLiteral("-o"),
                                  QStringLiteral("remount,") + QLatin1String(how), m_dir.path()}) ==
               0;
    }
    QByteArray skipReason;

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
};

// Writes zeros to `path` until the filesystem refuses more.
void fill(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return;
    const QByteArray chunk(4096, '\0');
    while (f.write(chunk) == chunk.size() && f.flush()) {
    }
}

} // namespace

class TestCliStoreFaults : public QObject
{
    Q_OBJECT
private slots:
    void instancesCreatingOneNewStoreAtOnceAllRecord()
    {
        // Before: 16 of 24 such runs exited 2 ("table experiments already exists", "duplicate
        // column name"). Three new stores, six processes each.
        constexpr int kRounds = 3;
        constexpr int kAtOnce = 6;
        for (int round = 0; round < kRounds; ++round) {
            QTemporaryDir dir;
            std::vector<std::unique_ptr<QProcess>> children;
            for (int i = 0; i < kAtOnce; ++i) {
                children.push_back(std::make_unique<QProcess>());
                cli::start(*children.back(), kTiny, withDataHome(dir.path()));
            }
            for (auto &child : children) {
                const cli::Outcome o = cli::finish(*child);
                QVERIFY2(o.exitCode == 0, o.err.constData());
            }
            QCOMPARE(experimentsIn(storeIn(dir.path())), kAtOnce);
        }
    }

    void instancesMigratingOneOldStoreAtOnceAllRecord()
    {
        // A schema-1 store with one experiment, opened by six new instances at once: it is
        // migrated once, keeps its experiment, and every instance records.
        QTemporaryDir dir;
        const QString path = storeIn(dir.path());
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QString error;
            QVERIFY2(StoreSchema::migrate(db, &error, 1), qPrintable(error));
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO experiments (kind, source, started_utc, tasks, io_min_ms, io_max_ms, "
                "cpu_min_iterations, cpu_max_iterations, kernel, seed, shard_counts, partition, "
                "pin, repeats, warmup, fail_task, workload, host, cpu_model, logical_cpus, "
                "machine) VALUES ('cli', 'cli', '2024-06-01T12:00:00.000Z', 10, 0, 1, 0, 1, "
                "'sum', '1', '1', 'contiguous', 0, 1, 0, -1, 'w', 'h', 'c', 2, '{}')")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));
        std::vector<std::unique_ptr<QProcess>> children;
        for (int i = 0; i < 6; ++i) {
            children.push_back(std::make_unique<QProcess>());
            cli::start(*children.back(), kTiny, withDataHome(dir.path()));
        }
        for (auto &child : children) {
            const cli::Outcome o = cli::finish(*child);
            QVERIFY2(o.exitCode == 0, o.err.constData());
        }
        QCOMPARE(experimentsIn(path), 1 + 6);
    }

    void onlyAFileSQLiteCallsCorruptIsMovedAside()
    {
        // Pages overwritten in the middle of a store: SQLite's integrity check fails, and that
        // file (and only such a file) is moved aside whole, and a new history starts.
        QTemporaryDir dir;
        const QString path = storeIn(dir.path());
        cli::Outcome o = cli::run(kTiny, withDataHome(dir.path()));
        QVERIFY2(o.exitCode == 0, o.err.constData());
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.size() >= 3 * 4096);
            QVERIFY(f.seek(f.size() - 2 * 4096));
            QCOMPARE(f.write(QByteArray(2 * 4096, '\xff')), qint64(2 * 4096));
        }
        const QByteArray damaged = cli::readFile(path);
        o = cli::run(kTiny, withDataHome(dir.path()));
        QVERIFY2(o.exitCode == 0, o.err.constData());
        QVERIFY2(o.err.contains("moved to"), o.err.constData());
        const QStringList aside =
            QDir(QFileInfo(path).absolutePath()).entryList({QStringLiteral("*.corrupt-*")});
        QCOMPARE(aside.size(), 1);
        QCOMPARE(cli::readFile(QFileInfo(path).absolutePath() + QLatin1Char('/') + aside[0]),
                 damaged);
        QCOMPARE(experimentsIn(path), 1);
    }

    void aLockHeldByAnotherProcessIsNamedAndTheStoreKept()
    {
        QTemporaryDir dir;
        const QString path = storeIn(dir.path());
        cli::Outcome o = cli::run(kTiny, withDataHome(dir.path()));
        QVERIFY2(o.exitCode == 0, o.err.constData());
        {
            // This process holds the write lock for longer than the busy timeout.
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            o = cli::run(kTiny, withDataHome(dir.path()));
            QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("holder"));
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains("locked by another process (pid " +
                                QByteArray::number(QCoreApplication::applicationPid())),
                 o.err.constData());
        QVERIFY2(o.out.isEmpty(), o.out.constData()); // refused before the run
        QVERIFY(QFile::exists(path));
        QCOMPARE(
            QDir(QFileInfo(path).absolutePath()).entryList({QStringLiteral("*corrupt*")}).size(),
            0);
        // The lock gone, the same history goes on.
        o = cli::run(kTiny, withDataHome(dir.path()));
        QVERIFY2(o.exitCode == 0, o.err.constData());
        QCOMPARE(experimentsIn(path), 2);
    }

    void aLockTakenDuringTheRunIsNamedAndCommittedRunsKept()
    {
        // The store opens fine; another process takes its write lock while the experiment runs
        // and holds it past the busy timeout: the run cannot be recorded (exit 1), the message
        // names the holder, and the history recorded before is all there.
        QTemporaryDir dir;
        const QString path = storeIn(dir.path());
        cli::Outcome o = cli::run(kTiny, withDataHome(dir.path()));
        QVERIFY2(o.exitCode == 0, o.err.constData());
        QProcess child;
        cli::start(child,
                   {"--headless", "--tasks", "50", "--io", "1500:2000", "--cpu", "0:100",
                    "--shards", "1", "--quiet", "--record"},
                   withDataHome(dir.path()));
        QVERIFY(cli::waitUntil(child, [&] { return cli::hasShardThread(child.processId()); }));
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            o = cli::finish(child);
            QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("holder"));
        QCOMPARE(o.exitCode, 1);
        QVERIFY2(o.err.contains("locked by another process (pid " +
                                QByteArray::number(QCoreApplication::applicationPid())),
                 o.err.constData());
        QCOMPARE(
            QDir(QFileInfo(path).absolutePath()).entryList({QStringLiteral("*corrupt*")}).size(),
            0);
        QCOMPARE(experimentsIn(path), 1);
    }

    void aFullDiskKeepsTheStoreAndSaysSo()
    {
        SmallFilesystem fs(QStringLiteral("3m"));
        if (!fs.mounted())
            QSKIP(fs.skipReason.constData());
        const QString path = storeIn(fs.path());
        cli::Outcome o = cli::run(kTiny, withDataHome(fs.path()));
        QVERIFY2(o.exitCode == 0, o.err.constData());
        const QString folder = QFileInfo(path).absolutePath();
        fill(fs.path() + QStringLiteral("/filler"));
        const auto before = snapshot(folder);
        o = cli::run(kTiny, withDataHome(fs.path()));
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains("is full"), o.err.constData());
        QVERIFY2(!o.err.contains("damaged"), o.err.constData());
        QVERIFY2(o.out.isEmpty(), o.out.constData());
        QCOMPARE(snapshot(folder), before);
        // Space again: the same history, nothing lost.
        QVERIFY(QFile::remove(fs.path() + QStringLiteral("/filler")));
        o = cli::run(kTiny, withDataHome(fs.path()));
        QVERIFY2(o.exitCode == 0, o.err.constData());
        QCOMPARE(experimentsIn(path), 2);
    }

    // SQLite follows a link to its target and keeps its log beside the target: the full disk is
    // the target's, not the link's folder's (it said "disk I/O error").
    void aLinkToAStoreOnAFullDiskSaysSo()
    {
        SmallFilesystem fs(QStringLiteral("3m"));
        if (!fs.mounted())
            QSKIP(fs.skipReason.constData());
        const QString path = storeIn(fs.path());
        cli::Outcome o = cli::run(kTiny, withDataHome(fs.path()));
        QVERIFY2(o.exitCode == 0, o.err.constData());
        fill(fs.path() + QStringLiteral("/filler"));
        const auto before = snapshot(QFileInfo(path).absolutePath());
        QTemporaryDir elsewhere;
        const QString link = elsewhere.filePath(QStringLiteral("results.sqlite"));
        QVERIFY(QFile::link(path, link));
        o = cli::run(kTiny, withStore(link));
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains("is full"), o.err.constData());
        QVERIFY2(o.out.isEmpty(), o.out.constData());
        QCOMPARE(snapshot(QFileInfo(path).absolutePath()), before);
        QVERIFY(QFileInfo(link).isSymLink());
    }

    void aReadOnlyFilesystemKeepsTheStoreAndSaysSo()
    {
        SmallFilesystem fs(QStringLiteral("3m"));
        if (!fs.mounted())
            QSKIP(fs.skipReason.constData());
        const QString path = storeIn(fs.path());
        cli::Outcome o = cli::run(kTiny, withDataHome(fs.path()));
        QVERIFY2(o.exitCode == 0, o.err.constData());
        const QString folder = QFileInfo(path).absolutePath();
        const auto before = snapshot(folder);
        QVERIFY(fs.remount("ro"));
        o = cli::run(kTiny, withDataHome(fs.path()));
        QVERIFY(fs.remount("rw"));
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains("read-only filesystem"), o.err.constData());
        QVERIFY2(o.out.isEmpty(), o.out.constData());
        QCOMPARE(snapshot(folder), before);
        QCOMPARE(experimentsIn(path), 1);
    }

    void aReadOnlyFolderKeepsTheStoreAndSaysSo()
    {
        const std::optional<QString> prefix = cli::unprivilegedPrefix();
        if (!prefix)
            QSKIP("root cannot drop privileges here (no setpriv), and root writes anywhere");
        QTemporaryDir dir;
        QVERIFY(cli::openToEveryone(dir.path()));
        const QString path = storeIn(dir.path());
        cli::Outcome o = cli::run(kTiny, withDataHome(dir.path()));
        QVERIFY2(o.exitCode == 0, o.err.constData());
        const QString folder = QFileInfo(path).absolutePath();
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ReadOther));
        QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner |
                                                  QFileDevice::ReadOther | QFileDevice::ExeOther));
        const auto before = snapshot(folder);
        o = cli::runShell(*prefix + QStringLiteral("\"$0\" \"$@\""), kTiny,
                          withDataHome(dir.path()));
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ExeOwner);
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains("read-only"), o.err.constData());
        QVERIFY2(!o.err.contains("damaged"), o.err.constData());
        QCOMPARE(snapshot(folder), before);
    }

    void aHandDamagedSchemaIsNamedBeforeTheRun_data()
    {
        QTest::addColumn<QStringList>("sql");
        QTest::addColumn<QByteArray>("named");
        QTest::newRow("table dropped") << QStringList{QStringLiteral("DROP TABLE shard_stats")}
                                       << QByteArray("table shard_stats is missing");
        QTest::newRow("column dropped")
            << QStringList{QStringLiteral("ALTER TABLE runs DROP COLUMN wall_ms")}
            << QByteArray("table runs has no column wall_ms");
        QTest::newRow("negative version") << QStringList{QStringLiteral("PRAGMA user_version = -1")}
                                          << QByteArray("schema version -1");
        QTest::newRow("large negative version")
            << QStringList{QStringLiteral("PRAGMA user_version = -2147483648")}
            << QByteArray("schema version -2147483648");
        QTest::newRow("another program's database")
            << QStringList{QStringLiteral("PRAGMA user_version = 0"),
                           QStringLiteral("DROP TABLE runs"),
                           QStringLiteral("DROP TABLE shard_stats"),
                           QStringLiteral("DROP TABLE load_samples"),
                           QStringLiteral("DROP TABLE task_timings"),
                           QStringLiteral("DROP TABLE experiments"),
                           QStringLiteral("CREATE TABLE moz_places (id INTEGER, url TEXT)")}
            << QByteArray("another program's database");
        QTest::newRow("older version, newer tables")
            << QStringList{QStringLiteral("PRAGMA user_version = 1")}
            << QByteArray("is there before");
    }

    void aHandDamagedSchemaIsNamedBeforeTheRun()
    {
        QFETCH(QStringList, sql);
        QFETCH(QByteArray, named);
        QTemporaryDir dir;
        const QString path = storeIn(dir.path());
        cli::Outcome o = cli::run(kTiny, withDataHome(dir.path()));
        QVERIFY2(o.exitCode == 0, o.err.constData());
        QVERIFY(execOn(path, sql));
        const auto before = snapshot(QFileInfo(path).absolutePath());
        o = cli::run(kTiny, withDataHome(dir.path()));
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains(named), o.err.constData());
        QVERIFY2(o.out.isEmpty(), o.out.constData()); // found at open, not after the run
        QCOMPARE(snapshot(QFileInfo(path).absolutePath()), before);
    }

    void somethingOtherThanAFileIsRefusedAndLeftAlone_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("named");
        QTest::newRow("/dev/null") << QStringLiteral("/dev/null") << QByteArray("character device");
        QTest::newRow("/dev/zero") << QStringLiteral("/dev/zero") << QByteArray("character device");
        QTest::newRow("fifo") << QStringLiteral("fifo") << QByteArray("a FIFO");
        QTest::newRow("folder") << QStringLiteral("folder") << QByteArray("a folder");
        QTest::newRow("link to /dev/null")
            << QStringLiteral("link") << QByteArray("character device");
    }

    void somethingOtherThanAFileIsRefusedAndLeftAlone()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, named);
        QTemporaryDir dir;
        if (path == QLatin1String("fifo")) {
            path = dir.filePath(path);
            QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        } else if (path == QLatin1String("folder")) {
            path = dir.filePath(path);
            QVERIFY(QDir().mkdir(path));
        } else if (path == QLatin1String("link")) {
            path = dir.filePath(path);
            QVERIFY(QFile::link(QStringLiteral("/dev/null"), path));
        }
        struct stat before
        {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &before), 0);
        const cli::Outcome o = cli::run(kTiny, withStore(path), 30000); // a FIFO must not block
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains(named), o.err.constData());
        QVERIFY2(o.out.isEmpty(), o.out.constData());
        struct stat after
        {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &after), 0);
        QCOMPARE(after.st_mode, before.st_mode);
        QCOMPARE(after.st_rdev, before.st_rdev);
        QVERIFY(!QFile::exists(path + QStringLiteral(".corrupt-")));
        QCOMPARE(QDir(QFileInfo(path).absolutePath())
                     .entryList({QStringLiteral("*corrupt*"), QStringLiteral("*-wal")})
                     .size(),
                 0);
    }

    // What SQLite would meet only when it opens: a loop of links, a link into a folder that does
    // not exist, a FIFO or folder where it keeps its log (a FIFO there was read as the log and
    // deleted, and the failure came after the run as "disk I/O error").
    void aLinkOrLogThatCannotBeUsedIsNamedBeforeTheRun_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QByteArray>("named");
        QTest::newRow("link loop")
            << QStringLiteral("loop") << QByteArray("a loop of symbolic links");
        QTest::newRow("link into a missing folder")
            << QStringLiteral("dangling") << QByteArray("whose folder does not exist");
        QTest::newRow("log is a FIFO")
            << QStringLiteral("wal-fifo")
            << QByteArray("-wal is a FIFO, not a file: SQLite keeps the store's write-ahead log");
        QTest::newRow("shared index is a folder")
            << QStringLiteral("shm-folder")
            << QByteArray("-shm is a folder, not a file: SQLite keeps the store's shared index");
    }

    void aLinkOrLogThatCannotBeUsedIsNamedBeforeTheRun()
    {
        QFETCH(QString, setup);
        QFETCH(QByteArray, named);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("results.sqlite"));
        if (setup == QLatin1String("loop")) {
            QVERIFY(QFile::link(dir.filePath(QStringLiteral("other")), path));
            QVERIFY(QFile::link(path, dir.filePath(QStringLiteral("other"))));
        } else if (setup == QLatin1String("dangling")) {
            QVERIFY(QFile::link(dir.filePath(QStringLiteral("gone/results.sqlite")), path));
        } else {
            cli::Outcome made = cli::run(kTiny, withStore(path));
            QVERIFY2(made.exitCode == 0, made.err.constData());
            if (setup == QLatin1String("wal-fifo"))
                QCOMPARE(
                    ::mkfifo(QFile::encodeName(path + QStringLiteral("-wal")).constData(), 0600),
                    0);
            else
                QVERIFY(QDir().mkdir(path + QStringLiteral("-shm")));
        }
        const auto before = snapshot(dir.path());
        const QStringList entries =
            QDir(dir.path()).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot);
        const cli::Outcome o = cli::run(kTiny, withStore(path), 30000);
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains(named), o.err.constData());
        QVERIFY2(o.out.isEmpty(), o.out.constData()); // before the run
        QCOMPARE(snapshot(dir.path()), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot),
                 entries);
    }

    // The system's reason, not a guess: a filesystem with no blocks (/proc) is not "full" (it
    // said "the disk holding /proc/results.sqlite is full (0 KiB free)"), and a folder name too
    // long to create is not "a folder, not a file" (it said "/tmp/x/. is a folder").
    void aPlaceWithoutADiskOrANameTooLongIsNamedAsItIs()
    {
        cli::Outcome o = cli::run(kTiny, withStore(QStringLiteral("/proc/results.sqlite")));
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(!o.err.contains("full"), o.err.constData());
        QVERIFY2(o.out.isEmpty(), o.out.constData());
        QTemporaryDir dir;
        const QString folder = dir.filePath(QString(300, QLatin1Char('n')));
        o = cli::run(kTiny, withStore(folder + QStringLiteral("/results.sqlite")));
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(o.err.contains("File name too long"), o.err.constData());
        QVERIFY2(!o.err.contains("not a file"), o.err.constData());
        QVERIFY2(o.out.isEmpty(), o.out.constData());
        QVERIFY(QDir(dir.path()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliStoreFaults)
#include "tst_clistorefaults.moc"
