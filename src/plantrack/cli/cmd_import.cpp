// plantrack import FILE.csv [--encoding gb18030]
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "plantrack/cli/commands.hpp"
#include "plantrack/cli/update_input.hpp"
#include "plantrack/store/plan_store.hpp"
#include "plantrack/store/update_store.hpp"
#include "plantrack/util/csv.hpp"
#include "plantrack/util/encoding.hpp"
#include "plantrack/util/text.hpp"

namespace plantrack::cli {

namespace {

struct ImportOptions
{
    std::string file;
    std::string encoding;
};

const std::vector<std::string> k_columns = {"item", "date", "status", "progress", "note", "by"};
// Columns that `export --format csv` adds and import passes over (an update is recorded when it
// is imported), so that an export imports into another database as it is.
const std::vector<std::string> k_ignored_columns = {"recorded_at"};

// Where each column is in the file (found by header name, in any order).
struct Header
{
    std::map<std::string, std::size_t> index;
    std::size_t cells = 0;
};

Header read_header(const util::CsvRecord& record, const std::string& file, std::vector<Diagnostic>& problems)
{
    Header header;
    header.cells = record.cells.size();
    if (!record.problem.empty()) {
        problems.push_back({file, record.line, 0, record.problem});
        return header;
    }
    std::vector<std::string> names = record.cells;
    if (!names.empty() && names.front().starts_with("\xEF\xBB\xBF")) {
        names.front().erase(0, 3); // a UTF-8 byte-order mark, as Excel writes
    }
    if (std::none_of(names.begin(), names.end(), [](const std::string& name) {
            return std::find(k_columns.begin(), k_columns.end(), name) != k_columns.end();
        })) {
        problems.push_back({file, record.line, 0,
                            fmt::format("the first line is not a header (expected: {})", util::join(k_columns, ","))});
        return header;
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
        const auto& name = names[i];
        if (std::find(k_ignored_columns.begin(), k_ignored_columns.end(), name) != k_ignored_columns.end()) {
            continue;
        }
        if (std::find(k_columns.begin(), k_columns.end(), name) == k_columns.end()) {
            problems.push_back({file, record.line, 0,
                                fmt::format("unknown column '{}' in the header (expected: {}){}", name,
                                            util::join(k_columns, ","), util::did_you_mean(name, k_columns))});
        } else if (!header.index.emplace(name, i).second) {
            problems.push_back({file, record.line, 0, fmt::format("column '{}' appears twice in the header", name)});
        }
    }
    for (const auto& column : {"item", "date"}) {
        if (!header.index.contains(column)) {
            problems.push_back(
                {file, record.line, 0,
                 fmt::format("the header has no '{}' column (expected: {})", column, util::join(k_columns, ","))});
        }
    }
    return header;
}

// Takes the cell of `column` out of the record ("" when the header has no such column).
std::string take_cell(util::CsvRecord& record, const std::optional<std::size_t>& column)
{
    return column ? std::move(record.cells[*column]) : std::string();
}

// Reads the whole file for the encoding checks that need it (only on the refusal path or
// when converting, so department-sized files).
std::string read_all(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// "FILE is not UTF-8; it looks like ENCODING: import it with --encoding ..., or save it as UTF-8".
std::string refusal_naming(const std::string& file, const std::string& encoding)
{
    std::string option = encoding;
    std::transform(option.begin(), option.end(), option.begin(), [](unsigned char c) { return std::tolower(c); });
    return fmt::format("'{}' is not UTF-8; it looks like {}{}: import it with --encoding {}, or save it as UTF-8", file,
                       encoding, encoding == "GB18030" ? " (as Chinese Excel saves CSV)" : "", option);
}

// Refuses a file that is not UTF-8 at its first record that is not, naming the likely encoding.
void check_utf8(const util::CsvRecord& record, const std::string& file)
{
    if (std::all_of(record.cells.begin(), record.cells.end(),
                    [](const std::string& text) { return util::is_valid_utf8(text); })) {
        return;
    }
    const auto guess = util::guess_encoding(read_all(file));
    throw Error(guess ? refusal_naming(file, *guess)
                      : fmt::format("'{}' is not UTF-8 text (line {})", file, record.line));
}

// The encoding to read `file` in: --encoding when given; else UTF-8 when the file starts as
// UTF-8 (streamed; a bad byte further on is refused by check_utf8); else GB18030 when the whole
// file is valid GB18030, saying so on stderr (SPEC "Departments in the loop"); anything else
// (UTF-16 with or without its mark) is refused naming the likely encoding.
std::string choose_encoding(Context& context, const ImportOptions& options)
{
    if (!options.encoding.empty()) {
        return options.encoding;
    }
    std::ifstream in(options.file, std::ios::binary);
    std::string head(64 * 1024, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (util::starts_as_utf8(head)) {
        return "UTF-8";
    }
    const auto guess = util::guess_encoding(read_all(options.file));
    if (guess == "GB18030") {
        context.err() << fmt::format("plantrack: note: '{}' is not UTF-8; it is read as GB18030 (as Chinese Excel "
                                     "saves CSV); --encoding chooses another\n",
                                     util::printable(options.file));
        return "GB18030";
    }
    if (guess) {
        throw Error(refusal_naming(options.file, *guess));
    }
    return "UTF-8"; // refused by check_utf8 at its first bad line
}

void run_import(Context& context, const ImportOptions& options)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(options.file, ec)) {
        throw Error(fmt::format("cannot read '{}': {}", options.file,
                                std::filesystem::exists(options.file, ec) ? "not a regular file" : "no such file"));
    }
    std::ifstream file_stream(options.file, std::ios::binary);
    if (!file_stream) {
        throw Error(fmt::format("cannot read '{}'", options.file));
    }
    std::istringstream converted_stream;
    std::istream* in = &file_stream;
    const auto encoding = choose_encoding(context, options);
    if (encoding != "utf-8" && encoding != "UTF-8") {
        auto converted = util::to_utf8(read_all(options.file), encoding);
        if (!converted) {
            throw Error(fmt::format("'{}' is not valid {} text (or the encoding is unknown)", options.file, encoding));
        }
        converted_stream.str(std::move(*converted));
        in = &converted_stream;
    }

    auto db = context.open_db(store::Database::Access::write, false, true);
    store::WriteTransaction transaction(db);
    const auto plan_id = store::resolve_plan_id(db, context.options.plan);
    const auto plan = store::read_plan(db, plan_id, true);
    store::UpdateWriter writer(db, plan_id);

    util::CsvReader reader(*in);
    std::vector<Diagnostic> problems;
    const auto first = reader.next();
    if (!first) {
        throw Error(fmt::format("'{}' is empty; expected a header line {}", options.file, util::join(k_columns, ",")));
    }
    check_utf8(*first, options.file);
    const Header header = read_header(*first, options.file, problems);
    // Without an item and a date column no row can be read: say so once, not once per row.
    if (!header.index.contains("item") || !header.index.contains("date")) {
        throw InputError(std::move(problems),
                         fmt::format("{}: the header cannot be used; nothing was recorded", options.file));
    }
    // Where each of k_columns is, looked up once rather than by name in every row.
    std::vector<std::optional<std::size_t>> columns;
    for (const auto& name : k_columns) {
        const auto found = header.index.find(name);
        columns.push_back(found == header.index.end() ? std::nullopt : std::optional<std::size_t>(found->second));
    }
    int recorded = 0;
    int skipped = 0;
    // The first k_max_listed problems are listed, the rest counted ("and N more"): a file of a
    // million bad rows gets a readable answer in bounded memory.
    constexpr std::size_t k_max_listed = 100;
    std::size_t unlisted = 0;
    std::size_t bad_rows = problems.empty() ? 0 : 1;
    int last_bad_line = problems.empty() ? 0 : first->line;
    while (auto record = reader.next()) {
        auto refuse = [&](std::string message) {
            if (record->line != last_bad_line) {
                last_bad_line = record->line;
                ++bad_rows;
            }
            if (problems.size() < k_max_listed) {
                problems.push_back({options.file, record->line, 0, std::move(message)});
            } else {
                ++unlisted;
            }
        };
        check_utf8(*record, options.file);
        if (!record->problem.empty()) {
            refuse(record->problem);
            continue;
        }
        if (record->cells.size() != header.cells) {
            refuse(fmt::format("expected {} cells as in the header, found {}", header.cells, record->cells.size()));
            continue;
        }
        UpdateInput input{take_cell(*record, columns[0]), take_cell(*record, columns[1]),
                          take_cell(*record, columns[2]), take_cell(*record, columns[3]),
                          take_cell(*record, columns[4]), take_cell(*record, columns[5])};
        if (input.date.empty()) {
            refuse("the date is empty");
            continue;
        }
        auto completed = complete_update(writer, plan, plan.find_item(input.item), input, context.environment().today,
                                         context.environment().user, context.environment().now);
        if (const auto* reason = std::get_if<std::string>(&completed)) {
            refuse(*reason);
            continue;
        }
        // Rows are appended even after a bad one, so that later rows carry over from earlier ones
        // exactly as they will once the file is fixed; a refused file is rolled back whole.
        auto& update = std::get<core::Update>(completed);
        if (writer.has_identical(update)) {
            ++skipped;
            continue;
        }
        writer.append(std::move(update));
        ++recorded;
    }
    if (!problems.empty()) {
        // A row can have several problems (the header, say); the summary counts rows.
        if (unlisted > 0) {
            problems.push_back({options.file, 0, 0,
                                fmt::format("and {} more problem{} not listed", unlisted, unlisted == 1 ? "" : "s")});
        }
        const auto count = bad_rows;
        throw InputError(std::move(problems), fmt::format("{}: {} bad row{}; nothing was recorded", options.file, count,
                                                          count == 1 ? "" : "s"));
    }
    writer.finish();
    transaction.commit();
    context.emit(fmt::format("imported {} update{} from {}{}\n", recorded, recorded == 1 ? "" : "s", options.file,
                             skipped > 0 ? fmt::format(" ({} already recorded, skipped)", skipped) : ""));
}

} // namespace

void add_import_command(CLI::App& app, Context& context)
{
    auto options = std::make_shared<ImportOptions>();
    auto* import =
        app.add_subcommand("import", "Record many updates from a CSV file (item,date,status,progress,note,by)");
    import->add_option("FILE", options->file, "CSV file")->required();
    import->add_option("--encoding", options->encoding, "The file's encoding when not UTF-8 (e.g. gb18030)");
    import->callback([&context, options] { run_import(context, *options);
});
} // namespace plantrack::cli

} // namespace plantrack::cli
