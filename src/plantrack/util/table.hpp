#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plantrack/util/text.hpp"

namespace plantrack::util {

// How a table meets the terminal it is shown on.
struct TableLayout
{
    std::size_t width = 0; // the columns to fit into; 0: no limit (a pipe, a file)
    AmbiguousWidth ambiguous = AmbiguousWidth::narrow;
    // Whether the output keeps colour: only then is an SGR escape in a cell kept (and takes no
    // columns); without colour the output shows it as visible text (util::neutralise), measured so.
    bool color = false;
};

// A terminal table whose columns line up by display width (so Chinese text aligns). Colour
// escapes (SGR, "\x1b[31m") in a cell take no columns.
class Table
{
public:
    explicit Table(const std::vector<std::string>& headers, TableLayout layout = {});

    // Marks a column as numeric: right-aligned.
    void align_right(std::size_t column);
    // Marks a column as free text (a title, an owner) that may be shortened, ending in "…", so
    // that the table fits the layout's width.
    void allow_shortening(std::size_t column);
    // Marks a column as one to leave out when the table does not fit even with its text columns
    // shortened; columns are left out in the order they were marked.
    void allow_dropping(std::size_t column);
    // Adds a row; missing cells are empty, cells beyond the headers are left out.

    void add_row(const std::vector<std::string>& cells);
    bool empty() const { return m_rows == 0; }

    // The table as text, one line per row, columns separated by two spaces, no trailing spaces.
    // When it is wider than the layout allows: first the columns that may be dropped are left
    // out, in their order, while the table would not fit even with its text columns down to
    // k_readable; then the widest column that may be shortened loses a column, again and
    // again, until the table fits or every such column is down to k_shortest (the terminal
    // then wraps what is still too wide).
    std::string render() const;

    static constexpr std::size_t k_readable = 20; // a title still says what it is
    static constexpr std::size_t k_shortest = 8;

private:
    // Every cell's text, in one buffer (a 20,000-row listing has 240,000 cells: one string
    // each cost more in allocation than the rest of the table), measured once as it comes.
    struct CellEnd
    {
        std::uint32_t end;   // where the cell's text ends in m_text
        std::uint32_t width; // its display width
    };
    void add(const std::vector<std::string>& cells);
    // The width of every column once fitted to the layout; nullopt for a column left out.
    std::vector<std::optional<std::size_t>> fitted_widths() const;

    TableLayout m_layout;
    std::size_t m_columns;
    std::size_t m_rows = 0; // not counting the headers
    std::string m_text;
    std::vector<CellEnd> m_cells; // row-major, m_columns per row, the headers first
    std::vector<std::size_t> m_widths;
    std::vector<bool> m_right;
    std::vector<bool> m_shortenable;
    std::vector<std::size_t> m_drop_order;
};

} // namespace plantrack::util
