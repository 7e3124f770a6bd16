#include <doctest/doctest.h>

#include "store_test_plan.hpp"
#include "temp_path.hpp"

#include <algorithm>
#include <iterator>

using namespace store_test;

TEST_SUITE("store::update_store")
{
    TEST_CASE("states_as_of agrees with core::state_as_of")
    {
        auto db = memory_db();
        const auto plan = parse(k_plan);
        store::apply_plan(db, plan, "plan.yaml", 1000);
        // Recorded times: 10_000 … ; dates deliberately out of recording order, some in the future
        // of the as-of dates below, one back-dated correction, one same-date tie.
        std::vector<core::Update> updates = {
            update("1", "2024-02-01", core::Status::on_track, 10, 10'000),
            update("1", "2024-03-01", core::Status::on_track, 30, 20'000),
            update("1", "2024-06-01", core::Status::at_risk, 40, 30'000, "future-dated"),
            update("1", "2024-03-01", core::Status::on_track, 35, 40'000, "same date, recorded later"),
            update("1", "2024-02-15", core::Status::on_track, 20, 50'000, "back-dated"),
            update("1.1", "2024-04-01", core::Status::done, 100, 20'000),
            update("1.1", "2024-04-01", core::Status::on_track, 90, 20'000, "same millisecond, inserted later"),
            update("2", "2025-01-01", core::Status::delayed, 5, 60'000, "far future"),
        };
        {
            store::WriteTransaction transaction(db);
            for (auto& u : updates) {
                u.sequence = store::append_update(db, "p", u);
            }
            transaction.commit();
        }
        const std::vector<const char*> dates = {"2024-01-31", "2024-02-01", "2024-02-20", "2024-03-01",
                                                "2024-04-01", "2024-06-01", "2024-12-31", "2025-06-30"};
        const std::vector<std::optional<core::Timestamp>> known = {std::nullopt, 9'999, 20'000, 39'999, 40'000, 55'000};
        for (const auto* date : dates) {
            for (const auto& known_at : known) {
                CAPTURE(date);
                CAPTURE(known_at.value_or(-1));
                const store::Cutoff cutoff{day(date), known_at};
                const auto states = store::states_as_of(db, plan, cutoff);
                REQUIRE(states.size() == plan.items.size());
                for (std::size_t i = 0; i < plan.items.size(); ++i) {
                    const auto& id = plan.items[i].id;
                    CAPTURE(id);
                    std::vector<core::Update> visible;
                    std::copy_if(updates.begin(), updates.end(), std::back_inserter(visible), [&](const auto& u) {
                        return u.item_id == id && (!known_at || u.recorded_at <= *known_at);
                    });
                    const auto expected = core::state_as_of(visible, day(date));
                    CHECK(same_state(states[i], expected));
                    CHECK(same_state(store::state_as_of(db, "p", id, cutoff), expected));
                }
            }
        }
        SUBCASE("spot checks by hand")
        {
            const auto states = store::states_as_of(db, plan, {day("2024-03-01"), std::nullopt});
            CHECK(states[0].progress == 35);                      // same date, recorded later
            CHECK(states[1].status == core::Status::not_started); // 1.1: dated 2024-04-01
            const auto april = store::states_as_of(db, plan, {day("2024-04-01"), std::nullopt});
            CHECK(april[1].status == core::Status::on_track); // same millisecond, inserted later
            CHECK(april[1].progress == 90);
            CHECK(states[2].status == core::Status::not_started); // 1.2: no updates
            const auto before = store::states_as_of(db, plan, {day("2024-03-01"), core::Timestamp{39'999}});
            CHECK(before[0].progress == 30);
            const auto late = store::states_as_of(db, plan, {day("2024-12-31"), std::nullopt});
            CHECK(late[0].status == core::Status::at_risk);
            CHECK(late[0].note == "future-dated");
            CHECK(late[3].status == core::Status::not_started); // task 2's only update is dated 2025
        }
        SUBCASE("history is oldest first by date, recorded time, insertion order")
        {
            const auto h = store::history(db, "p", "1");
            REQUIRE(h.size() == 5);
            CHECK(h[0].progress == 10);
            CHECK(h[1].progress == 20);
            CHECK(h[2].progress == 30);
            CHECK(h[3].progress == 35);
            CHECK(h[4].progress == 40);
            CHECK(store::history(db, "p", "1", core::Timestamp{20'000}).size() == 2);
        }
    }

    TEST_CASE("a reading connection sees one snapshot, whatever is logged after its first query")
    {
        plantrack::test::TempPath path("snapshot.sqlite");
        const auto plan = parse(k_plan);
        auto log = [&](int progress, core::Timestamp recorded_at) {
            auto writer = store::Database::open(path.str(), store::Database::Access::write);
            store::WriteTransaction transaction(writer);
            store::append_update(writer, "p", update("1", "2024-03-01", core::Status::on_track, progress, recorded_at));
            transaction.commit();
        };
        {
            auto writer = store::Database::open(path.str(), store::Database::Access::write);
            store::apply_plan(writer, plan, "plan.yaml", 1000);
        }
        log(10, 10'000);
        auto reader = store::Database::open(path.str(), store::Database::Access::read);
        const store::Cutoff cutoff{day("2024-06-30"), std::nullopt};
        CHECK(store::states_as_of(reader, plan, cutoff)[0].progress == 10);
        log(20, 20'000); // another process logs and commits meanwhile
        CHECK(store::states_as_of(reader, plan, cutoff)[0].progress == 10);
        CHECK(store::history(reader, "p", "1").size() == 1);
        auto later = store::Database::open(path.str(), store::Database::Access::read);
        CHECK(store::states_as_of(later, plan, cutoff)[0].progress == 20);
    }

    TEST_CASE("has_identical_update")
    {
        auto db = memory_db();
        store::apply_plan(db, parse(k_plan), "plan.yaml", 1000);
        const auto u = update("1", "2024-03-01", core::Status::at_risk, 30, 5000, "land");
        CHECK_FALSE(store::has_identical_update(db, "p", u));
        store::append_update(db, "p", u);
        CHECK(store::has_identical_update(db, "p", u));
        SUBCASE("the recording time does not matter")
        {
            auto later = u;
            later.recorded_at = 9999;
            CHECK(store::has_identical_update(db, "p", later));
        }
        SUBCASE("any other column does")
        {
            auto other = u;
            other.note = "land ";
            CHECK_FALSE(store::has_identical_update(db, "p", other));
            other = u;
            other.by = "someone else";
            CHECK_FALSE(store::has_identical_update(db, "p", other));
            other = u;
            other.progress = 31;
            CHECK_FALSE(store::has_identical_update(db, "p", other));
            other = u;
            other.date = day("2024-03-02");
            CHECK_FALSE(store::has_identical_update(db, "p", other));
            other = u;
            other.status = core::Status::delayed;
            CHECK_FALSE(store::has_identical_update(db, "p", other));
            other = u;
            other.item_id = "1.1";
            CHECK_FALSE(store::has_identical_update(db, "p", other));
            CHECK_FALSE(store::has_identical_update(db, "other-plan", u));
        }
    }

    TEST_CASE("updates and readings are append-only")
    {
        auto db = memory_db();
        store::apply_plan(db, parse(k_plan), "plan.yaml", 1000);
        store::append_update(db, "p", update("1", "2024-03-01", core::Status::on_track, 30, 5000));
        store::append_reading(db, "p", {"revenue", *core::Period::parse("2024"), 80, "", "tester", 6000});
        CHECK_THROWS_AS(db.sql().exec("UPDATE updates SET progress = 90"), SQLite::Exception);
        CHECK_THROWS_AS(db.sql().exec("DELETE FROM updates"), SQLite::Exception);
        CHECK_THROWS_AS(db.sql().exec("UPDATE readings SET value = 1"), SQLite::Exception);
        CHECK_THROWS_AS(db.sql().exec("DELETE FROM readings"), SQLite::Exception);
        CHECK(db.sql().execAndGet("SELECT progress FROM updates").getInt() == 30);
        CHECK(db.sql().execAndGet("SELECT count(*) FROM readings").getInt() == 1);
        SUBCASE("the database refuses what core would refuse")
        {
            CHECK_THROWS_AS(store::append_update(db, "p", update("1", "2024-03-01", core::Status::on_track, 101, 1)),
                            SQLite::Exception);
            // Item ids are checked by plantrack before appending (cli/update_input.cpp), not by a
            // foreign key: SQLite's check cost more than the insert itself at import scale.
        }
    }

    TEST_CASE("readings come back per indicator and period, known_at respected")
    {
        auto db = memory_db();
        store::apply_plan(db, parse(k_plan), "plan.yaml", 1000);
        store::append_reading(db, "p", {"revenue", *core::Period::parse("2024Q2"), 40, "", "a", 6000});
        store::append_reading(db, "p", {"revenue", *core::Period::parse("2024Q2"), 45, "corrected", "a", 7000});
        const auto all = store::readings(db, "p", std::nullopt);
        REQUIRE(all.size() == 2);
        CHECK(all[0].value == 40);
        CHECK(all[1].value == 45);
        CHECK(all[1].period.to_string() == "2024Q2");
        CHECK(store::readings(db, "p", core::Timestamp{6999}).size() == 1);
    }
}
