// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/fielderror.h"
#include "core/engine/runtime.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include <QCoroTask>

#include <optional>

// Whether each runtime can run on this machine with an interpreter and a transport, asked of the
// interpreter itself through checkRuntime() (the CLI's refusal: one rule, one wording) on the
// work pool, since an asyncio check starts Python and imports its modules (~100 ms each, up to
// 10 s for an interpreter that hangs): on the GUI thread that would freeze the form while the
// user types a path. Answers are kept per (interpreter, transport) for the process's lifetime;
// a changed interpreter is a new key, asked once.
class RuntimeProbe : public QObject
{
    Q_OBJECT
public:
    explicit RuntimeProbe(QObject *parent = nullptr);

    // checkRuntime() of `runtime` with `python` (empty: the default interpreter) over http or
    // the timer: empty when it can run, else one error on "runtime" or "python" ("asyncio cannot
    // run here: /usr/bin/python3: ..."). nullopt while not known: the first call for a key
    // starts its probe, and probed() follows.
    std::optional<FieldErrors> check(Runtime runtime, const QString &python, bool http);
    // What the interpreter said it is for `runtime` ("CPython 3.11.2 asyncio"); empty when not
    // known or not out of process.
    QString implementation(Runtime runtime, const QString &python, bool http) const;
    // Whether a probe is running.
    bool isProbing() const { return !m_pending.isEmpty(); }

signals:
    void probed();

private:
    struct Answer
    {
        FieldErrors errors;
        QString implementation;
    };
    static QString keyOf(const QString &python, bool http);
    QCoro::Task<> probe(QString python, bool http);

    QHash<QString, QHash<int, Answer>> m_answers; // by keyOf(), then Runtime
    QSet<QString> m_pending;
};
