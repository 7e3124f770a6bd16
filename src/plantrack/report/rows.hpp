#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "plantrack/core/date.hpp"
#include "plantrack/core/state.hpp"
#include "plantrack/report/item_lists.hpp"

namespace plantrack::report {

using Json = nlohmann::ordered_json;

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

// Renders rows as a table, a JSON array of objects, or CSV with a header of the JSON keys
// (text cells neutralised against formulas). `empty_message` stands in for an empty table.
std::string render_rows(const std::vector<Column>& columns, const std::vector<std::vector<Cell>>& rows,
                        const ListStyle& style, const std::string& empty_message);

} // namespace plantrack::report
