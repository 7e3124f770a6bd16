#include "plantrack/util/xlsx_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include <date/date.h>
#include <expat.h>
#include <fmt/format.h>
#include <zip.h>

#include "plantrack/util/error.hpp"
#include "plantrack/util/text.hpp"

namespace plantrack::util {

namespace {

constexpr int k_max_row = 1'048'576; // a sheet's limits (Excel 2007 and later)
constexpr std::size_t k_max_column = 16'384;
constexpr std::size_t k_chunk_bytes = 64 * 1024;
constexpr char k_namespace_separator = '\x01';

// An element's or attribute's name without its namespace.
std::string_view local_name(const XML_Char* name)
{
    std::string_view text(name);
    const auto separator = text.rfind(k_namespace_separator);
    return separator == std::string_view::npos ? text : text.substr(separator + 1);
}

std::string_view attribute(const XML_Char** attributes, std::string_view wanted)
{
    for (std::size_t i = 0; attributes[i] != nullptr; i += 2) {
        if (local_name(attributes[i]) == wanted) {
            return attributes[i + 1];
        }
    }
    return {};
}

// A spreadsheet date serial (days since 1899-12-30 in the 1900 date system, from serial 61 on,
// past the 1900-02-29 that never was) as YYYY-MM-DD.
std::optional<std::string> serial_to_date(double serial)
{
    if (!std::isfinite(serial) || serial < 61 || serial >= 2958466) {
        return std::nullopt;
    }
    const date::sys_days day =
        date::sys_days{date::year{1899} / 12 / 30} + date::days{static_cast<int>(std::floor(serial))};
    const date::year_month_day ymd{day};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()));
}

// Whether a number format shows a date: the built-in date formats, or a custom code with a
// year or day part outside quoted text and [colour]/[condition] sections.
bool is_date_format(int id, const std::string& code)
{
    if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) {
        return true;
    }
    bool quoted = false;
    bool bracket = false;
    bool escaped = false;
    for (const char c : code) {
        if (escaped) {
            escaped = false;
            continue;
        }
        if (c == '\\') {
            escaped = true;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && c == '[') {
            bracket = true;
        } else if (!quoted && c == ']') {
            bracket = false;
        } else if (!quoted && !bracket && (c == 'y' || c == 'Y' || c == 'd' || c == 'D')) {
            return true;
        }
    }
    return false;
}

// Column letters ("AB") at the front of a cell reference as a 0-based index.
std::optional<std::size_t> column_of(std::string_view reference)
{
    std::size_t column = 0;
    std::size_t letters = 0;
    for (const char c : reference) {
        if (c < 'A' || c > 'Z') {
            break;
        }
        column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
        if (++letters > 3) {
            return std::nullopt;
        }
    }
    if (letters == 0 || column > k_max_column) {
        return std::nullopt;
    }
    return column - 1;
}

} // namespace

std::string cell_reference(int row, std::size_t column)
{
    std::string letters;
    std::size_t n = column + 1;
    while (n > 0) {
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
        n = (n - 1) / 26;
    }
    return fmt::format("{}{}", letters, row);
}

// The receiver of one part's XML events.
class XmlHandler
{
public:
    virtual ~XmlHandler() = default;
    virtual void start(std::string_view name, const XML_Char** attributes) = 0;
    virtual void end(std::string_view name) = 0;
    virtual void text(std::string_view) {}
    // Set by a handler to stop the parse with this message.
    std::string failure;
};

struct XlsxReader::Impl
{
    std::string name;
    XlsxLimits limits;
    zip_t* archive = nullptr;
    std::vector<XlsxSheet> sheets;
    std::vector<std::string> sheet_paths;
    std::vector<std::string> shared_strings;
    std::vector<bool> date_styles; // by cell format (xf) index
    mutable std::uint64_t total_read = 0;
    std::shared_ptr<std::string> owned_bytes; // the bytes of a workbook opened from memory

    ~Impl()
    {
        // Before `owned_bytes` goes: the archive reads from it.
        if (archive != nullptr) {
            zip_discard(archive);
        }
    }

    [[noreturn]] void refuse(const std::string& why) const
    {
        throw Error(fmt::format("'{}' cannot be read as an xlsx workbook: {}", name, why));
    }

