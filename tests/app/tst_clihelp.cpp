// SPDX-License-Identifier: MIT
// The option table (app/clioptions.h) against what is built from it: each command's parser, its
// --help, resources/doc/options.md and the man page. Tests iterate the table, so a new row is
// checked without a line here.
#include "app/clihelp.h"
#include "app/clioptions.h"
#include "app/cliparser.h"
#include "app/comparecommand.h"
#include "app/servecommand.h"
#include "tests/support/cliprocess.h"

#include <QFile>
#include <QTest>

#include <limits>

namespace {

const Command kCommands[] = {Command::Run, Command::Compare, Command::Serve};

QString usageOf(Command command)
{
    switch (command) {
    case Command::Run:
        return CliParser::usage();
    case Command::Compare:
        return CompareCommand::usage();
    case Command::Serve:
        return ServeCommand::usage();
    }
    return {};
}

// One command's line through its own parse(): "" when accepted, else the refusal.
QString refusal(Command command, const QStringList &args)
{
    QString error;
    switch (command) {
    case Command::Run: {
        HeadlessOptions options;
        return CliParser::parse(args, options, error) == CliParser::Outcome::Run ? QString()
                                                                                 : error;
    }
    case Command::Compare: {
        CompareCommand::Options options;
        return CompareCommand::parse(QStringList{"a.json", "b.json"} + args, options, error) ==
                       CompareCommand::Outcome::Run
                   ? QString()
                   : error;
    }
    case Command::Serve: {
        ServeCommand::Options options;
        return ServeCommand::parse(QStringList{"--serve"} + args, options, error) ==
                       ServeCommand::Outcome::Run
                   ? QString()
                   : error;
    }
    }
    return {};
}

// What a run option needs beside it to be parsed alone: the http options need --transport http,
// and a small plan keeps per-task connections within any machine's descriptors.
QStringList companions(const CliOption &o)
{
    QStringList args;
    if (QLatin1String(o.name) != u"transport")
        args << QStringLiteral("--transport") << QStringLiteral("http");
    if (QLatin1String(o.name) != u"tasks")
        args << QStringLiteral("--tasks") << QStringLiteral("100");
    return args;
}

} // namespace

