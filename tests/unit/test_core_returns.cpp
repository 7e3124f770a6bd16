#include <doctest/doctest.h>

#include "plantrack/core/returns.hpp"

using namespace plantrack::core;

TEST_SUITE("core::returns")
{
    TEST_CASE("return periods by name")
    {
        const auto october = ReturnPeriod::parse("2024-10");
        REQUIRE(october);
        CHECK(october->first == Date::from_ymd(2024, 10, 1));
        CHECK(october->last == Date::from_ymd(2024, 10, 31));
        CHECK(ReturnPeriod::parse("2024-02")->last == Date::from_ymd(2024, 2, 29));
        CHECK(ReturnPeriod::parse("2024-12")->last == Date::from_ymd(2024, 12, 31));
        const auto week = ReturnPeriod::parse("2024-W01");
        REQUIRE(week);
        CHECK(week->first == Date::from_ymd(2024, 1, 1)); // a Monday
        CHECK(week->last == Date::from_ymd(2024, 1, 7));
        CHECK(ReturnPeriod::parse("2020-W53")); // 2020 has 53 ISO weeks, 2024 does not
        CHECK_FALSE(ReturnPeriod::parse("2024-W53"));
        CHECK(ReturnPeriod::parse("2024Q2")->first == Date::from_ymd(2024, 4, 1));
        CHECK(ReturnPeriod::parse("2024H2")->last == Date::from_ymd(2024, 12, 31));
        CHECK(ReturnPeriod::parse("2024")->name == "2024");
        CHECK_FALSE(ReturnPeriod::parse("2024-13"));
        CHECK_FALSE(ReturnPeriod::parse("2024-00"));
        CHECK_FALSE(ReturnPeriod::parse("2024-1"));
        CHECK_FALSE(ReturnPeriod::parse("2024-+1"));
        CHECK_FALSE(ReturnPeriod::parse("24-10"));
    }

    TEST_CASE("the current period follows update_every")
    {
        const auto day = Date::from_ymd(2024, 5, 15); // a Wednesday
        CHECK(ReturnPeriod::containing("month", day) == *ReturnPeriod::parse("2024-05"));
        CHECK(ReturnPeriod::containing("quarter", day) == *ReturnPeriod::parse("2024Q2"));
        CHECK(ReturnPeriod::containing("week", day) == *ReturnPeriod::parse("2024-W20"));
        // A day of ISO week 1 of the next year.
        CHECK(ReturnPeriod::containing("week", Date::from_ymd(2024, 12, 30)).name == "2025-W01");
    }

    TEST_CASE("open and owed items")
    {
        const auto may = *ReturnPeriod::parse("2024-05");
        Item item;
        item.start = Date::from_ymd(2024, 1, 1);
        item.due = Date::from_ymd(2024, 12, 31);
        ItemState before;
        CHECK(is_open_in(item, before, may));
        CHECK(owes_return(item, before, 0, may));
        CHECK_FALSE(owes_return(item, before, 1, may));
        SUBCASE("starting on the period's last day is open; the day after is not")
        {
            item.start = may.last;
            CHECK(is_open_in(item, before, may));
            item.start = may.last.plus_days(1);
            CHECK_FALSE(is_open_in(item, before, may));
        }
        SUBCASE("done or cancelled before the period: closed")
        {
            before.status = Status::done;
            CHECK_FALSE(is_open_in(item, before, may));
            before.status = Status::cancelled;
            CHECK_FALSE(owes_return(item, before, 0, may));
        }
        SUBCASE("withdrawn: closed")
        {
            item.withdrawn = true;
            CHECK_FALSE(is_open_in(item, before, may));
        }
        SUBCASE("overdue but not done: still open")
        {
            item.due = Date::from_ymd(2024, 3, 31);
            before.status = Status::delayed;
            CHECK(owes_return(item, before, 0, may));
        }
    }
}