    // One part of the package, read a chunk at a time within the limits.
    class Part
    {
    public:
        Part(const Impl& impl, const std::string& path) : m_impl(impl), m_path(path)
        {
            zip_stat_t stat;
            zip_stat_init(&stat);
            if (zip_stat(impl.archive, path.c_str(), 0, &stat) != 0) {
                impl.refuse(fmt::format("it has no part '{}'", path));
            }
            m_compressed = (stat.valid & ZIP_STAT_COMP_SIZE) != 0 ? stat.comp_size : 0;
            if ((stat.valid & ZIP_STAT_SIZE) != 0 && stat.size > impl.limits.max_part_bytes) {
                impl.refuse(fmt::format("part '{}' would expand to {} bytes (the limit is {}); it looks like a ZIP "
                                        "bomb",
                                        path, stat.size, impl.limits.max_part_bytes));
            }
            m_file = zip_fopen(impl.archive, path.c_str(), 0);
            if (m_file == nullptr) {
                impl.refuse(fmt::format("part '{}' cannot be opened ({})", path, zip_strerror(impl.archive)));
            }
        }
        ~Part() { zip_fclose(m_file); }
        Part(const Part&) = delete;
        Part& operator=(const Part&) = delete;

        // Up to `size` bytes into `buffer`; 0 at the end.
        std::size_t read(char* into, std::size_t size)
        {
            const auto count = zip_fread(m_file, into, size);
            if (count < 0) {
                m_impl.refuse(fmt::format("part '{}' is damaged ({})", m_path, zip_file_strerror(m_file)));
            }
            m_read += static_cast<std::uint64_t>(count);
            m_impl.total_read += static_cast<std::uint64_t>(count);
            const auto& bounds = m_impl.limits;
            if (m_read > bounds.max_part_bytes || m_impl.total_read > bounds.max_total_bytes ||
                (m_read > 1024 * 1024 && m_read > bounds.max_ratio * std::max<std::uint64_t>(m_compressed, 1))) {
                m_impl.refuse(fmt::format("part '{}' expands beyond the limits ({} bytes from {} compressed); it "
                                          "looks like a ZIP bomb",
                                          m_path, m_read, m_compressed));
            }
            return static_cast<std::size_t>(count);
        }

    private:
        const Impl& m_impl;
        std::string m_path;
        zip_file_t* m_file = nullptr;
        std::uint64_t m_compressed = 0;
        std::uint64_t m_read = 0;
    };

    // An expat parser bound to a handler, refusing any document type declaration (so neither
    // entity expansion nor external entities can happen).
    class Parser
    {
    public:
        Parser(const Impl& impl, std::string path, XmlHandler& handler)
            : m_impl(impl), m_path(std::move(path)), m_handler(handler)
        {
            m_parser = XML_ParserCreateNS(nullptr, k_namespace_separator);
            if (m_parser == nullptr) {
                throw Error("out of memory creating an XML parser");
            }
            XML_SetUserData(m_parser, this);
            XML_SetElementHandler(m_parser, &Parser::on_start, &Parser::on_end);
            XML_SetCharacterDataHandler(m_parser, &Parser::on_text);
            XML_SetStartDoctypeDeclHandler(m_parser, &Parser::on_doctype);
            XML_SetEntityDeclHandler(m_parser, &Parser::on_entity);
            XML_SetParamEntityParsing(m_parser, XML_PARAM_ENTITY_PARSING_NEVER);
        }
        ~Parser() { XML_ParserFree(m_parser); }
        Parser(const Parser&) = delete;
        Parser& operator=(const Parser&) = delete;

        void feed(const char* data, std::size_t size, bool last)
        {
            if (XML_Parse(m_parser, data, static_cast<int>(size), last ? XML_TRUE : XML_FALSE) != XML_STATUS_OK) {
                const auto line = XML_GetCurrentLineNumber(m_parser);
                if (!m_handler.failure.empty()) {
                    m_impl.refuse(fmt::format("part '{}': {}", m_path, m_handler.failure));
                }
                m_impl.refuse(fmt::format("part '{}' is not well-formed XML (line {}: {})", m_path, line,
                                          XML_ErrorString(XML_GetErrorCode(m_parser))));
            }
        }

