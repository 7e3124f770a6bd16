#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace plantrack::util {

// A terminal table whose columns line up by display width (so Chinese text aligns).
class Table
{
public:
    explicit Table(const std::vector<std::string>& headers);

    // Marks a column as numeric: right-aligned.
    void align_right(std::size_t column);
    // Adds a row; missing cells are empty, cells beyond the headers are left out.
    void add_row(const std::vector<std::string>& cells);
    bool empty() const { return m_rows == 0; }

    // The table as text, one line per row, columns separated by two spaces, no trailing spaces.
    std::string render() const;

private:
    // Every cell's text, in one buffer (a 20,000-row listing has 240,000 cells: one string
    // each cost more in allocation than the rest of the table), measured once as it comes.
    struct CellEnd
    {
        std::uint32_t end;   // where the cell's text ends in m_text
        std::uint32_t width; // its display width
    };
    void add(const std::vector<std::string>& cells);

    std::size_t m_columns;
    std::size_t m_rows = 0; // not counting the headers
    std::string m_text;
    std::vector<CellEnd> m_cells; // row-major, m_columns per row, the headers first
    std::vector<std::size_t> m_widths;
    std::vector<bool> m_right;
};

} // namespace plantrack::util
