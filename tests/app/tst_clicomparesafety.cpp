// SPDX-License-Identifier: MIT
#include "tests/support/cliprocess.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstring>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

// `loopbench compare` as a real process on real files: it never writes over a report it reads
// (however the output is spelled: ./a.json, a symlink, a hard link, standard output appended to
// it), reads regular files only and never blocks on a FIFO, prints text from a report escaped
// (a NUL does not cut the table, an ESC sequence does not reach the terminal), and refuses
// values no run can have, naming the field.
namespace {

constexpr int kExitBadInput = 2;

QString text(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes);
}

// Whether process `pid` is `ancestor` or one of its descendants (/proc/N/stat's ppid field).
bool descends(qint64 pid, qint64 ancestor)
{
    for (int depth = 0; pid > 1 && depth < 8; ++depth) {
        if (pid == ancestor)
            return true;
        const QByteArray stat = cli::readFile(QStringLiteral("/proc/%1/stat").arg(pid));
        // "pid (comm) state ppid ...": the name may hold spaces, so read after its ')'.
        const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
        pid = fields.size() > 1 ? fields[1].toLongLong() : 0;
    }
    return false;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// `report` with runs[0].<key> (a dotted path inside the run) set to `value`.
QJsonObject withRunField(QJsonObject report, const QString &key, const QJsonValue &value)
{
    QJsonArray runs = report[u"runs"].toArray();
    QJsonObject run = runs[0].toObject();
    const QStringList parts = key.split(QLatin1Char('.'));
    if (parts.size() == 1) {
        run[parts[0]] = value;
    } else {
        QJsonObject inner = run[parts[0]].toObject();
        inner[parts[1]] = value;
        run[parts[0]] = inner;
    }
    runs[0] = run;
    report[u"runs"] = runs;
    return report;
}

} // namespace

