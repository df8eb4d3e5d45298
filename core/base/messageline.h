// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringView>

// A message for the terminal as exactly one readable line, whatever values it quotes: a path with
// a newline must not split an error into two lines (a script reading stderr line by line would
// take the second half for another message), and a 100 KB option value must not flood the screen.
//   - Control characters (C0, DEL, C1) are written as \n, \r, \t or \xNN, the line and paragraph
//     separators U+2028/U+2029 and the bidirectional controls as \uNNNN, and a byte that is not
//     UTF-8 (an escaped byte of decodeNativePath()) as \xNN.
//   - A value longer than kMaxValueChars is cut to that many characters followed by "…": a
//     quoted one ('...') and any other word (a number typed unquoted, an option name), except a
//     path (a word with a '/'), cut at kMaxPathChars. The rest of the message (the option, the
//     allowed range, the reason) stays whole. resources/doc/limits.md states both numbers.
QString messageLine(QStringView message);
// `text` with its control characters and stray bytes escaped as messageLine() does, nothing cut:
// for text read from a file (a report's CPU model, host) shown on a terminal, where a NUL would
// end the line and an ESC sequence would recolour it.
QString escapedText(QStringView text);
// A typed value: 60 characters show what was typed.
inline constexpr qsizetype kMaxValueChars = 60;
// A path: 240 characters keep every path a person would read whole, file name included.
inline constexpr qsizetype kMaxPathChars = 240;
