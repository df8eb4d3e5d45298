// SPDX-License-Identifier: MIT
#include "ui/window/historyview.h"

#include "core/engine/runresult.h"
#include "core/experiment/runrole.h"
#include "ui/common/shownname.h"
#include "ui/models/historymodel.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QScrollBar>
#include <QSettings>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace {
const QString kHeaderKey = QStringLiteral("history/header");
} // namespace

HistoryView::HistoryView(HistoryModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_table(new QTableView)
    , m_copyRows(new QAction(tr("&Copy rows"), this))
    , m_showTimeline(new QAction(tr("Show &timeline"), this))
{
    m_table->setModel(model);
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // The model shades experiments; alternating rows would hide where one ends.
    m_table->setAlternatingRowColors(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionsMovable(true);
    header->setStretchLastSection(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, &HistoryView::showHeaderMenu);
    setDefaultWidths();
    m_table->setToolTip(tr("Every run, grouped by experiment. Select one row to show its "
                           "experiment on the Sweep page, two rows (Ctrl+click) to compare them in "
                           "the chart; Ctrl+C copies the selected rows. Right-click the header to "
                           "hide columns."));

    m_copyRows->setObjectName(QStringLiteral("actionCopyRows"));
    m_copyRows->setShortcut(QKeySequence::Copy);
    m_copyRows->setShortcutContext(Qt::WidgetShortcut); // the filter below does the work
    connect(m_copyRows, &QAction::triggered, this, &HistoryView::copySelectedRows);
    m_showTimeline->setObjectName(QStringLiteral("actionShowTimeline"));
    connect(m_showTimeline, &QAction::triggered, this,
            [this] { emit timelineRequested(m_showTimeline->data().toInt()); });
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu;
        m_copyRows->setEnabled(m_table->selectionModel()->hasSelection());
        menu.addAction(m_copyRows);
        const QModelIndex at = m_table->indexAt(pos);
        // The model's row, also once the table shows it through a sorting or filtering proxy.
        const auto *proxy = qobject_cast<const QAbstractProxyModel *>(at.model());
        const QModelIndex source = proxy ? proxy->mapToSource(at) : at;
        m_showTimeline->setEnabled(source.isValid());
        m_showTimeline->setData(source.row());
        menu.addAction(m_showTimeline);
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });
    m_table->installEventFilter(this);

    auto *caption = new QLabel(tr("Histor&y (select two rows to compare)"));
    caption->setBuddy(m_table);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(caption);
    layout->addWidget(m_table);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryView::onSelectionChanged);
    // Follow new runs as they arrive; the widths stay as they are.
    connect(model, &QAbstractItemModel::rowsInserted, m_table,
            [this] { m_table->scrollToBottom(); });
    connect(model, &QAbstractItemModel::modelReset, m_table, [this] { m_table->scrollToBottom(); });
}

int HistoryView::widthThrough(int column) const
{
    const QHeaderView *header = m_table->horizontalHeader();
    int width = 2 * m_table->frameWidth() + m_table->verticalScrollBar()->sizeHint().width();
    for (int v = 0; v < header->count(); ++v) {
        const int c = header->logicalIndex(v);
        if (!header->isSectionHidden(c))
            width += header->sectionSize(c);
        if (c == column)
            break;
    }
    return width;
}

void HistoryView::setDefaultWidths()
{
    // Wide enough for the longest usual value of each column in this font, not for the values
    // that happen to be there: a new row never changes them.
    const QFontMetrics fm = m_table->fontMetrics();
    auto width = [&fm](const QString &sample) { return fm.horizontalAdvance(sample) + 12; };
    QString samples[HistoryModel::ColumnCount];
    samples[HistoryModel::Time] = QStringLiteral("12-31 00:00");
    samples[HistoryModel::Shards] = QStringLiteral("1,024");
    samples[HistoryModel::Wall] = QStringLiteral("2 min 00 s");
    samples[HistoryModel::Speedup] = QStringLiteral("10.00×");
    // In the window's language, as the model words them.
    samples[HistoryModel::Status] =
        shownName(runStatusName(RunStatus::Completed)) + HistoryModel::tr(" · outlier");
    samples[HistoryModel::Mode] =
        shownName(runRoleName(RunRole::Repeat)) + QStringLiteral(" · #10");
    samples[HistoryModel::Experiment] = QStringLiteral("#0000");
    samples[HistoryModel::Efficiency] = QStringLiteral("100 %");
    samples[HistoryModel::LagP99] = QStringLiteral("1000 ms");
    samples[HistoryModel::GuiStall] = QStringLiteral("1000 ms");
    samples[HistoryModel::Tasks] = QStringLiteral("1,000,000");
    samples[HistoryModel::Machine] = QStringLiteral("machine-name");
    QHeaderView *header = m_table->horizontalHeader();
    for (int c = 0; c < HistoryModel::ColumnCount; ++c) {
        const QString title = m_model->headerData(c, Qt::Horizontal).toString();
        header->resizeSection(c, std::max(width(samples[c]), width(title) + 8));
    }
}

