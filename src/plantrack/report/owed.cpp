#include "plantrack/report/owed.hpp"

#include <algorithm>
#include <map>

#include <fmt/args.h>
#include <fmt/format.h>

#include "plantrack/report/loop_labels.hpp"
#include "plantrack/report/rows.hpp"
#include "plantrack/store/plan_store.hpp"
#include "plantrack/store/update_store.hpp"
#include "plantrack/util/text.hpp"
#include "plantrack/util/xlsx_writer.hpp"

namespace plantrack::report {

namespace {

// A markdown table cell: one line, with the pipe escaped.
std::string md_cell(const std::string& text)
{
    std::string cell;
    for (const char c : util::single_line(text)) {
        if (c == '|') {
            cell += "\\|";
        } else {
            cell += c;
        }
    }
    return cell;
}

std::string heading(std::string_view pattern, const core::ReturnPeriod& period, std::size_t items, std::size_t owners)
{
    return fmt::vformat(pattern,
                        fmt::make_format_args(fmt::arg("period", period.name), fmt::arg("first", period.first),
                                              fmt::arg("last", period.last), fmt::arg("items", items),
                                              fmt::arg("owners", owners), fmt::arg("items_s", items == 1 ? "" : "s"),
                                              fmt::arg("owners_s", owners == 1 ? "" : "s")));
}

} // namespace

OpenItems open_items(store::Database& db, const std::string& plan_id, const core::ReturnPeriod& period,
                     std::optional<core::Timestamp> known_at)
{
    OpenItems open{store::read_plan(db, plan_id), period, {}};
    const auto before = store::states_as_of(db, open.plan, {period.first.plus_days(-1), known_at}, store::Notes::skip);
    for (std::size_t i = 0; i < open.plan.items.size(); ++i) {
        if (core::is_open_in(open.plan.items[i], before[i], period)) {
            open.items.push_back({&open.plan.items[i], before[i]});
        }
    }
    return open;
}

std::vector<OpenItem> owed_items(store::Database& db, const OpenItems& open, std::optional<core::Timestamp> known_at)
{
    const auto counts = store::update_counts(db, open.plan.id, open.period.first, open.period.last, known_at);
    std::map<std::string, std::vector<OpenItem>> by_owner;
    for (const auto& candidate : open.items) {
        const auto found = counts.find(candidate.item->id);
        const int updates = found == counts.end() ? 0 : found->second;
        if (core::owes_return(*candidate.item, candidate.state, updates, open.period)) {
            by_owner[candidate.item->lead].push_back(candidate);
        }
    }
    std::vector<std::pair<std::string, std::vector<OpenItem>>> groups(by_owner.begin(), by_owner.end());
    std::stable_sort(groups.begin(), groups.end(),
                     [](const auto& a, const auto& b) { return a.second.size() > b.second.size(); });
    std::vector<OpenItem> owed;
    for (auto& [owner, items] : groups) {
        owed.insert(owed.end(), items.begin(), items.end());
    }
    return owed;
}

std::string render_owed(const OpenItems& open, const std::vector<OpenItem>& owed, const ListStyle& style)
{
    const auto& l = *style.labels;
    const auto& loop = loop_labels_for(l.language);
    const std::vector<Column> columns = {{"id", l.id},
                                         {"kind", l.kind},
                                         {"title", l.title},
                                         {"lead", l.lead},
                                         {"last_update", l.last_update},
                                         {"status", l.status},
                                         {"progress", l.progress, true}};
    const bool grouped = style.format == "table" || style.format == "md";
    ListStyle cell_style = style;
    cell_style.format = grouped ? "table" : style.format;
    const CellMaker make(cell_style);
    auto row_of = [&](const OpenItem& open_item) {
        const auto& item = *open_item.item;
        return std::vector<Cell>{make.text(item.id),
                                 make.kind(item.kind, l),
                                 style.format == "md" ? make.text(item.title) : make.shortened(item.title, 40),
                                 make.text(item.lead),
                                 make.date(open_item.state.last_update, l.not_set),
                                 make.status(open_item.state.status, l),
                                 make.percent(open_item.state.progress)};
    };
    if (!grouped) {
        std::vector<std::vector<Cell>> rows;
        for (const auto& item : owed) {
            rows.push_back(row_of(item));
        }
        return render_rows(columns, std::move(rows), style, "");
    }
    std::vector<std::pair<std::string, std::vector<const OpenItem*>>> groups;
    for (const auto& item : owed) {
        if (groups.empty() || groups.back().first != item.item->lead) {
            groups.push_back({item.item->lead, {}});
        }
        groups.back().second.push_back(&item);
    }
    if (owed.empty()) {
        const auto line = heading(loop.nothing_owed, open.period, 0, 0);
        return style.format == "md" ? fmt::format("# {}\n\n{}\n", open.plan.title, line) : line + "\n";
    }
    std::string text;
    const auto summary = heading(loop.owed_heading, open.period, owed.size(), groups.size());
    auto group_columns = columns;
    group_columns.erase(group_columns.begin() + 3); // the lead is the group heading
    if (style.format == "md") {
        text += fmt::format("# {}\n\n{}\n", md_cell(open.plan.title), md_cell(summary));
        for (const auto& [owner, items] : groups) {
            text += fmt::format("\n## {} ({})\n\n|", md_cell(owner), items.size());
            std::string rule = "|";
            for (const auto& column : group_columns) {
                text += fmt::format(" {} |", column.label);
                rule += column.numeric ? " ---: |" : " --- |";
            }
            text += "\n" + rule + "\n";
            for (const auto* item : items) {
                auto row = row_of(*item);
                row.erase(row.begin() + 3);
                text += "|";
                for (const auto& cell : row) {
                    text += fmt::format(" {} |", md_cell(cell.second));
                }
                text += "\n";
            }
        }
        return text;
    }
    text += summary + "\n";
    for (const auto& [owner, items] : groups) {
        text += fmt::format("\n{} ({})\n", owner, items.size());
        std::vector<std::vector<Cell>> rows;
        for (const auto* item : items) {
            auto row = row_of(*item);
            row.erase(row.begin() + 3);
            rows.push_back(std::move(row));
        }
        text += render_rows(group_columns, std::move(rows), style, "");
    }
    return text;
}

void write_owed_workbook(const OpenItems& open, const std::vector<OpenItem>& owed, const std::string& path,
                         const Labels& l)
{
    const auto& loop = loop_labels_for(l.language);
    util::XlsxWriter workbook(path);
    const int header = workbook.add_style({true, true, true, true, "#D9D9D9", ""});
    const int text = workbook.add_style({});
    const int date = workbook.add_style({false, true, false, false, "", "yyyy-mm-dd"});
    const int number = workbook.add_style({false, true, false, false, "", "0"});
    auto& sheet = workbook.add_sheet(std::string(loop.owed_sheet));
    const std::vector<std::pair<std::string_view, double>> columns = {
        {l.lead, 20}, {l.id, 8}, {l.kind, 8}, {l.title, 40}, {l.last_update, 12}, {l.status, 12}, {l.progress, 8}};
    for (std::size_t i = 0; i < columns.size(); ++i) {
        sheet.text(0, static_cast<int>(i), std::string(columns[i].first), header);
        sheet.column_width(static_cast<int>(i), static_cast<int>(i), columns[i].second);
    }
    int row = 1;
    for (const auto& open_item : owed) {
        const auto& item = *open_item.item;
        sheet.text(row, 0, item.lead, text);
        sheet.text(row, 1, item.id, text);
        sheet.text(row, 2, std::string(label(l, item.kind)), text);
        sheet.text(row, 3, item.title, text);
        if (const auto& last = open_item.state.last_update) {
            sheet.date(row, 4, last->year(), last->month(), last->day(), date);
        }
        sheet.text(row, 5, std::string(label(l, open_item.state.status)), text);
        sheet.number(row, 6, open_item.state.progress, number);
        ++row;
    }
    // The period, below the table and a blank row, so a filter over the table leaves it out.
    sheet.text(row + 1, 0,
               heading(owed.empty() ? loop.nothing_owed : loop.owed_heading, open.period, owed.size(),
                       [&] {
                           std::vector<std::string> owners;
                           for (const auto& item : owed) {
                               if (owners.empty() || owners.back() != item.item->lead) {
                                   owners.push_back(item.item->lead);
                               }
                           }
                           return owners.size();
                       }()),
               text);
    sheet.freeze(1, 0);
    sheet.filter(0, 0, std::max(row - 1, 1), static_cast<int>(columns.size()) - 1);
    workbook.save();
}

} // namespace plantrack::report
