#include "plantrack/util/table.hpp"

#include <algorithm>

#include "plantrack/util/text.hpp"

namespace plantrack::util {

std::string Table::render() const
{
    // A line break in a cell (a note typed over several lines) would break every column after it.
    auto flatten = [](const std::vector<std::string>& cells) {
        std::vector<std::string> out;
        out.reserve(cells.size());
        for (const auto& cell : cells) {
            out.push_back(single_line(cell));
        }
        return out;
    };
    const auto headers = flatten(m_headers);
    std::vector<std::vector<std::string>> rows;
    rows.reserve(m_rows.size());
    for (const auto& row : m_rows) {
        rows.push_back(flatten(row));
    }
    std::vector<std::size_t> widths(headers.size(), 0);
    auto measure = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size() && i < widths.size(); ++i) {
            widths[i] = std::max(widths[i], display_width(cells[i]));
        }
    };
    measure(headers);
    for (const auto& row : rows) {
        measure(row);
    }
    auto line = [&](const std::vector<std::string>& cells) {
        std::string out;
        for (std::size_t i = 0; i < widths.size(); ++i) {
            const std::string cell = i < cells.size() ? cells[i] : "";
            const bool right = std::find(m_right.begin(), m_right.end(), i) != m_right.end();
            out += i + 1 < widths.size() || right ? pad(cell, widths[i], right) : cell;
            if (i + 1 < widths.size()) {
                out += "  ";
            }
        }
        while (!out.empty() && out.back() == ' ') {
            out.pop_back();
        }
        return out + "\n";
    };
    std::string text = line(headers);
    for (const auto& row : rows) {
        text += line(row);
    }
    return text;
}

} // namespace plantrack::util
