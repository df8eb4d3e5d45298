// SPDX-License-Identifier: MIT
#include "ui/export/exportdialog.h"

#include "ui/export/exportfigures.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

ExportDialog::ExportDialog(const ExportOptions &defaults, const ExportChoices &choices,
                           QWidget *parent)
    : QDialog(parent)
    , m_scopeExperiment(new QRadioButton)
    , m_scopeSelected(new QRadioButton)
    , m_scopeHistory(new QRadioButton)
    , m_directory(new QLineEdit(defaults.directory))
    , m_csv(new QCheckBox(tr("&CSV: runs.csv, summary.csv, load.csv, meta.json")))
    , m_tasksCsv(new QCheckBox(tr("also &tasks.csv (one row per task of the last run)")))
    , m_tasksNote(new QLabel)
    , m_json(new QCheckBox(tr("&JSON: report.json (everything, with schema version)")))
    , m_markdown(new QCheckBox(tr("&Markdown: summary.md")))
    , m_png(new QCheckBox(tr("&PNG of every chart")))
    , m_svg(new QCheckBox(tr("&SVG of every chart")))
    , m_width(new QSpinBox)
    , m_height(new QSpinBox)
    , m_files(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
    , m_haveReports(!choices.experiment.isEmpty() || !choices.selectedRuns.isEmpty() ||
                    !choices.history.isEmpty())
    , m_choices(choices)
{
    const bool haveReports = m_haveReports;
    setWindowTitle(tr("Export reports and charts"));
    m_directory->setObjectName(QStringLiteral("exportDirectory"));
    auto *browse = new QPushButton(tr("&Browse…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Export into"), m_directory->text());
        if (!dir.isEmpty())
            m_directory->setText(dir);
    });
    auto *dirRow = new QHBoxLayout;
    dirRow->addWidget(m_directory, 1);
    dirRow->addWidget(browse);

    m_csv->setChecked(defaults.csv && haveReports);
    m_tasksCsv->setChecked(defaults.tasksCsv && haveReports);
    m_json->setChecked(defaults.json && haveReports);
    m_markdown->setChecked(defaults.markdown && haveReports);
    m_png->setChecked(defaults.png && haveReports);
    m_svg->setChecked(defaults.svg && haveReports);
    for (QSpinBox *s : {m_width, m_height}) {
        s->setRange(16, ReportExporter::kMaxPngSide);
        s->setSuffix(tr(" px"));
    }
    m_width->setValue(defaults.pngSize.width());
    m_height->setValue(defaults.pngSize.height());
    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(new QLabel(QStringLiteral("×")));
    sizeRow->addWidget(m_height);
    sizeRow->addStretch(1);

    auto *form = new QFormLayout;
    auto *dirLabel = new QLabel(tr("&Directory:"));
    dirLabel->setBuddy(m_directory);
    form->addRow(dirLabel, dirRow);
    form->addRow(tr("Reports:"), m_csv);
    form->addRow(QString(), m_tasksCsv);
    m_tasksNote->setObjectName(QStringLiteral("exportTasksNote"));
    m_tasksNote->setWordWrap(true);
    m_tasksNote->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_tasksNote->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), m_tasksNote);
    form->addRow(QString(), m_json);
    form->addRow(QString(), m_markdown);
    form->addRow(tr("Charts:"), m_png);
    auto *sizeLabel = new QLabel(tr("PNG si&ze:"));
    sizeLabel->setBuddy(m_width);
    form->addRow(sizeLabel, sizeRow);
    form->addRow(QString(), m_svg);
    // The charts promised, by name: each one is drawn from each exported experiment's own runs.
    QStringList charts;
    for (const ExportFigures::Figure &f : ExportFigures::all())
        charts.append(f.stem);
    auto *chartList = new QLabel(tr("Each experiment gets %1, drawn from its own runs at this "
                                    "size.")
                                     .arg(charts.join(QStringLiteral(", "))));
    chartList->setObjectName(QStringLiteral("exportChartList"));
    chartList->setWordWrap(true);
    chartList->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    chartList->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), chartList);
    m_files->setWordWrap(true);
    m_files->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(this);
    // What the export describes, before anything else: every report file of it is about these
    // runs, and a chart goes with them only when it shows them.
    auto *scopeBox = new QGroupBox(tr("Runs to export"));
    scopeBox->setObjectName(QStringLiteral("exportScope"));
    auto *scopeLayout = new QVBoxLayout(scopeBox);
    const struct
    {
        QRadioButton *button;
        QString label;
        QString description;
        const char *objectName;
        ExportScope scope;
    } scopes[] = {
        {m_scopeExperiment, tr("The &experiment on the statistics page"), choices.experiment,
         "exportScopeExperiment", ExportScope::Experiment},
        {m_scopeSelected, tr("The runs selected in the &history"), choices.selectedRuns,
         "exportScopeSelected", ExportScope::SelectedRuns},
        {m_scopeHistory, tr("The &whole history"), choices.history, "exportScopeHistory",
         ExportScope::History},
    };
    QRadioButton *chosen = nullptr;
    QRadioButton *preferred = nullptr;
    for (const auto &s : scopes) {
        const bool available = !s.description.isEmpty();
        s.button->setText(available ? tr("%1: %2").arg(s.label, s.description)
                                    : tr("%1 (none)").arg(s.label));
        s.button->setObjectName(QLatin1String(s.objectName));
        s.button->setEnabled(available);
        scopeLayout->addWidget(s.button);
        // The scope asked for last time when it is available, else the first one that is.
        if (available && (!chosen || s.scope == defaults.scope) && chosen != preferred)
            chosen = s.button;
        if (available && s.scope == defaults.scope)
            preferred = s.button;
    }
    if (chosen)
        chosen->setChecked(true);
    if (!haveReports)
        scopeLayout->addWidget(new QLabel(tr("Nothing has run yet: there is nothing to export.")));
    auto *several = new QLabel(tr("Several experiments go into a folder each "
                                  "(experiment-12-sweep/runs.csv, …)."));
    several->setForegroundRole(QPalette::PlaceholderText);
    several->setWordWrap(true);
    scopeLayout->addWidget(several);
    layout->addWidget(scopeBox);
    layout->addLayout(form);
    layout->addWidget(m_files);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QCheckBox *c : {m_csv, m_tasksCsv, m_json, m_markdown, m_png, m_svg})
        connect(c, &QCheckBox::toggled, this, &ExportDialog::updateState);
    for (QRadioButton *r : {m_scopeExperiment, m_scopeSelected, m_scopeHistory})
        connect(r, &QRadioButton::toggled, this, &ExportDialog::updateState);
    connect(m_directory, &QLineEdit::textChanged, this, &ExportDialog::updateState);
    updateState();
    resize(sizeHint().width() * 5 / 4, sizeHint().height());
}

