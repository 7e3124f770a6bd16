#pragma once

#include <string>

#include "plantrack/report/labels.hpp"
#include "plantrack/report/snapshot.hpp"
#include "plantrack/store/database.hpp"

namespace plantrack::report {

// Writes the ledger (台账) of SPEC "Departments in the loop" to `path` as one workbook: the
// items with their state and light (the light cell filled in its colour and named, so it prints
// in black and white), every update, the indicators with their readings and judgements, and the
// overdue items, each sheet with its header row frozen and filters on. Everything as of the
// snapshot's cutoff.
void write_ledger(store::Database& db, const Snapshot& snapshot, const std::string& path, const Labels& labels);

} // namespace plantrack::report
