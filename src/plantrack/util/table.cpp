#include "plantrack/util/table.hpp"

#include <algorithm>
#include <numeric>

#include "plantrack/util/text.hpp"

namespace plantrack::util {

namespace {

// Columns `cell` takes on a terminal: its text without the colour escapes (ESC [ ... m) that
// the terminal does not show.
std::size_t visible_width(std::string_view cell, AmbiguousWidth ambiguous)
{
    if (cell.find('\x1b') == std::string_view::npos) {
        return display_width(cell, ambiguous);
    }
    std::string shown;
    for (std::size_t i = 0; i < cell.size(); ++i) {
        if (cell[i] == '\x1b' && i + 1 < cell.size() && cell[i + 1] == '[') {
            i += 2;
            while (i < cell.size() && !(cell[i] >= 0x40 && cell[i] <= 0x7e)) {
                ++i;
            }
            continue;
        }
        shown.push_back(cell[i]);
    }
    return display_width(shown, ambiguous);
}

} // namespace

Table::Table(const std::vector<std::string>& headers, TableLayout layout)
    : m_layout(layout), m_columns(headers.size()), m_widths(headers.size(), 0), m_right(headers.size(), false),
      m_shortenable(headers.size(), false)
{
    add(headers);
}

void Table::align_right(std::size_t column)
{
    if (column < m_columns) {
        m_right[column] = true;
    }
}

void Table::allow_shortening(std::size_t column)
{
    if (column < m_columns) {
        m_shortenable[column] = true;
    }
}

void Table::allow_dropping(std::size_t column)
{
    if (column < m_columns) {
        m_drop_order.push_back(column);
    }
}

void Table::add_row(const std::vector<std::string>& cells)
{
    add(cells);
    ++m_rows;
}

void Table::add(const std::vector<std::string>& cells)
{
    for (std::size_t i = 0; i < m_columns; ++i) {
        const std::string_view cell = i < cells.size() ? std::string_view(cells[i]) : std::string_view();
        const auto start = m_text.size();
        // A line break in a cell (a note typed over several lines) would break every column
        // after it.
        if (std::any_of(cell.begin(), cell.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; })) {
            m_text += single_line(cell);
        } else {
            m_text.append(cell);
        }
        // Measured as shown: the controls, bidi controls and bytes that are not UTF-8 that the
        // output will show visibly (util::neutralise) take their columns here already.
        if (std::any_of(m_text.begin() + static_cast<std::ptrdiff_t>(start), m_text.end(), [](char c) {
                const auto byte = static_cast<unsigned char>(c);
                return byte < 0x20 || byte >= 0x7f;
            })) {
            Neutralised changes;
            auto shown =
                neutralise(std::string_view(m_text).substr(start), changes, m_layout.color, Neutralise::controls_only);
            if (changes.controls > 0) {
                m_text.resize(start);
                m_text += shown;
            }
        }
        const auto width = visible_width(std::string_view(m_text).substr(start), m_layout.ambiguous);
        m_widths[i] = std::max(m_widths[i], width);
        m_cells.push_back({static_cast<std::uint32_t>(m_text.size()), static_cast<std::uint32_t>(width)});
    }
}

std::vector<std::optional<std::size_t>> Table::fitted_widths() const
{
    std::vector<std::optional<std::size_t>> widths(m_widths.begin(), m_widths.end());
    if (m_layout.width == 0 || m_columns == 0) {
        return widths;
    }
    // Columns shown and their total width with separators, as it is and with every text column
    // shortened to k_readable.
    const auto totals = [&] {
        std::size_t total = 0;
        std::size_t shortest = 0;
        std::size_t shown = 0;
        for (std::size_t i = 0; i < m_columns; ++i) {
            if (widths[i]) {
                total += *widths[i];
                shortest += m_shortenable[i] ? std::min(*widths[i], k_readable) : *widths[i];
                ++shown;
            }
        }
        const auto separators = shown > 0 ? 2 * (shown - 1) : 0;
        return std::pair{total + separators, shortest + separators};
    };
    for (const auto column : m_drop_order) {
        if (totals().second <= m_layout.width) {
            break;
        }
        widths[column].reset();
    }
    auto total = totals().first;
    // One column at a time from the widest, so that several long text columns end up equally
    // shortened rather than one of them cut to nothing.
    while (total > m_layout.width) {
        std::size_t widest = m_columns;
        for (std::size_t i = 0; i < m_columns; ++i) {
            if (m_shortenable[i] && widths[i] && *widths[i] > k_shortest &&
                (widest == m_columns || *widths[i] > *widths[widest])) {
                widest = i;
            }
        }
        if (widest == m_columns) {
            break; // nothing left to shorten: the terminal wraps the lines
        }
        --*widths[widest];
        --total;
    }
    return widths;
}

std::string Table::render() const
{
    const auto widths = fitted_widths();
    std::size_t line_bytes = 1;
    std::size_t last = 0; // the last column shown
    for (std::size_t i = 0; i < m_columns; ++i) {
        if (widths[i]) {
            line_bytes += *widths[i] + 2;
            last = i;
        }
    }
    std::string text;
    text.reserve(std::max(m_text.size() * 2, line_bytes * (m_rows + 1)));
    std::uint32_t start = 0;
    std::string shortened;
    // Columns separated by two spaces, padded to their width (the last one only when it is
    // right-aligned), no trailing spaces.
    for (std::size_t line = 0; line <= m_rows; ++line) {
        const auto line_start = text.size();
        for (std::size_t i = 0; i < m_columns; ++i) {
            const auto& cell = m_cells[line * m_columns + i];
            std::string_view content = std::string_view(m_text).substr(start, cell.end - start);
            start = cell.end;
            if (!widths[i]) {
                continue;
            }
            const auto width = *widths[i];
            std::size_t cell_width = cell.width;
            if (cell_width > width && content.find('\x1b') == std::string_view::npos) {
                shortened = truncate_to_width(content, width, m_layout.ambiguous);
                content = shortened;
                cell_width = display_width(content, m_layout.ambiguous);
            }
            const auto fill = cell_width < width ? width - cell_width : 0;
            if (m_right[i]) {
                text.append(fill, ' ');
                text.append(content);
            } else {
                text.append(content);
                if (i < last) {
                    text.append(fill, ' ');
                }
            }
            if (i < last) {
                text.append("  ");
            }
        }
        while (text.size() > line_start && text.back() == ' ') {
            text.pop_back();
        }
        text.push_back('\n');
    }
    return text;
}

} // namespace plantrack::util
