// SPDX-License-Identifier: MIT
#pragma once

#include <QLatin1String>
#include <QStringList>

// The few options a benchmark takes ("--tasks 1000000", "--qtimer"). Benchmarks are tools for
// developers, not the product's CLI: a value that does not parse keeps the default.
class BenchArgs
{
public:
    explicit BenchArgs(QStringList args)
        : m_args(std::move(args))
    {}

    // The number after `name`, or `fallback` when the option is absent or not a number.
    double number(QLatin1String name, double fallback) const
    {
        const qsizetype i = m_args.indexOf(name);
        if (i < 0 || i + 1 >= m_args.size())
            return fallback;
        bool ok = false;
        const double value = m_args[i + 1].toDouble(&ok);
        return ok ? value : fallback;
    }
    int integer(QLatin1String name, int fallback) const
    {
        return static_cast<int>(number(name, fallback));
    }
    bool flag(QLatin1String name) const { return m_args.contains(name); }

private:
    QStringList m_args;
};
