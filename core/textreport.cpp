#include "textreport.h"

#include "experiment.h"

#include <QTextStream>

QString experimentTable(const ExperimentResult &result)
{
    QString out;
    QTextStream s(&out);
    const bool repeats = result.spec.repeats > 1;
    const double baseWall = result.medianWallMs(result.baselineShards());
    s << qSetFieldWidth(7) << "shards";
    if (repeats)
        s << qSetFieldWidth(7) << "rep";
    s << qSetFieldWidth(10) << "wall s" << qSetFieldWidth(12) << "tasks/s" << qSetFieldWidth(9)
      << "speedup" << qSetFieldWidth(10) << "ideal s" << qSetFieldWidth(11) << "efficiency"
      << qSetFieldWidth(13) << "lag p99 ms" << qSetFieldWidth(0) << "  status\n";
    s.setRealNumberNotation(QTextStream::FixedNotation);
    for (const RunResult &r : result.runs) {
        s << qSetFieldWidth(7) << r.shards;
        if (repeats)
            s << qSetFieldWidth(7) << r.repeat + 1;
        s.setRealNumberPrecision(3);
        s << qSetFieldWidth(10) << r.wallMs / 1000;
        s.setRealNumberPrecision(0);
        s << qSetFieldWidth(12) << r.throughputTps;
        s.setRealNumberPrecision(2);
        s << qSetFieldWidth(8) << (r.wallMs > 0 ? baseWall / r.wallMs : 0.0) << qSetFieldWidth(1)
          << "x";
        s.setRealNumberPrecision(3);
        s << qSetFieldWidth(10) << r.idealMs / 1000;
        s.setRealNumberPrecision(2);
        s << qSetFieldWidth(11) << r.efficiency;
        s.setRealNumberPrecision(1);
        s << qSetFieldWidth(13) << r.lagMs.p99 << qSetFieldWidth(0) << "  "
          << runStatusName(r.status) << "\n";
    }
    s << result.verdict() << "\n";
    return out;
}