class TestCliHelp : public QObject
{
    Q_OBJECT
private slots:
    void committedOptionsReferenceIsTheTablesOutput()
    {
        QFile file(QStringLiteral(LOOPBENCH_TEST_DATA "/../../resources/doc/options.md"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QString committed = QString::fromUtf8(file.readAll());
        // On a difference: ./build/app/loopbench --help-markdown > resources/doc/options.md
        QCOMPARE(committed, CliHelp::markdown());
    }

    void helpOfEachCommandNamesEveryOptionOfIt()
    {
        for (const Command command : kCommands) {
            const QString help = usageOf(command);
            const QString flat = help.simplified();
            for (const CliOption &o : CliOptions::all()) {
                const QString name =
                    o.dashed() +
                    (o.isFlag() ? QString() : QLatin1Char(' ') + QLatin1String(o.valueName));
                if (!o.in(command) || o.hidden) {
                    // Another command's option is not offered here (compare's --json is not
                    // run's: one of the two rows is listed).
                    if (!o.in(command) && !CliOptions::find(command, QString::fromLatin1(o.name)))
                        QVERIFY2(!help.contains(QStringLiteral("  ") + o.dashed() + u' '),
                                 qPrintable(name));
                    continue;
                }
                // "  --tasks N", or "-h, --help" after its one-letter alias.
                QVERIFY2(help.contains(QStringLiteral("  ") + name) ||
                             help.contains(QStringLiteral(", ") + name),
                         qPrintable(name));
                QVERIFY2(flat.contains(QString::fromLatin1(o.description).simplified()),
                         qPrintable(name));
                QVERIFY2(flat.contains(o.allowed().simplified()), qPrintable(name));
            }
        }
        // The figures are the core's: a changed range or name table changes the help.
        const QString run = CliParser::usage().simplified();
        QVERIFY(run.contains(u"--tasks N tasks in the plan (1 to 50,000,000; default 10000)"));
        QVERIFY(run.contains(u"(sum, hash, article; default sum)"));
        QVERIFY(run.contains(u"(each 0 to 3,600,000 ms; default 200:1000)"));
        QVERIFY(CompareCommand::usage().startsWith(u"usage: loopbench compare OLD.json NEW.json"));
        QVERIFY(ServeCommand::usage().simplified().contains(
            u"--server-loops N the server's event loops, one thread each (1 to 256)"));
    }

    void manPageHasEveryListedOption()
    {
        const QString man = CliHelp::man();
        QVERIFY(man.startsWith(u".TH LOOPBENCH 1 "));
        for (const CliOption &o : CliOptions::all()) {
            QString roffName = o.dashed();
            roffName.replace(u'-', QStringLiteral("\\-"));
            QCOMPARE(man.contains(QStringLiteral("\\fB") + roffName + QStringLiteral("\\fR")),
                     !o.hidden);
        }
    }

    // Each row with a range, at its lower edge: the minimum is accepted, one below it refused
    // with the option's name and the range; one above the maximum too.
    void eachRangeIsCheckedAtItsEdges()
    {
        int checked = 0;
        for (const Command command : kCommands) {
            for (const CliOption &o : CliOptions::all()) {
                if (!o.in(command) || !o.range)
                    continue;
                auto line = [&](const QString &number) {
                    const QString value = o.textMax ? number + u':' + number : number;
                    return (command == Command::Run ? companions(o) : QStringList{}) +
                           QStringList{o.dashed(), value};
                };
                const QString tag = o.dashed() + u' ' + QString::number(int(command));
                QCOMPARE(refusal(command, line(QString::number(o.range->min))), QString());
                const QString prefix = o.dashed() + QStringLiteral(": ");
                if (o.range->min > 0) {
                    const QString error = refusal(command, line(QString::number(o.range->min - 1)));
                    QVERIFY2(error.startsWith(prefix) && error.contains(o.range->text()),
                             qPrintable(tag + QStringLiteral(": ") + error));
                }
                const QString aboveMax = o.range->max == std::numeric_limits<std::uint64_t>::max()
                                             ? QStringLiteral("18446744073709551616")
                                             : QString::number(o.range->max + 1);
                const QString error = refusal(command, line(aboveMax));
                QVERIFY2(error.startsWith(prefix) && error.contains(o.range->text()),
                         qPrintable(tag + QStringLiteral(": ") + error));
                ++checked;
            }
        }
        QVERIFY(checked >= 10);
    }

    // Every name of a choice table is accepted, and another name refused naming them all.
    void eachChoiceIsCheckedAgainstItsTable()
    {
        for (const CliOption &o : CliOptions::all()) {
            if (!o.in(Command::Run) || !o.choices)
                continue;
            for (const QString &name : o.choices()) {
                const QString value = QLatin1String(o.name).endsWith(u"-dist") && name != u"uniform"
                                          ? QString() // a shape needs its parameters
                                          : name;
                if (!value.isEmpty())
                    QCOMPARE(refusal(Command::Run, companions(o) + QStringList{o.dashed(), value}),
                             QString());
            }
            const QString error =
                refusal(Command::Run, companions(o) + QStringList{o.dashed(), "nosuchname"});
            QVERIFY2(error.startsWith(o.dashed() + QStringLiteral(": 'nosuchname' is not ")),
                     qPrintable(error));
        }
    }

    // A run's http option without --transport http would be ignored: it is refused instead.
    void httpOptionsNeedTheHttpTransport()
    {
        int checked = 0;
        for (const CliOption &o : CliOptions::all()) {
            if (!o.httpOnly || !o.in(Command::Run))
                continue;
            const QString value =
                o.range ? QString::number(o.range->min) : QStringLiteral("127.0.0.1:8080");
            QCOMPARE(refusal(Command::Run, {o.dashed(), value}),
                     o.dashed() + QStringLiteral(": only with --transport http"));
            QVERIFY(o.phrase(Command::Run).startsWith(u"http: "));
            ++checked;
        }
        QCOMPARE(checked, 5);
    }

    // The rules of the one parser hold for all three commands.
    void everyCommandSharesTheParsersRules_data()
    {
        QTest::addColumn<int>("command");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        const int run = int(Command::Run), compare = int(Command::Compare),
                  serve = int(Command::Serve);
        QTest::newRow("run: unknown")
            << run << QStringList{"--bogus"} << "--bogus: unknown option (see --help)";
        QTest::newRow("compare: unknown") << compare << QStringList{"--bogus=1"}
                                          << "--bogus: unknown option (see loopbench compare "
                                             "--help)";
        QTest::newRow("serve: unknown") << serve << QStringList{"--tasks", "5"}
                                        << "--tasks: unknown option (see loopbench --serve "
                                           "--help)";
        QTest::newRow("run: missing value")
            << run << QStringList{"--seed"} << "--seed: missing value";
        QTest::newRow("compare: missing value")
            << compare << QStringList{"--markdown"} << "--markdown: missing value";
        QTest::newRow("serve: missing value")
            << serve << QStringList{"--listen"} << "--listen: missing value";
        QTest::newRow("serve: option as value")
            << serve << QStringList{"--listen", "--reuse-port"} << "--listen: missing value";
        QTest::newRow("serve: empty value")
            << serve << QStringList{"--server-loops="} << "--server-loops: missing value";
        QTest::newRow("serve: flag given a value")
            << serve << QStringList{"--reuse-port=yes"} << "--reuse-port takes no value";
        QTest::newRow("serve: twice")
            << serve << QStringList{"--server-loops", "2", "--server-loops=3"}
            << "--server-loops: given more than once";
        QTest::newRow("serve: = form checked")
            << serve << QStringList{"--server-loops=0"} << "--server-loops: 0 is outside 1 to 256";
        QTest::newRow("serve: stray argument") << serve << QStringList{"5"}
                                               << "'5': unexpected argument (see loopbench "
                                                  "--serve --help)";
        QTest::newRow("serve: bad listen") << serve << QStringList{"--listen=localhost"}
                                           << "--listen: 'localhost' is not HOST:PORT with a "
                                              "port from 0 to 65,535 (0: any free port)";
        QTest::newRow("compare: no version") << compare << QStringList{"--version"}
                                             << "--version: unknown option (see loopbench "
                                                "compare --help)";
    }
    void everyCommandSharesTheParsersRules()
    {
        QFETCH(int, command);
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        QCOMPARE(refusal(Command(command), args), expected);
    }

    void equalsFormsReachTheCommands()
    {
        ServeCommand::Options serve;
        QString error;
        QCOMPARE(
            ServeCommand::parse({"--serve", "--listen=127.0.0.1:8080", "--server-loops=3",
                                 "--response-bytes", "10k", "--reuse-port", "--exit-on-stdin-eof"},
                                serve, error),
            ServeCommand::Outcome::Run);
        QCOMPARE(serve.server.listen.text(), QStringLiteral("127.0.0.1:8080"));
        QCOMPARE(serve.server.loops, 3);
        QCOMPARE(serve.server.responseBytes, 10000);
        QVERIFY(serve.server.reusePort);
        QVERIFY(serve.exitOnStdinEof);
        QCOMPARE(ServeCommand::parse({"--serve"}, serve, error), ServeCommand::Outcome::Run);
        const HttpServer::Options defaults;
        QCOMPARE(serve.server.listen, defaults.listen);
        QCOMPARE(serve.server.loops, defaults.loops);
        QCOMPARE(serve.server.responseBytes, defaults.responseBytes);
        QVERIFY(!serve.server.reusePort);
        QVERIFY(!serve.exitOnStdinEof);
        QCOMPARE(ServeCommand::parse({"--serve", "--bogus", "-h"}, serve, error),
                 ServeCommand::Outcome::Help);

        CompareCommand::Options compare;
        QCOMPARE(CompareCommand::parse({"a.json", "--csv=c.csv", "b.json", "--json", "-",
                                        "--markdown=m.md", "--", "-c.json"},
                                       compare, error),
                 CompareCommand::Outcome::Run);
        QCOMPARE(compare.reports, (QStringList{"a.json", "b.json", "-c.json"}));
        QCOMPARE(compare.csvPath, QStringLiteral("c.csv"));
        QCOMPARE(compare.jsonPath, QStringLiteral("-"));
        QCOMPARE(compare.markdownPath, QStringLiteral("m.md"));
    }

    void generatorsAreHiddenOptionsOfTheExecutable()
    {
        cli::Outcome o = cli::run({QStringLiteral("--help-markdown")});
        QCOMPARE(o.exitCode, 0);
        QCOMPARE(QString::fromUtf8(o.out), CliHelp::markdown());
        o = cli::run({QStringLiteral("--help-man")});
        QCOMPARE(o.exitCode, 0);
        QCOMPARE(QString::fromUtf8(o.out), CliHelp::man());
        o = cli::run({QStringLiteral("--serve"), QStringLiteral("-h")});
        QCOMPARE(o.exitCode, 0);
        QCOMPARE(QString::fromUtf8(o.out), ServeCommand::usage());
        QVERIFY(!CliParser::usage().contains(u"--help-markdown"));
    }
};

QTEST_GUILESS_MAIN(TestCliHelp)
#include "tst_clihelp.moc"
