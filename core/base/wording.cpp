// SPDX-License-Identifier: MIT
#include "core/base/wording.h"

#include <QCoreApplication>
#include <QLocale>
#include <QThread>

#include <atomic>

namespace {

std::atomic<QThread *> translatingThread{nullptr};
thread_local bool english = false;

} // namespace

QString coreTr(const char *context, const char *sourceText, const char *disambiguation, int n)
{
    if (!Wording::translating())
        return QString::fromUtf8(sourceText);
    return QCoreApplication::translate(context, sourceText, disambiguation, n);
}

QString coreNumber(double value, int decimals)
{
    return Wording::translating() ? QLocale().toString(value, 'f', decimals)
                                  : QString::number(value, 'f', decimals);
}

namespace Wording {

void translateOnThisThread()
{
    translatingThread.store(QThread::currentThread(), std::memory_order_relaxed);
}

bool translating()
{
    return !english &&
           QThread::currentThread() == translatingThread.load(std::memory_order_relaxed);
}

EnglishScope::EnglishScope()
    : m_outer(english)
{
    english = true;
}

EnglishScope::~EnglishScope()
{
    english = m_outer;
}

} // namespace Wording
