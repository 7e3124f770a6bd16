#include "plantrack/cli/import_rows.hpp"

#include <algorithm>
#include <array>
#include <set>

#include <fmt/format.h>

#include "plantrack/cli/update_input.hpp"
#include "plantrack/core/typed_input.hpp"
#include "plantrack/store/plan_store.hpp"
#include "plantrack/store/update_store.hpp"
#include "plantrack/util/text.hpp"

namespace plantrack::cli {

namespace {

const std::vector<std::string> k_columns = {"item", "date", "status", "progress", "note", "by"};

// A file of a million bad rows is refused with this many located lines and a count of the rest,
// not a million lines.
constexpr std::size_t k_max_listed_problems = 200;

// Where each of k_columns is in the file (found by header name, in any order).
struct Header
{
    std::array<std::optional<std::size_t>, 6> index;
    std::size_t cells = 0;
    bool usable() const { return index[0] && index[1]; }
};

Header read_header(const ImportRow& row, ImportSource& source, std::vector<Diagnostic>& problems)
{
    Header header;
    header.cells = row.cells.size();
    if (!row.problem.empty()) {
        problems.push_back(source.locate(row, std::nullopt, row.problem));
        return header;
    }
    std::vector<std::string> names = row.cells;
    if (!names.empty() && names.front().starts_with("\xEF\xBB\xBF")) {
        names.front().erase(0, 3); // a UTF-8 byte-order mark, as Excel writes
    }
    if (std::none_of(names.begin(), names.end(),
                     [](const std::string& name) { return core::canonical_column(name).has_value(); })) {
        problems.push_back(source.locate(row, std::nullopt,
                                         fmt::format("the first {} is not a header (expected: {})",
                                                     source.is_sheet() ? "row" : "line", util::join(k_columns, ","))));
        return header;
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
        const auto& name = names[i];
        if (core::trim_typed(name).empty() && source.is_sheet()) {
            continue; // a sheet's columns beyond the table
        }
        if (core::is_informational_column(name)) {
            continue;
        }
        const auto column = core::canonical_column(name);
        if (!column) {
            problems.push_back(
                source.locate(row, i,
                              fmt::format("unknown column '{}' in the header (expected: {}){}", name,
                                          util::join(k_columns, ","), util::did_you_mean(name, k_columns))));
            continue;
        }
        const auto position =
            static_cast<std::size_t>(std::find(k_columns.begin(), k_columns.end(), *column) - k_columns.begin());
        if (header.index[position]) {
            problems.push_back(source.locate(row, i, fmt::format("column '{}' appears twice in the header", *column)));
        } else {
            header.index[position] = i;
        }
    }
    for (std::size_t position : {0, 1}) {
        if (!header.index[position]) {
            problems.push_back(source.locate(row, std::nullopt,
                                             fmt::format("the header has no '{}' column (expected: {})",
                                                         k_columns[position], util::join(k_columns, ","))));
        }
    }
    return header;
}

bool all_empty(const std::vector<std::string>& cells)
{
    return std::all_of(cells.begin(), cells.end(),
                       [](const std::string& cell) { return core::trim_typed(cell).empty(); });
}

} // namespace

std::string import_rows(Context& context, ImportSource& source, const ImportScope& scope)
{
    auto db = context.open_db(store::Database::Access::write, false, true);
    store::WriteTransaction transaction(db);
    const auto plan_id = store::resolve_plan_id(db, context.options.plan);
    if (scope.plan_id && *scope.plan_id != plan_id) {
        throw Error(fmt::format("{} was dispatched for plan '{}', not for plan '{}'; nothing was recorded",
                                source.name(), *scope.plan_id, plan_id));
    }
    const auto plan = store::read_plan(db, plan_id, true);
    store::UpdateWriter writer(db, plan_id);

    std::vector<Diagnostic> problems;
    std::optional<ImportRow> first;
    // Blank lines above the header (a sheet's title rows left empty) are passed over.
    while ((first = source.next()) && first->problem.empty() && all_empty(first->cells)) {
    }
    if (!first) {
        throw Error(fmt::format("'{}' is empty; expected a header line {}", source.name(), util::join(k_columns, ",")));
    }
    const Header header = read_header(*first, source, problems);
    // Without an item and a date column no row can be read: say so once, not once per row.
    if (!header.usable()) {
        throw InputError(std::move(problems),
                         fmt::format("{}: the header cannot be used; nothing was recorded", source.name()));
    }
    const bool sheet = source.is_sheet();
    std::set<int> bad_lines;
    if (!problems.empty()) {
        bad_lines.insert(first->line);
    }
    std::size_t unlisted = 0;
    auto refuse = [&](const ImportRow& row, std::optional<std::size_t> cell, std::string message) {
        bad_lines.insert(row.line);
        if (problems.size() < k_max_listed_problems) {
            problems.push_back(source.locate(row, cell, std::move(message)));
        } else {
            ++unlisted;
        }
    };
    auto take = [&](ImportRow& row, std::size_t position) {
        const auto& column = header.index[position];
        return column && *column < row.cells.size() ? std::move(row.cells[*column]) : std::string();
    };
    int recorded = 0;
    int skipped = 0;
    while (auto row = source.next()) {
        if (!row->problem.empty()) {
            refuse(*row, std::nullopt, row->problem);
            continue;
        }
        if (all_empty(row->cells)) {
            continue; // an empty row, as spreadsheets leave below a table
        }
        // A sheet row is as wide as its last filled cell; a CSV row must match its header.
        if (!sheet && row->cells.size() != header.cells) {
            refuse(*row, std::nullopt,
                   fmt::format("expected {} cells as in the header, found {}", header.cells, row->cells.size()));
            continue;
        }
        UpdateInput input{
            std::string(core::trim_typed(take(*row, 0))), take(*row, 1), take(*row, 2), take(*row, 3), take(*row, 4),
            std::string(core::trim_typed(take(*row, 5)))};
        if (scope.skip_rows_without_values && core::trim_typed(input.status).empty() &&
            core::trim_typed(input.progress).empty()) {
            continue; // an item of a dispatched workbook that its owner left blank
        }
        if (core::trim_typed(input.date).empty()) {
            refuse(*row, header.index[1], "the date is empty");
            continue;
        }
        const auto* item = plan.find_item(input.item);
        if (item != nullptr && scope.owner && item->lead != *scope.owner) {
            refuse(*row, header.index[0],
                   fmt::format("item '{}' is led by {}, not by {} to whom this workbook was dispatched", item->id,
                               item->lead, *scope.owner));
            continue;
        }
        auto completed = complete_update(writer, plan, item, input, context.environment().today,
                                         context.environment().user, context.environment().now);
        if (const auto* refusal = std::get_if<Refusal>(&completed)) {
            const auto position = std::find(k_columns.begin(), k_columns.end(), refusal->column) - k_columns.begin();
            refuse(*row,
                   position < static_cast<std::ptrdiff_t>(k_columns.size())
                       ? header.index[static_cast<std::size_t>(position)]
                       : std::nullopt,
                   refusal->message);
            continue;
        }
        // Rows are appended even after a bad one, so that later rows carry over from earlier ones
        // exactly as they will once the file is fixed; a refused file is rolled back whole.
        auto& update = std::get<core::Update>(completed);
        if (scope.from && scope.to && (update.date < *scope.from || update.date > *scope.to)) {
            refuse(*row, header.index[1],
                   fmt::format("date {} is outside the period {} ({} to {}) this workbook was dispatched for",
                               update.date, scope.period, *scope.from, *scope.to));
            continue;
        }
        if (writer.has_identical(update)) {
            ++skipped;
            continue;
        }
        writer.append(std::move(update));
        ++recorded;
    }
    if (!bad_lines.empty()) {
        // A row can have several problems (the header, say); the summary counts rows.
        const auto count = bad_lines.size();
        throw InputError(std::move(problems),
                         fmt::format("{}: {} bad row{}{}; nothing was recorded", source.name(), count,
                                     count == 1 ? "" : "s",
                                     unlisted > 0 ? fmt::format(" ({} problems not listed)", unlisted) : ""));
    }
    writer.finish();
    transaction.commit();
    return fmt::format("imported {} update{} from {}{}\n", recorded, recorded == 1 ? "" : "s", source.name(),
                       skipped > 0 ? fmt::format(" ({} already recorded, skipped)", skipped) : "");
}

} // namespace plantrack::cli
