#include "plantrack/util/table.hpp"

#include <algorithm>

#include "plantrack/util/text.hpp"

namespace plantrack::util {

Table::Table(const std::vector<std::string>& headers)
    : m_columns(headers.size()), m_widths(headers.size(), 0), m_right(headers.size(), false)
{
    add(headers);
}

void Table::align_right(std::size_t column)
{
    if (column < m_columns) {
        m_right[column] = true;
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
            auto shown = neutralise(std::string_view(m_text).substr(start), changes, true, Neutralise::controls_only);
            if (changes.controls > 0) {
                m_text.resize(start);
                m_text += shown;
            }
        }
        const auto width = display_width(std::string_view(m_text).substr(start));
        m_widths[i] = std::max(m_widths[i], width);
        m_cells.push_back({static_cast<std::uint32_t>(m_text.size()), static_cast<std::uint32_t>(width)});
    }
}

std::string Table::render() const
{
    std::size_t line_bytes = 2 * m_columns + 1;
    for (const auto width : m_widths) {
        line_bytes += width;
    }
    std::string text;
    text.reserve(std::max(m_text.size() * 2, line_bytes * (m_rows + 1)));
    std::uint32_t start = 0;
    // Columns separated by two spaces, padded to their width (the last one only when it is
    // right-aligned), no trailing spaces.
    for (std::size_t line = 0; line <= m_rows; ++line) {
        const auto line_start = text.size();
        for (std::size_t i = 0; i < m_columns; ++i) {
            const auto& cell = m_cells[line * m_columns + i];
            const std::string_view content = std::string_view(m_text).substr(start, cell.end - start);
            start = cell.end;
            const auto fill = cell.width < m_widths[i] ? m_widths[i] - cell.width : 0;
            if (m_right[i]) {
                text.append(fill, ' ');
                text.append(content);
            } else {
                text.append(content);
                if (i + 1 < m_columns) {
                    text.append(fill, ' ');
                }
            }
            if (i + 1 < m_columns) {
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
