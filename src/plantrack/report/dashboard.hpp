#pragma once

#include <string>
#include <vector>

#include "plantrack/report/labels.hpp"
#include "plantrack/report/rows.hpp"
#include "plantrack/report/snapshot.hpp"

namespace plantrack::report {

// Totals of each area, in plan order, over the items that pass `include`.
struct AreaTotals
{
    const core::Area* area = nullptr;
    Totals totals;
};
std::vector<AreaTotals> area_totals(const Snapshot& snapshot, const std::function<bool(const ItemView&)>& include);

// {items, tasks, done, overdue, red, yellow, green, progress}
Json totals_json(const Totals& totals);

// A progress bar of `width` cells for a percentage.
std::string progress_bar(double percent, std::size_t width);

// `status`: every area's progress bar, its counts by light and overdue, then the plan's totals.
// Formats: table (the dashboard), json ({plan, as_of, summary, areas}), csv (one row per area
// and a total row).
std::string render_dashboard(const Snapshot& snapshot, const std::function<bool(const ItemView&)>& include,
                             const ListStyle& style);

} // namespace plantrack::report
