// SPDX-License-Identifier: MIT
#include "ui/config/runtimeprobe.h"

#include "core/base/workpool.h"
#include "core/engine/processrun.h"

#include <QFuture>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <QCoroFuture>

RuntimeProbe::RuntimeProbe(QObject *parent)
    : QObject(parent)
{}

QString RuntimeProbe::keyOf(const QString &python, bool http)
{
    return python.trimmed() + (http ? QStringLiteral("\n1") : QStringLiteral("\n0"));
}

std::optional<FieldErrors> RuntimeProbe::check(Runtime runtime, const QString &python, bool http)
{
    if (!RuntimeCommand::isOutOfProcess(runtime))
        return FieldErrors();
    const QString key = keyOf(python, http);
    const auto it = m_answers.constFind(key);
    if (it != m_answers.cend())
        return it->value(int(runtime)).errors;
    if (!m_pending.contains(key))
        probe(python.trimmed(), http);
    return std::nullopt;
}

QString RuntimeProbe::implementation(Runtime runtime, const QString &python, bool http) const
{
    return m_answers.value(keyOf(python, http)).value(int(runtime)).implementation;
}

QCoro::Task<> RuntimeProbe::probe(QString python, bool http)
{
    const QPointer<RuntimeProbe> self(this);
    const QString key = keyOf(python, http);
    m_pending.insert(key);
    // Named before it is awaited: GCC 12 mishandles a temporary lambda in a co_await.
    const QFuture<QHash<int, Answer>> asking = QtConcurrent::run(&workPool(), [python, http] {
        QHash<int, Answer> answers;
        for (const QString &name : runtimeNames()) {
            RunConfig config;
            config.runtime = *runtimeFromName(name);
            config.python = python;
            if (http)
                config.http = HttpTarget{};
            RuntimeCommand::Check check;
            const FieldErrors errors = checkRuntime(config, &check);
            answers.insert(int(config.runtime), {errors, check.implementation});
        }
        return answers;
    });
    const QHash<int, Answer> answers = co_await asking;
    if (!self)
        co_return;
    m_pending.remove(key);
    m_answers.insert(key, answers);
    emit probed();
}
