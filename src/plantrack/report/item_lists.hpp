#pragma once

#include <string>
#include <vector>

#include "plantrack/report/labels.hpp"
#include "plantrack/report/snapshot.hpp"
#include "plantrack/util/table.hpp"

namespace plantrack::report {

// How a list is shown: format (table | json | csv), labels, whether to colour lights, and how a
// table meets the terminal (its width, ambiguous characters).
struct ListStyle
{
    std::string format = "table";
    const Labels* labels = nullptr;
    bool color = false;
    util::TableLayout layout = {};
};

// Which items `list` shows; empty filters match everything.
struct ItemFilter
{
    std::string area;
    std::string owner; // lead or partner
    std::optional<core::Status> status;
    std::optional<core::Light> light;
};

// The items of a snapshot that pass `filter`, in plan order.
std::vector<const ItemView*> filter_items(const Snapshot& snapshot, const ItemFilter& filter);

// `list`: the SPEC's item keys (id, kind, area, parent, title, lead, start, due, status, progress,
// light, last_update).
std::string render_list(const std::vector<const ItemView*>& items, const ListStyle& style);

// `overdue`: most days overdue first, then by id; the table groups by lead owner, the owner
// with the most overdue items first.
std::string render_overdue(const std::vector<const ItemView*>& items, const ListStyle& style);

// `due --within DAYS`: open items due from the as-of date to DAYS later, soonest first.
std::string render_due(const std::vector<const ItemView*>& items, core::Date as_of, const ListStyle& style);

// `stale`: items with no update for longer than the plan allows, longest silence first.
std::string render_stale(const std::vector<const ItemView*>& items, const ListStyle& style);

// A light as shown in a terminal (coloured when asked).
std::string light_cell(core::Light light, const Labels& labels, bool color);

// Sorts by `days` descending, then by id in natural order.
void sort_by_days_then_id(std::vector<const ItemView*>& items, int ItemView::*days);

} // namespace plantrack::report
