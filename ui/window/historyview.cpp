// SPDX-License-Identifier: MIT
#include "ui/window/historyview.h"

#include "core/engine/runresult.h"
#include "core/engine/runtime.h"
#include "core/experiment/runrole.h"
#include "ui/common/shownname.h"
#include "ui/models/historyfilter.h"
#include "ui/models/historymodel.h"
#include "ui/models/historyproxymodel.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QSettings>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace {
const QString kHeaderKey = QStringLiteral("history/header");
} // namespace

HistoryView::HistoryView(HistoryModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new HistoryProxyModel(model, this))
    , m_table(new QTableView)
    , m_copyRows(new QAction(tr("&Copy rows"), this))
    , m_showTimeline(new QAction(tr("Show &timeline"), this))
    , m_loadRun(new QAction(this))
    , m_loadExperiment(new QAction(this))
    , m_runAgain(new QAction(this))
    , m_runExperimentAgain(new QAction(this))
    , m_deleteRun(new QAction(this))
    , m_deleteExperiment(new QAction(this))
{
    m_table->setModel(m_proxy);
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
    // Oldest first until a header is clicked.
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(HistoryModel::Time, Qt::AscendingOrder);
    m_table->setToolTip(tr("Every run, grouped by experiment. Click a header to sort by it. Select "
                           "one row to show its experiment on the Sweep page, two rows "
                           "(Ctrl+click) to compare them in the chart; Ctrl+C copies the selected "
                           "rows. Right-click a row to load its configuration, run it again or "
                           "delete it; right-click the header to hide columns."));

    m_copyRows->setObjectName(QStringLiteral("actionCopyRows"));
    m_copyRows->setShortcut(QKeySequence::Copy);
    m_copyRows->setShortcutContext(Qt::WidgetShortcut); // the filter below does the work
    connect(m_copyRows, &QAction::triggered, this, &HistoryView::copySelectedRows);
    m_showTimeline->setObjectName(QStringLiteral("actionShowTimeline"));
    connect(m_showTimeline, &QAction::triggered, this,
            [this] { emit timelineRequested(m_showTimeline->data().toInt()); });
    struct RowAction
    {
        QAction *action;
        const char *name;
        bool wholeExperiment;
        int kind; // 0 load, 1 run again, 2 delete
    };
    for (const RowAction &a : {RowAction{m_loadRun, "actionLoadRun", false, 0},
                               RowAction{m_loadExperiment, "actionLoadExperiment", true, 0},
                               RowAction{m_runAgain, "actionRunAgain", false, 1},
                               RowAction{m_runExperimentAgain, "actionRunExperimentAgain", true, 1},
                               RowAction{m_deleteRun, "actionDeleteRun", false, 2},
                               RowAction{m_deleteExperiment, "actionDeleteExperiment", true, 2}}) {
        a.action->setObjectName(QString::fromLatin1(a.name));
        connect(a.action, &QAction::triggered, this, [this, a] {
            const int row = currentRow();
            if (row < 0)
                return;
            if (a.kind == 2)
                emit deleteRequested(row, a.wholeExperiment);
            else
                emit configurationRequested(row, a.wholeExperiment, a.kind == 1);
        });
    }
    m_deleteRun->setShortcut(QKeySequence::Delete);
    m_deleteRun->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_deleteRun);
    updateRowActions();

    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu;
        m_copyRows->setEnabled(m_table->selectionModel()->hasSelection());
        menu.addAction(m_copyRows);
        menu.addSeparator();
        menu.addActions({m_loadRun, m_loadExperiment, m_runAgain, m_runExperimentAgain});
        menu.addSeparator();
        menu.addActions({m_deleteRun, m_deleteExperiment});
        menu.addSeparator();
        const QModelIndex at = m_table->indexAt(pos);
        // The model's row, also once the table shows it through a sorting or filtering proxy.
        const auto *proxy = qobject_cast<const QAbstractProxyModel *>(at.model());
        const QModelIndex source = proxy ? proxy->mapToSource(at) : at;
        m_showTimeline->setEnabled(source.isValid());
        m_showTimeline->setData(source.row());
        menu.addAction(m_showTimeline);
        if (!m_extraActions.isEmpty()) {
            menu.addSeparator();
            menu.addActions(m_extraActions);
        }
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });
    m_table->installEventFilter(this);

    auto *caption = new QLabel(tr("Histor&y (select two rows to compare)"));
    caption->setBuddy(m_table);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(caption);
    layout->addWidget(buildFilterBar());
    layout->addWidget(m_table);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryView::onSelectionChanged);
    // Follow new runs as they arrive; the widths stay as they are.
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
        refreshChoices();
        followNewRows();
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        refreshChoices();
        followNewRows();
        updateRowActions();
    });
    refreshChoices();
}

