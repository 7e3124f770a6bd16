#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <SQLiteCpp/Statement.h>

// Reading result columns without a copy: Column::getString() builds a std::string for every
// text, which was a third of the cost of reading the 20,000-item plan.
namespace plantrack::store::columns {

// The column's text, valid until the statement steps or resets; empty for NULL.
inline std::string_view text(SQLite::Statement& query, int column)
{
    const auto value = query.getColumn(column);
    const char* data = value.getText(nullptr);
    return data == nullptr ? std::string_view() : std::string_view(data, static_cast<std::size_t>(value.getBytes()));
}

inline std::string string(SQLite::Statement& query, int column)
{
    return std::string(text(query, column));
}

inline std::int64_t integer(SQLite::Statement& query, int column)
{
    return query.getColumn(column).getInt64();
}

inline double real(SQLite::Statement& query, int column)
{
    return query.getColumn(column).getDouble();
}

inline bool is_null(SQLite::Statement& query, int column)
{
    return query.getColumn(column).isNull();
}

} // namespace plantrack::store::columns
