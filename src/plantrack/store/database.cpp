#include "plantrack/store/database.hpp"

#include <filesystem>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include "plantrack/store/migrations.hpp"
#include "plantrack/util/error.hpp"

namespace plantrack::store {

namespace {

constexpr int k_busy_timeout_ms = 5000;

int pragma_int(SQLite::Database& db, const char* pragma)
{
    return db.execAndGet(fmt::format("PRAGMA {}", pragma)).getInt();
}

// Refuses files that are not ours or come from a newer plantrack, without writing to them.
void check_identity(SQLite::Database& db, const std::string& path)
{
    const int application_id = pragma_int(db, "application_id");
    const int version = pragma_int(db, "user_version");
    const bool empty = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt() == 0;
    if (application_id != k_application_id && !(application_id == 0 && empty)) {
        throw Error(fmt::format("'{}' is not a plantrack database", path));
    }
    if (version > Database::current_schema_version()) {
        throw Error(fmt::format("'{}' was written by a newer plantrack (schema version {}; this plantrack knows "
                                "up to {}); upgrade plantrack to use it",
                                path, version, Database::current_schema_version()));
    }
}

void migrate(SQLite::Database& db, const std::string& path)
{
    const int version = pragma_int(db, "user_version");
    if (version >= Database::current_schema_version()) {
        return;
    }
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Another process may have migrated while we waited for the lock.
    const int locked_version = pragma_int(db, "user_version");
    for (const auto& migration : embedded_migrations()) {
        if (migration.version > locked_version) {
            try {
                db.exec(migration.sql);
            } catch (const SQLite::Exception& e) {
                // The transaction rolls back: the file stays as it was, at its old version.
                throw Error(fmt::format("cannot upgrade '{}' to schema version {} ({}); the file is unchanged", path,
                                        migration.version, e.what()));
            }
            db.exec(fmt::format("PRAGMA user_version = {}", migration.version));
        }
    }
    db.exec(fmt::format("PRAGMA application_id = {}", k_application_id));
    transaction.commit();
}

} // namespace

int Database::current_schema_version()
{
    return embedded_migrations().empty() ? 0 : embedded_migrations().back().version;
}

Database Database::open(const std::string& path, Access access)
{
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    if (access == Access::read && !exists) {
        throw Error(
            fmt::format("no database at '{}'; create one with 'plantrack plan load FILE' (or give --db)", path));
    }
    if (exists && !std::filesystem::is_regular_file(path, ec)) {
        throw Error(fmt::format("'{}' is not a database file", path));
    }
    try {
        // plantrack is single-threaded: SQLite's per-call mutexes only cost time (7% of import).
        const int read_flags = SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX;
        std::unique_ptr<SQLite::Database> db;
        if (exists) {
            // Look before touching: a read-only connection never changes the file.
            db = std::make_unique<SQLite::Database>(path, read_flags, k_busy_timeout_ms);
            check_identity(*db, path);
        }
        if (access == Access::write) {
            db = std::make_unique<SQLite::Database>(
                path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX, k_busy_timeout_ms);
            db->exec("PRAGMA journal_mode = WAL");
            db->exec("PRAGMA synchronous = NORMAL");
            // Bulk imports touch index pages all over a large file; 32 MiB of cache keeps them
            // in memory (measured: 1M-row import 19.7 s with the default 2 MiB).
            db->exec("PRAGMA cache_size = -32768");
            migrate(*db, path);
        } else if (pragma_int(*db, "user_version") == 0) {
            // An empty file: SQLite reads it as a database with nothing in it.
            throw Error(fmt::format("the database '{}' holds no plan; load one with 'plantrack plan load FILE'", path));
        } else if (pragma_int(*db, "user_version") < current_schema_version()) {
            throw Error(fmt::format("'{}' uses an older schema; run any writing command (such as 'plantrack plan "
                                    "load') to upgrade it",
                                    path));
        }
        db->exec("PRAGMA foreign_keys = ON");
        if (access == Access::read) {
            // A reading command sees one snapshot from its first query to its last, however
            // many others log meanwhile; and SQLite takes its WAL locks once, not per query
            // (20,000 queries' worth of fcntl calls in a review of the city-scale plan).
            db->exec("BEGIN DEFERRED");
            db->exec("SELECT 1 FROM sqlite_schema LIMIT 1");
        }
        return Database(path, std::move(db));
    } catch (const SQLite::Exception& e) {
        rethrow_sqlite_error(e, path);
    }
}

void rethrow_sqlite_error(const std::exception& error, const std::string& path)
{
    if (const auto* e = dynamic_cast<const SQLite::Exception*>(&error)) {
        switch (e->getErrorCode() & 0xff) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            throw Error(fmt::format("the database '{}' is locked by another plantrack; nothing was recorded, try "
                                    "again",
                                    path));
        case SQLITE_NOTADB:
        case SQLITE_CORRUPT:
            throw Error(fmt::format("'{}' is damaged or is not a plantrack database ({})", path, e->what()));
        case SQLITE_READONLY:
        case SQLITE_CANTOPEN:
        case SQLITE_PERM:
            throw Error(fmt::format("cannot write the database '{}' ({})", path, e->what()));
        case SQLITE_FULL:
            throw Error(fmt::format("the disk is full; nothing was recorded in '{}'", path));
        case SQLITE_IOERR:
            throw Error(
                fmt::format("input/output error on the database '{}' ({}); nothing was recorded", path, e->what()));
        default:
            break;
        }
        throw Error(fmt::format("database '{}': {}", path, e->what()));
    }
    throw Error(error.what());
}

