#include "plantrack/report/dispatch.hpp"

#include <filesystem>
#include <map>
#include <memory>

#include <fmt/args.h>
#include <fmt/format.h>

#include "plantrack/report/loop_labels.hpp"
#include "plantrack/util/error.hpp"
#include "plantrack/util/xlsx_writer.hpp"

namespace plantrack::report {

namespace {

// Columns of the return sheet: the item's (locked), then the ones to fill.
enum Column {
    c_id,
    c_title,
    c_due,
    c_previous_status,
    c_previous_progress,
    c_status,
    c_progress,
    c_note,
    c_date,
    c_by
};

std::string pattern(std::string_view text, const OpenItems& open, const std::string& owner)
{
    return fmt::vformat(text, fmt::make_format_args(fmt::arg("owner", owner), fmt::arg("period", open.period.name),
                                                    fmt::arg("first", open.period.first),
                                                    fmt::arg("last", open.period.last)));
}

void write_return(util::XlsxWriter& workbook, const OpenItems& open, const std::string& owner,
                  const std::vector<const OpenItem*>& items, const Labels& l)
{
    const auto& loop = loop_labels_for(l.language);
    const int header = workbook.add_style({true, true, true, true, "#D9D9D9", ""});
    const int locked = workbook.add_style({false, true, true, true, "#F2F2F2", ""});
    const int locked_date = workbook.add_style({false, true, false, true, "#F2F2F2", "yyyy-mm-dd"});
    const int locked_number = workbook.add_style({false, true, false, true, "#F2F2F2", "0"});
    const int fill = workbook.add_style({false, false, true, true, "", ""});
    const int fill_number = workbook.add_style({false, false, false, true, "", "0"});
    const int fill_date = workbook.add_style({false, false, false, true, "", "yyyy-mm-dd"});
    const int plain = workbook.add_style({});
    const int wrapped = workbook.add_style({false, true, true, false, "", ""});

    auto& sheet = workbook.add_sheet(std::string(loop.return_sheet));
    const std::vector<std::string_view> headers = {
        l.id, l.title, l.due, loop.previous_status, loop.previous_progress, l.status, l.progress, l.note, l.date, l.by};
    for (std::size_t i = 0; i < headers.size(); ++i) {
        sheet.text(0, static_cast<int>(i), std::string(headers[i]), header);
    }
    const std::vector<double> widths = {8, 40, 12, 12, 10, 14, 8, 40, 12, 12};
    for (std::size_t i = 0; i < widths.size(); ++i) {
        sheet.column_width(static_cast<int>(i), static_cast<int>(i), widths[i]);
    }
    const auto last_day = open.period.last;
    int row = 1;
    for (const auto* open_item : items) {
        const auto& item = *open_item->item;
        sheet.text(row, c_id, item.id, locked);
        sheet.text(row, c_title, item.title, locked);
        sheet.date(row, c_due, item.due.year(), item.due.month(), item.due.day(), locked_date);
        sheet.text(row, c_previous_status, std::string(label(l, open_item->state.status)), locked);
        sheet.number(row, c_previous_progress, open_item->state.progress, locked_number);
        sheet.blank(row, c_status, fill);
        sheet.blank(row, c_progress, fill_number);
        sheet.blank(row, c_note, fill);
        sheet.date(row, c_date, last_day.year(), last_day.month(), last_day.day(), fill_date);
        sheet.blank(row, c_by, fill);
        ++row;
    }
    if (!items.empty()) {
        std::vector<std::string> choices;
        for (const auto& name : l.status_names) {
            choices.emplace_back(name);
        }
        sheet.choice_list(1, c_status, row - 1, choices, std::string(l.status), std::string(loop.return_instructions));
        sheet.whole_numbers(1, c_progress, row - 1, 0, 100, std::string(l.progress), "0–100");
    }
    sheet.freeze(1, 2);
    sheet.protect();

    auto& notes = workbook.add_sheet(l.language == "en" ? "Instructions" : "填报说明");
    notes.column_width(0, 0, 100, wrapped);
    notes.text(0, 0, open.plan.title, wrapped);
    notes.text(1, 0, pattern(loop.return_title, open, owner), wrapped);
    notes.text(2, 0, std::string(loop.return_instructions), wrapped);

    auto& meta = workbook.add_sheet(k_dispatch_sheet);
    const std::vector<std::pair<std::string, std::string>> values = {{"plan", open.plan.id},
                                                                     {"owner", owner},
                                                                     {"period", open.period.name},
                                                                     {"from", open.period.first.to_string()},
                                                                     {"to", open.period.last.to_string()},
                                                                     {"sheet", std::string(loop.return_sheet)},
                                                                     {"language", std::string(l.language)}};
    for (std::size_t i = 0; i < values.size(); ++i) {
        meta.text(static_cast<int>(i), 0, values[i].first, plain);
        meta.text(static_cast<int>(i), 1, values[i].second, plain);
    }
    meta.protect();
    meta.hide();
}

} // namespace

std::string dispatch_file_name(const std::string& period, const std::string& owner)
{
    std::string name = period + "-";
    for (const char c : owner) {
        const auto byte = static_cast<unsigned char>(c);
        const bool forbidden = byte < 0x20 || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' ||
                               c == '<' || c == '>' || c == '|';
        name += forbidden ? '_' : c;
    }
    return name + ".xlsx";
}

std::vector<DispatchedWorkbook> write_dispatch(const OpenItems& open, const std::optional<std::string>& owner,
                                               const std::string& dir, const Labels& labels)
{
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        throw Error(fmt::format("'{}' is not a folder; create it first", dir));
    }
    // Owners in the order the plan declares them, each with its open items in plan order.
    std::vector<std::string> owners;
    std::map<std::string, std::vector<const OpenItem*>> by_owner;
    for (const auto& declared : open.plan.owners) {
        owners.push_back(declared.name);
    }
    for (const auto& item : open.items) {
        by_owner[item.item->lead].push_back(&item);
    }
    std::vector<DispatchedWorkbook> written;
    std::vector<std::unique_ptr<util::XlsxWriter>> workbooks;
    for (const auto& name : owners) {
        const auto found = by_owner.find(name);
        if ((owner && name != *owner) || found == by_owner.end()) {
            continue;
        }
        const auto path = (std::filesystem::path(dir) / dispatch_file_name(open.period.name, name)).string();
        auto workbook = std::make_unique<util::XlsxWriter>(path);
        write_return(*workbook, open, name, found->second, labels);
        workbook->write();
        workbooks.push_back(std::move(workbook));
        written.push_back({name, path, found->second.size()});
    }
    for (auto& workbook : workbooks) {
        workbook->commit();
    }
    return written;
}

} // namespace plantrack::report
