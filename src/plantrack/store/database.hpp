#pragma once

#include <memory>
#include <string>

#include <SQLiteCpp/Database.h>

namespace plantrack::store {

// "plantrack" in ASCII: marks a SQLite file as ours (PRAGMA application_id).
constexpr int k_application_id = 0x706c6e74;

// The one SQLite database of plantrack: opened, checked and migrated.
class Database
{
public:
    enum class Access { read, write };

    // Opens `path`. For reading it must exist; for writing it is created when missing and
    // migrated to the current schema. A database from a newer plantrack, a file that is not a
    // plantrack database, and a damaged file are refused (plantrack::Error) and left untouched.
    static Database open(const std::string& path, Access access);

    SQLite::Database& sql() { return *m_db; }
    const std::string& path() const { return m_path; }

    // The schema version this build writes.
    static int current_schema_version();

private:
    Database(std::string path, std::unique_ptr<SQLite::Database> db) : m_path(std::move(path)), m_db(std::move(db)) {}

    std::string m_path;
    std::unique_ptr<SQLite::Database> m_db;
};

// A write transaction taken at once (BEGIN IMMEDIATE), so that concurrent writers queue on the
// busy timeout instead of failing midway. Rolled back unless commit() is called.
class WriteTransaction
{
public:
    explicit WriteTransaction(Database& db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    void commit();

private:
    Database& m_db;
    bool m_open = true;
};

// Runs `work`, converting SQLite errors into plantrack::Error with a message for people.
[[noreturn]] void rethrow_sqlite_error(const std::exception& error, const std::string& path);

} // namespace plantrack::store

namespace plantrack::store {

// Copies the database to `destination` with SQLite's online backup: a consistent snapshot even
// while other processes write. Refuses to overwrite an existing file or the database itself.
void backup(Database& db, const std::string& destination);

} // namespace plantrack::store
