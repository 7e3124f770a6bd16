#include "plantrack/report/snapshot.hpp"

#include <cmath>

#include "plantrack/store/plan_store.hpp"

namespace plantrack::report {

const ItemView* Snapshot::find(std::string_view id) const
{
    const auto* item = plan.find_item(id);
    if (item == nullptr) {
        return nullptr;
    }
    for (const auto& view : items) {
        if (view.item == item) {
            return &view;
        }
    }
    return nullptr;
}

std::vector<ItemView> view_items(const core::Plan& plan, std::vector<core::ItemState> states, core::Date as_of)
{
    std::vector<ItemView> views;
    views.reserve(plan.items.size());
    for (std::size_t i = 0; i < plan.items.size(); ++i) {
        const auto& item = plan.items[i];
        if (item.withdrawn) {
            continue;
        }
        ItemView view;
        view.item = &item;
        view.state = std::move(states[i]);
        view.light = core::light_of(item, view.state, plan.review, as_of);
        view.overdue = core::is_overdue(item, view.state, as_of);
        view.days_overdue = core::days_overdue(item, view.state, as_of);
        view.stale = core::is_stale(item, view.state, plan.review, as_of);
        view.days_without_update = core::days_without_update(item, view.state, as_of);
        view.expected_progress = core::expected_progress(item.start, item.due, as_of);
        views.push_back(std::move(view));
    }
    return views;
}

Snapshot take_snapshot(store::Database& db, const std::string& plan_id, const store::Cutoff& cutoff)
{
    Snapshot snapshot;
    snapshot.plan = store::read_plan(db, plan_id, false, cutoff.known_at);
    snapshot.cutoff = cutoff;
    // Notes are read by whoever shows them (a report's red items), not for all 20,000 items.
    snapshot.items =
        view_items(snapshot.plan, store::states_as_of(db, snapshot.plan, cutoff, store::Notes::skip), cutoff.as_of);
    return snapshot;
}

Totals totals(const std::vector<ItemView>& items, const std::function<bool(const ItemView&)>& include)
{
    Totals result;
    double weighted = 0;
    double weights = 0;
    for (const auto& view : items) {
        if (!include(view)) {
            continue;
        }
        ++result.items;
        switch (view.light) {
        case core::Light::done:
            ++result.done;
            break;
        case core::Light::red:
            ++result.red;
            break;
        case core::Light::yellow:
            ++result.yellow;
            break;
        case core::Light::green:
            ++result.green;
            break;
        case core::Light::cancelled:
            ++result.cancelled;
            break;
        }
        result.overdue += view.overdue ? 1 : 0;
        if (view.item->kind == core::ItemKind::task) {
            ++result.tasks;
            weighted += view.item->weight * view.state.progress;
            weights += view.item->weight;
        }
    }
    result.progress = weights > 0 ? std::round(weighted / weights * 10.0) / 10.0 : 0.0;
    return result;
}

} // namespace plantrack::report
