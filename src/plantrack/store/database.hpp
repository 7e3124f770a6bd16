#pragma once

#include <memory>
#include <string>

#include <SQLiteCpp/Database.h>

namespace plantrack::store {

// "plantrack" in ASCII: marks a SQLite file as ours (PRAGMA application_id).
constexpr int k_application_id = 0x706c6e74;

// What opening for writing checks before anything is written.
struct OpenChecks
{
    // Refuse a file without plantrack's schema (0 bytes, or an empty SQLite file) rather
    // than create the schema in it: only `plan load` starts a database, so a refused `log`
    // leaves such a file as it was.
    bool require_schema = false;
    // PRAGMA quick_check over every page first, refusing a damaged file. It reads the whole
    // file (0.13 s for 42 MB, 300,000 updates), so the bulk writes (import, plan load) ask
    // for it and a single `log` relies on SQLite's checks of the pages it touches.
    bool whole_file = false;
};

// The one SQLite database of plantrack: opened, checked and migrated.
class Database
{
public:
    enum class Access { read, write };

    // Opens `path`. For reading it must exist; for writing it is created when missing and
    // migrated to the current schema. A database from a newer plantrack, a file that is not a
    // plantrack database, and a damaged file are refused (plantrack::Error) and left untouched.
    static Database open(const std::string& path, Access access, OpenChecks checks = {});

    // Refuses a damaged file (PRAGMA quick_check of every page; see OpenChecks::whole_file).
    void check_whole_file();

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

// Converts SQLite errors into plantrack::Error with a message for people. `system_errno`, when
// known (sqlite3_system_errno), tells a full disk from other input/output errors.
[[noreturn]] void rethrow_sqlite_error(const std::exception& error, const std::string& path, int system_errno = 0);

} // namespace plantrack::store

namespace plantrack::store {

// Copies the database to `destination` with SQLite's online backup: a consistent snapshot even
// while other processes write. Refuses to overwrite an existing file or the database itself.
void backup(Database& db, const std::string& destination);

} // namespace plantrack::store
