#include "plantrack/report/item_lists.hpp"
#include "plantrack/report/rows.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "plantrack/util/csv.hpp"
#include "plantrack/util/table.hpp"
#include "plantrack/util/text.hpp"

namespace plantrack::report {

namespace {

bool matches_owner(const core::Item& item, const std::string& owner)
{
    return item.lead == owner || std::find(item.partners.begin(), item.partners.end(), owner) != item.partners.end();
}

} // namespace

std::string light_cell(core::Light light, const Labels& labels, bool color)
{
    const auto text = std::string(label(labels, light));
    if (!color) {
        return text;
    }
    switch (light) {
    case core::Light::red:
        return "\x1b[31m" + text + "\x1b[0m";
    case core::Light::yellow:
        return "\x1b[33m" + text + "\x1b[0m";
    case core::Light::green:
        return "\x1b[32m" + text + "\x1b[0m";
    default:
        return "\x1b[2m" + text + "\x1b[0m";
    }
}

std::vector<const ItemView*> filter_items(const Snapshot& snapshot, const ItemFilter& filter)
{
    std::vector<const ItemView*> result;
    for (const auto& view : snapshot.items) {
        if (!filter.area.empty() && view.item->area_id != filter.area) {
            continue;
        }
        if (!filter.owner.empty() && !matches_owner(*view.item, filter.owner)) {
            continue;
        }
        if (filter.status && view.state.status != *filter.status) {
            continue;
        }
        if (filter.light && view.light != *filter.light) {
            continue;
        }
        result.push_back(&view);
    }
    return result;
}

void sort_by_days_then_id(std::vector<const ItemView*>& items, int ItemView::*days)
{
    std::stable_sort(items.begin(), items.end(), [days](const ItemView* a, const ItemView* b) {
        if (a->*days != b->*days) {
            return a->*days > b->*days;
        }
        return util::natural_less(a->item->id, b->item->id);
    });
}

std::string render_list(const std::vector<const ItemView*>& items, const ListStyle& style)
{
    const auto& l = *style.labels;
    const std::vector<Column> columns = {{"id", l.id},         {"kind", l.kind},
                                         {"area", l.area},     {"parent", l.parent},
                                         {"title", l.title},   {"lead", l.lead},
                                         {"start", l.start},   {"due", l.due},
                                         {"status", l.status}, {"progress", l.progress, true},
                                         {"light", l.light},   {"last_update", l.last_update}};
    const CellMaker make(style);
    Listing listing(columns, style);
    for (const auto* view : items) {
        const auto& item = *view->item;
        listing.add({make.text(item.id), make.kind(item.kind, l), make.text(item.area_id),
                     make.text_or_null(item.parent_id), make.shortened(item.title, 40), make.text(item.lead),
                     make.text(item.start.to_string()), make.text(item.due.to_string()),
                     make.status(view->state.status, l), make.percent(view->state.progress),
                     make.labelled(to_string(view->light), light_cell(view->light, l, style.color)),
                     make.date(view->state.last_update, l.not_set)});
    }
    return listing.finish(std::string(l.no_items));
}

std::string render_overdue(const std::vector<const ItemView*>& items, const ListStyle& style)
{
    const auto& l = *style.labels;
    std::vector<const ItemView*> sorted = items;
    sort_by_days_then_id(sorted, &ItemView::days_overdue);
    const std::vector<Column> columns = {{"id", l.id},         {"kind", l.kind},
                                         {"title", l.title},   {"lead", l.lead},
                                         {"due", l.due},       {"days_overdue", l.days_overdue, true},
                                         {"status", l.status}, {"progress", l.progress, true}};
    const CellMaker make(style);
    auto row_of = [&](const ItemView* view) {
        const auto& item = *view->item;
        return std::vector<Cell>{make.text(item.id),
                                 make.kind(item.kind, l),
                                 make.shortened(item.title, 40),
                                 make.text(item.lead),
                                 make.text(item.due.to_string()),
                                 make.integer(view->days_overdue),
                                 make.status(view->state.status, l),
                                 make.percent(view->state.progress)};
    };
    if (style.format != "table" || sorted.empty()) {
        std::vector<std::vector<Cell>> rows;
        for (const auto* view : sorted) {
            rows.push_back(row_of(view));
        }
        return render_rows(columns, std::move(rows), style, std::string(l.nothing_overdue));
    }
    // Group by lead owner: the owner with the most overdue items first, ties by the longest
    // overdue item, then by name.
    std::map<std::string, std::vector<const ItemView*>> groups;
    for (const auto* view : sorted) {
        groups[view->item->lead].push_back(view);
    }
    std::vector<std::pair<std::string, std::vector<const ItemView*>>> ordered(groups.begin(), groups.end());
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
        if (a.second.size() != b.second.size()) {
            return a.second.size() > b.second.size();
        }
        return a.second.front()->days_overdue > b.second.front()->days_overdue;
    });
    std::string text;
    for (const auto& [owner, views] : ordered) {
        text += fmt::format("{}{} ({})\n", text.empty() ? "" : "\n", owner, views.size());
        std::vector<std::vector<Cell>> rows;
        for (const auto* view : views) {
            auto row = row_of(view);
            row.erase(row.begin() + 3); // the lead is the group heading
            rows.push_back(std::move(row));
        }
        auto group_columns = columns;
        group_columns.erase(group_columns.begin() + 3);
        text += render_rows(group_columns, std::move(rows), style, "");
    }
    return text;
}