    private:
        static void on_start(void* data, const XML_Char* name, const XML_Char** attributes)
        {
            auto* self = static_cast<Parser*>(data);
            self->m_handler.start(local_name(name), attributes);
            self->check();
        }
        static void on_end(void* data, const XML_Char* name)
        {
            auto* self = static_cast<Parser*>(data);
            self->m_handler.end(local_name(name));
            self->check();
        }
        static void on_text(void* data, const XML_Char* text, int length)
        {
            auto* self = static_cast<Parser*>(data);
            self->m_handler.text(std::string_view(text, static_cast<std::size_t>(length)));
            self->check();
        }
        static void on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int)
        {
            auto* self = static_cast<Parser*>(data);
            self->m_handler.failure = "it has a document type declaration (DTD), which a workbook never needs; "
                                      "entities are not expanded";
            self->check();
        }
        static void on_entity(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*, const XML_Char*,
                              const XML_Char*, const XML_Char*)
        {
            auto* self = static_cast<Parser*>(data);
            self->m_handler.failure = "it declares an entity; entities are not expanded";
            self->check();
        }
        void check()
        {
            if (!m_handler.failure.empty() && !m_stopped) {
                m_stopped = true;
                XML_StopParser(m_parser, XML_FALSE);
            }
        }

        const Impl& m_impl;
        std::string m_path;
        XmlHandler& m_handler;
        XML_Parser m_parser = nullptr;
        bool m_stopped = false;
    };

    // Reads a whole (small) part through a handler.
    void parse_part(const std::string& path, XmlHandler& handler) const
    {
        Part part(*this, path);
        Parser parser(*this, path, handler);
        std::vector<char> chunk(k_chunk_bytes);
        for (;;) {
            const auto count = part.read(chunk.data(), chunk.size());
            parser.feed(chunk.data(), count, count == 0);
            if (count == 0) {
                return;
            }
        }
    }

    bool has_part(const std::string& path) const { return zip_name_locate(archive, path.c_str(), 0) >= 0; }

    void load();
};

namespace {

// xl/workbook.xml: the sheets in order, with their relationship ids.
class WorkbookHandler : public XmlHandler
{
public:
    struct Entry
    {
        XlsxSheet sheet;
        std::string relationship;
    };
    std::vector<Entry> entries;
    void start(std::string_view name, const XML_Char** attributes) override
    {
        if (name == "sheet") {
            const auto state = attribute(attributes, "state");
            entries.push_back({{std::string(attribute(attributes, "name")), state == "hidden" || state == "veryHidden"},
                               std::string(attribute(attributes, "id"))});
            if (entries.size() > 10'000) {
                failure = "it lists more than 10000 sheets";
            }
        }
    }
    void end(std::string_view) override {}
};

// A relationships part: id -> target, and the targets by type.
class RelationshipsHandler : public XmlHandler
{
public:
    std::map<std::string, std::string> targets;
    std::map<std::string, std::string> by_type; // the last word of the type URI -> target
    void start(std::string_view name, const XML_Char** attributes) override
    {
        if (name == "Relationship") {
            const std::string target(attribute(attributes, "Target"));
            targets[std::string(attribute(attributes, "Id"))] = target;
            const std::string_view type = attribute(attributes, "Type");
            by_type[std::string(type.substr(type.rfind('/') + 1))] = target;
            if (targets.size() > 100'000) {
                failure = "it has more than 100000 relationships";
            }
        }
    }
    void end(std::string_view) override {}
};

// xl/sharedStrings.xml: each <si>'s text (its <t> runs, phonetic <rPh> runs left out).
class SharedStringsHandler : public XmlHandler
{
public:
    SharedStringsHandler(std::vector<std::string>& strings, const XlsxLimits& limits)
        : m_strings(strings), m_limits(limits)
    {}
    void start(std::string_view name, const XML_Char**) override
    {
        if (name == "si") {
            m_current.clear();
            m_in_item = true;
        } else if (name == "rPh") {
            m_in_phonetic = true;
        } else if (name == "t" && m_in_item && !m_in_phonetic) {
            m_in_text = true;
        }
    }
    void end(std::string_view name) override
    {
        if (name == "si") {
            if (m_strings.size() >= m_limits.max_shared_strings) {
                failure = fmt::format("it holds more than {} shared strings", m_limits.max_shared_strings);
                return;
            }
            m_strings.push_back(std::move(m_current));
            m_current.clear();
            m_in_item = false;
        } else if (name == "rPh") {
            m_in_phonetic = false;
        } else if (name == "t") {
            m_in_text = false;
        }
    }
    void text(std::string_view text) override
    {
        if (m_in_text) {
            // Cut rather than refuse: a cell reads the string only if it is used, and then the
            // cell's own limit applies.
            if (m_current.size() + text.size() <= m_limits.max_cell_bytes + 1) {
                m_current += text;
            }
        }
    }

private:
    std::vector<std::string>& m_strings;
    const XlsxLimits& m_limits;
    std::string m_current;
    bool m_in_item = false;
    bool m_in_text = false;
    bool m_in_phonetic = false;
};

// xl/styles.xml: which cell formats (<cellXfs><xf>) show dates.
class StylesHandler : public XmlHandler
{
public:
    std::vector<bool> date_styles;
    void start(std::string_view name, const XML_Char** attributes) override
    {
        if (name == "numFmt") {
            int id = 0;
            const auto text = attribute(attributes, "numFmtId");
            std::from_chars(text.data(), text.data() + text.size(), id);
            m_codes[id] = std::string(attribute(attributes, "formatCode"));
        } else if (name == "cellXfs") {
            m_in_cell_formats = true;
        } else if (name == "xf" && m_in_cell_formats) {
            int id = 0;
            const auto text = attribute(attributes, "numFmtId");
            std::from_chars(text.data(), text.data() + text.size(), id);
            const auto code = m_codes.find(id);
            date_styles.push_back(is_date_format(id, code == m_codes.end() ? std::string() : code->second));
            if (date_styles.size() > 1'000'000) {
                failure = "it has more than a million cell formats";
            }
        }
    }
    void end(std::string_view name) override
    {
        if (name == "cellXfs") {
            m_in_cell_formats = false;
        }
    }

private:
    std::map<int, std::string> m_codes;
    bool m_in_cell_formats = false;
};

// A target of xl/_rels/workbook.xml.rels as a path in the package.
std::string part_path(const std::string& target)
{
    if (target.starts_with("/")) {
        return target.substr(1);
    }
    std::string path = "xl/" + target;
    // "../" once, as some writers use for parts beside xl/.
    if (const auto up = path.find("/../"); up != std::string::npos) {
        const auto parent = path.rfind('/', up - 1);
        path.erase(parent == std::string::npos ? 0 : parent + 1,
                   up + 4 - (parent == std::string::npos ? 0 : parent + 1));
    }
    return path;
}

} // namespace