ExportOptions ExportDialog::options() const
{
    ExportOptions o;
    if (m_scopeSelected->isChecked())
        o.scope = ExportScope::SelectedRuns;
    else if (m_scopeHistory->isChecked())
        o.scope = ExportScope::History;
    o.directory = m_directory->text().trimmed();
    o.csv = m_csv->isChecked();
    o.tasksCsv = m_csv->isChecked() && m_tasksCsv->isChecked();
    o.json = m_json->isChecked();
    o.markdown = m_markdown->isChecked();
    o.png = m_png->isChecked();
    o.svg = m_svg->isChecked();
    o.pngSize = QSize(m_width->value(), m_height->value());
    return o;
}

void ExportDialog::updateState()
{
    for (QCheckBox *c : {m_csv, m_json, m_markdown, m_png, m_svg})
        c->setEnabled(m_haveReports);
    m_tasksCsv->setEnabled(m_haveReports && m_csv->isChecked());
    m_width->setEnabled(m_png->isChecked());
    m_height->setEnabled(m_png->isChecked());
    const ExportOptions o = options();
    const QString noTimings = m_choices.noTimings[int(o.scope)];
    m_tasksNote->setText(noTimings);
    m_tasksNote->setVisible(o.tasksCsv && !noTimings.isEmpty());
    const bool anything = o.csv || o.json || o.markdown || o.png || o.svg;
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(m_haveReports && !o.directory.isEmpty() && anything);
    m_files->setText(o.directory.isEmpty() ? tr("Choose a directory.")
                                           : tr("Existing files of the same names in %1 are "
                                                "replaced, each one whole or not at all.")
                                                 .arg(o.directory));
}
