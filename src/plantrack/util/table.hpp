#pragma once

#include <string>
#include <vector>

namespace plantrack::util {

// A terminal table whose columns line up by display width (so Chinese text aligns).
class Table
{
public:
    explicit Table(std::vector<std::string> headers);

    // Marks a column as numeric: right-aligned.
    void align_right(std::size_t column) { m_right.push_back(column); }
    void add_row(std::vector<std::string> cells);
    bool empty() const { return m_rows.empty(); }

    // The table as text, one line per row, columns separated by two spaces, no trailing spaces.
    std::string render() const;

private:
    std::vector<std::string> m_headers;
    std::vector<std::vector<std::string>> m_rows;
    std::vector<std::size_t> m_right;
};

} // namespace plantrack::util
