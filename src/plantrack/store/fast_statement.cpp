#include "plantrack/store/fast_statement.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

namespace plantrack::store {

FastStatement::FastStatement(SQLite::Database& db, const char* sql) : m_db(db.getHandle())
{
    const int result = sqlite3_prepare_v2(m_db, sql, -1, &m_statement, nullptr);
    if (result != SQLITE_OK) {
        throw SQLite::Exception(m_db, result);
    }
}

FastStatement::~FastStatement()
{
    sqlite3_finalize(m_statement);
}

void FastStatement::bind(int index, std::string_view text)
{
    // A null pointer would bind NULL: an empty text is bound from a non-null one.
    const int result = sqlite3_bind_text(m_statement, index, text.empty() ? "" : text.data(),
                                         static_cast<int>(text.size()), SQLITE_STATIC);
    if (result != SQLITE_OK) {
        throw SQLite::Exception(m_db, result);
    }
}

void FastStatement::bind(int index, std::int64_t value)
{
    const int result = sqlite3_bind_int64(m_statement, index, value);
    if (result != SQLITE_OK) {
        throw SQLite::Exception(m_db, result);
    }
}

bool FastStatement::step()
{
    const int result = sqlite3_step(m_statement);
    if (result == SQLITE_ROW) {
        return true;
    }
    if (result == SQLITE_DONE) {
        return false;
    }
    // The error code of a step that failed; the statement is reset so it may run again.
    const int error = sqlite3_reset(m_statement);
    throw SQLite::Exception(m_db, error != SQLITE_OK ? error : result);
}

void FastStatement::run()
{
    while (step()) {
    }
}

void FastStatement::reset()
{
    sqlite3_reset(m_statement); // reports the last step's error, which step() has thrown already
}

std::string_view FastStatement::text(int column) const
{
    // The bytes as stored (UTF-8), without the terminating copy sqlite3_column_text may make.
    const auto* data = static_cast<const char*>(sqlite3_column_blob(m_statement, column));
    if (data == nullptr) {
        return {};
    }
    return {data, static_cast<std::size_t>(sqlite3_column_bytes(m_statement, column))};
}

std::int64_t FastStatement::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

double FastStatement::real(int column) const
{
    return sqlite3_column_double(m_statement, column);
}

bool FastStatement::is_null(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

} // namespace plantrack::store
