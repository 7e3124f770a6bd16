#include "plantrack/report/rows.hpp"

#include <fmt/format.h>

#include "plantrack/util/csv.hpp"
#include "plantrack/util/table.hpp"
#include "plantrack/util/text.hpp"

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

std::optional<int> late_lag(const core::Update& update, const core::ReviewSettings& review)
{
    return core::is_late(update, review) ? std::optional<int>(core::lag_days(update)) : std::nullopt;
}

Json update_json(const core::Update& update, const core::ReviewSettings& review)
{
    auto json = update_json(update);
    const auto lag = late_lag(update, review);
    json["late_lag_days"] = lag ? Json(*lag) : Json(nullptr);
    return json;
}

Json date_or_null(const std::optional<core::Date>& date)
{
    return date ? Json(date->to_string()) : Json(nullptr);
}

Cell CellMaker::text(const std::string& value) const
{
    return m_table ? Cell{Json(), value} : Cell{Json(value), {}};
}

Cell CellMaker::text_or_null(const std::string& value) const
{
    return m_table ? Cell{Json(), value} : Cell{value.empty() ? Json(nullptr) : Json(value), {}};
}

Cell CellMaker::shortened(const std::string& value, std::size_t width) const
{
    return m_table ? Cell{Json(), util::truncate_to_width(value, width)} : Cell{Json(value), {}};
}

Cell CellMaker::integer(int value) const
{
    return m_table ? Cell{Json(), fmt::format("{}", value)} : Cell{Json(value), {}};
}

Cell CellMaker::percent(int value) const
{
    return m_table ? Cell{Json(), fmt::format("{}%", value)} : Cell{Json(value), {}};
}

Cell CellMaker::labelled(std::string_view value, std::string shown) const
{
    return m_table ? Cell{Json(), std::move(shown)} : Cell{Json(std::string(value)), {}};
}

Cell CellMaker::status(core::Status status, const Labels& labels) const
{
    return labelled(to_string(status), std::string(label(labels, status)));
}

Cell CellMaker::kind(core::ItemKind kind, const Labels& labels) const
{
    return labelled(to_string(kind), std::string(label(labels, kind)));
}

Cell CellMaker::date(const std::optional<core::Date>& date, std::string_view missing) const
{
    if (m_table) {
        return {Json(), date ? date->to_string() : std::string(missing)};
    }
    return {date_or_null(date), {}};
}

Listing::Listing(std::vector<Column> columns, const ListStyle& style)
    : m_columns(std::move(columns)), m_format(style.format)
{
    if (m_format == "json") {
        m_text = "[\n";
    } else if (m_format == "csv") {
        std::vector<std::string> header;
        for (const auto& column : m_columns) {
            header.push_back(util::csv_cell(column.key));
        }
        m_text = util::csv_line(header);
    } else {
        std::vector<std::string> headers;
        for (const auto& column : m_columns) {
            headers.emplace_back(column.label);
        }
        m_table.emplace(headers, style.layout);
        for (std::size_t i = 0; i < m_columns.size(); ++i) {
            if (m_columns[i].numeric) {
                m_table->align_right(i);
            }
            // Free text, shortened first when the table is wider than the terminal; ids, dates
            // and statuses are kept whole.
            const auto& key = m_columns[i].key;
            if (key == "title" || key == "lead" || key == "owner" || key == "note" || key == "by") {
                m_table->allow_shortening(i);
            }
        }
        // What a narrow terminal can do without (the item's id, title, lead, due date, status,
        // progress and light stay), least needed first.
        for (const auto* key : {"parent", "kind", "start", "area", "last_update", "recorded_at"}) {
            for (std::size_t i = 0; i < m_columns.size(); ++i) {
                if (m_columns[i].key == key) {
                    m_table->allow_dropping(i);
                }
            }
        }
    }
}

std::string json_text(const Json& json, int indent)
{
    return json.dump(indent, ' ', false, Json::error_handler_t::replace);
}

void Listing::add(std::vector<Cell> row)
{
    if (m_format == "json") {
        // Object by object, exactly as Json::array().dump(2) prints them.
        Json object = Json::object();
        for (std::size_t i = 0; i < m_columns.size(); ++i) {
            object[m_columns[i].key] = std::move(row[i].first);
        }
        const auto dumped = json_text(object); // strings never hold a raw line break: JSON escapes it
        m_text += m_rows == 0 ? "  " : ",\n  ";
        for (const char c : dumped) {
            m_text.push_back(c);
            if (c == '\n') {
                m_text += "  ";
            }
        }
    } else if (m_format == "csv") {
        std::vector<std::string> cells;
        for (std::size_t i = 0; i < m_columns.size(); ++i) {
            const auto& value = row[i].first;
            if (value.is_null()) {
                cells.emplace_back();
            } else if (value.is_string()) {
                cells.push_back(util::csv_cell(value.get<std::string>()));
            } else {
                cells.push_back(util::csv_cell(value.dump(), false));
            }
        }
        m_text += util::csv_line(cells);
    } else {
        std::vector<std::string> cells;
        cells.reserve(row.size());
        for (auto& cell : row) {
            cells.push_back(std::move(cell.second));
        }
        m_table->add_row(cells);
    }
    ++m_rows;
}

std::string Listing::finish(const std::string& empty_message)
{
    if (m_format == "json") {
        return m_rows == 0 ? std::string("[]\n") : std::move(m_text) + "\n]\n";
    }
    if (m_format == "csv") {
        return std::move(m_text);
    }
    return m_rows == 0 ? empty_message + "\n" : m_table->render();
}

std::string render_rows(const std::vector<Column>& columns, std::vector<std::vector<Cell>> rows, const ListStyle& style,
                        const std::string& empty_message)
{
    Listing listing(columns, style);
    for (auto& row : rows) {
        listing.add(std::move(row));
    }
    return listing.finish(empty_message);
}

} // namespace plantrack::report
