#include "plantrack/report/ledger.hpp"

#include <algorithm>
#include <map>

#include <fmt/args.h>
#include <fmt/format.h>

#include "plantrack/report/indicator_view.hpp"
#include "plantrack/report/item_lists.hpp"
#include "plantrack/report/loop_labels.hpp"
#include "plantrack/store/update_store.hpp"
#include "plantrack/util/text.hpp"
#include "plantrack/util/xlsx_writer.hpp"

namespace plantrack::report {

namespace {

// The fill of each light, pale enough to read black text on and to print as grey.
std::string fill_of(core::Light light)
{
    switch (light) {
    case core::Light::red:
        return "#F4B6B6";
    case core::Light::yellow:
        return "#FFE699";
    case core::Light::green:
        return "#C6E0B4";
    case core::Light::done:
        return "#D9D9D9";
    case core::Light::cancelled:
        return "#EDEDED";
    }
    return "";
}

// A sheet with a frozen, filtered header row and column widths.
struct SheetStyles
{
    int header = -1;
    int text = -1;
    int date = -1;
    int number = -1;
};

util::XlsxWriter::Sheet& table_sheet(util::XlsxWriter& workbook, const std::string& name,
                                     const std::vector<std::pair<std::string_view, double>>& columns,
                                     const SheetStyles& styles, int rows)
{
    auto& sheet = workbook.add_sheet(name);
    for (std::size_t i = 0; i < columns.size(); ++i) {
        sheet.text(0, static_cast<int>(i), std::string(columns[i].first), styles.header);
        sheet.column_width(static_cast<int>(i), static_cast<int>(i), columns[i].second);
    }
    sheet.freeze(1, 0);
    sheet.filter(0, 0, std::max(rows, 1), static_cast<int>(columns.size()) - 1);
    return sheet;
}

void date_cell(util::XlsxWriter::Sheet& sheet, int row, int column, const std::optional<core::Date>& date, int style)
{
    if (date) {
        sheet.date(row, column, date->year(), date->month(), date->day(), style);
    }
}

} // namespace

void write_ledger(store::Database& db, const Snapshot& snapshot, const std::string& path, const Labels& l)
{
    const auto& loop = loop_labels_for(l.language);
    util::XlsxWriter workbook(path);
    SheetStyles styles;
    styles.header = workbook.add_style({true, true, true, true, "#D9D9D9", ""});
    styles.text = workbook.add_style({});
    styles.date = workbook.add_style({false, true, false, false, "", "yyyy-mm-dd"});
    styles.number = workbook.add_style({false, true, false, false, "", "0"});
    std::map<core::Light, int> light_styles;
    for (const auto light :
         {core::Light::red, core::Light::yellow, core::Light::green, core::Light::done, core::Light::cancelled}) {
        light_styles[light] = workbook.add_style({true, true, false, true, fill_of(light), ""});
    }

    // Items, with their state and light.
    {
        auto& sheet = table_sheet(workbook, std::string(loop.items_sheet),
                                  {{l.id, 8},
                                   {l.kind, 8},
                                   {l.area, 8},
                                   {l.parent, 8},
                                   {l.title, 40},
                                   {l.lead, 20},
                                   {l.start, 12},
                                   {l.due, 12},
                                   {l.status, 12},
                                   {l.progress, 8},
                                   {l.light, 10},
                                   {l.last_update, 12},
                                   {l.latest_note, 40}},
                                  styles, static_cast<int>(snapshot.items.size()));
        // The snapshot's states leave notes out (reviews need none); the ledger shows the latest.
        std::vector<core::ItemState> states;
        for (const auto& view : snapshot.items) {
            states.push_back(view.state);
        }
        std::vector<core::ItemState*> with_notes;
        for (auto& state : states) {
            with_notes.push_back(&state);
        }
        store::read_notes(db, with_notes);
        int row = 1;
        for (const auto& view : snapshot.items) {
            const auto& item = *view.item;
            const auto& note = states[static_cast<std::size_t>(row - 1)].note;
            sheet.text(row, 0, item.id, styles.text);
            sheet.text(row, 1, std::string(label(l, item.kind)), styles.text);
            sheet.text(row, 2, item.area_id, styles.text);
            sheet.text(row, 3, item.parent_id, styles.text);
            sheet.text(row, 4, item.title, styles.text);
            sheet.text(row, 5, item.lead, styles.text);
            date_cell(sheet, row, 6, item.start, styles.date);
            date_cell(sheet, row, 7, item.due, styles.date);
            sheet.text(row, 8, std::string(label(l, view.state.status)), styles.text);
            sheet.number(row, 9, view.state.progress, styles.number);
            sheet.text(row, 10, std::string(label(l, view.light)), light_styles[view.light]);
            date_cell(sheet, row, 11, view.state.last_update, styles.date);
            sheet.text(row, 12, note, styles.text);
            ++row;
        }
    }

    // Every update counted by the cutoff, oldest first item by item.
    {
        std::vector<core::Update> updates;
        store::for_each_update(db, snapshot.plan.id, [&](const core::Update& update) {
            if (update.date <= snapshot.cutoff.as_of &&
                (!snapshot.cutoff.known_at || update.recorded_at <= *snapshot.cutoff.known_at)) {
                updates.push_back(update);
            }
        });
        std::stable_sort(updates.begin(), updates.end(), [](const core::Update& a, const core::Update& b) {
            if (a.item_id != b.item_id) {
                return util::natural_less(a.item_id, b.item_id);
            }
            return core::is_later(b, a);
        });
        auto& sheet = table_sheet(
            workbook, std::string(loop.updates_sheet),
            {{l.id, 8}, {l.date, 12}, {l.status, 12}, {l.progress, 8}, {l.note, 40}, {l.by, 14}, {l.recorded_at, 24}},
            styles, static_cast<int>(updates.size()));
        int row = 1;
        for (const auto& update : updates) {
            sheet.text(row, 0, update.item_id, styles.text);
            date_cell(sheet, row, 1, update.date, styles.date);
            sheet.text(row, 2, std::string(label(l, update.status)), styles.text);
            sheet.number(row, 3, update.progress, styles.number);
            sheet.text(row, 4, update.note, styles.text);
            sheet.text(row, 5, update.by, styles.text);
            sheet.text(row, 6, core::format_timestamp(update.recorded_at), styles.text);
            ++row;
        }
    }

    // Indicators: the standing, then one column per period with a reading.
    {
        const auto views = view_indicators(db, snapshot.plan, snapshot.cutoff.as_of, snapshot.cutoff.known_at);
        std::vector<core::Period> periods;
        for (const auto& view : views) {
            for (const auto& reading : view.readings) {
                if (std::find(periods.begin(), periods.end(), reading.period) == periods.end()) {
                    periods.push_back(reading.period);
                }
            }
        }
        std::sort(periods.begin(), periods.end(), [](const core::Period& a, const core::Period& b) {
            return core::period_time(a) < core::period_time(b);
        });
        std::vector<std::string> period_names;
        for (const auto& period : periods) {
            period_names.push_back(period.to_string());
        }
        std::vector<std::pair<std::string_view, double>> columns = {
            {l.id, 20},     {l.title, 36},         {l.unit, 8},      {l.measure, 14},  {l.target, 10},
            {l.latest, 10}, {l.latest_period, 12}, {l.expected, 10}, {l.judgement, 12}};
        for (const auto& name : period_names) {
            columns.push_back({name, 10});
        }
        auto& sheet =
            table_sheet(workbook, std::string(loop.indicators_sheet), columns, styles, static_cast<int>(views.size()));
        const int value_style = workbook.add_style({false, true, false, false, "", "General"});
        int row = 1;
        for (const auto& view : views) {
            const auto& indicator = *view.indicator;
            sheet.text(row, 0, indicator.id, styles.text);
            sheet.text(row, 1, indicator.title, styles.text);
            sheet.text(row, 2, indicator.unit, styles.text);
            sheet.text(row, 3, std::string(label(l, indicator.measure)), styles.text);
            sheet.number(row, 4, rounded(indicator.target.value), value_style);
            if (view.status.latest) {
                sheet.number(row, 5, rounded(*view.status.latest), value_style);
            }
            if (view.status.latest_period) {
                sheet.text(row, 6, view.status.latest_period->to_string(), styles.text);
            }
            if (view.status.expected) {
                sheet.number(row, 7, rounded(*view.status.expected), value_style);
            }
            sheet.text(row, 8, std::string(label(l, view.status.judgement)), styles.text);
            for (const auto& reading : view.readings) {
                const auto column = std::find(periods.begin(), periods.end(), reading.period) - periods.begin();
                sheet.number(row, 9 + static_cast<int>(column), rounded(reading.value), value_style);
            }
            ++row;
        }
    }

    // Overdue items, most days overdue first.
    {
        std::vector<const ItemView*> overdue;
        for (const auto& view : snapshot.items) {
            if (view.overdue) {
                overdue.push_back(&view);
            }
        }
        sort_by_days_then_id(overdue, &ItemView::days_overdue);
        auto& sheet = table_sheet(workbook, std::string(loop.overdue_sheet),
                                  {{l.id, 8},
                                   {l.kind, 8},
                                   {l.title, 40},
                                   {l.lead, 20},
                                   {l.due, 12},
                                   {l.days_overdue, 10},
                                   {l.status, 12},
                                   {l.progress, 8}},
                                  styles, static_cast<int>(overdue.size()));
        int row = 1;
        for (const auto* view : overdue) {
            const auto& item = *view->item;
            sheet.text(row, 0, item.id, styles.text);
            sheet.text(row, 1, std::string(label(l, item.kind)), styles.text);
            sheet.text(row, 2, item.title, styles.text);
            sheet.text(row, 3, item.lead, styles.text);
            date_cell(sheet, row, 4, item.due, styles.date);
            sheet.number(row, 5, view->days_overdue, styles.number);
            sheet.text(row, 6, std::string(label(l, view->state.status)), styles.text);
            sheet.number(row, 7, view->state.progress, styles.number);
            ++row;
        }
    }
    workbook.save();
}

} // namespace plantrack::report
