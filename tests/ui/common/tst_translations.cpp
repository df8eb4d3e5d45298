// SPDX-License-Identifier: MIT
// The window in Brazilian Portuguese: every source text of ui/ and core/ has a finished pt_BR
// translation in the committed .ts; the embedded translation reads the window and core's
// sentences in Portuguese on the GUI thread; reports exported from that window stay English with
// fixed number formats; Formatting writes numbers the locale's way. The whole suite runs with the
// Portuguese translation installed, as the window does under LANG=pt_BR.UTF-8.
#include "core/base/wording.h"
#include "core/engine/runresult.h"
#include "core/experiment/runrole.h"
#include "core/experiment/verdict.h"
#include "core/report/jsonreport.h"
#include "tests/support/syntheticexperiment.h"
#include "ui/common/formatting.h"
#include "ui/common/shownname.h"
#include "ui/common/translations.h"
#include "ui/config/presetstore.h"
#include "ui/export/reportexporter.h"
#include "ui/models/experimentstatsmodel.h"
#include "ui/window/guidedialog.h"
#include "ui/window/sweeppage.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtConcurrent>

namespace {

const QLocale kPortuguese(QLocale::Portuguese, QLocale::Brazil);

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// "Context: source" of every message in `ts` without a finished translation (numerus forms
// included).
QStringList unfinished(const QByteArray &ts)
{
    QStringList missing;
    QXmlStreamReader xml(ts);
    QString context;
    QString source;
    bool finished = true;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == u"name") {
                context = xml.readElementText();
            } else if (xml.name() == u"message") {
                source.clear();
                finished = true;
            } else if (xml.name() == u"source") {
                source = xml.readElementText();
            } else if (xml.name() == u"translation") {
                const auto type = xml.attributes().value(QLatin1String("type"));
                if (type == u"vanished" || type == u"obsolete")
                    continue;
                if (type == u"unfinished")
                    finished = false;
                else if (xml.readElementText(QXmlStreamReader::IncludeChildElements).isEmpty())
                    finished = false;
            } else if (xml.name() == u"numerusform") {
                if (xml.readElementText().isEmpty())
                    finished = false;
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            if (!finished)
                missing.append(context + QStringLiteral(": ") + source);
        }
    }
    if (xml.hasError())
        missing.append(QStringLiteral("the .ts does not parse: ") + xml.errorString());
    return missing;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(installTranslations(*QCoreApplication::instance(), kPortuguese));
    }

    void everySourceTextHasAPortugueseTranslation()
    {
        // lupdate over today's sources into a copy of the committed file: a string added to
        // ui/ or core/ since the file was last updated comes out unfinished, and so does one whose
        // translation was left empty.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString ts = dir.filePath(QStringLiteral("loopbench_pt_BR.ts"));
        QVERIFY(QFile::copy(QStringLiteral(LOOPBENCH_TS_FILE), ts));
        QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner);
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(LOOPBENCH_SOURCE_DIR));
        QStringList args =
            QStringLiteral(LOOPBENCH_LUPDATE_OPTIONS).split(u' ', Qt::SkipEmptyParts);
        args << QStringLiteral("ui") << QStringLiteral("core") << QStringLiteral("-ts") << ts;
        lupdate.start(QStringLiteral(LOOPBENCH_LUPDATE), args);
        QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
        QCOMPARE(lupdate.exitCode(), 0);
        const QByteArray text = readAll(ts);
        QVERIFY(text.contains("<message"));
        const QStringList missing = unfinished(text);
        QVERIFY2(
            missing.isEmpty(),
            qPrintable(QStringLiteral("%1 source text(s) without a finished pt_BR translation "
                                      "(cmake --build build --target update_translations, then "
                                      "translate them in %2):\n  %3")
                           .arg(missing.size())
                           .arg(QStringLiteral(LOOPBENCH_TS_FILE), missing.join(u"\n  "))));
    }

    void theUnfinishedCheckFindsAnUntranslatedText()
    {
        const QByteArray ts = "<TS><context><name>MainWindow</name>"
                              "<message><source>Ready</source><translation>Pronto</translation>"
                              "</message><message><source>New text</source>"
                              "<translation type=\"unfinished\"></translation></message>"
                              "</context></TS>";
        QCOMPARE(unfinished(ts), QStringList{QStringLiteral("MainWindow: New text")});
    }

    void windowAndCoreSentencesReadPortuguese()
    {
        QCOMPARE(QCoreApplication::translate("StatusBar", "Ready"), QStringLiteral("Pronto"));
        // Core's sentences on the window's thread.
        QCOMPARE(speedPhrase(2.5, loopsLabel(1)), QStringLiteral("2,50× mais rápido que 1 loop"));
        QVERIFY(Wording::translating());
        const QString verdict = synthetic::experiment().verdict();
        QVERIFY2(verdict.contains(
                     QRegularExpression(QStringLiteral("\\d,\\d\\d× mais rápido que 1 loop"))),
                 qPrintable(verdict));
        // Off the window's thread, and inside an EnglishScope, the same sentence is English.
        const QString offThread =
            QtConcurrent::run([] { return speedPhrase(2.5, loopsLabel(1)); }).result();
        QCOMPARE(offThread, QStringLiteral("2.50× faster than 1 loop"));
        const Wording::EnglishScope english;
        QCOMPARE(speedPhrase(2.5, loopsLabel(1)), QStringLiteral("2.50× faster than 1 loop"));
    }

    void everyStatusAndRoleHasAPortugueseWord()
    {
        // The names come from core's tables at run time, out of lupdate's sight: a new status or
        // role must reach ui/common/shownname.cpp and the .ts.
        QTranslator translator;
        QVERIFY(translator.load(kPortuguese, QStringLiteral("loopbench"), QStringLiteral("_"),
                                QStringLiteral(":/translations")));
        QStringList names = runStatusNames();
        for (const auto &entry : kRunRoleNames)
            names.append(QString::fromUtf16(entry.name));
        QCOMPARE(names.size(), 11);
        for (const QString &name : std::as_const(names))
            QVERIFY2(!translator.translate("ShownName", name.toUtf8().constData()).isEmpty(),
                     qPrintable(name));
        QCOMPARE(shownName(runStatusName(RunStatus::Completed)), QStringLiteral("concluída"));
    }

    void presetsAndTheGuideReadPortuguese()
    {
        // Built-in presets are JSON files, out of lupdate's sight: each English name and
        // description must have a Portuguese translation (ui/config/presetstore.cpp lists them).
        QTranslator translator;
        QVERIFY(translator.load(kPortuguese, QStringLiteral("loopbench"), QStringLiteral("_"),
                                QStringLiteral(":/translations")));
        const QDir dir(QStringLiteral(":/presets"));
        const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
        QVERIFY(files.size() >= 6);
        for (const QString &file : files) {
            const QJsonObject preset =
                QJsonDocument::fromJson(readAll(dir.filePath(file))).object();
            for (const char *key : {"name", "description"}) {
                const QString english = preset.value(QLatin1String(key)).toString();
                QVERIFY2(!english.isEmpty(), qPrintable(file));
                QVERIFY2(
                    !translator.translate("Preset", english.toUtf8().constData()).isEmpty(),
                    qPrintable(QStringLiteral("%1 %2: %3").arg(file, QLatin1String(key), english)));
            }
        }
        const PresetStore presets;
        QCOMPARE(presets.presets().first().name, QStringLiteral("Experimento original"));
        QVERIFY(presets.presets().first().description.contains(QStringLiteral("10.000 tarefas")));

        // The Guide, its text and the words of its diagram.
        const QString guide = GuideDialog::html();
        QVERIFY(guide.contains(QStringLiteral("<b>Aceleração em função de K</b>")));
        QVERIFY(guide.contains(QStringLiteral("2,0× significa metade do tempo")));
        QVERIFY(!guide.contains(QStringLiteral("Speedup against K")));
        const QByteArray diagram = GuideDialog::diagram();
        QVERIFY(diagram.contains(">tempo real<"));
        QVERIFY(diagram.contains(">As partes de CPU esperam umas pelas outras"));
        QVERIFY(!diagram.contains(">wall<"));
        QVERIFY(!QImage::fromData(diagram).isNull());
    }

    // The statistics table's headers in Portuguese, each whole, before any experiment and after.
    void statisticsHeadersReadPortugueseAndWhole()
    {
        ExperimentStatsModel stats;
        SweepPage page(&stats);
        page.resize(1000, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTableView *table = page.findChild<QTableView *>();
        QVERIFY(table);
        QCOMPARE(stats.headerData(ExperimentStatsModel::WallMedian, Qt::Horizontal).toString(),
                 QStringLiteral("Tempo real mediano"));
        for (bool withResult : {false, true}) {
            if (withResult)
                stats.setResult(synthetic::experiment());
            QHeaderView *header = table->horizontalHeader();
            for (int c = 0; c < ExperimentStatsModel::ColumnCount; ++c)
                QVERIFY2(header->sectionSize(c) >= header->sectionSizeHint(c),
                         qPrintable(stats.headerData(c, Qt::Horizontal).toString()));
        }
    }

    // The window's locale and translation never reach a report: written from a Portuguese window
    // (pt_BR default locale, translators installed) every report file has the bytes the CLI
    // writes (C locale, no translator).
    void reportBytesDoNotDependOnTheLocale()
    {
        const ExperimentResult result = synthetic::experiment();
        auto write = [&](QMap<QString, QByteArray> *files) {
            QTemporaryDir dir;
            QVERIFY(dir.isValid());
            ExportOptions options;
            options.directory = dir.path();
            options.png = false;
            options.svg = false;
            options.tasksCsv = true;
            const ReportExporter exporter({{QString(), result}});
            QString error;
            QVERIFY2(exporter.exportTo(options, nullptr, &error), qPrintable(error));
            for (const QString &name : QDir(dir.path()).entryList(QDir::Files))
                files->insert(name, readAll(dir.filePath(name)));
        };
        QMap<QString, QByteArray> portuguese;
        write(&portuguese);
        QVERIFY(QLocale().decimalPoint() == QStringLiteral(","));

        QMap<QString, QByteArray> c;
        {
            const QList<QTranslator *> translators =
                QCoreApplication::instance()->findChildren<QTranslator *>();
            QVERIFY(!translators.isEmpty());
            for (QTranslator *t : translators)
                QCoreApplication::removeTranslator(t);
            QLocale::setDefault(QLocale::c());
            const Wording::EnglishScope english;
            write(&c);
            QLocale::setDefault(kPortuguese);
            for (QTranslator *t : translators)
                QCoreApplication::installTranslator(t);
        }
        QCOMPARE(portuguese.keys(), c.keys());
        for (const QString &name : {QStringLiteral("report.json"), QStringLiteral("summary.md"),
                                    QStringLiteral("runs.csv"), QStringLiteral("summary.csv"),
                                    QStringLiteral("meta.json"), QStringLiteral("tasks.csv")})
            QVERIFY2(portuguese.contains(name), qPrintable(name));
        for (auto it = c.cbegin(); it != c.cend(); ++it) {
            QVERIFY2(!it.value().isEmpty(), qPrintable(it.key()));
            QVERIFY2(portuguese.value(it.key()) == it.value(), qPrintable(it.key()));
        }
        QCOMPARE(QCoreApplication::translate("StatusBar", "Ready"), QStringLiteral("Pronto"));
    }

    void exportedReportsStayEnglish()
    {
        const ExperimentResult result = synthetic::experiment();
        QString englishVerdict;
        {
            const Wording::EnglishScope english;
            englishVerdict = result.verdict();
        }
        QVERIFY(englishVerdict.contains(QStringLiteral("faster than 1 loop")));
        QVERIFY(result.verdict() != englishVerdict); // the window's verdict is Portuguese

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ExportOptions options;
        options.directory = dir.path();
        options.png = false;
        options.svg = false;
        const ReportExporter exporter({{QString(), result}});
        QString error;
        QVERIFY2(exporter.exportTo(options, nullptr, &error), qPrintable(error));

        const QByteArray markdown = readAll(dir.filePath(QStringLiteral("summary.md")));
        QVERIFY(markdown.contains(("**Verdict:** " + englishVerdict).toUtf8()));
        const QJsonObject json =
            QJsonDocument::fromJson(readAll(dir.filePath(QStringLiteral("report.json")))).object();
        QCOMPARE(json.value(QStringLiteral("verdict")).toString(), englishVerdict);
        // The same bytes the CLI writes (no translator there): JSON equal to an English build.
        {
            const Wording::EnglishScope english;
            QCOMPARE(json.value(QStringLiteral("summary")),
                     experimentToJson(result).value(QStringLiteral("summary")));
        }
        for (const QString &name : {QStringLiteral("summary.md"), QStringLiteral("report.json"),
                                    QStringLiteral("runs.csv"), QStringLiteral("summary.csv"),
                                    QStringLiteral("meta.json")}) {
            const QString text = QString::fromUtf8(readAll(dir.filePath(name)));
            QVERIFY2(!text.isEmpty(), qPrintable(name));
            for (const QString &portuguese :
                 {QStringLiteral("mais rápido"), QStringLiteral("execução"),
                  QStringLiteral("execuções"), QStringLiteral("sem veredito")})
                QVERIFY2(!text.contains(portuguese),
                         qPrintable(name + QStringLiteral(": ") + portuguese));
        }
        // Fixed formats: the English speedup with a '.', whatever the window's locale.
        QVERIFY(QLocale().decimalPoint() == QStringLiteral(","));
        QVERIFY(markdown.contains("× faster than 1 loop"));
        QVERIFY(
            englishVerdict.contains(QRegularExpression(QStringLiteral("\\d\\.\\d\\d× faster"))));
    }

    void formattingFollowsTheLocale()
    {
        QCOMPARE(Formatting::duration(2750), QStringLiteral("2,75 s"));
        QCOMPARE(Formatting::duration(12345), QStringLiteral("12,3 s"));
        QCOMPARE(Formatting::duration(8.5), QStringLiteral("8,50 ms"));
        QCOMPARE(Formatting::speedup(1.854), QStringLiteral("1,85×"));
        QCOMPARE(Formatting::speedup(1.854, 0.012), QStringLiteral("1,85 ± 0,01×"));
        QCOMPARE(Formatting::percentPrecise(0.024), QStringLiteral("2,4 %"));
        QCOMPARE(Formatting::counted(1024, QStringLiteral("execução"), QStringLiteral("execuções")),
                 QStringLiteral("1.024 execuções"));
        // The statistics table, every figure of it (tst_experimentstatsmodel has them in C).
        ExperimentStatsModel stats;
        stats.setResult(synthetic::experiment());
        QCOMPARE(stats.data(stats.index(2, ExperimentStatsModel::Speedup)).toString(),
                 QStringLiteral("2,83 ± 0,01×"));
        QCOMPARE(stats.data(stats.index(2, ExperimentStatsModel::PValue)).toString(),
                 QStringLiteral("0,012"));
        QCOMPARE(stats.data(stats.index(2, ExperimentStatsModel::WallCv)).toString(),
                 QStringLiteral("0,6 %"));
        QLocale::setDefault(QLocale::c());
        QCOMPARE(Formatting::duration(2750), QStringLiteral("2.75 s"));
        QCOMPARE(Formatting::speedup(1.854), QStringLiteral("1.85×"));
        QLocale::setDefault(kPortuguese);
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
