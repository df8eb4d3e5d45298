// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// Sentences that core writes for people (a verdict, a validation message beside a field) are
// written once, in English, through coreTr(). Reports, the store and the CLI keep them English:
// programs read them, and a report written on a Portuguese desktop must read like one written on a
// server. The window shows them in the user's language: it marks its own thread with
// translateOnThisThread(), and only text worded on that thread, outside an EnglishScope, goes
// through the installed translators. Report writers open an EnglishScope, so a report exported
// from the window stays English too; work off the window's thread (the store, an export job)
// words English without one.
//
// lupdate reads coreTr("Context", "source") as QCoreApplication::translate (its
// -tr-function-alias in ui/CMakeLists.txt), so core's sentences land in the .ts file with the
// window's and tst_translations holds them to the same rule.
QString coreTr(const char *context, const char *sourceText, const char *disambiguation = nullptr,
               int n = -1);

// `value` with `decimals` decimals for a sentence worded by coreTr(): in the window's locale where
// coreTr() translates ("2,93"), else with a '.' ("2.93") as reports and the CLI write it.
QString coreNumber(double value, int decimals);

namespace Wording {

// Text worded on the calling thread from now on is translated (the GUI thread, once, at start).
void translateOnThisThread();
// Whether coreTr() on this thread would translate: the window's thread, outside an EnglishScope.
bool translating();

// While one lives, coreTr() on this thread returns its English source text.
class EnglishScope
{
public:
    EnglishScope();
    ~EnglishScope();
    EnglishScope(const EnglishScope &) = delete;
    EnglishScope &operator=(const EnglishScope &) = delete;

private:
    bool m_outer;
};

} // namespace Wording