QWidget *HistoryView::buildFilterBar()
{
    // Two rows: in one, the bar would widen the window past a 1024-pixel screen.
    auto *bar = new QWidget;
    auto *rows = new QVBoxLayout(bar);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(2);
    auto *row = new QHBoxLayout;
    auto *choices = new QHBoxLayout;
    for (QHBoxLayout *r : {row, choices}) {
        r->setSpacing(4);
        rows->addLayout(r);
    }
    m_filterText = new QLineEdit;
    m_filterText->setObjectName(QStringLiteral("historyFilterText"));
    m_filterText->setPlaceholderText(tr("Filter runs…"));
    m_filterText->setClearButtonEnabled(true);
    m_filterText->setToolTip(tr("Shows the runs with every word somewhere in their row "
                                "(\"lognormal 4 loops\", a machine, a date)"));
    // Every part of the bar may shrink: its width must never widen the window past a 1024-pixel
    // screen (a combo shows its whole choice in its list and tooltip).
    m_filterText->setMinimumWidth(m_filterText->fontMetrics().horizontalAdvance(QLatin1Char('x')) *
                                  8);
    row->addWidget(m_filterText, 1);
    auto combo = [choices](const char *name, const QString &tip) {
        auto *box = new QComboBox;
        box->setObjectName(QString::fromLatin1(name));
        box->setToolTip(tip);
        box->setAccessibleName(tip);
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(3);
        choices->addWidget(box, 1);
        return box;
    };
    m_experiment = combo("historyFilterExperiment", tr("Only the runs of one experiment"));
    m_runtime = combo("historyFilterRuntime", tr("Only the runs of one runtime"));
    m_transport = combo("historyFilterTransport", tr("Only the runs of one transport"));
    m_machine = combo("historyFilterMachine", tr("Only the runs of one machine"));
    m_busy = combo("historyFilterBusy",
                   tr("Only the runs during which other programs took the machine, or only the "
                      "others"));
    m_busy->addItem(tr("busy or not"), int(HistoryFilter::Busy::Any));
    m_busy->addItem(tr("machine busy"), int(HistoryFilter::Busy::Busy));
    m_busy->addItem(tr("machine quiet"), int(HistoryFilter::Busy::Quiet));
    choices->removeWidget(m_busy);
    row->addWidget(m_busy);
    auto *clear = new QToolButton;
    clear->setObjectName(QStringLiteral("historyFilterClear"));
    clear->setText(tr("Show all"));
    clear->setToolTip(tr("Clear every filter"));
    row->addWidget(clear);
    connect(clear, &QToolButton::clicked, this, [this] { setFilter(HistoryFilter{}); });
    connect(m_filterText, &QLineEdit::textChanged, this, &HistoryView::applyFilter);
    for (QComboBox *box : {m_experiment, m_runtime, m_transport, m_machine, m_busy})
        connect(box, &QComboBox::currentIndexChanged, this, &HistoryView::applyFilter);
    return bar;
}

