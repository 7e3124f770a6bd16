#include "plantrack/util/csv.hpp"

#include <algorithm>
#include <array>
#include <sstream>

#include <fmt/format.h>

#include "plantrack/util/text.hpp"

namespace plantrack::util {

namespace {

// A control character other than tab: refused in a cell (line ends are controls too).
constexpr bool is_control(int c)
{
    return (c < 0x20 && c != '\t') || c == 0x7f;
}

// Bytes that end a run of plain bytes in an unquoted cell: controls (line ends among them),
// separators and quotes.
constexpr std::array<bool, 256> k_special = [] {
    std::array<bool, 256> special{};
    for (int c = 0; c < 256; ++c) {
        special[static_cast<std::size_t>(c)] = is_control(c) || c == ',' || c == '"';
    }
    return special;
}();

} // namespace

bool CsvReader::refill()
{
    if (m_position < m_end) {
        return true;
    }
    const auto got = m_in.sgetn(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    m_position = 0;
    m_end = got > 0 ? static_cast<std::size_t>(got) : 0;
    return m_end > 0;
}

int CsvReader::peek()
{
    if (m_position == m_end && !refill()) {
        return k_eof;
    }
    return static_cast<unsigned char>(m_buffer[m_position]);
}

int CsvReader::bump()
{
    const int c = peek();
    if (c != k_eof) {
        ++m_position;
    }
    return c;
}

std::optional<CsvRecord> CsvReader::next()
{
    if (!m_started) {
        m_started = true;
        refill();
        if (m_end - m_position >= 3 && std::string_view(m_buffer.data() + m_position, 3) == "\xEF\xBB\xBF") {
            m_position += 3;
        }
    }
    // Skip blank lines.
    for (;;) {
        const int c = peek();
        if (c == k_eof) {
            return std::nullopt;
        }
        if (c == '\n') {
            bump();
            ++m_line;
        } else if (c == '\r') {
            bump();
            if (peek() == '\n') {
                bump();
            }
            ++m_line;
        } else {
            break;
        }
    }
    CsvRecord record;
    record.line = m_line;
    auto report = [&](std::string message) {
        if (record.problem.empty()) {
            record.problem = std::move(message);
        }
    };
    for (;;) {
        std::string cell;
        bool too_long = false;
        // Keeps at most k_max_cell_bytes of a cell, noting when there was more.
        auto append = [&](std::string_view bytes) {
            const auto room = k_max_cell_bytes - std::min(k_max_cell_bytes, cell.size());
            cell.append(bytes.substr(0, room));
            too_long = too_long || bytes.size() > room;
        };
        auto append_byte = [&](char c) { append(std::string_view(&c, 1)); };
        if (peek() == '"') {
            bump();
            const int quote_line = m_line;
            bool closed = false;
            for (int c = bump(); c != k_eof; c = bump()) {
                if (c == '"') {
                    if (peek() == '"') {
                        bump();
                        append_byte('"');
                        continue;
                    }
                    closed = true;
                    break;
                }
                if (c == '\n') {
                    ++m_line;
                } else if (c != '\r' && is_control(c)) {
                    report(fmt::format("control character 0x{:02X} in a cell", c));
                }
                append_byte(static_cast<char>(c));
            }
            if (!closed) {
                record.line = quote_line;
                report("unterminated quoted cell (a \" opens a cell that never closes)");
                record.cells.push_back(std::move(cell));
                return record;
            }
            int c = peek();
            if (c != k_eof && c != ',' && c != '\n' && c != '\r') {
                report("text after a closing quote (quote the whole cell)");
                while (c != k_eof && c != ',' && c != '\n' && c != '\r') {
                    bump();
                    c = peek();
                }
            }
        } else {
            for (;;) {
                // The run of plain bytes ahead, copied at once.
                const char* begin = m_buffer.data() + m_position;
                const char* end = m_buffer.data() + m_end;
                const char* stop = begin;
                while (stop < end && !k_special[static_cast<unsigned char>(*stop)]) {
                    ++stop;
                }
                append(std::string_view(begin, static_cast<std::size_t>(stop - begin)));
                m_position += static_cast<std::size_t>(stop - begin);
                if (stop == end && refill()) {
                    continue;
                }
                const int c = peek();
                if (c == k_eof || c == ',' || c == '\n' || c == '\r') {
                    break;
                }
                if (c == '"') {
                    report("a quote inside an unquoted cell (quote the whole cell)");
                } else {
                    report(fmt::format("control character 0x{:02X} in a cell", c));
                }
                append_byte(static_cast<char>(bump()));
            }
        }
        if (too_long) {
            report(fmt::format("a cell longer than {} bytes", k_max_cell_bytes));
        }
        if (record.cells.size() < k_max_cells) {
            record.cells.push_back(std::move(cell));
        } else if (record.problem.empty()) {
            report(fmt::format("more than {} cells in a row", k_max_cells));
        }
        const int c = bump();
        if (c == ',') {
            continue;
        }
        if (c == '\r') {
            if (peek() == '\n') {
                bump();
            } else {
                report("a carriage return inside a record");
            }
        }
        if (c != k_eof) {
            ++m_line;
        }
        return record;
    }
}

std::vector<CsvRecord> parse_csv(std::string_view text)
{
    std::istringstream in{std::string(text)};
    CsvReader reader(in);
    std::vector<CsvRecord> records;
    while (auto record = reader.next()) {
        records.push_back(std::move(*record));
    }
    return records;
}

std::string csv_cell(std::string_view text, bool neutralise)
{
    std::string value(text);
    // A number ("-3.5") is not a formula; only text is neutralised. A leading plus is kept
    // neutralised even on a number ("+5"), as before parse_number accepted it.
    if (neutralise && !value.empty() && (value.front() == '+' || !parse_number(value))) {
        const char first = value.front();
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            value.insert(value.begin(), '\'');
        }
    }
    if (value.find_first_of(",\"\r\n") == std::string::npos) {
        return value;
    }
    std::string quoted = "\"";
    for (const char c : value) {
        if (c == '"') {
            quoted.push_back('"');
        }
        quoted.push_back(c);
    }
    quoted.push_back('"');
    return quoted;
}

std::string csv_line(const std::vector<std::string>& cells)
{
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) {
            line.push_back(',');
        }
        line += cells[i];
    }
    line += "\n";
    return line;
}

} // namespace plantrack::util
