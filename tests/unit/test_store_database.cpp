#include <doctest/doctest.h>

#include "temp_path.hpp"

#include "plantrack/store/database.hpp"
#include "plantrack/util/error.hpp"

#include <filesystem>
#include <fstream>
#include <string>

#include <SQLiteCpp/Database.h>
#include <fmt/format.h>
#include <unistd.h>

using plantrack::store::Database;
using plantrack::test::TempPath;

namespace {

std::string error_of(const std::string& path, Database::Access access)
{
    try {
        Database::open(path, access);
    } catch (const plantrack::Error& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_SUITE("store::database")
{
    TEST_CASE("a new database is migrated and marked as ours")
    {
        auto db = Database::open(":memory:", Database::Access::write);
        CHECK(Database::current_schema_version() >= 1);
        CHECK(db.sql().execAndGet("PRAGMA user_version").getInt() == Database::current_schema_version());
        CHECK(db.sql().execAndGet("PRAGMA application_id").getInt() == plantrack::store::k_application_id);
        CHECK(db.sql().execAndGet("PRAGMA foreign_keys").getInt() == 1);
        CHECK(db.sql().tableExists("updates"));
        CHECK(db.sql().tableExists("item_latest"));
    }

    TEST_CASE("a database file: WAL, reopened for reading, untouched when refused")
    {
        TempPath path("db.sqlite");
        {
            auto db = Database::open(path.str(), Database::Access::write);
            CHECK(db.sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
        }
        CHECK_NOTHROW(Database::open(path.str(), Database::Access::read));
        SUBCASE("written by a newer plantrack")
        {
            const int newer = Database::current_schema_version() + 1;
            {
                SQLite::Database raw(path.str(), SQLite::OPEN_READWRITE);
                raw.exec(fmt::format("PRAGMA user_version = {}", newer));
            }
            const auto expected =
                fmt::format("'{}' was written by a newer plantrack (schema version {}; this plantrack knows up to {}); "
                            "upgrade plantrack to use it",
                            path.str(), newer, Database::current_schema_version());
            CHECK(error_of(path.str(), Database::Access::write) == expected);
            CHECK(error_of(path.str(), Database::Access::read) == expected);
            SQLite::Database raw(path.str(), SQLite::OPEN_READONLY);
            CHECK(raw.execAndGet("PRAGMA user_version").getInt() == newer);
        }
    }

    TEST_CASE("files that are not plantrack databases are refused")
    {
        SUBCASE("missing, for reading")
        {
            TempPath path("missing.sqlite");
            CHECK(error_of(path.str(), Database::Access::read) ==
                  fmt::format("no database at '{}'; create one with 'plantrack plan load FILE' (or give --db)",
                              path.str()));
            CHECK_FALSE(std::filesystem::exists(path.str()));
        }
        SUBCASE("another program's SQLite database")
        {
            TempPath path("other.sqlite");
            {
                SQLite::Database raw(path.str(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
                raw.exec("CREATE TABLE notes (text TEXT)");
            }
            CHECK(error_of(path.str(), Database::Access::write) ==
                  fmt::format("'{}' is not a plantrack database", path.str()));
            SQLite::Database raw(path.str(), SQLite::OPEN_READONLY);
            CHECK_FALSE(raw.tableExists("updates"));
        }
        SUBCASE("a text file")
        {
            TempPath path("text.sqlite");
            {
                std::ofstream out(path.str());
                out << "item,date,status\n" << std::string(4096, 'x') << "\n";
            }
            const auto size = std::filesystem::file_size(path.str());
            const auto message = error_of(path.str(), Database::Access::write);
            CHECK(message.find("is damaged or is not a plantrack database") != std::string::npos);
            CHECK(std::filesystem::file_size(path.str()) == size);
        }
    }
}
