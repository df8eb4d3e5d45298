// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/storecolumn.h"
#include "core/store/storedrun.h"

#include <span>

// The columns of the store's tables with many of them, each named once beside its field
// (storecolumn.h says how a row reads). The migrations (storeschema.cpp) build the same columns;
// tst_storecolumns checks that the newest schema and these tables agree, name and type.
//
// Adding a column, e.g. a new field of RunResult (storetables.cpp stops compiling until the field
// has its row, or a word there on why it has none) takes one row and one migration:
//  1. its row in the table (storetables.cpp), in the place the migration gives it: the end;
//  2. a migration at the end of StoreSchema's list (storeschema.cpp), with the value old rows
//     read as: "ALTER TABLE runs ADD COLUMN runtime TEXT NOT NULL DEFAULT 'threads'";
//  3. a value of its own in tst_storecolumns' distinctRun() (the test names a column that shares
//     its value with another of its type), and its expected text in byHand there unless the JSON
//     report writes the same field under the column's name. The test then checks that the value
//     lands in that column and comes back into that field, and tst_resultstore's migration test
//     that an old file gains it (add it to the columns that test drops).
namespace StoreTables {

// runs: every column, in the order of the table. experiment_id, spec and machine are copied
// from the run's experiment row on insert.
std::span<const StoreColumn<StoredRun>> runs();
// shard_stats: one row per shard of a run.
std::span<const StoreColumn<StoredShard>> shards();
// experiments, except the plan's fields, whose columns are PlanCodec's keys (PlanCodec::fields()).
std::span<const StoreColumn<StoredExperiment>> experiments();

} // namespace StoreTables