void HistoryView::showHeaderMenu(const QPoint &pos)
{
    QHeaderView *header = m_table->horizontalHeader();
    QMenu menu;
    for (int c = 0; c < HistoryModel::ColumnCount; ++c) {
        QAction *a = menu.addAction(m_model->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!header->isSectionHidden(c));
        connect(a, &QAction::toggled, this, [header, c](bool on) {
            // The last visible column stays: a table without columns cannot be brought back.
            if (!on && header->count() - header->hiddenSectionCount() <= 1)
                return;
            header->setSectionHidden(c, !on);
        });
    }
    menu.addSeparator();
    menu.addAction(tr("Reset columns"), this, [this, header] {
        for (int c = 0; c < HistoryModel::ColumnCount; ++c) {
            header->setSectionHidden(c, false);
            header->moveSection(header->visualIndex(c), c);
        }
        setDefaultWidths();
    });
    menu.exec(header->mapToGlobal(pos));
}

QString HistoryView::rowsAsText(const QList<int> &rows) const
{
    const QHeaderView *header = m_table->horizontalHeader();
    QList<int> columns;
    for (int v = 0; v < header->count(); ++v) {
        const int c = header->logicalIndex(v);
        if (!header->isSectionHidden(c))
            columns.append(c);
    }
    auto clean = [](QString text) {
        text.replace(QLatin1Char('\t'), QLatin1Char(' '));
        text.replace(QLatin1Char('\n'), QLatin1Char(' '));
        return text;
    };
    QStringList lines;
    QStringList cells;
    for (int c : columns)
        cells.append(clean(m_model->headerData(c, Qt::Horizontal).toString()));
    lines.append(cells.join(QLatin1Char('\t')));
    for (int row : rows) {
        cells.clear();
        for (int c : columns)
            cells.append(clean(m_model->index(row, c).data().toString()));
        lines.append(cells.join(QLatin1Char('\t')));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

int HistoryView::copySelectedRows()
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty())
        return 0;
    std::sort(rows.begin(), rows.end());
    QApplication::clipboard()->setText(rowsAsText(rows));
    return int(rows.size());
}

bool HistoryView::eventFilter(QObject *watched, QEvent *event)
{
    // The table would copy the current cell alone: Ctrl+C copies the selected rows instead.
    if (watched == m_table &&
        (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Copy)) {
            if (event->type() == QEvent::KeyPress)
                copySelectedRows();
            event->accept();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void HistoryView::saveLayout(QSettings &settings) const
{
    settings.setValue(kHeaderKey, m_table->horizontalHeader()->saveState());
}

void HistoryView::restoreLayout(const QSettings &settings)
{
    m_table->horizontalHeader()->restoreState(settings.value(kHeaderKey).toByteArray());
}

QList<int> HistoryView::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

bool HistoryView::selectRun(std::int64_t runId)
{
    if (runId == 0)
        return false;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->entry(row).runId == runId) {
            const QModelIndex index = m_model->index(row, 0);
            m_table->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
            m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
            m_table->scrollTo(index);
            return true;
        }
    }
    return false;
}

void HistoryView::onSelectionChanged()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    emit runSelected(rows.size() == 1 ? m_model->entry(rows[0].row()).runId : 0);
    if (rows.size() == 1)
        emit rowSelected(rows[0].row());
    else if (rows.size() == 2)
        emit compareRequested(rows[0].row(), rows[1].row());
}
