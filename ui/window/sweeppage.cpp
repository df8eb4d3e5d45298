// SPDX-License-Identifier: MIT
#include "ui/window/sweeppage.h"

#include "core/base/missingmark.h"
#include "core/workload/kernel.h"
#include "ui/charts/efficiencychart.h"
#include "ui/charts/sweepchart.h"
#include "ui/common/formatting.h"
#include "ui/models/experimentstatsmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

SweepPage::SweepPage(ExperimentStatsModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_headline(new QLabel)
    , m_sweep(new SweepChart)
    , m_efficiency(new EfficiencyChart)
    , m_table(new QTableView)
{
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_headline->setContentsMargins(6, 4, 6, 2);

    m_table->setModel(model);
    m_table->setObjectName(QStringLiteral("statisticsTable"));
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);

    auto *charts = new QSplitter(Qt::Horizontal);
    charts->addWidget(m_sweep);
    charts->addWidget(m_efficiency);
    charts->setStretchFactor(0, 3);
    charts->setStretchFactor(1, 2);
    auto *vertical = new QSplitter(Qt::Vertical);
    vertical->addWidget(charts);
    auto *tableBox = new QWidget;
    auto *tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    auto *caption = new QLabel(tr("&Measured statistics per configuration (completed runs only; "
                                  "cancelled and failed runs are listed in the history)"));
    caption->setWordWrap(true);
    caption->setBuddy(m_table);
    tableLayout->addWidget(caption);
    tableLayout->addWidget(m_table);
    // What the green p-value means, where the table is read.
    auto *legend = new QLabel(
        tr("<span style='color:#1e823c'>■</span> p (M-W) in green: below %1, the difference "
           "of that K's wall times from the baseline's is unlikely to be noise. Needs %2 "
           "completed runs on each side; “%3” where there is none.")
            .arg(QLocale().toString(ExperimentStatsModel::kSignificance))
            .arg(kMinRunsForMannWhitney)
            .arg(missingMark()));
    legend->setObjectName(QStringLiteral("pValueLegend"));
    legend->setWordWrap(true);
    legend->setForegroundRole(QPalette::PlaceholderText);
    tableLayout->addWidget(legend);
    vertical->addWidget(tableBox);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_headline);
    layout->addWidget(vertical, 1);

    connect(model, &QAbstractItemModel::modelReset, this, &SweepPage::refresh);
    refresh();
}

void SweepPage::refresh()
{
    // Every header whole, also over an empty table ("Tempo real mediano" was cut at the default
    // section width).
    m_table->resizeColumnsToContents();
    if (!m_model->hasResult()) {
        m_sweep->clear();
        m_efficiency->clear();
        m_headline->setText(tr("<b>No experiment yet.</b> Sweep (F6) runs every shard count of "
                               "the list R times, interleaved; Repeat compare (F7) runs 1 and K "
                               "loops R times. Statistics and charts appear here."));
        return;
    }
    const ExperimentResult &r = m_model->result();
    m_sweep->setExperiment(r, m_model->summary());
    m_efficiency->setSummary(m_model->summary(), judgeExperiment(r).busyBrief);
    const WorkloadSpec &w = r.spec.workload;
    m_headline->setText(
        tr("<b>%1</b> · %L2 tasks · IO %3–%4 ms · CPU %L5–%L6 iterations (%7, %8 ns/iter) · "
           "%9%10 · %11, %12 logical CPUs")
            .arg(m_model->headline().toHtmlEscaped())
            .arg(w.tasks)
            .arg(QLocale().toString(w.ioMinMs), QLocale().toString(w.ioMaxMs))
            .arg(qulonglong(w.cpuMin))
            .arg(qulonglong(w.cpuMax))
            .arg(kernelName(w.kernel))
            .arg(QLocale().toString(r.nsPerIter, 'f', 3))
            .arg(Formatting::counted(qint64(r.runs.size()), tr("run"), tr("runs")))
            .arg(r.cancelled ? tr(", <span style='color:#b45000'>cancelled</span>") : QString())
            .arg(r.machine.cpuModel.toHtmlEscaped())
            .arg(r.machine.logicalCpus));
}