std::string render_due(const std::vector<const ItemView*>& items, core::Date as_of, const ListStyle& style)
{
    const auto& l = *style.labels;
    std::vector<const ItemView*> sorted = items;
    std::stable_sort(sorted.begin(), sorted.end(), [](const ItemView* a, const ItemView* b) {
        if (a->item->due != b->item->due) {
            return a->item->due < b->item->due;
        }
        return util::natural_less(a->item->id, b->item->id);
    });
    const std::vector<Column> columns = {{"id", l.id},         {"kind", l.kind},
                                         {"title", l.title},   {"lead", l.lead},
                                         {"due", l.due},       {"days_left", l.days_left, true},
                                         {"status", l.status}, {"progress", l.progress, true},
                                         {"light", l.light}};
    const CellMaker make(style);
    Listing listing(columns, style);
    for (const auto* view : sorted) {
        const auto& item = *view->item;
        listing.add({make.text(item.id), make.kind(item.kind, l), make.shortened(item.title, 40), make.text(item.lead),
                     make.text(item.due.to_string()), make.integer(item.due - as_of),
                     make.status(view->state.status, l), make.percent(view->state.progress),
                     make.labelled(to_string(view->light), light_cell(view->light, l, style.color))});
    }
    return listing.finish(std::string(l.nothing_due));
}

std::string render_stale(const std::vector<const ItemView*>& items, const ListStyle& style)
{
    const auto& l = *style.labels;
    std::vector<const ItemView*> sorted = items;
    sort_by_days_then_id(sorted, &ItemView::days_without_update);
    const std::vector<Column> columns = {{"id", l.id},
                                         {"kind", l.kind},
                                         {"title", l.title},
                                         {"lead", l.lead},
                                         {"last_update", l.last_update},
                                         {"days_without_update", l.days_without_update, true},
                                         {"status", l.status},
                                         {"progress", l.progress, true}};
    const CellMaker make(style);
    Listing listing(columns, style);
    for (const auto* view : sorted) {
        const auto& item = *view->item;
        listing.add({make.text(item.id), make.kind(item.kind, l), make.shortened(item.title, 40), make.text(item.lead),
                     make.date(view->state.last_update, l.not_set), make.integer(view->days_without_update),
                     make.status(view->state.status, l), make.percent(view->state.progress)});
    }
    return listing.finish(std::string(l.nothing_stale));
}

} // namespace plantrack::report
