// SPDX-License-Identifier: MIT
#include "app/commandline.h"

#include <QHash>

#include <algorithm>

namespace {

// "--io=0:5" -> "io"; "-h" -> "h"; an argument that is no option ("5", "-", "--") -> empty.
QStringView optionName(QStringView arg)
{
    if (arg.size() < 2 || arg[0] != QLatin1Char('-') || arg == u"--")
        return {};
    arg = arg.mid(arg[1] == QLatin1Char('-') ? 2 : 1);
    const qsizetype eq = arg.indexOf(QLatin1Char('='));
    return eq < 0 ? arg : arg.left(eq);
}

QString spelled(const QString &arg)
{
    const qsizetype eq = arg.indexOf(QLatin1Char('='));
    return eq < 0 ? arg : arg.left(eq);
}

} // namespace

CommandLine::CommandLine(Command command)
    : m_command(command)
{
    // "-tasks 5" is --tasks, not -t -a -s -k -s.
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    for (const CliOption &o : CliOptions::all()) {
        if (!o.in(command))
            continue;
        QStringList names{QLatin1String(o.name)};
        if (o.alias)
            names.append(QLatin1String(o.alias));
        QString description = o.phrase(command);
        if (const QString allowed = o.allowed(); !allowed.isEmpty())
            description += QStringLiteral(" (") + allowed + QLatin1Char(')');
        QCommandLineOption option(names, description,
                                  o.isFlag() ? QString() : QLatin1String(o.valueName));
        if (o.hidden)
            option.setFlags(QCommandLineOption::HiddenFromHelp);
        m_parser.addOption(option);
    }
}

QString CommandLine::seeHelp(Command command)
{
    switch (command) {
    case Command::Run:
        break;
    case Command::Compare:
        return QStringLiteral("(see loopbench compare --help)");
    case Command::Serve:
        return QStringLiteral("(see loopbench --serve --help)");
    }
    return QStringLiteral("(see --help)");
}

bool CommandLine::isSet(const char *name) const
{
    return m_parser.isSet(QLatin1String(name));
}

QString CommandLine::value(const char *name) const
{
    return m_parser.value(QLatin1String(name));
}

std::optional<std::uint64_t> CommandLine::number(const char *name, QString *error) const
{
    const CliOption *o = CliOptions::find(m_command, QString::fromLatin1(name));
    Q_ASSERT(o && o->range);
    QString why;
    const auto n = o->range->read(value(name), &why);
    if (!n)
        *error = o->dashed() + QStringLiteral(": ") + why;
    return n;
}

QString CommandLine::refusal(const QStringList &args) const
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (arg == u"--")
            break;
        const QStringView name = optionName(arg);
        if (name.isEmpty())
            continue; // a positional argument
        const CliOption *o = CliOptions::find(m_command, name);
        if (!o) {
            return QStringLiteral("%1: unknown option %2").arg(spelled(arg), seeHelp(m_command));
        }
        const bool inlineValue = arg.contains(QLatin1Char('='));
        if (o->isFlag() && inlineValue)
            return QStringLiteral("%1 takes no value").arg(o->dashed());
        if (!o->isFlag() && !inlineValue && ++i == args.size())
            return QStringLiteral("%1: missing value").arg(o->dashed());
    }
    return m_parser.errorText();
}

CommandLine::Outcome CommandLine::parse(const QStringList &args, QString &error)
{
    // QCommandLineParser reads the whole line even when it refuses part of it: --help and
    // --version are known either way.
    const bool parsed = m_parser.parse(QStringList{QStringLiteral("loopbench")} + args);
    if (isSet("help"))
        return Outcome::Help;
    if (CliOptions::find(m_command, u"version") && isSet("version"))
        return Outcome::Version;
    if (!parsed) {
        error = refusal(args);
        return Outcome::BadInput;
    }
    // QCommandLineParser takes the next argument as the value, whatever it is, and keeps every
    // repetition: in line order, the first option whose value is really the next option (a
    // value may start with '-': "-" is standard output, "-5" a number), or that is repeated.
    QHash<QString, int> seen;
    for (const QString &name : m_parser.optionNames()) {
        const CliOption *o = CliOptions::find(m_command, name);
        if (!o->isFlag()) {
            const QStringList values = m_parser.values(name);
            const QString value = values.value(std::min(seen.value(name), int(values.size()) - 1));
            const bool nextOption = (value.startsWith(QLatin1String("--")) && value.size() > 2) ||
                                    (value.startsWith(QLatin1Char('-')) &&
                                     CliOptions::find(m_command, optionName(value)));
            if (value.isEmpty() || nextOption) {
                error = QStringLiteral("%1: missing value").arg(o->dashed());
                return Outcome::BadInput;
            }
        }
        if (++seen[name] > 1) {
            error = QStringLiteral("%1: given more than once").arg(o->dashed());
            return Outcome::BadInput;
        }
    }
    // compare's arguments are its reports; the other commands take none.
    if (m_command != Command::Compare && !positionalArguments().isEmpty()) {
        error = QStringLiteral("'%1': unexpected argument %2")
                    .arg(positionalArguments().first(), seeHelp(m_command));
        return Outcome::BadInput;
    }
    return Outcome::Run;
}
