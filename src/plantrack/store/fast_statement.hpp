#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <SQLiteCpp/Database.h>

struct sqlite3;
struct sqlite3_stmt;

namespace plantrack::store {

// A prepared statement on SQLite's C interface, for the loops that run once per item of a
// 20,000-item plan or once per row of a million-row import. SQLiteCpp's Statement spends a
// shared-pointer copy and several checked calls on every value read or bound (about 200
// instructions, more than SQLite spends decoding the value); here a value costs what SQLite
// itself spends. Errors throw SQLite::Exception, as SQLiteCpp does, so they are converted for
// people in the same place.
class FastStatement
{
public:
    FastStatement(SQLite::Database& db, const char* sql);
    FastStatement(SQLite::Database& db, const std::string& sql) : FastStatement(db, sql.c_str()) {}
    ~FastStatement();
    FastStatement(const FastStatement&) = delete;
    FastStatement& operator=(const FastStatement&) = delete;

    // Binds parameter `index` (1-based). Texts are not copied: they must stay as they are
    // until the statement has run (the next reset).
    void bind(int index, std::string_view text);
    void bind(int index, std::int64_t value);
    void bind(int index, int value) { bind(index, static_cast<std::int64_t>(value)); }

    // Steps to the next row; false when there is none.
    bool step();
    // Runs a statement that returns no rows.
    void run();
    // Makes the statement ready to run again; bindings are kept.
    void reset();

    // The values of the current row. A text is valid until the next step or reset.
    std::string_view text(int column) const;
    std::string string(int column) const { return std::string(text(column)); }
    std::int64_t integer(int column) const;
    double real(int column) const;
    bool is_null(int column) const;

private:
    sqlite3* m_db;
    sqlite3_stmt* m_statement = nullptr;
};

} // namespace plantrack::store