class TestCliCompareSafety : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QByteArray m_report; // a report the real executable wrote

    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

    cli::Outcome compare(const QStringList &args, int timeoutMs = 60000)
    {
        return cli::run(QStringList{QStringLiteral("compare")} + args, cli::headlessEnvironment(),
                        timeoutMs);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const cli::Outcome o =
            cli::run({"--headless", "--tasks", "50", "--io", "0:2", "--cpu", "0:100", "--shards",
                      "1,2", "--quiet", "--json", path("a.json")});
        QVERIFY2(o.exitCode == 0, o.err.constData());
        m_report = cli::readFile(path("a.json"));
        QVERIFY(m_report.startsWith('{'));
        QVERIFY(writeFile(path("b.json"), m_report));
    }

    void anOutputThatIsAnInputIsRefused_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("spelling");
        for (const char *option : {"--json", "--csv", "--markdown"}) {
            for (const char *spelling :
                 {"same", "dot", "dotdot", "symlink", "hardlink", "link dotdot"})
                QTest::addRow("%s %s", option, spelling)
                    << QString::fromLatin1(option) << QString::fromLatin1(spelling);
        }
    }

    void anOutputThatIsAnInputIsRefused()
    {
        QFETCH(QString, option);
        QFETCH(QString, spelling);
        QVERIFY(writeFile(path("in.json"), m_report));
        QDir().mkpath(path("sub"));
        QString output = path("in.json");
        if (spelling == u"dot") {
            output = QStringLiteral("./in.json");
        } else if (spelling == u"dotdot") {
            output = path("sub") + QStringLiteral("/../in.json");
        } else if (spelling == u"symlink") {
            output = path("link.json");
            QFile::remove(output);
            QVERIFY(QFile::link(path("in.json"), output));
        } else if (spelling == u"link dotdot") {
            // "d/../in.json" with d a link to this folder: the kernel reads it as ../in.json,
            // the writer (which cleans the path first) as in.json. Either way, refused.
            QFile::remove(path("d"));
            QVERIFY(QFile::link(QStringLiteral("."), path("d")));
            output = QStringLiteral("d/../in.json");
        } else if (spelling == u"hardlink") {
            output = path("hard.json");
            QFile::remove(output);
            QCOMPARE(::link(QFile::encodeName(path("in.json")).constData(),
                            QFile::encodeName(output).constData()),
                     0);
        }
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        cli::start(p, {QStringLiteral("compare"), path("in.json"), path("b.json"), option, output});
        const cli::Outcome o = cli::finish(p);
        QCOMPARE(o.exitCode, kExitBadInput);
        QVERIFY2(text(o.err).contains(QLatin1String("is one of the reports compared")),
                 o.err.constData());
        QVERIFY2(text(o.err).startsWith(option), o.err.constData());
        QCOMPARE(cli::readFile(path("in.json")), m_report);
        QVERIFY2(o.out.isEmpty(), o.out.constData()); // refused before the table
        QFile::remove(path("link.json"));
        QFile::remove(path("hard.json"));
    }

    void standardOutputAppendedToAnInputIsRefused()
    {
        QVERIFY(writeFile(path("in.json"), m_report));
        // `loopbench compare in.json b.json >> in.json`: the table would be appended to a report.
        const cli::Outcome appended =
            cli::runShell(QStringLiteral("exec \"$0\" compare \"$1\" \"$2\" >> \"$1\""),
                          {path("in.json"), path("b.json")});
        QCOMPARE(appended.exitCode, kExitBadInput);
        QVERIFY2(text(appended.err).contains(QLatin1String("is one of the reports compared")),
                 appended.err.constData());
        QCOMPARE(cli::readFile(path("in.json")), m_report);
    }

    void onlyRegularFilesAreReadAndNothingBlocks_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("named");
        QTest::newRow("fifo nobody writes") << QStringLiteral("fifo") << QStringLiteral("FIFO");
        QTest::newRow("fifo with a writer that never writes")
            << QStringLiteral("held fifo") << QStringLiteral("FIFO");
        QTest::newRow("device") << QStringLiteral("/dev/zero") << QStringLiteral("a device");
        QTest::newRow("folder") << QStringLiteral("folder") << QStringLiteral("a folder");
        // open() fails on a socket (ENXIO): it read "No such device or address".
        QTest::newRow("socket") << QStringLiteral("socket") << QStringLiteral("a socket");
    }

    void onlyRegularFilesAreReadAndNothingBlocks()
    {
        QFETCH(QString, kind);
        QFETCH(QString, named);
        QString input = kind;
        QProcess writer;
        if (kind.endsWith(QLatin1String("fifo"))) {
            input = path("pipe");
            QFile::remove(input);
            QCOMPARE(::mkfifo(QFile::encodeName(input).constData(), 0600), 0);
            if (kind == u"held fifo") {
                // A writer that opens the FIFO and then sits: a blocking read would wait for ever.
                writer.start(
                    QStringLiteral("sh"),
                    {QStringLiteral("-c"), QStringLiteral("exec 3>\"$0\"; sleep 60"), input});
                QVERIFY(writer.waitForStarted());
            }
        } else if (kind == u"folder") {
            input = path("folder");
            QDir().mkpath(input);
        }
        const int socketFd = kind == u"socket" ? ::socket(AF_UNIX, SOCK_STREAM, 0) : -1;
        if (kind == u"socket") {
            input = path("socket");
            QFile::remove(input);
            sockaddr_un address{};
            address.sun_family = AF_UNIX;
            const QByteArray name = QFile::encodeName(input);
            QVERIFY(socketFd >= 0 && name.size() < int(sizeof address.sun_path));
            std::memcpy(address.sun_path, name.constData(), name.size());
            QCOMPARE(::bind(socketFd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
        }
        // A read that blocked would not end within the limit: the process is then killed and its
        // exit code is -1, not 2.
        const cli::Outcome o = compare({path("a.json"), input}, 20000);
        writer.kill();
        writer.waitForFinished();
        if (socketFd >= 0)
            ::close(socketFd);
        QCOMPARE(o.exitCode, kExitBadInput);
        QVERIFY2(text(o.err).startsWith(input + QStringLiteral(": is ")), o.err.constData());
        QVERIFY2(text(o.err).contains(named), o.err.constData());
    }

    void ctrlCEndsAWriteNobodyReadsEvenWhenIgnored()
    {
        // The comparison of 300 reports (~1 MB of JSON) to a pipe nobody reads, SIGINT ignored
        // as a background job inherits it: a Ctrl-C still ends compare, with 130 and nothing
        // half written.
        QStringList reports{path("a.json")};
        for (int i = 0; i < 300; ++i) {
            const QString name = m_dir.filePath(QStringLiteral("r%1.json").arg(i));
            QVERIFY(writeFile(name, m_report));
            reports.append(name);
        }
        const QString status = path("status");
        QFile::remove(status);
        QProcess shell;
        shell.setProcessEnvironment(cli::headlessEnvironment());
        shell.start(QStringLiteral("sh"),
                    QStringList{QStringLiteral("-c"),
                                QStringLiteral("trap '' INT; (\"$0\" compare \"$@\" --json - "
                                               "2>/dev/null; echo $? > %1) | sleep 15")
                                    .arg(status),
                                QStringLiteral(LOOPBENCH_EXE)} +
                        reports);
        QVERIFY(shell.waitForStarted());
        // The compare process: a descendant of the shell running the executable, blocked in a
        // write once the pipe is full.
        qint64 pid = 0;
        QVERIFY(cli::waitUntil(shell, [&] {
            QDirIterator procs(QStringLiteral("/proc"), QDir::Dirs | QDir::NoDotAndDotDot);
            while (procs.hasNext()) {
                const QString dir = procs.next();
                const QByteArray wchan = cli::readFile(dir + QStringLiteral("/wchan"));
                if (descends(procs.fileName().toLongLong(), shell.processId()) &&
                    QFileInfo(dir + QStringLiteral("/exe")).symLinkTarget() ==
                        QFileInfo(QStringLiteral(LOOPBENCH_EXE)).canonicalFilePath() &&
                    wchan.contains("pipe_write")) {
                    pid = procs.fileName().toLongLong();
                    return true;
                }
            }
            return false;
        }));
        QCOMPARE(::kill(pid_t(pid), SIGINT), 0);
        QVERIFY(cli::waitUntil(
            shell, [&] { return QFile::exists(status) && !cli::readFile(status).isEmpty(); },
            10000));
        QCOMPARE(cli::readFile(status).trimmed(), QByteArray("130"));
        shell.kill();
        shell.waitForFinished();
        for (int i = 0; i < 300; ++i)
            QFile::remove(m_dir.filePath(QStringLiteral("r%1.json").arg(i)));
    }

    void controlCharactersInAReportAreShownEscaped()
    {
        QJsonObject report = QJsonDocument::fromJson(m_report).object();
        QJsonObject meta = report[u"meta"].toObject();
        meta[u"cpu_model"] = QStringLiteral("Evil") + QChar(0) + QStringLiteral("CPU\n\x1b[31mred");
        // U+2028 breaks the line in many terminals; U+202E turns what follows it around.
        meta[u"host"] = QStringLiteral("bell\x07\r") + QChar(0x2028) + QStringLiteral("line") +
                        QChar(0x202E) + QStringLiteral("rtl");
        report[u"meta"] = meta;
        QVERIFY(writeFile(path("evil.json"), QJsonDocument(report).toJson()));
        const cli::Outcome clean = compare({path("a.json"), path("b.json")});
        QCOMPARE(clean.exitCode, 0);
        const cli::Outcome o = compare({path("a.json"), path("evil.json")});
        QCOMPARE(o.exitCode, 0);
        QVERIFY2(o.out.contains("Evil\\x00CPU\\n\\x1b[31mred"), o.out.constData());
        QVERIFY2(o.out.contains("host bell\\x07\\r\\u2028line\\u202ertl"), o.out.constData());
        for (const char raw : {'\0', '\x1b', '\x07', '\r'})
            QVERIFY2(!o.out.contains(raw), o.out.constData());
        for (const char *raw : {"\u2028", "\u202e"})
            QVERIFY2(!o.out.contains(raw), o.out.constData());
        // The table is whole: as many lines as with a clean report.
        QCOMPARE(o.out.count('\n'), clean.out.count('\n'));
    }

    void valuesNoRunCanHaveAreRefusedNamingTheField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<double>("value");
        QTest::newRow("wall 1e308") << QStringLiteral("wall_ms") << 1e308;
        QTest::newRow("wall 0") << QStringLiteral("wall_ms") << 0.0;
        QTest::newRow("negative lag p50") << QStringLiteral("lag_ms.p50") << -1.0;
        QTest::newRow("negative lag p99") << QStringLiteral("lag_ms.p99") << -0.5;
        QTest::newRow("latency max below p50") << QStringLiteral("latency_ms.max") << 0.0;
        QTest::newRow("latency p50 1e308") << QStringLiteral("latency_ms.p50") << 1e308;
    }

    void valuesNoRunCanHaveAreRefusedNamingTheField()
    {
        QFETCH(QString, field);
        QFETCH(double, value);
        const QJsonObject report =
            withRunField(QJsonDocument::fromJson(m_report).object(), field, value);
        QVERIFY(writeFile(path("forged.json"), QJsonDocument(report).toJson()));
        const cli::Outcome o = compare({path("a.json"), path("forged.json")});
        QCOMPARE(o.exitCode, kExitBadInput);
        QVERIFY2(text(o.err).startsWith(path("forged.json") + QStringLiteral(": runs[0].") +
                                        field.section(QLatin1Char('.'), 0, 0)),
                 o.err.constData());
        QVERIFY2(o.out.isEmpty(), o.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliCompareSafety)
#include "tst_clicomparesafety.moc"
