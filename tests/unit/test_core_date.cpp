#include <doctest/doctest.h>

#include "core_test_values.hpp"

#include "plantrack/core/date.hpp"

#include <fmt/format.h>

using plantrack::core::Date;
using plantrack::core::format_timestamp;
using plantrack::core::parse_timestamp;
using plantrack::core::Period;
using plantrack::core::Timestamp;
using plantrack::core::test_values::day;
using plantrack::core::test_values::period;

namespace {

constexpr Timestamp k_day_ms = 86'400'000;

} // namespace

TEST_SUITE("core::date")
{
    TEST_CASE("Date::parse accepts real days only, strictly YYYY-MM-DD")
    {
        SUBCASE("a leap day of a leap year")
        {
            const auto date = Date::parse("2024-02-29");
            REQUIRE(date);
            CHECK(date->year() == 2024);
            CHECK(date->month() == 2);
            CHECK(date->day() == 29);
        }
        SUBCASE("the epoch and the range ends")
        {
            CHECK(day("1970-01-01").days() == 0);
            CHECK(day("2024-07-05").days() == 19909);
            CHECK(day("1900-01-01").to_string() == "1900-01-01");
            CHECK(day("9999-12-31").to_string() == "9999-12-31");
        }
        SUBCASE("days that do not exist")
        {
            CHECK_FALSE(Date::parse("2023-02-29"));
            CHECK_FALSE(Date::parse("2024-02-30"));
            CHECK_FALSE(Date::parse("2024-04-31"));
            CHECK_FALSE(Date::parse("2024-13-01"));
            CHECK_FALSE(Date::parse("2024-00-10"));
            CHECK_FALSE(Date::parse("2024-01-00"));
            CHECK_FALSE(Date::parse("1900-02-29")); // 1900 is not a leap year
        }
        SUBCASE("anything but the exact shape")
        {
            CHECK_FALSE(Date::parse("2024-2-3"));
            CHECK_FALSE(Date::parse(" 2024-01-01"));
            CHECK_FALSE(Date::parse("2024-01-01 "));
            CHECK_FALSE(Date::parse("2024-01-01x"));
            CHECK_FALSE(Date::parse("2024/01/01"));
            CHECK_FALSE(Date::parse("20240101"));
            CHECK_FALSE(Date::parse("2024-01-1a"));
            CHECK_FALSE(Date::parse("+024-01-01"));
            CHECK_FALSE(Date::parse("2024-+1-01"));
            CHECK_FALSE(Date::parse(""));
        }
        SUBCASE("years before 1900")
        {
            CHECK_FALSE(Date::parse("1899-12-31"));
            CHECK_FALSE(Date::parse("0000-01-01"));
        }
    }

    TEST_CASE("Date::to_string pads to YYYY-MM-DD and formats through fmt")
    {
        const auto date = Date::from_ymd(2024, 3, 5);
        CHECK(date.to_string() == "2024-03-05");
        CHECK(fmt::format("{}", date) == "2024-03-05");
        CHECK(fmt::format("[{:>12}]", date) == "[  2024-03-05]");
    }

    TEST_CASE("Date arithmetic counts calendar days")
    {
        SUBCASE("differences across February")
        {
            CHECK(day("2024-03-01") - day("2024-02-28") == 2);
            CHECK(day("2023-03-01") - day("2023-02-28") == 1);
            CHECK(day("2025-01-01") - day("2024-01-01") == 366);
            CHECK(day("2024-01-01") - day("2025-01-01") == -366);
        }
        SUBCASE("plus_days crosses months and years both ways")
        {
            CHECK(day("2024-12-31").plus_days(1).to_string() == "2025-01-01");
            CHECK(day("2024-03-01").plus_days(-1).to_string() == "2024-02-29");
            CHECK(day("2024-01-01").plus_days(100).to_string() == "2024-04-10");
            CHECK(day("2024-01-01").plus_days(0) == day("2024-01-01"));
        }
        SUBCASE("ordering")
        {
            CHECK(day("2024-01-01") < day("2024-01-02"));
            CHECK(day("2023-12-31") < day("2024-01-01"));
            CHECK(day("2024-05-05") == Date::from_ymd(2024, 5, 5));
            CHECK(Date::from_days(-1).to_string() == "1969-12-31");
        }
    }

    TEST_CASE("Period::parse reads years, half-years and quarters")
    {
        SUBCASE("a year")
        {
            const auto p = period("2024");
            CHECK(p.kind == Period::Kind::year);
            CHECK(p.year == 2024);
            CHECK(p.first_day().to_string() == "2024-01-01");
            CHECK(p.last_day().to_string() == "2024-12-31");
            CHECK(p.previous().to_string() == "2023");
            CHECK(p.to_string() == "2024");
        }
        SUBCASE("a quarter")
        {
            const auto p = period("2024Q2");
            CHECK(p.kind == Period::Kind::quarter);
            CHECK(p.index == 2);
            CHECK(p.first_day().to_string() == "2024-04-01");
            CHECK(p.last_day().to_string() == "2024-06-30");
            CHECK(p.previous().to_string() == "2024Q1");
            CHECK(p.to_string() == "2024Q2");
        }
        SUBCASE("quarter ends, with a leap February")
        {
            CHECK(period("2024Q1").last_day().to_string() == "2024-03-31");
            CHECK(period("2024Q1").first_day().to_string() == "2024-01-01");
            CHECK(period("2024Q3").first_day().to_string() == "2024-07-01");
            CHECK(period("2024Q3").last_day().to_string() == "2024-09-30");
            CHECK(period("2024Q4").first_day().to_string() == "2024-10-01");
            CHECK(period("2024Q4").last_day().to_string() == "2024-12-31");
        }
        SUBCASE("the first quarter's previous is the year before's last")
        {
            CHECK(period("2024Q1").previous().to_string() == "2023Q4");
            CHECK(period("2024Q1").previous() == period("2023Q4"));
        }
        SUBCASE("half-years")
        {
            const auto h1 = period("2024H1");
            CHECK(h1.kind == Period::Kind::half);
            CHECK(h1.first_day().to_string() == "2024-01-01");
            CHECK(h1.last_day().to_string() == "2024-06-30");
            CHECK(h1.previous().to_string() == "2023H2");
            CHECK(h1.to_string() == "2024H1");
            const auto h2 = period("2024H2");
            CHECK(h2.first_day().to_string() == "2024-07-01");
            CHECK(h2.last_day().to_string() == "2024-12-31");
            CHECK(h2.previous().to_string() == "2024H1");
        }
        SUBCASE("lower-case markers read as the canonical form")
        {
            CHECK(period("2024q3").to_string() == "2024Q3");
            CHECK(period("2024h2").to_string() == "2024H2");
        }
        SUBCASE("refused")
        {
            CHECK_FALSE(Period::parse("2024Q5"));
            CHECK_FALSE(Period::parse("2024Q0"));
            CHECK_FALSE(Period::parse("2024H3"));
            CHECK_FALSE(Period::parse("2024H0"));
            CHECK_FALSE(Period::parse("24Q1"));
            CHECK_FALSE(Period::parse("2024Q"));
            CHECK_FALSE(Period::parse("2024Q12"));
            CHECK_FALSE(Period::parse("2024-Q1"));
            CHECK_FALSE(Period::parse("2024M1"));
            CHECK_FALSE(Period::parse(" 2024"));
            CHECK_FALSE(Period::parse("2024 "));
            CHECK_FALSE(Period::parse("1899"));
            CHECK_FALSE(Period::parse(""));
        }
    }

    TEST_CASE("parse_timestamp reads ISO 8601 with a zone")
    {
        // 2024-07-05T01:02:03Z is 1720141323 seconds after the epoch.
        constexpr Timestamp k_moment = 1'720'141'323'000;
        SUBCASE("Z")
        {
            CHECK(parse_timestamp("2024-07-05T01:02:03Z") == k_moment);
            CHECK(parse_timestamp("1970-01-01T00:00:00Z") == 0);
        }
        SUBCASE("offsets move the moment to UTC")
        {
            CHECK(parse_timestamp("2024-07-05T09:02:03+08:00") == k_moment);
            CHECK(parse_timestamp("2024-07-04T20:02:03-05:00") == k_moment);
            CHECK(parse_timestamp("2024-07-05T01:02:03+00:00") == k_moment);
            CHECK(parse_timestamp("2024-07-05T06:32:03+05:30") == k_moment);
        }
        SUBCASE("fractions are kept to the millisecond")
        {
            CHECK(parse_timestamp("2024-07-05T01:02:03.5Z") == k_moment + 500);
            CHECK(parse_timestamp("2024-07-05T01:02:03.045Z") == k_moment + 45);
            CHECK(parse_timestamp("2024-07-05T01:02:03.123Z") == k_moment + 123);
            CHECK(parse_timestamp("2024-07-05T01:02:03.123999Z") == k_moment + 123);
            CHECK(parse_timestamp("2024-07-05T09:02:03.250+08:00") == k_moment + 250);
        }
        SUBCASE("seconds are optional, a space may stand for T")
        {
            CHECK(parse_timestamp("2024-07-05T01:02Z") == k_moment - 3000);
            CHECK(parse_timestamp("2024-07-05 01:02:03Z") == k_moment);
        }
        SUBCASE("a date alone is the last millisecond of that day in UTC")
        {
            const Timestamp next_day = static_cast<Timestamp>(Date::from_ymd(2024, 7, 6).days()) * k_day_ms;
            CHECK(parse_timestamp("2024-07-05") == next_day - 1);
            CHECK(format_timestamp(*parse_timestamp("2024-07-05")) == "2024-07-05T23:59:59.999Z");
        }
        SUBCASE("refused")
        {
            CHECK_FALSE(parse_timestamp("2024-07-05T01:02:03")); // no zone
            CHECK_FALSE(parse_timestamp("2024-07-05T01:02"));
            CHECK_FALSE(parse_timestamp("2024-07-05T01:02:03+0800"));
            CHECK_FALSE(parse_timestamp("2024-07-05T01:02:03+08"));
            CHECK_FALSE(parse_timestamp("2024-07-05T01:02:03ZZ"));
            CHECK_FALSE(parse_timestamp("2024-07-05T01:02:03z"));
            CHECK_FALSE(parse_timestamp("2024-07-05T01:02:03.Z"));
            CHECK_FALSE(parse_timestamp("2024-07-05T24:00:00Z"));
            CHECK_FALSE(parse_timestamp("2024-07-05T01:60:00Z"));
            CHECK_FALSE(parse_timestamp("2024-07-05T01:02:60Z"));
            CHECK_FALSE(parse_timestamp("2024-07-05T1:02:03Z"));
            CHECK_FALSE(parse_timestamp("2024-07-05X01:02:03Z"));
            CHECK_FALSE(parse_timestamp("2024-07-05T"));
            CHECK_FALSE(parse_timestamp("2024-02-30T00:00:00Z"));
            CHECK_FALSE(parse_timestamp("2024-07-05T01:02:03+24:00"));
            CHECK_FALSE(parse_timestamp("yesterday"));
            CHECK_FALSE(parse_timestamp(""));
        }
    }

    TEST_CASE("format_timestamp writes UTC with milliseconds")
    {
        CHECK(format_timestamp(0) == "1970-01-01T00:00:00.000Z");
        CHECK(format_timestamp(1'720'141'323'045) == "2024-07-05T01:02:03.045Z");
        CHECK(format_timestamp(-1) == "1969-12-31T23:59:59.999Z");
        SUBCASE("round trip")
        {
            for (const char* text :
                 {"2024-07-05T01:02:03.045Z", "2023-12-31T23:59:59.999Z", "2025-01-01T00:00:00.000Z"}) {
                CAPTURE(text);
                const auto parsed = parse_timestamp(text);
                REQUIRE(parsed);
                CHECK(format_timestamp(*parsed) == text);
            }
        }
    }
}
