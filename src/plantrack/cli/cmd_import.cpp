// plantrack import FILE.csv [--encoding gb18030] | FILE.xlsx
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "plantrack/cli/commands.hpp"
#include "plantrack/cli/import_rows.hpp"
#include "plantrack/cli/update_input.hpp"
#include "plantrack/core/typed_input.hpp"
#include "plantrack/report/dispatch.hpp"
#include "plantrack/store/plan_store.hpp"
#include "plantrack/store/update_store.hpp"
#include "plantrack/util/csv.hpp"
#include "plantrack/util/encoding.hpp"
#include "plantrack/util/text.hpp"
#include "plantrack/util/xlsx_reader.hpp"

namespace plantrack::cli {

namespace {

struct ImportOptions
{
    std::string file;
    std::string encoding;
};

// The records of a CSV file as import rows, refusing the file at its first record that is not
// UTF-8.
class CsvSource : public ImportSource
{
public:
    CsvSource(std::istream& in, std::string file) : m_reader(in), m_file(std::move(file)) {}

    std::optional<ImportRow> next() override;
    Diagnostic locate(const ImportRow& row, std::optional<std::size_t>, std::string message) const override
    {
        return {m_file, row.line, 0, std::move(message)};
    }
    const std::string& name() const override { return m_file; }
    bool is_sheet() const override { return false; }

private:
    util::CsvReader m_reader;
    std::string m_file;
};

// The rows of one sheet of a workbook; a problem is located at its cell, `FILE:SHEET!B3`.
class XlsxSource : public ImportSource
{
public:
    XlsxSource(const util::XlsxReader& reader, std::string file, std::string sheet)
        : m_rows(reader.rows(sheet)), m_file(std::move(file)), m_sheet(std::move(sheet))
    {}

    std::optional<ImportRow> next() override
    {
        auto row = m_rows.next();
        if (!row) {
            return std::nullopt;
        }
        return ImportRow{std::move(row->cells), row->number, std::move(row->problem)};
    }
    Diagnostic locate(const ImportRow& row, std::optional<std::size_t> cell, std::string message) const override
    {
        // A whole row is "5:5", as a spreadsheet names it.
        const auto place = cell ? util::cell_reference(row.line, *cell) : fmt::format("{0}:{0}", row.line);
        return {fmt::format("{}:{}!{}", m_file, quoted_sheet(m_sheet), place), 0, 0, std::move(message)};
    }
    const std::string& name() const override { return m_file; }
    bool is_sheet() const override { return true; }

private:
    // A sheet name as a spreadsheet writes it in a reference: quoted when it holds a space or
    // punctuation.
    static std::string quoted_sheet(const std::string& sheet)
    {
        if (sheet.find_first_of(" !'-,;()+&") == std::string::npos) {
            return util::printable(sheet, 100);
        }
        std::string quoted = "'";
        for (const char c : util::printable(sheet, 100)) {
            quoted += c == '\'' ? std::string("''") : std::string(1, c);
        }
        return quoted + "'";
    }

    util::XlsxReader::Rows m_rows;
    std::string m_file;
    std::string m_sheet;
};

// The hidden sheet a dispatched workbook carries (report::k_dispatch_sheet) holds what it was
// written for, as name-value rows.
const std::string k_dispatch_sheet = report::k_dispatch_sheet;

// The scope of a dispatched workbook and the sheet to read, or nullopt for any other workbook.
std::optional<std::pair<ImportScope, std::string>> dispatch_scope(const util::XlsxReader& reader,
                                                                  const std::string& file)
{
    const auto& sheets = reader.sheets();
    if (std::none_of(sheets.begin(), sheets.end(),
                     [](const util::XlsxSheet& sheet) { return sheet.name == k_dispatch_sheet; })) {
        return std::nullopt;
    }
    std::map<std::string, std::string> values;
    auto rows = reader.rows(k_dispatch_sheet);
    while (auto row = rows.next()) {
        if (row->cells.size() >= 2) {
            values[row->cells[0]] = row->cells[1];
        }
    }
    ImportScope scope;
    scope.skip_rows_without_values = true;
    const auto from = core::parse_typed_date(values["from"]);
    const auto to = core::parse_typed_date(values["to"]);
    if (values["plan"].empty() || values["owner"].empty() || values["sheet"].empty() || !from || !to) {
        throw Error(fmt::format("'{}' has a damaged '{}' sheet (it must name plan, owner, period, from, to and "
                                "sheet); nothing was recorded",
                                file, k_dispatch_sheet));
    }
    scope.plan_id = values["plan"];
    scope.owner = values["owner"];
    scope.period = values["period"];
    scope.from = from;
    scope.to = to;
    return std::make_pair(scope, values["sheet"]);
}

// The first visible sheet whose first row with anything in it names the item and date columns.
std::string find_return_sheet(const util::XlsxReader& reader, const std::string& file)
{
    for (const auto& sheet : reader.sheets()) {
        if (sheet.hidden) {
            continue;
        }
        auto rows = reader.rows(sheet.name);
        if (const auto first = rows.next()) {
            auto names = [&](const char* column) {
                return std::any_of(first->cells.begin(), first->cells.end(),
                                   [&](const std::string& cell) { return core::canonical_column(cell) == column; });
            };
            if (names("item") && names("date")) {
                return sheet.name;
            }
        }
    }
    throw Error(fmt::format("no sheet of '{}' has a header row naming the columns item,date,status,progress,note,by "
                            "(or 编号,日期,状态,进度,说明,填报人); nothing was recorded",
                            file));
}

void import_workbook(Context& context, const std::string& file)
{
    const auto reader = util::XlsxReader::open_file(file);
    auto dispatched = dispatch_scope(*reader, file);
    ImportScope scope;
    scope.skip_rows_without_values = true;
    std::string sheet;
    if (dispatched) {
        scope = dispatched->first;
        sheet = dispatched->second;
    } else {
        sheet = find_return_sheet(*reader, file);
    }
    XlsxSource source(*reader, file, sheet);
    context.emit(import_rows(context, source, scope));
}

bool is_workbook_name(const std::string& file)
{
    auto lower = file;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return lower.ends_with(".xlsx");
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

std::optional<ImportRow> CsvSource::next()
{
    auto record = m_reader.next();
    if (!record) {
        return std::nullopt;
    }
    check_utf8(*record, m_file);
    return ImportRow{std::move(record->cells), record->line, std::move(record->problem)};
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
    if (is_workbook_name(options.file)) {
        if (!options.encoding.empty()) {
            throw Error("--encoding is for CSV files; a workbook's text is always Unicode");
        }
        import_workbook(context, options.file);
        return;
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
    CsvSource source(*in, options.file);
    context.emit(import_rows(context, source, ImportScope{}));
}

} // namespace

void add_import_command(CLI::App& app, Context& context)
{
    auto options = std::make_shared<ImportOptions>();
    auto* import = app.add_subcommand(
        "import", "Record many updates from a CSV file (item,date,status,progress,note,by) or an .xlsx workbook");
    import->add_option("FILE", options->file, "CSV file or .xlsx workbook")->required();
    import->add_option("--encoding", options->encoding, "The file's encoding when not UTF-8 (e.g. gb18030)");
    import->callback([&context, options] { run_import(context, *options);
});
} // namespace plantrack::cli

} // namespace plantrack::cli
