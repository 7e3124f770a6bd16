#include "plantrack/util/table.hpp"

#include <algorithm>

#include "plantrack/util/text.hpp"

namespace plantrack::util {

std::string Table::render() const
{
    std::vector<std::size_t> widths(m_headers.size(), 0);
    auto measure = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size() && i < widths.size(); ++i) {
            widths[i] = std::max(widths[i], display_width(cells[i]));
        }
    };
    measure(m_headers);
    for (const auto& row : m_rows) {
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
    std::string text = line(m_headers);
    for (const auto& row : m_rows) {
        text += line(row);
    }
    return text;
}

} // namespace plantrack::util
