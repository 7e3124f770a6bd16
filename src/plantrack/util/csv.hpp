#pragma once

#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plantrack::util {

// One record of a CSV file, with the 1-based line it starts on and its first syntax problem.
struct CsvRecord
{
    int line = 0;
    std::vector<std::string> cells;
    std::string problem; // empty when the record is well-formed
};

// Reads RFC 4180 CSV one record at a time from a stream (commas, double-quoted cells with ""
// escapes, CRLF or LF line ends), so files of any size are read in constant memory. Blank lines
// are skipped, and so is a UTF-8 byte-order mark at the start (as Excel writes), so a quoted first
// cell after it is read as quoted. Problems (an unterminated quote, text after a closing quote, a
// control character other than tab, an over-long cell, too many cells) are reported on the
// record, never thrown.
class CsvReader
{
public:
    explicit CsvReader(std::istream& in) : m_in(*in.rdbuf()), m_buffer(k_buffer_bytes) {}

    // The next record, or nullopt at the end of the input.
    std::optional<CsvRecord> next();

    static constexpr std::size_t k_max_cell_bytes = 64 * 1024;
    // Cells kept of one record: a header of 5 million commas is one problem, read in constant
    // memory, not 5 million empty cells (and as many messages).
    static constexpr std::size_t k_max_cells = 1000;

private:
    // The reader keeps its own buffer, so that a run of plain bytes in a cell is found and
    // copied at once rather than a byte at a time through the stream (a million-row import
    // spent a sixth of its time there).
    static constexpr std::size_t k_buffer_bytes = 64 * 1024;
    static constexpr int k_eof = -1;
    int peek(); // the next byte (0–255), or k_eof
    int bump(); // the same, consumed
    bool refill();

    std::streambuf& m_in;
    std::vector<char> m_buffer;
    std::size_t m_position = 0;
    std::size_t m_end = 0;
    int m_line = 1;
    bool m_started = false; // past a UTF-8 byte-order mark at the start, if any
};

// Every record of `text` (for small inputs and tests).
std::vector<CsvRecord> parse_csv(std::string_view text);

// One CSV cell: quoted when it holds a comma, quote or line break. When `neutralise` is set, a
// text that a spreadsheet would run as a formula (leading =, +, -, @, tab or CR) is prefixed
// with an apostrophe; a cell that is a plain number ("-3.5") is left as it is.
std::string csv_cell(std::string_view text, bool neutralise = true);

// A CSV line of cells joined by commas, ending in a line feed.
std::string csv_line(const std::vector<std::string>& cells);

} // namespace plantrack::util
