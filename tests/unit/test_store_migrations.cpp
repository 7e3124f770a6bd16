#include <doctest/doctest.h>

#include "store_test_plan.hpp"
#include "temp_path.hpp"

#include "plantrack/store/migrations.hpp"
#include "plantrack/util/error.hpp"

#include <SQLiteCpp/Database.h>

using namespace store_test;
using plantrack::test::TempPath;

namespace {

// A database as plantrack 0.1 (schema version 1) left it: one plan, three items (the last one
// withdrawn), five updates with a same-date tie, and the latest-update table.
void write_version_1(const std::string& path, bool with_orphan_update = false)
{
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec(store::embedded_migrations().at(0).sql);
    raw.exec("PRAGMA user_version = 1");
    raw.exec(fmt::format("PRAGMA application_id = {}", store::k_application_id));
    raw.exec("INSERT INTO plans VALUES ('p', 'Plan', '2024-01-01', '2025-12-31', 'en', 'month', 'quarter', 45, 20, 10, "
             "1)");
    raw.exec("INSERT INTO owners VALUES ('p', 'DeptA', 'department', 0, 0)");
    raw.exec("INSERT INTO areas VALUES ('p', 'A1', '一', 'Area', '', 0, 0)");
    raw.exec("INSERT INTO items VALUES "
             "('p', '2', 'task', 'A1', NULL, 'Two', 'DeptA', '', '', '2024-01-01', '2025-12-31', 1, 2, 1),"
             "('p', '1.1', 'milestone', 'A1', '1', 'M', 'DeptA', '', '', '2024-01-01', '2024-06-30', 1, 1, 0),"
             "('p', '1', 'task', 'A1', NULL, 'One', 'DeptA', 'DeptB', '', '2024-01-01', '2024-12-31', 1, 0, 0)");
    raw.exec("INSERT INTO updates (update_id, plan_id, item_id, date, status, progress, note, reporter, recorded_at) "
             "VALUES (1, 'p', '1', '2024-02-01', 'on-track', 10, 'a', 'x', 10000),"
             "(2, 'p', '1', '2024-03-01', 'on-track', 30, 'b', 'x', 20000),"
             "(3, 'p', '1', '2024-03-01', 'on-track', 35, 'c', 'x', 20000),"
             "(4, 'p', '1.1', '2024-04-01', 'done', 100, 'finished', 'y', 30000),"
             "(5, 'p', '2', '2024-05-01', 'at-risk', 20, 'why', 'y', 40000)");
    raw.exec("INSERT INTO item_latest VALUES ('p', '1', 3, '2024-03-01', 20000), "
             "('p', '1.1', 4, '2024-04-01', 30000), ('p', '2', 5, '2024-05-01', 40000)");
    if (with_orphan_update) {
        raw.exec("INSERT INTO updates (update_id, plan_id, item_id, date, status, progress, note, reporter, "
                 "recorded_at) VALUES (6, 'p', 'ghost', '2024-05-01', 'on-track', 5, '', 'z', 50000)");
    }
}

int user_version(const std::string& path)
{
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    return raw.execAndGet("PRAGMA user_version").getInt();
}

} // namespace

