#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plantrack/core/model.hpp"
#include "plantrack/core/returns.hpp"
#include "plantrack/core/state.hpp"
#include "plantrack/report/item_lists.hpp"
#include "plantrack/store/database.hpp"

namespace plantrack::report {

// An item open in a period, with its state as of the day before the period began.
struct OpenItem
{
    const core::Item* item = nullptr;
    core::ItemState state;
};

// The plan's current items open in `period` (SPEC "Departments in the loop"), in plan order,
// counting only what was recorded by `known_at` when it is set.
struct OpenItems
{
    core::Plan plan;
    core::ReturnPeriod period;
    std::vector<OpenItem> items;
};

OpenItems open_items(store::Database& db, const std::string& plan_id, const core::ReturnPeriod& period,
                     std::optional<core::Timestamp> known_at);

// Of `open`, the items with no update dated within the period, grouped by lead owner: the owner
// with the most owed items first, then by name; plan order within an owner.
std::vector<OpenItem> owed_items(store::Database& db, const OpenItems& open, std::optional<core::Timestamp> known_at);

// `owed` as a table (a heading per lead owner), md, json or csv (an array of
// {id, kind, title, lead, last_update, status, progress}).
std::string render_owed(const OpenItems& open, const std::vector<OpenItem>& owed, const ListStyle& style);

// `owed --format xlsx -o FILE`: one sheet, a row per owed item in the order of render_owed, with
// the lead owner first, header frozen and filters on.
void write_owed_workbook(const OpenItems& open, const std::vector<OpenItem>& owed, const std::string& path,
                         const Labels& labels);

} // namespace plantrack::report
