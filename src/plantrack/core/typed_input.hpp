#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plantrack/core/date.hpp"
#include "plantrack/core/model.hpp"
#include "plantrack/core/status.hpp"

// What people type, in either language, read into the domain's values (SPEC "Departments in
// the loop"): `log`, `import` and every filter accept the same words through these functions.
namespace plantrack::core {

// `text` without leading and trailing spaces (ASCII blanks and the ideographic space U+3000).
std::string_view trim_typed(std::string_view text);

// A status by its code (`on-track`), its English label (`on track`, any case) or its Chinese
// label (`正常推进`, and the short forms `正常`, `风险`, `完成`, `取消`, `未开始`).
std::optional<Status> parse_typed_status(std::string_view text);

// A light by its name (`red`, any case) or in Chinese (`红灯`, `红`; `已完成`, `已取消`).
std::optional<Light> parse_typed_light(std::string_view text);

// Progress as a whole number 0–100, with an optional trailing `%` or `％`.
std::optional<int> parse_typed_progress(std::string_view text);

// A date as `2024-10-31`, `2024/10/31`, `2024.10.31` or `2024年10月31日` (month and day may have
// one digit); only real days, years 1900–9999.
std::optional<Date> parse_typed_date(std::string_view text);

// The value of a number written in Arabic digits (`12`) or Chinese numerals (`十二`, `二十三`),
// 1–99; nullopt for anything else.
std::optional<int> parse_area_number(std::string_view text);

// The area `text` names: its id (`A3`), its display number (`三`), or that number in digits (`3`).
const Area* find_typed_area(const Plan& plan, std::string_view text);

// The canonical import column (`item`, `date`, `status`, `progress`, `note`, `by`) a header cell
// names, in English (any case) or Chinese (`编号`, `日期`, `状态`, `进度`, `说明`, `填报人`, and
// common variants); nullopt for any other header.
std::optional<std::string> canonical_column(std::string_view header);

// Whether an import passes over a column of this header: what `export` and a dispatched workbook
// add beside the columns to fill (recorded_at; the item's title, due date, lead and its state
// before the period), in English or Chinese.
bool is_informational_column(std::string_view header);

// The candidate nearest to `typed`: one that holds its characters in order (an abbreviation such
// as `发改委` of `市发展改革委`), if exactly one does, else the nearest by edit distance.
std::optional<std::string> nearest_name(std::string_view typed, const std::vector<std::string>& candidates);

} // namespace plantrack::core