void XlsxReader::Impl::load()
{
    if (!has_part("xl/workbook.xml")) {
        refuse("it has no part 'xl/workbook.xml' (is it a workbook at all?)");
    }
    WorkbookHandler workbook;
    parse_part("xl/workbook.xml", workbook);
    RelationshipsHandler relationships;
    if (has_part("xl/_rels/workbook.xml.rels")) {
        parse_part("xl/_rels/workbook.xml.rels", relationships);
    }
    for (const auto& entry : workbook.entries) {
        const auto target = relationships.targets.find(entry.relationship);
        if (target == relationships.targets.end()) {
            refuse(fmt::format("sheet '{}' has no part (relationship '{}' is missing)",
                               printable(entry.sheet.name, 100), printable(entry.relationship, 100)));
        }
        sheets.push_back(entry.sheet);
        sheet_paths.push_back(part_path(target->second));
    }
    if (sheets.empty()) {
        refuse("it has no sheets");
    }
    const auto strings = relationships.by_type.find("sharedStrings");
    const std::string strings_path =
        strings == relationships.by_type.end() ? "xl/sharedStrings.xml" : part_path(strings->second);
    if (has_part(strings_path)) {
        SharedStringsHandler handler(shared_strings, limits);
        parse_part(strings_path, handler);
    }
    const auto styles = relationships.by_type.find("styles");
    const std::string styles_path = styles == relationships.by_type.end() ? "xl/styles.xml" : part_path(styles->second);
    if (has_part(styles_path)) {
        StylesHandler handler;
        parse_part(styles_path, handler);
        date_styles = std::move(handler.date_styles);
    }
}

// A sheet's rows, parsed as its part is read.
struct XlsxReader::Rows::State : XmlHandler
{
    State(const Impl& reader, const std::string& path) : impl(reader), part(reader, path), parser(reader, path, *this)
    {}

    const Impl& impl;
    Impl::Part part;
    Impl::Parser parser;
    std::vector<char> buffer = std::vector<char>(k_chunk_bytes);
    bool finished = false;
    std::deque<XlsxRow> ready;

