#include "plantrack/report/rows.hpp"

#include <fmt/format.h>

#include "plantrack/util/csv.hpp"
#include "plantrack/util/table.hpp"

namespace plantrack::report {

Cell text_cell(const std::string& text)
{
    return {Json(text), text};
}
Cell int_cell(int value)
{
    return {Json(value), fmt::format("{}", value)};
}

Json update_json(const core::Update& update)
{
    return Json{{"item", update.item_id},
                {"date", update.date.to_string()},
                {"status", std::string(to_string(update.status))},
                {"progress", update.progress},
                {"note", update.note},
                {"by", update.by},
                {"recorded_at", core::format_timestamp(update.recorded_at)}};
}

Json date_or_null(const std::optional<core::Date>& date)
{
    return date ? Json(date->to_string()) : Json(nullptr);
}

std::string render_rows(const std::vector<Column>& columns, const std::vector<std::vector<Cell>>& rows,
                        const ListStyle& style, const std::string& empty_message)
{
    if (style.format == "json") {
        Json array = Json::array();
        for (const auto& row : rows) {
            Json object = Json::object();
            for (std::size_t i = 0; i < columns.size(); ++i) {
                object[columns[i].key] = row[i].first;
            }
            array.push_back(std::move(object));
        }
        return array.dump(2) + "\n";
    }
    if (style.format == "csv") {
        std::vector<std::string> header;
        for (const auto& column : columns) {
            header.push_back(util::csv_cell(column.key));
        }
        std::string text = util::csv_line(header);
        for (const auto& row : rows) {
            std::vector<std::string> cells;
            for (std::size_t i = 0; i < columns.size(); ++i) {
                const auto& value = row[i].first;
                if (value.is_null()) {
                    cells.emplace_back();
                } else if (value.is_string()) {
                    cells.push_back(util::csv_cell(value.get<std::string>()));
                } else {
                    cells.push_back(util::csv_cell(value.dump(), false));
                }
            }
            text += util::csv_line(cells);
        }
        return text;
    }
    if (rows.empty()) {
        return empty_message + "\n";
    }
    std::vector<std::string> headers;
    for (const auto& column : columns) {
        headers.emplace_back(column.label);
    }
    util::Table table(headers);
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].numeric) {
            table.align_right(i);
        }
    }
    for (const auto& row : rows) {
        std::vector<std::string> cells;
        for (const auto& cell : row) {
            cells.push_back(cell.second);
        }
        table.add_row(std::move(cells));
    }
    return table.render();
}

} // namespace plantrack::report