void HistoryView::refreshChoices()
{
    // Each list holds what the history has, and the value filtered by even when no run has it
    // now (a filter restored at start, or its last run deleted), so the filter can be seen.
    const HistoryFilter f = m_proxy->filter();
    std::set<std::int64_t> experiments;
    QStringList runtimes;
    QStringList transports;
    QStringList machines;
    for (const HistoryEntry &e : m_model->entries()) {
        if (e.experimentId > 0)
            experiments.insert(e.experimentId);
        runtimes << runtimeName(e.result.runtime);
        transports << transportName(e.plan.transport.kind);
        if (!e.machine.isEmpty())
            machines << e.machine;
    }
    if (f.experimentId > 0)
        experiments.insert(f.experimentId);
    for (auto [list, value] : {std::pair{&runtimes, f.runtime}, std::pair{&transports, f.transport},
                               std::pair{&machines, f.machine}}) {
        if (!value.isEmpty())
            list->append(value);
        list->removeDuplicates();
        list->sort();
    }
    m_showingFilter = true;
    m_experiment->clear();
    m_experiment->addItem(tr("every experiment"), qint64{0});
    for (auto it = experiments.rbegin(); it != experiments.rend(); ++it)
        m_experiment->addItem(tr("experiment #%1").arg(*it), qint64{*it});
    auto fill = [](QComboBox *box, const QString &all, const QStringList &values) {
        box->clear();
        box->addItem(all, QString());
        for (const QString &v : values)
            box->addItem(v, v);
    };
    fill(m_runtime, tr("every runtime"), runtimes);
    fill(m_transport, tr("every transport"), transports);
    fill(m_machine, tr("every machine"), machines);
    m_showingFilter = false;
    showFilter(f);
}

void HistoryView::showFilter(const HistoryFilter &f)
{
    m_showingFilter = true;
    if (m_filterText->text() != f.text)
        m_filterText->setText(f.text);
    m_experiment->setCurrentIndex(std::max(0, m_experiment->findData(qint64{f.experimentId})));
    m_runtime->setCurrentIndex(std::max(0, m_runtime->findData(f.runtime)));
    m_transport->setCurrentIndex(std::max(0, m_transport->findData(f.transport)));
    m_machine->setCurrentIndex(std::max(0, m_machine->findData(f.machine)));
    m_busy->setCurrentIndex(std::max(0, m_busy->findData(int(f.busy))));
    m_showingFilter = false;
}

void HistoryView::applyFilter()
{
    if (m_showingFilter)
        return;
    HistoryFilter f;
    f.text = m_filterText->text().trimmed();
    f.experimentId = m_experiment->currentData().toLongLong();
    f.runtime = m_runtime->currentData().toString();
    f.transport = m_transport->currentData().toString();
    f.machine = m_machine->currentData().toString();
    f.busy = HistoryFilter::Busy(m_busy->currentData().toInt());
    m_proxy->setFilter(f);
    updateRowActions();
}

void HistoryView::setFilter(const HistoryFilter &filter)
{
    m_proxy->setFilter(filter);
    refreshChoices();
    updateRowActions();
}

void HistoryView::followNewRows()
{
    // Oldest first: the newest run is at the bottom, in view. In any other order it lands where
    // it sorts, and the view stays where the user put it.
    const QHeaderView *header = m_table->horizontalHeader();
    if (header->sortIndicatorSection() == HistoryModel::Time &&
        header->sortIndicatorOrder() == Qt::AscendingOrder)
        m_table->scrollToBottom();
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
    samples[HistoryModel::Time] = HistoryModel::timeText(
        QDateTime(QDate(2026, 12, 31), QTime(23, 59)).toUTC(), QDate(2026, 1, 1));
    samples[HistoryModel::Shards] = QStringLiteral("1,024");
    samples[HistoryModel::Wall] = QStringLiteral("2 min 00 s");
    samples[HistoryModel::Speedup] = QStringLiteral("10.00×");
    // In the window's language, as the model words them: the longest of every value.
    auto longest = [&fm](const QStringList &values) {
        return *std::max_element(values.begin(), values.end(),
                                 [&fm](const QString &a, const QString &b) {
                                     return fm.horizontalAdvance(a) < fm.horizontalAdvance(b);
                                 });
    };
    samples[HistoryModel::Status] = longest(HistoryModel::statusSamples());
    samples[HistoryModel::Mode] = longest(HistoryModel::modeSamples());
    samples[HistoryModel::Experiment] = QStringLiteral("#0000");
    samples[HistoryModel::Efficiency] = QStringLiteral("100 %");
    samples[HistoryModel::LagP99] = QStringLiteral("1000 ms");
    samples[HistoryModel::GuiStall] = QStringLiteral("1000 ms");
    samples[HistoryModel::Tasks] = QStringLiteral("1,000,000");
    samples[HistoryModel::Machine] = QStringLiteral("machine-name");
    samples[HistoryModel::Runtime] = longest(runtimeNames()); // "asyncio-uvloop"
    samples[HistoryModel::IdealBound] = QStringLiteral("2 min 00 s");
    samples[HistoryModel::Checksum] = QStringLiteral("0x0123456789abcdef");
    samples[HistoryModel::Transport] = QStringLiteral("http · per-task");
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
    // In the order shown.
    QList<int> shown;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        shown.append(index.row());
    if (shown.isEmpty())
        return 0;
    std::sort(shown.begin(), shown.end());
    QList<int> rows;
    for (int row : shown)
        rows.append(m_proxy->mapToSource(m_proxy->index(row, 0)).row());
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
    m_proxy->filter().save(settings);
}

