#include "plantrack/report/rows.hpp"
#include "plantrack/report/dashboard.hpp"

#include <cmath>

#include <fmt/format.h>

#include "plantrack/util/table.hpp"
#include "plantrack/util/text.hpp"

namespace plantrack::report {

std::vector<AreaTotals> area_totals(const Snapshot& snapshot, const std::function<bool(const ItemView&)>& include)
{
    std::vector<AreaTotals> result;
    for (const auto& area : snapshot.plan.areas) {
        result.push_back({&area, totals(snapshot.items, [&](const ItemView& view) {
                              return view.item->area_id == area.id && include(view);
                          })});
    }
    return result;
}

Json totals_json(const Totals& totals)
{
    return Json{{"items", totals.items},     {"tasks", totals.tasks},      {"done", totals.done},
                {"overdue", totals.overdue}, {"red", totals.red},          {"yellow", totals.yellow},
                {"green", totals.green},     {"progress", totals.progress}};
}

std::string progress_bar(double percent, std::size_t width)
{
    const double clamped = std::clamp(percent, 0.0, 100.0);
    // Eighths of a cell, so small differences still show.
    const auto eighths = static_cast<std::size_t>(std::lround(clamped / 100.0 * static_cast<double>(width * 8)));
    static const char* const k_partial[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    std::string bar;
    for (std::size_t i = 0; i < eighths / 8; ++i) {
        bar += "█";
    }
    std::size_t used = eighths / 8;
    if (eighths % 8 != 0) {
        bar += k_partial[eighths % 8];
        ++used;
    }
    for (; used < width; ++used) {
        bar += "·";
    }
    return bar;
}

std::string render_dashboard(const Snapshot& snapshot, const std::function<bool(const ItemView&)>& include,
                             const ListStyle& style)
{
    const auto& l = *style.labels;
    const auto areas = area_totals(snapshot, include);
    const auto summary = totals(snapshot.items, include);
    if (style.format == "json") {
        Json json{{"plan", snapshot.plan.id},
                  {"as_of", snapshot.cutoff.as_of.to_string()},
                  {"summary", totals_json(summary)}};
        Json area_list = Json::array();
        for (const auto& entry : areas) {
            Json area{{"id", entry.area->id}, {"title", entry.area->title}};
            area.update(totals_json(entry.totals));
            area_list.push_back(std::move(area));
        }
        json["areas"] = area_list;
        return json_text(json) + "\n";
    }
    const std::vector<Column> columns = {{"id", l.id},
                                         {"title", l.title},
                                         {"items", l.items, true},
                                         {"tasks", l.tasks, true},
                                         {"done", l.done, true},
                                         {"overdue", l.overdue, true},
                                         {"red", l.red, true},
                                         {"yellow", l.yellow, true},
                                         {"green", l.green, true},
                                         {"progress", l.progress, true}};
    auto row_of = [](const std::string& id, const std::string& title, const Totals& t) {
        return std::vector<Cell>{text_cell(id),     text_cell(title),
                                 int_cell(t.items), int_cell(t.tasks),
                                 int_cell(t.done),  int_cell(t.overdue),
                                 int_cell(t.red),   int_cell(t.yellow),
                                 int_cell(t.green), {Json(t.progress), util::format_one_decimal(t.progress) + "%"}};
    };
    if (style.format == "csv") {
        std::vector<std::vector<Cell>> rows;
        for (const auto& entry : areas) {
            rows.push_back(row_of(entry.area->id, entry.area->title, entry.totals));
        }
        rows.push_back(row_of("total", snapshot.plan.title, summary));
        return render_rows(columns, std::move(rows), style, "");
    }
    auto colored = [&](int count, const char* code) {
        const auto text = fmt::format("{}", count);
        return style.color && count > 0 ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : text;
    };
    std::string text = fmt::format("{}\n{} {}\n\n", snapshot.plan.title, l.as_of, snapshot.cutoff.as_of);
    util::Table table({"", std::string(l.area), std::string(l.progress), "", std::string(l.items), std::string(l.done),
                       std::string(l.red), std::string(l.yellow), std::string(l.green), std::string(l.overdue)},
                      style.layout);
    table.allow_shortening(1);
    for (std::size_t column = 3; column <= 9; ++column) {
        table.align_right(column);
    }
    auto add = [&](const std::string& number, const std::string& title, const Totals& t) {
        table.add_row({number, util::truncate_to_width(title, 24), progress_bar(t.progress, 20),
                       util::format_one_decimal(t.progress) + "%", fmt::format("{}", t.items),
                       fmt::format("{}", t.done), colored(t.red, "31"), colored(t.yellow, "33"), colored(t.green, "32"),
                       colored(t.overdue, "31")});
    };
    for (const auto& entry : areas) {
        add(entry.area->number, entry.area->title, entry.totals);
    }
    add("", std::string(l.total), summary);
    text += table.render();
    text += fmt::format("\n{} {} · {} {} · {} {} · {} {} · {} {}\n", l.tasks, summary.tasks, l.done, summary.done,
                        l.overdue, summary.overdue, l.red, summary.red, l.yellow, summary.yellow);
    return text;
}

} // namespace plantrack::report
