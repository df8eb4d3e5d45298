// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

// A validation error as a value: which input is wrong and a message a user can act on, naming
// the allowed range. The GUI shows `message` beside the field; the CLI prints it and exits 2.
struct FieldError
{
    QString field;   // stable key: "tasks", "io", "cpu", "shards", ...
    QString message; // full sentence, e.g. "--io: min 1200 ms is above max 1000 ms"

    friend bool operator==(const FieldError &, const FieldError &) = default;
};

using FieldErrors = QList<FieldError>;
