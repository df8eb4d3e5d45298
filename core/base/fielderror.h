// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

// A validation error as a value: which input is wrong and a message a user can act on, naming
// the allowed range. The GUI shows `message` beside the field; the CLI prints it and exits 2.
struct FieldError
{
    QString field; // stable key: "tasks", "io", "cpu", "shards", ...
    // A sentence that does not name the field, e.g. "min 1,200 ms is above max 1,000 ms": the
    // CLI prints it after "--io: ", the form shows it beside the field.
    QString message;

    friend bool operator==(const FieldError &, const FieldError &) = default;
};

using FieldErrors = QList<FieldError>;
