#include "plantrack/store/database.hpp"

#include <algorithm>
#include <filesystem>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include "plantrack/store/migrations.hpp"
#include "plantrack/util/error.hpp"
#include "plantrack/util/file.hpp"

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

// Refuses a file whose pages do not hold together, before anything writes to it.
void check_pages(SQLite::Database& db, const std::string& path)
{
    // quick_check(1) stops at the first problem: the verdict is all that is shown.
    std::string verdict = db.execAndGet("PRAGMA quick_check(1)").getString();
    if (verdict == "ok") {
        return;
    }
    const std::string prefix = "*** in database main ***\n";
    if (verdict.starts_with(prefix)) {
        verdict.erase(0, prefix.size());
    }
    std::replace(verdict.begin(), verdict.end(), '\n', ' ');
    throw Error(fmt::format("'{}' is damaged (SQLite's quick_check: {}); it was left as it is, restore it from a "
                            "backup",
                            path, verdict));
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

Database Database::open(const std::string& path, Access access, OpenChecks checks)
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
    const auto holds_no_plan = [&path] {
        // An empty file: SQLite reads it as a database with nothing in it.
        return Error(fmt::format("the database '{}' holds no plan; load one with 'plantrack plan load FILE'", path));
    };
    // Outside the try: its handle tells a full disk from other input/output errors.
    std::unique_ptr<SQLite::Database> db;
    try {
        // plantrack is single-threaded: SQLite's per-call mutexes only cost time (7% of import).
        const int read_flags = SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX;
        if (exists) {
            // Look before touching: a read-only connection never changes the file.
            db = std::make_unique<SQLite::Database>(path, read_flags, k_busy_timeout_ms);
            // Every page SQLite reads is checked more strictly (cell sizes), so damage on the
            // way of a query is an error rather than a wrong answer.
            db->exec("PRAGMA cell_size_check = ON");
            check_identity(*db, path);
            if (access == Access::write && checks.require_schema && pragma_int(*db, "user_version") == 0) {
                throw holds_no_plan();
            }
            if (access == Access::write && checks.whole_file) {
                check_pages(*db, path);
            }
        }
        if (access == Access::write) {
            db = std::make_unique<SQLite::Database>(
                path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX, k_busy_timeout_ms);
            db->exec("PRAGMA cell_size_check = ON");
            db->exec("PRAGMA journal_mode = WAL");
            db->exec("PRAGMA synchronous = NORMAL");
            // Bulk imports touch index pages all over a large file; 32 MiB of cache keeps them
            // in memory (measured: 1M-row import 19.7 s with the default 2 MiB).
            db->exec("PRAGMA cache_size = -32768");
            migrate(*db, path);
        } else if (pragma_int(*db, "user_version") == 0) {
            throw holds_no_plan();
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
        rethrow_sqlite_error(e, path, db ? sqlite3_system_errno(db->getHandle()) : 0);
    }
}

void Database::check_whole_file()
{
    try {
        check_pages(*m_db, m_path);
    } catch (const SQLite::Exception& e) {
        rethrow_sqlite_error(e, m_path, sqlite3_system_errno(m_db->getHandle()));
    }
}

void rethrow_sqlite_error(const std::exception& error, const std::string& path, int system_errno)
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
            // A read needs space too (SQLite's shared-memory file beside the database), and a
            // full disk there comes back as an input/output error with ENOSPC or EFBIG behind it.
            if (util::is_disk_full_errno(system_errno)) {
                throw Error(fmt::format("the disk is full; nothing was recorded in '{}'", path));
            }
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
#include <sys/stat.h>
#include <unistd.h>

namespace plantrack::store {

void backup(Database& db, const std::string& destination)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    // Never touch the database itself or its companion files.
    const auto database = fs::absolute(db.path(), ec).lexically_normal().string();
    const auto target = fs::absolute(destination, ec).lexically_normal().string();
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        if (target == database + suffix) {
            throw Error(fmt::format("'{}' is the database itself; choose another file", destination));
        }
    }
    struct stat existing
    {
    };
    if (::lstat(destination.c_str(), &existing) == 0) {
        throw Error(fmt::format("'{}' already exists; backup never overwrites a file", destination));
    }
    // A copy of a damaged file would spread the damage to the one place meant to be safe.
    db.check_whole_file();
    // A fresh file of our own (O_EXCL), which SQLite opens as an empty database. If the copy
    // fails, it goes, and so do the files SQLite made beside it: the copy takes the source's
    // WAL mode from its first page, so -wal and -shm appear before it is switched back.
    util::TemporaryFile temporary(destination, destination);
    temporary.close();
    const auto remove_companions = [&temporary] {
        for (const char* suffix : {"-journal", "-wal", "-shm"}) {
            ::unlink((temporary.path() + suffix).c_str());
        }
    };
    int system_errno = 0;
    try {
        {
            SQLite::Database copy_to(temporary.path(), SQLite::OPEN_READWRITE);
            try {
                // No rollback journal: a failed copy is thrown away whole, so there is nothing
                // to roll back, and a full disk cannot leave DEST...-journal behind.
                copy_to.exec("PRAGMA journal_mode = OFF");
                SQLite::Backup copy(copy_to, db.sql());
                // Copy in steps so writers are not blocked for the whole copy; a write in
                // between makes SQLite restart the copy, so the result is one consistent state.
                int waits = 0;
                for (int result = copy.executeStep(256); result != SQLITE_DONE; result = copy.executeStep(256)) {
                    if (result == SQLITE_BUSY || result == SQLITE_LOCKED) {
                        if (++waits > 500) {
                            throw Error(fmt::format("backup to '{}' gave up: the database stayed locked", destination));
                        }
                        std::this_thread::sleep_for(std::chrono::milliseconds(10));
                    }
                }
                copy_to.exec("PRAGMA journal_mode = DELETE");
            } catch (const SQLite::Exception&) {
                system_errno = sqlite3_system_errno(copy_to.getHandle());
                throw;
            }
        }
        temporary.publish_new(destination);
    } catch (const SQLite::Exception& e) {
        remove_companions();
        if ((e.getErrorCode() & 0xff) == SQLITE_FULL || util::is_disk_full_errno(system_errno)) {
            throw Error(fmt::format("backup to '{}' failed: the disk is full; no copy was left", destination));
        }
        throw Error(fmt::format("backup to '{}' failed: {}", destination, e.what()));
    } catch (const Error&) {
        remove_companions();
        throw;
    }
}

} // namespace plantrack::store
