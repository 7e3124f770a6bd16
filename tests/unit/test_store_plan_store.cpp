#include <doctest/doctest.h>

#include "store_test_plan.hpp"

#include <SQLiteCpp/Statement.h>

using namespace store_test;

TEST_SUITE("store::plan_store")
{
    TEST_CASE("apply_plan creates, then re-applying the same plan records nothing")
    {
        auto db = memory_db();
        const auto plan = parse(k_plan);
        const auto first = store::apply_plan(db, plan, "plan.yaml", 1000);
        CHECK(first.created);
        CHECK(first.revision == 1);
        CHECK(first.plan_id == "p");
        CHECK_FALSE(first.changes.empty());
        CHECK(store::plan_ids(db) == std::vector<std::string>{"p"});
        CHECK(store::resolve_plan_id(db, std::nullopt) == "p");

        const auto again = store::apply_plan(db, plan, "plan.yaml", 2000);
        CHECK_FALSE(again.created);
        CHECK(again.revision == 1);
        CHECK(again.changes.empty());
        CHECK(store::revisions(db, "p").size() == 1);

        SUBCASE("the stored plan reads back as parsed")
        {
            const auto stored = store::read_plan(db, "p");
            CHECK(stored.revision == 1);
            CHECK(stored.title == plan.title);
            CHECK(stored.start == plan.start);
            CHECK(stored.end == plan.end);
            CHECK(stored.review == plan.review);
            CHECK(stored.owners == plan.owners);
            CHECK(stored.areas == plan.areas);
            CHECK(stored.goals == plan.goals);
            CHECK(stored.indicators == plan.indicators);
            CHECK(stored.items == plan.items);
        }
    }

    TEST_CASE("apply_plan records a postponed due date as a change with old and new values")
    {
        auto db = memory_db();
        store::apply_plan(db, parse(k_plan), "plan.yaml", 1000);
        const auto revised = parse(replaced(k_plan, "due: 2024-12-31", "due: 2025-06-30"));
        const auto result = store::apply_plan(db, revised, "plan-v2.yaml", 2000);
        CHECK_FALSE(result.created);
        CHECK(result.revision == 2);
        REQUIRE(result.changes.size() == 1);
        const auto& change = result.changes[0];
        CHECK(change.entity == "item");
        CHECK(change.entity_id == "1");
        CHECK(change.change == "changed");
        CHECK(change.field == "due_date");
        CHECK(change.old_value == "2024-12-31");
        CHECK(change.new_value == "2025-06-30");

        const auto stored = store::read_plan(db, "p");
        CHECK(stored.revision == 2);
        CHECK(stored.find_item("1")->due.to_string() == "2025-06-30");
        const auto history = store::revisions(db, "p");
        REQUIRE(history.size() == 2);
        CHECK(history[1].revision == 2);
        CHECK(history[1].loaded_at == 2000);
        CHECK(history[1].source == "plan-v2.yaml");
        CHECK(history[1].changed == 1);
        CHECK(history[1].added == 0);
        CHECK(history[1].withdrawn == 0);

        SUBCASE("the change is kept in revision_changes")
        {
            SQLite::Statement query(db.sql(), "SELECT entity, entity_id, change, field, old_value, new_value "
                                              "FROM revision_changes WHERE plan_id = 'p' AND revision = 2");
            REQUIRE(query.executeStep());
            CHECK(query.getColumn(0).getString() == "item");
            CHECK(query.getColumn(3).getString() == "due_date");
            CHECK(query.getColumn(4).getString() == "2024-12-31");
            CHECK(query.getColumn(5).getString() == "2025-06-30");
            CHECK_FALSE(query.executeStep());
        }
    }

    TEST_CASE("apply_plan withdraws a removed item and keeps it")
    {
        auto db = memory_db();
        store::apply_plan(db, parse(k_plan), "plan.yaml", 1000);
        const auto without = parse(replaced(k_plan, "          - {id: \"1.2\", title: M2, due: 2024-09-30}\n", ""));
        const auto result = store::apply_plan(db, without, "plan.yaml", 2000);
        REQUIRE(result.changes.size() == 1);
        CHECK(result.changes[0].entity == "item");
        CHECK(result.changes[0].entity_id == "1.2");
        CHECK(result.changes[0].change == "withdrawn");

        const auto current = store::read_plan(db, "p");
        CHECK(current.find_item("1.2") == nullptr);
        CHECK(current.item_ids() == std::vector<std::string>{"1", "1.1", "2"});

        const auto everything = store::read_plan(db, "p", true);
        const auto* withdrawn = everything.find_item("1.2");
        REQUIRE(withdrawn != nullptr);
        CHECK(withdrawn->withdrawn);
        CHECK_FALSE(everything.find_item("1.1")->withdrawn);

        SUBCASE("loading the same revision again changes nothing")
        {
            CHECK(store::apply_plan(db, without, "plan.yaml", 3000).changes.empty());
        }
        SUBCASE("putting it back restores it")
        {
            const auto back = store::apply_plan(db, parse(k_plan), "plan.yaml", 3000);
            REQUIRE(back.changes.size() == 1);
            CHECK(back.changes[0].change == "restored");
            CHECK(store::read_plan(db, "p").find_item("1.2") != nullptr);
        }
    }

    TEST_CASE("read_plan as known at a time gives the revision in force then")
    {
        auto db = memory_db();
        const auto first = parse(k_plan);
        store::apply_plan(db, first, "plan.yaml", 1000);
        auto text = replaced(k_plan, "due: 2024-12-31", "due: 2025-06-30"); // item 1 postponed
        text = replaced(text, "title: Store plan", "title: Store plan v2"); // header changed
        text = replaced(text, "          - {id: \"1.2\", title: M2, due: 2024-09-30}\n",
                        "          - {id: \"1.3\", title: M3, due: 2024-10-31}\n"); // 1.2 withdrawn, 1.3 added
        text = replaced(text, "  - {name: DeptB}\n", "  - {name: DeptB}\n  - {name: DeptC}\n");
        store::apply_plan(db, parse(text), "plan-v2.yaml", 2000);

        SUBCASE("before the second revision: the first, exactly")
        {
            for (const core::Timestamp t : {1000, 1999}) {
                const auto then = store::read_plan(db, "p", false, t);
                CHECK(then.revision == 1);
                CHECK(then.title == "Store plan");
                CHECK(then.owners == first.owners);
                CHECK(then.items == first.items);
                CHECK(store::read_plan_header(db, "p", t).title == "Store plan");
                CHECK(store::read_item(db, "p", "1", t)->due == core::Date::from_ymd(2024, 12, 31));
                CHECK_FALSE(store::read_item(db, "p", "1.3", t).has_value());
            }
        }
        SUBCASE("at or after it, and without a time: the current one")
        {
            for (const auto t : {std::optional<core::Timestamp>(2000), std::optional<core::Timestamp>()}) {
                const auto now = store::read_plan(db, "p", false, t);
                CHECK(now.revision == 2);
                CHECK(now.title == "Store plan v2");
                CHECK(now.item_ids() == std::vector<std::string>{"1", "1.1", "1.3", "2"});
                CHECK(now.find_item("1")->due == core::Date::from_ymd(2025, 6, 30));
            }
        }
        SUBCASE("withdrawn items are kept, marked, when asked")
        {
            const auto then = store::read_plan(db, "p", true, 1500);
            CHECK(then.item_ids() == std::vector<std::string>{"1", "1.1", "1.2", "2"});
            CHECK_FALSE(then.find_item("1.2")->withdrawn);
            const auto now = store::read_plan(db, "p", true, 2500);
            CHECK(now.find_item("1.2")->withdrawn);
        }
        SUBCASE("a time before the plan was loaded is refused")
        {
            CHECK_THROWS_WITH_AS(store::read_plan(db, "p", false, 999),
                                 "the plan 'p' was first loaded at 1970-01-01T00:00:01.000Z, after --known-at "
                                 "1970-01-01T00:00:00.999Z",
                                 Error);
        }
    }
}
