#include "plantrack/util/csv.hpp"

#include <sstream>

#include <fmt/format.h>

#include "plantrack/util/text.hpp"

namespace plantrack::util {

std::optional<CsvRecord> CsvReader::next()
{
    constexpr int k_eof = std::char_traits<char>::eof();
    // Skip blank lines.
    for (;;) {
        const int c = m_in.sgetc();
        if (c == k_eof) {
            return std::nullopt;
        }
        if (c == '\n') {
            m_in.sbumpc();
            ++m_line;
        } else if (c == '\r') {
            m_in.sbumpc();
            if (m_in.sgetc() == '\n') {
                m_in.sbumpc();
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
    auto control = [](int c) { return (c < 0x20 && c != '\t') || c == 0x7f; };
    for (;;) {
        std::string cell;
        bool too_long = false;
        auto append = [&](char c) {
            if (cell.size() < k_max_cell_bytes) {
                cell.push_back(c);
            } else {
                too_long = true;
            }
        };
        if (m_in.sgetc() == '"') {
            m_in.sbumpc();
            const int quote_line = m_line;
            bool closed = false;
            for (int c = m_in.sbumpc(); c != k_eof; c = m_in.sbumpc()) {
                if (c == '"') {
                    if (m_in.sgetc() == '"') {
                        m_in.sbumpc();
                        append('"');
                        continue;
                    }
                    closed = true;
                    break;
                }
                if (c == '\n') {
                    ++m_line;
                } else if (c != '\r' && control(c)) {
                    report(fmt::format("control character 0x{:02X} in a cell", c));
                }
                append(static_cast<char>(c));
            }
            if (!closed) {
                record.line = quote_line;
                report("unterminated quoted cell (a \" opens a cell that never closes)");
                record.cells.push_back(std::move(cell));
                return record;
            }
            int c = m_in.sgetc();
            if (c != k_eof && c != ',' && c != '\n' && c != '\r') {
                report("text after a closing quote (quote the whole cell)");
                while (c != k_eof && c != ',' && c != '\n' && c != '\r') {
                    m_in.sbumpc();
                    c = m_in.sgetc();
                }
            }
        } else {
            for (int c = m_in.sgetc(); c != k_eof && c != ',' && c != '\n' && c != '\r'; c = m_in.sgetc()) {
                if (c == '"') {
                    report("a quote inside an unquoted cell (quote the whole cell)");
                } else if (control(c)) {
                    report(fmt::format("control character 0x{:02X} in a cell", c));
                }
                append(static_cast<char>(m_in.sbumpc()));
            }
        }
        if (too_long) {
            report(fmt::format("a cell longer than {} bytes", k_max_cell_bytes));
        }
        record.cells.push_back(std::move(cell));
        const int c = m_in.sbumpc();
        if (c == ',') {
            continue;
        }
        if (c == '\r') {
            if (m_in.sgetc() == '\n') {
                m_in.sbumpc();
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
