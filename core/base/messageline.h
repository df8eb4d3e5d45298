// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringView>

// A message for the terminal as exactly one readable line, whatever values it quotes: a path with
// a newline must not split an error into two lines (a script reading stderr line by line would
// take the second half for another message), and a 100 KB option value must not flood the screen.
//   - Control characters (C0, DEL, C1) are written as \n, \r, \t or \xNN, and a byte that is not
//     UTF-8 (an escaped byte of decodeNativePath()) as \xNN.
//   - A quoted value ('...') longer than kMaxValueChars is cut to that many characters followed
//     by "…", and so is any other word (a path, an option name) longer than kMaxWordChars; the
//     rest of the message (the option, the allowed range, the reason) stays whole.
QString messageLine(QStringView message);
// A typed value: 60 characters show what was typed.
inline constexpr qsizetype kMaxValueChars = 60;
// A path is printed unquoted: 240 characters keep every path a person would read whole.
inline constexpr qsizetype kMaxWordChars = 240;