    // The row and cell being read.
    XlsxRow row;
    bool in_row = false;
    int last_row = 0;
    std::size_t column = 0;
    std::optional<std::size_t> last_column;
    std::string type;
    std::size_t style = 0;
    std::string value;
    bool in_value = false;
    bool in_inline = false;
    bool in_text = false;
    bool in_phonetic = false;
    bool in_cell = false;

    void start(std::string_view name, const XML_Char** attributes) override
    {
        if (name == "row") {
            const auto r = attribute(attributes, "r");
            int number = last_row + 1;
            if (!r.empty()) {
                const auto [ptr, ec] = std::from_chars(r.data(), r.data() + r.size(), number);
                if (ec != std::errc() || ptr != r.data() + r.size()) {
                    failure = fmt::format("row number '{}' is not a number", printable(r, 40));
                    return;
                }
            }
            if (number < 1 || number > k_max_row || number <= last_row) {
                failure = fmt::format("row number {} is out of order or beyond the sheet's {} rows", number, k_max_row);
                return;
            }
            row = XlsxRow{number, {}, {}};
            last_row = number;
            last_column.reset();
            in_row = true;
        } else if (name == "c" && in_row) {
            const auto r = attribute(attributes, "r");
            if (!r.empty()) {
                const auto parsed = column_of(r);
                if (!parsed) {
                    failure = fmt::format("cell reference '{}' is beyond the sheet's columns", printable(r, 40));
                    return;
                }
                column = *parsed;
            } else {
                column = last_column ? *last_column + 1 : 0;
            }
            if (column >= k_max_column) {
                failure = "a cell is beyond the sheet's columns";
                return;
            }
            last_column = column;
            type = attribute(attributes, "t");
            style = 0;
            const auto s = attribute(attributes, "s");
            std::from_chars(s.data(), s.data() + s.size(), style);
            value.clear();
            in_cell = true;
        } else if (in_cell && (name == "v" || (name == "t" && in_inline && !in_phonetic))) {
            in_value = true;
        } else if (in_cell && name == "is") {
            in_inline = true;
        } else if (in_cell && name == "rPh") {
            in_phonetic = true;
        }
    }

    void end(std::string_view name) override
    {
        if (name == "v" || name == "t") {
            in_value = false;
        } else if (name == "is") {
            in_inline = false;
        } else if (name == "rPh") {
            in_phonetic = false;
        } else if (name == "c" && in_cell) {
            in_cell = false;
            finish_cell();
        } else if (name == "row" && in_row) {
            in_row = false;
            while (!row.cells.empty() && row.cells.back().empty()) {
                row.cells.pop_back();
            }
            if (!row.cells.empty() || !row.problem.empty()) {
                ready.push_back(std::move(row));
            }
        }
    }

    void text(std::string_view text) override
    {
        if (in_value) {
            if (value.size() + text.size() > impl.limits.max_cell_bytes) {
                value.resize(impl.limits.max_cell_bytes + 1);
            } else {
                value += text;
            }
        }
    }

    void problem(std::string message)
    {
        if (row.problem.empty()) {
            row.problem = fmt::format("cell {}: {}", cell_reference(row.number, column), message);
        }
    }

    void finish_cell()
    {
        std::string text;
        if (type == "s") {
            std::size_t index = 0;
            const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), index);
            if (ec != std::errc() || ptr != value.data() + value.size() || index >= impl.shared_strings.size()) {
                problem(fmt::format("shared string '{}' does not exist", printable(value, 40)));
                return;
            }
            text = impl.shared_strings[index];
        } else if (type == "b") {
            text = value == "1" ? "TRUE" : value == "0" ? "FALSE" : value;
        } else if (type == "d") {
            text = value.substr(0, 10); // ISO 8601: the date part
        } else if (type == "str" || type == "inlineStr" || type == "e") {
            text = value;
        } else if (!value.empty()) {
            const auto number = parse_number(value);
            if (!number) {
                problem(fmt::format("'{}' is not a number", printable(value, 40)));
                return;
            }
            const bool date = style < impl.date_styles.size() && impl.date_styles[style];
            if (date) {
                const auto day = serial_to_date(*number);
                if (!day) {
                    problem(fmt::format("date serial {} is not a day from 1900-03-01 to 9999-12-31", value));
                    return;
                }
                text = *day;
            } else {
                text = format_number(*number);
            }
        }
        if (text.size() > impl.limits.max_cell_bytes) {
            problem(fmt::format("the cell is longer than {} bytes", impl.limits.max_cell_bytes));
            return;
        }
        if (text.empty()) {
            return;
        }
        if (column >= impl.limits.max_columns) {
            problem(
                fmt::format("a filled cell beyond column {}", cell_reference(row.number, impl.limits.max_columns - 1)));
            return;
        }
        if (row.cells.size() <= column) {
            row.cells.resize(column + 1);
        }
        row.cells[column] = std::move(text);
    }
};

