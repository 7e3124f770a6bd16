#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "plantrack/core/date.hpp"
#include "plantrack/core/state.hpp"
#include "plantrack/report/item_lists.hpp"
#include "plantrack/util/table.hpp"

namespace plantrack::report {

using Json = nlohmann::ordered_json;

// `json` as text. A string that is not valid UTF-8 (text another tool wrote into the database)
// has each bad byte shown as U+FFFD instead of failing the whole command (nlohmann's
// type_error 316).
std::string json_text(const Json& json, int indent = 2);

// A column of a listing: its JSON key (also the CSV header) and its table header.
struct Column
{
    std::string key;
    std::string_view label;
    bool numeric = false; // right-aligned in tables
};

// One value as JSON (for json and csv) and as table text.
using Cell = std::pair<Json, std::string>;

Cell text_cell(const std::string& text);
Cell int_cell(int value);
Json date_or_null(const std::optional<core::Date>& date);

// An update as JSON, with the keys of SPEC `history`: item, date, status, progress, note, by,
// recorded_at.
Json update_json(const core::Update& update);
// The same with `late_lag_days`: the update's lag in days when it was late by the plan's
// reporting deadline (补报), else null.
Json update_json(const core::Update& update, const core::ReviewSettings& review);
// An update's lag when it was late, else nullopt.
std::optional<int> late_lag(const core::Update& update, const core::ReviewSettings& review);

// Makes the cells of a listing for its one output format: a table needs display texts, json
// and csv need values. (Making both for each of 20,000 items was most of the cost of `list`.)
class CellMaker
{
public:
    explicit CellMaker(const ListStyle& style) : m_table(style.format == "table") {}

    // Text shown as it is.
    Cell text(const std::string& value) const;
    // Text that is null in json and csv when empty (and empty in a table).
    Cell text_or_null(const std::string& value) const;
    // Text a table shortens to `width` columns.
    Cell shortened(const std::string& value, std::size_t width) const;
    Cell integer(int value) const;
    // A number a table shows with a percent sign.
    Cell percent(int value) const;
    // A value (a status, a kind) a table shows as `shown` (its label).
    Cell labelled(std::string_view value, std::string shown) const;
    // A status or kind, shown by its label in a table.
    Cell status(core::Status status, const Labels& labels) const;
    Cell kind(core::ItemKind kind, const Labels& labels) const;
    // A date, or null (shown as `missing` in a table).
    Cell date(const std::optional<core::Date>& date, std::string_view missing) const;

private:
    bool m_table;
};

// A listing rendered as a table, a JSON array of objects, or CSV with a header of the JSON keys
// (text cells neutralised against formulas). Each row is turned into its output as it is added,
// so a 20,000-row listing is never held as cells and as text at once.
class Listing
{
public:
    Listing(std::vector<Column> columns, const ListStyle& style);

    void add(std::vector<Cell> row);

    // The whole output; `empty_message` stands in for a table without rows.
    std::string finish(const std::string& empty_message);

private:
    std::vector<Column> m_columns;
    std::string m_format;
    std::optional<util::Table> m_table; // for the table format
    std::string m_text;                 // json or csv so far
    std::size_t m_rows = 0;
};

// Renders `rows` as a Listing does.
std::string render_rows(const std::vector<Column>& columns, std::vector<std::vector<Cell>> rows, const ListStyle& style,
                        const std::string& empty_message);

} // namespace plantrack::report
