#include <doctest/doctest.h>

#include "plantrack/core/model.hpp"
#include "plantrack/core/status.hpp"

#include <fmt/format.h>

using namespace plantrack::core;

namespace {

Item item(const char* id, ItemKind kind = ItemKind::task)
{
    Item i;
    i.id = id;
    i.kind = kind;
    return i;
}

} // namespace

TEST_SUITE("core::model")
{
    TEST_CASE("Plan::find_item and item_ids")
    {
        Plan plan;
        plan.items = {item("1"), item("1.1", ItemKind::milestone), item("2"), item("13.10", ItemKind::milestone)};
        SUBCASE("found by exact id")
        {
            const auto* found = plan.find_item("1.1");
            REQUIRE(found != nullptr);
            CHECK(found->id == "1.1");
            CHECK(found->kind == ItemKind::milestone);
            CHECK(found == &plan.items[1]);
            CHECK(plan.find_item("13.10") == &plan.items[3]);
        }
        SUBCASE("not found")
        {
            CHECK(plan.find_item("1.2") == nullptr);
            CHECK(plan.find_item("") == nullptr);
            CHECK(plan.find_item("1.1 ") == nullptr);
        }
        SUBCASE("items added after a look-up are found")
        {
            REQUIRE(plan.find_item("3") == nullptr);
            plan.items.push_back(item("3"));
            REQUIRE(plan.find_item("3") != nullptr);
            CHECK(plan.find_item("3") == &plan.items.back());
        }
        SUBCASE("a copy looks up in its own items")
        {
            REQUIRE(plan.find_item("2") != nullptr);
            const Plan copy = plan;
            CHECK(copy.find_item("2") == &copy.items[2]);
        }
        SUBCASE("item_ids in plan order")
        {
            CHECK(plan.item_ids() == std::vector<std::string>{"1", "1.1", "2", "13.10"});
            CHECK(Plan{}.item_ids().empty());
        }
    }

    TEST_CASE("Plan::find_indicator and find_area")
    {
        Plan plan;
        plan.areas = {{"A1", "一", "one", ""}, {"A13", "+1", "plus one", ""}};
        Indicator revenue;
        revenue.id = "revenue";
        plan.indicators = {revenue};
        REQUIRE(plan.find_area("A13") != nullptr);
        CHECK(plan.find_area("A13")->number == "+1");
        CHECK(plan.find_area("A2") == nullptr);
        REQUIRE(plan.find_indicator("revenue") != nullptr);
        CHECK(plan.find_indicator("revenu") == nullptr);
    }

    TEST_CASE("measure and direction names")
    {
        SUBCASE("every measure round trips")
        {
            for (const auto measure : {Measure::level, Measure::share, Measure::annual_growth, Measure::cumulative,
                                       Measure::change_from_baseline}) {
                CAPTURE(to_string(measure));
                CHECK(parse_measure(to_string(measure)) == measure);
            }
            CHECK(to_string(Measure::annual_growth) == "annual-growth");
            CHECK(to_string(Measure::change_from_baseline) == "change-from-baseline");
            CHECK(measure_names() ==
                  std::vector<std::string>{"level", "share", "annual-growth", "cumulative", "change-from-baseline"});
        }
        SUBCASE("unknown measures")
        {
            CHECK_FALSE(parse_measure("annual_growth"));
            CHECK_FALSE(parse_measure("Level"));
            CHECK_FALSE(parse_measure(""));
        }
        SUBCASE("directions")
        {
            CHECK(parse_direction("up") == Direction::up);
            CHECK(parse_direction("down") == Direction::down);
            CHECK(to_string(Direction::up) == "up");
            CHECK(to_string(Direction::down) == "down");
            CHECK_FALSE(parse_direction("Up"));
            CHECK_FALSE(parse_direction("at-least"));
        }
        SUBCASE("item kinds")
        {
            CHECK(to_string(ItemKind::task) == "task");
            CHECK(to_string(ItemKind::milestone) == "milestone");
        }
    }

    TEST_CASE("review defaults are SPEC's")
    {
        const ReviewSettings review;
        CHECK(review.update_every == "month");
        CHECK(review.stale_after_days == 45);
        CHECK(review.behind_by == 20);
        CHECK(review.at_risk_within == 10);
        CHECK(Plan{}.language == "zh");
        CHECK(Item{}.weight == 1);
    }
}

TEST_SUITE("core::status")
{
    TEST_CASE("status names round trip")
    {
        const std::vector<std::string> names = {"not-started", "on-track", "at-risk", "delayed", "done", "cancelled"};
        CHECK(status_names() == names);
        for (const auto& name : names) {
            CAPTURE(name);
            const auto status = parse_status(name);
            REQUIRE(status);
            CHECK(to_string(*status) == name);
            CHECK(fmt::format("{}", *status) == name);
        }
        CHECK_FALSE(parse_status("on_track"));
        CHECK_FALSE(parse_status("Done"));
        CHECK_FALSE(parse_status(""));
    }

    TEST_CASE("light names round trip")
    {
        const std::vector<std::string> names = {"red", "yellow", "green", "done", "cancelled"};
        CHECK(light_names() == names);
        for (const auto& name : names) {
            CAPTURE(name);
            const auto light = parse_light(name);
            REQUIRE(light);
            CHECK(to_string(*light) == name);
            CHECK(fmt::format("{}", *light) == name);
        }
        CHECK_FALSE(parse_light("amber"));
    }

    TEST_CASE("needs_reason: at-risk and delayed")
    {
        CHECK(needs_reason(Status::at_risk));
        CHECK(needs_reason(Status::delayed));
        CHECK_FALSE(needs_reason(Status::on_track));
        CHECK_FALSE(needs_reason(Status::not_started));
        CHECK_FALSE(needs_reason(Status::done));
        CHECK_FALSE(needs_reason(Status::cancelled));
    }
}