void HistoryView::restoreLayout(const QSettings &settings)
{
    QHeaderView *header = m_table->horizontalHeader();
    if (header->restoreState(settings.value(kHeaderKey).toByteArray())) {
        // Columns added since the layout was saved (it knew fewer) are shown at their widths.
        m_table->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
    }
    setFilter(HistoryFilter::load(settings));
}

QList<int> HistoryView::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(m_proxy->mapToSource(index).row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

int HistoryView::currentRow() const
{
    const QList<int> rows = selectedRows();
    return rows.size() == 1 ? rows.first() : -1;
}

void HistoryView::selectRows(const QList<int> &rows)
{
    QItemSelection selection;
    for (int row : rows) {
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
        if (index.isValid())
            selection.select(index, index);
    }
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect |
                                                     QItemSelectionModel::Rows);
}

QList<QAction *> HistoryView::rowActions() const
{
    return QList<QAction *>{m_loadRun,   m_loadExperiment,  m_runAgain, m_runExperimentAgain,
                            m_deleteRun, m_deleteExperiment} +
           m_extraActions;
}

void HistoryView::addRowAction(QAction *action)
{
    m_extraActions.append(action);
    updateRowActions();
}

void HistoryView::updateRowActions()
{
    const int row = currentRow();
    const HistoryEntry *e = row >= 0 ? &m_model->entry(row) : nullptr;
    const bool run = e && e->runId != 0;
    const bool experiment = e && e->experimentId != 0;
    // Named after what they act on, so the menu says which run or experiment before a click.
    m_loadRun->setText(run ? tr("&Load run #%1's configuration into the form").arg(e->runId)
                           : tr("&Load this run's configuration into the form"));
    m_loadExperiment->setText(
        experiment ? tr("Load e&xperiment #%1's configuration into the form").arg(e->experimentId)
                   : tr("Load its e&xperiment's configuration into the form"));
    m_runAgain->setText(run ? tr("&Run #%1 again").arg(e->runId) : tr("&Run this run again"));
    m_runExperimentAgain->setText(experiment ? tr("Run experi&ment #%1 again").arg(e->experimentId)
                                             : tr("Run its experi&ment again"));
    m_deleteRun->setText(run ? tr("&Delete run #%1…").arg(e->runId) : tr("&Delete this run…"));
    m_deleteExperiment->setText(experiment ? tr("Delete ex&periment #%1…").arg(e->experimentId)
                                           : tr("Delete its ex&periment…"));
    for (QAction *a : {m_loadRun, m_runAgain, m_deleteRun})
        a->setEnabled(run);
    for (QAction *a : {m_loadExperiment, m_runExperimentAgain, m_deleteExperiment})
        a->setEnabled(experiment);
    for (QAction *a : std::as_const(m_extraActions))
        a->setEnabled(e != nullptr);
}

bool HistoryView::selectRun(std::int64_t runId)
{
    const int row = m_model->rowOfRun(runId);
    const QModelIndex index =
        row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_table->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect |
                                                 QItemSelectionModel::Rows);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    m_table->scrollTo(index);
    return true;
}

void HistoryView::onSelectionChanged()
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(m_proxy->mapToSource(index).row());
    updateRowActions();
    emit runSelected(rows.size() == 1 ? m_model->entry(rows[0]).runId : 0);
    if (rows.size() == 1)
        emit rowSelected(rows[0]);
    else if (rows.size() == 2)
        emit compareRequested(rows[0], rows[1]);
}
