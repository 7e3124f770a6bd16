#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plantrack/cli/context.hpp"
#include "plantrack/core/date.hpp"
#include "plantrack/util/error.hpp"

namespace plantrack::cli {

// One row of an import file as read: its cells, its place, and its first syntax problem.
struct ImportRow
{
    std::vector<std::string> cells;
    int line = 0; // the CSV line or the sheet's row number, 1-based
    std::string problem;
};

// The rows of a CSV file or a sheet, header first, read one at a time (constant memory).
class ImportSource
{
public:
    virtual ~ImportSource() = default;
    // The next row, or nullopt at the end.
    virtual std::optional<ImportRow> next() = 0;
    // Where a problem of `row` is: the row, or its cell in column `cell` when a sheet can say.
    virtual Diagnostic locate(const ImportRow& row, std::optional<std::size_t> cell, std::string message) const = 0;
    // The file as named in messages.
    virtual const std::string& name() const = 0;
    // A sheet (rows as wide as their last filled cell, blank header cells past the table) rather
    // than CSV (every row as wide as the header).
    virtual bool is_sheet() const = 0;
};

// What a dispatched workbook limits its rows to (SPEC "Departments in the loop"): the plan it
// was written for, the items its owner leads, dates within its period. Empty: no limits.
struct ImportScope
{
    std::optional<std::string> plan_id;
    std::optional<std::string> owner;
    std::optional<core::Date> from;
    std::optional<core::Date> to;
    std::string period; // as written in the workbook, for messages
    // A sheet row whose status and progress are both empty is a row the owner left blank.
    bool skip_rows_without_values = false;
};

// Records every row of `source` as one transaction (SPEC `import`): the header is found by
// column names in either language, rows whose cells are all empty are ignored, any bad row
// refuses the whole file (every bad row listed), identical rows are skipped. Returns the message
// for the user ("imported N updates from FILE").
std::string import_rows(Context& context, ImportSource& source, const ImportScope& scope);

} // namespace plantrack::cli
