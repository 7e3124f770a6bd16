#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plantrack/report/labels.hpp"
#include "plantrack/report/owed.hpp"

namespace plantrack::report {

// One return workbook written by `dispatch`.
struct DispatchedWorkbook
{
    std::string owner;
    std::string path;
    std::size_t items = 0;
};

// The file name of an owner's return for a period: "PERIOD-OWNER.xlsx", with the characters a
// Windows file name cannot hold replaced by "_".
std::string dispatch_file_name(const std::string& period, const std::string& owner);

// Writes one return workbook per lead owner of the open items (only `owner`'s when given) into
// `dir` (SPEC "Departments in the loop"): a sheet with a row per item (id, title, due and the
// state as of the day before the period, locked) and the cells to fill (status from a drop-down
// of `labels`' statuses, progress checked 0–100, note, the date pre-filled with the period's last
// day, reporter), a sheet of instructions, and a hidden sheet naming plan, owner and period for
// import. All workbooks are written before any is put in place. Owners in plan order.
std::vector<DispatchedWorkbook> write_dispatch(const OpenItems& open, const std::optional<std::string>& owner,
                                               const std::string& dir, const Labels& labels);

// The hidden sheet of a dispatched workbook and the names of its rows (read back by import).
inline constexpr const char* k_dispatch_sheet = "_plantrack";

} // namespace plantrack::report