WriteTransaction::WriteTransaction(Database& db) : m_db(db)
{
    m_db.sql().exec("BEGIN IMMEDIATE");
}

WriteTransaction::~WriteTransaction()
{
    if (m_open) {
        try {
            m_db.sql().exec("ROLLBACK");
        } catch (...) {
            // Nothing more can be done; SQLite rolls back when the connection closes.
        }
    }
}

void WriteTransaction::commit()
{
    m_db.sql().exec("COMMIT");
    m_open = false;
}

} // namespace plantrack::store

#include <chrono>
#include <thread>

#include <SQLiteCpp/Backup.h>

namespace plantrack::store {

void backup(Database& db, const std::string& destination)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const std::string temporary = destination + ".plantrack-tmp";
    // Never touch the database itself or its companion files, and never remove a file that
    // backup did not create.
    const auto database = fs::absolute(db.path(), ec).lexically_normal().string();
    for (const auto& path : {destination, temporary}) {
        const auto target = fs::absolute(path, ec).lexically_normal().string();
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
            if (target == database + suffix) {
                throw Error(fmt::format("'{}' is the database itself; choose another file", destination));
            }
        }
    }
    if (fs::exists(destination, ec)) {
        throw Error(fmt::format("'{}' already exists; backup never overwrites a file", destination));
    }
    if (fs::exists(temporary, ec)) {
        throw Error(fmt::format("'{}' exists (left by an earlier backup?); remove it first", temporary));
    }
    try {
        {
            SQLite::Database target(temporary, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            SQLite::Backup copy(target, db.sql());
            // Copy in steps so writers are not blocked for the whole copy; a write in between
            // makes SQLite restart the copy, so the result is always one consistent state.
            int waits = 0;
            for (int result = copy.executeStep(256); result != SQLITE_DONE; result = copy.executeStep(256)) {
                if (result == SQLITE_BUSY || result == SQLITE_LOCKED) {
                    if (++waits > 500) {
                        throw Error(fmt::format("backup to '{}' gave up: the database stayed locked", destination));
                    }
                    std::this_thread::sleep_for(std::chrono::milliseconds(10));
                }
            }
            target.exec("PRAGMA journal_mode = DELETE");
        }
        fs::rename(temporary, destination);
    } catch (const SQLite::Exception& e) {
        fs::remove(temporary, ec);
        throw Error(fmt::format("backup to '{}' failed: {}", destination, e.what()));
    } catch (const fs::filesystem_error& e) {
        fs::remove(temporary, ec);
        throw Error(fmt::format("backup to '{}' failed: {}", destination, e.code().message()));
    } catch (const Error&) {
        fs::remove(temporary, ec);
        throw;
    }
}

} // namespace plantrack::store