TEST_SUITE("store::migrations")
{
    TEST_CASE("a version 1 database is upgraded with every update, its order and its latest state kept")
    {
        TempPath path("migrate-v1.sqlite");
        write_version_1(path.str());
        {
            auto db = store::Database::open(path.str(), store::Database::Access::write);
            CHECK(db.sql().execAndGet("PRAGMA user_version").getInt() == store::Database::current_schema_version());
            CHECK(db.sql().execAndGet("PRAGMA integrity_check").getString() == "ok");

            // Keys follow the plan's order, withdrawn items included.
            SQLite::Statement keys(db.sql(), "SELECT group_concat(item_id, ' ') FROM (SELECT item_id FROM items "
                                             "ORDER BY item_key)");
            REQUIRE(keys.executeStep());
            CHECK(keys.getColumn(0).getString() == "1 1.1 2");

            const auto history = store::history(db, "p", "1");
            REQUIRE(history.size() == 3);
            CHECK(history[0].sequence == 1);
            CHECK(history[1].sequence == 2);
            CHECK(history[2].sequence == 3);
            CHECK(history[2].note == "c");
            CHECK(history[2].by == "x");
            CHECK(history[2].recorded_at == 20000);

            const auto plan = store::read_plan(db, "p", true);
            const auto march = store::states_as_of(db, plan, {day("2024-03-15"), std::nullopt});
            REQUIRE(march.size() == 3);
            CHECK(march[0].progress == 35); // the tie goes to the update inserted last
            CHECK(march[0].note == "c");
            CHECK(march[1].status == core::Status::not_started);
            const auto year_end = store::states_as_of(db, plan, {day("2024-12-31"), std::nullopt});
            CHECK(year_end[1].status == core::Status::done);
            CHECK(year_end[1].note == "finished");
            CHECK(year_end[2].status == core::Status::at_risk);

            // The view for outside tools reads the migrated latest-update table.
            SQLite::Statement view(db.sql(), "SELECT item_id, status, progress, last_update, last_note "
                                             "FROM item_current_state ORDER BY item_id");
            REQUIRE(view.executeStep());
            CHECK(view.getColumn(0).getString() == "1");
            CHECK(view.getColumn(1).getString() == "on-track");
            CHECK(view.getColumn(2).getInt() == 35);
            CHECK(view.getColumn(3).getString() == "2024-03-01");
            CHECK(view.getColumn(4).getString() == "c");
            REQUIRE(view.executeStep());
            CHECK(view.getColumn(0).getString() == "1.1");
            CHECK_FALSE(view.executeStep()); // item 2 is withdrawn

            // The latest-update table holds each item's state and its first update's date.
            SQLite::Statement latest(db.sql(), "SELECT status, progress, note, first_date FROM item_latest "
                                               "WHERE item_id = '1'");
            REQUIRE(latest.executeStep());
            CHECK(latest.getColumn(0).getString() == "on-track");
            CHECK(latest.getColumn(1).getInt() == 35);
            CHECK(latest.getColumn(2).getString() == "c");
            CHECK(latest.getColumn(3).getString() == "2024-02-01");

            // Still append-only.
            CHECK_THROWS_WITH(db.sql().exec("UPDATE updates SET progress = 0"),
                              doctest::Contains("updates are append-only"));
            CHECK_THROWS_WITH(db.sql().exec("DELETE FROM updates"), doctest::Contains("updates are append-only"));

            // And it takes new updates as before.
            store::WriteTransaction transaction(db);
            const auto sequence =
                store::append_update(db, "p", update("1", "2024-06-01", core::Status::at_risk, 50, 60000, "late"));
            transaction.commit();
            CHECK(sequence == 6);
            const auto june = store::states_as_of(db, plan, {day("2024-06-30"), std::nullopt});
            CHECK(june[0].progress == 50);
            CHECK(june[0].note == "late");
        }
        CHECK(user_version(path.str()) == store::Database::current_schema_version());
    }

    TEST_CASE("an upgrade that cannot keep every update changes nothing and says why")
    {
        TempPath path("migrate-orphan.sqlite");
        write_version_1(path.str(), true);
        std::string message;
        try {
            store::Database::open(path.str(), store::Database::Access::write);
        } catch (const plantrack::Error& e) {
            message = e.what();
        }
        // (An update of an item the database does not hold gets no key.)
        CHECK(message == fmt::format("cannot upgrade '{}' to schema version 2 (NOT NULL constraint failed: "
                                     "updates_v2.item_key); the file is unchanged",
                                     path.str()));
        CHECK(user_version(path.str()) == 1);
        SQLite::Database raw(path.str(), SQLite::OPEN_READONLY);
        CHECK(raw.execAndGet("SELECT count(*) FROM updates").getInt() == 6);
    }
}