XlsxReader::Rows::Rows(std::unique_ptr<State> state) : m_state(std::move(state)) {}
XlsxReader::Rows::~Rows() = default;
XlsxReader::Rows::Rows(Rows&&) noexcept = default;

std::optional<XlsxRow> XlsxReader::Rows::next()
{
    auto& state = *m_state;
    while (state.ready.empty() && !state.finished) {
        const auto count = state.part.read(state.buffer.data(), state.buffer.size());
        state.finished = count == 0;
        state.parser.feed(state.buffer.data(), count, state.finished);
    }
    if (state.ready.empty()) {
        return std::nullopt;
    }
    auto row = std::move(state.ready.front());
    state.ready.pop_front();
    return row;
}

XlsxReader::XlsxReader(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
XlsxReader::~XlsxReader() = default;

namespace {

std::unique_ptr<XlsxReader::Impl> open_source(zip_source_t* source, const std::string& name, XlsxLimits limits)
{
    auto impl = std::make_unique<XlsxReader::Impl>();
    impl->name = name;
    impl->limits = limits;
    zip_error_t error;
    zip_error_init(&error);
    impl->archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (impl->archive == nullptr) {
        zip_source_free(source);
        const auto code = zip_error_code_zip(&error);
        const std::string why =
            code == ZIP_ER_NOZIP
                ? std::string("it is not a ZIP archive, or one cut short (an .xlsx file is a ZIP archive)")
                : fmt::format("the ZIP archive is damaged ({})", zip_error_strerror(&error));
        zip_error_fini(&error);
        impl->refuse(why);
    }
    zip_error_fini(&error);
    return impl;
}

} // namespace

std::unique_ptr<XlsxReader> XlsxReader::open_file(const std::string& path, XlsxLimits limits)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_file_create(path.c_str(), 0, -1, &error);
    zip_error_fini(&error);
    if (source == nullptr) {
        throw Error(fmt::format("cannot read '{}'", path));
    }
    auto impl = open_source(source, path, limits);
    impl->load();
    return std::unique_ptr<XlsxReader>(new XlsxReader(std::move(impl)));
}

std::unique_ptr<XlsxReader> XlsxReader::open_memory(std::string bytes, const std::string& name, XlsxLimits limits)
{
    // libzip reads the buffer in place: keep it alive as long as the archive.
    auto owned = std::make_shared<std::string>(std::move(bytes));
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(owned->data(), owned->size(), 0, &error);
    zip_error_fini(&error);
    if (source == nullptr) {
        throw Error("out of memory opening a workbook");
    }
    auto impl = open_source(source, name, limits);
    impl->owned_bytes = std::move(owned);
    impl->load();
    return std::unique_ptr<XlsxReader>(new XlsxReader(std::move(impl)));
}

const std::vector<XlsxSheet>& XlsxReader::sheets() const
{
    return m_impl->sheets;
}

XlsxReader::Rows XlsxReader::rows(const std::string& sheet) const
{
    const auto found = std::find_if(m_impl->sheets.begin(), m_impl->sheets.end(),
                                    [&](const XlsxSheet& candidate) { return candidate.name == sheet; });
    if (found == m_impl->sheets.end()) {
        throw Error(fmt::format("'{}' has no sheet '{}'", m_impl->name, sheet));
    }
    const auto& path = m_impl->sheet_paths[static_cast<std::size_t>(found - m_impl->sheets.begin())];
    if (!m_impl->has_part(path)) {
        m_impl->refuse(fmt::format("sheet '{}' has no part '{}'", printable(sheet, 100), printable(path, 200)));
    }
    return Rows(std::make_unique<Rows::State>(*m_impl, path));
}

} // namespace plantrack::util
