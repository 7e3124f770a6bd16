#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "plantrack/core/model.hpp"
#include "plantrack/core/state.hpp"
#include "plantrack/store/database.hpp"
#include "plantrack/store/update_store.hpp"

namespace plantrack::report {

// One current item with everything computed about it as of the snapshot's date.
struct ItemView
{
    const core::Item* item = nullptr;
    core::ItemState state;
    core::Light light = core::Light::green;
    bool overdue = false;
    int days_overdue = 0;
    bool stale = false;
    int days_without_update = 0;
    double expected_progress = 0;
};

// The plan and the state of each of its current items (withdrawn ones left out) at a cutoff.
struct Snapshot
{
    core::Plan plan;
    store::Cutoff cutoff;
    std::vector<ItemView> items; // plan order

    const ItemView* find(std::string_view id) const;
};

// Views of `plan`'s current items computed from their states as of `as_of`.
std::vector<ItemView> view_items(const core::Plan& plan, std::vector<core::ItemState> states, core::Date as_of);

Snapshot take_snapshot(store::Database& db, const std::string& plan_id, const store::Cutoff& cutoff);

// The counts and progress of SPEC "Machine-readable output" over a set of items.
struct Totals
{
    int items = 0;
    int tasks = 0;
    int done = 0;
    int overdue = 0;
    int red = 0;
    int yellow = 0;
    int green = 0;
    int cancelled = 0;
    double progress = 0; // weight-averaged progress of the tasks, one decimal
};

// Totals over every item for which `include` is true.
Totals totals(const std::vector<ItemView>& items, const std::function<bool(const ItemView&)>& include);

// Figures for one lead owner (SPEC: items, done, overdue, on_time_rate, updates).
struct OwnerFigures
{
    std::string owner;
    int items = 0;
    int done = 0;
    int overdue = 0;
    std::optional<double> on_time_rate;
    int updates = 0;
    int late_updates = 0; // of those, recorded after their period's reporting deadline (补报)
    int due = 0;          // items due by the date, cancelled left out (the rate's denominator)
    int done_on_time = 0; // of those, done by their due date
};

} // namespace plantrack::report
