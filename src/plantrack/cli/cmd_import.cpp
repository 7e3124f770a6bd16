// plantrack import FILE.csv [--encoding gb18030]
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "plantrack/cli/commands.hpp"
#include "plantrack/cli/import_rows.hpp"
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

private:
    util::CsvReader m_reader;
    std::string m_file;
};

// Reads the whole file for the encoding checks that need it (only on the refusal path or
// when converting, so department-sized files).
std::string read_all(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// Refuses a file that is not UTF-8 at its first record that is not, naming the likely encoding.
void check_utf8(const util::CsvRecord& record, const std::string& file)
{
    if (std::all_of(record.cells.begin(), record.cells.end(),
                    [](const std::string& text) { return util::is_valid_utf8(text); })) {
        return;
    }
    const auto guess = util::guess_encoding(read_all(file));
    throw Error(guess ? fmt::format("'{}' is not UTF-8; it looks like {} (as Chinese Excel saves CSV): "
                                    "import it with --encoding {}, or save it as UTF-8",
                                    file, *guess, *guess == "GB18030" ? "gb18030" : "utf-16")
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
    if (!options.encoding.empty() && options.encoding != "utf-8" && options.encoding != "UTF-8") {
        auto converted = util::to_utf8(read_all(options.file), options.encoding);
        if (!converted) {
            throw Error(
                fmt::format("'{}' is not valid {} text (or the encoding is unknown)", options.file, options.encoding));
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
    auto* import =
        app.add_subcommand("import", "Record many updates from a CSV file (item,date,status,progress,note,by)");
    import->add_option("FILE", options->file, "CSV file")->required();
    import->add_option("--encoding", options->encoding, "The file's encoding when not UTF-8 (e.g. gb18030)");
    import->callback([&context, options] { run_import(context, *options);
});
} // namespace plantrack::cli

} // namespace plantrack::cli
