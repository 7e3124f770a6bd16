#include <doctest/doctest.h>

#include "core_test_values.hpp"

#include "plantrack/core/indicators.hpp"

#include <cmath>
#include <vector>

using namespace plantrack::core;
using namespace plantrack::core::test_values;

namespace {

// The reference plan's span: 2023–2025, three years; at_risk_within 10 by default.
Plan plan_2023_2025()
{
    Plan plan;
    plan.id = "p";
    plan.start = day("2023-01-01");
    plan.end = day("2025-12-31");
    return plan;
}

Indicator indicator(Measure measure, Direction direction, std::optional<PeriodValue> baseline, PeriodValue target)
{
    Indicator i;
    i.id = "i";
    i.measure = measure;
    i.direction = direction;
    i.baseline = baseline;
    i.target = target;
    return i;
}

PeriodReading reading(const char* p, double value)
{
    return {period(p), value};
}

IndicatorStatus status_of(const Indicator& i, const std::vector<PeriodReading>& readings, const char* as_of)
{
    return indicator_status(i, readings, plan_2023_2025(), day(as_of));
}

std::optional<double> expected(const Indicator& i, const char* p)
{
    // Plan 2023–2025: starts in 2023, three years.
    return expected_value(i, period(p), 2023, 3);
}

} // namespace

TEST_SUITE("core::indicators")
{
    TEST_CASE("period_time: a year stands for its end; quarters lie between year ends")
    {
        CHECK(period_time(period("2024")) == 2024.0);
        CHECK(period_time(period("2024Q1")) == 2023.25);
        CHECK(period_time(period("2024Q2")) == 2023.5);
        CHECK(period_time(period("2024Q3")) == 2023.75);
        CHECK(period_time(period("2024Q4")) == 2024.0);
        CHECK(period_time(period("2024H1")) == 2023.5);
        CHECK(period_time(period("2024H2")) == 2024.0);
    }

    TEST_CASE("judge: on the line, inside and outside the at-risk band")
    {
        SUBCASE("direction up, expected 100, band 10% = 10")
        {
            CHECK(judge(Direction::up, 100, 100, 10) == Judgement::on_track);
            CHECK(judge(Direction::up, 130, 100, 10) == Judgement::on_track);
            CHECK(judge(Direction::up, 99.99, 100, 10) == Judgement::at_risk);
            CHECK(judge(Direction::up, 90, 100, 10) == Judgement::at_risk); // short by exactly 10
            CHECK(judge(Direction::up, 89.99, 100, 10) == Judgement::off_track);
        }
        SUBCASE("direction down, expected 100")
        {
            CHECK(judge(Direction::down, 100, 100, 10) == Judgement::on_track);
            CHECK(judge(Direction::down, 50, 100, 10) == Judgement::on_track);
            CHECK(judge(Direction::down, 100.01, 100, 10) == Judgement::at_risk);
            CHECK(judge(Direction::down, 110, 100, 10) == Judgement::at_risk);
            CHECK(judge(Direction::down, 110.01, 100, 10) == Judgement::off_track);
        }
        SUBCASE("a negative expected value: the band is a share of |expected|")
        {
            // Expected −9 (9% below), direction down: band 0.9.
            CHECK(judge(Direction::down, -9.5, -9, 10) == Judgement::on_track);
            CHECK(judge(Direction::down, -8.1, -9, 10) == Judgement::at_risk);
            CHECK(judge(Direction::down, -8.0, -9, 10) == Judgement::off_track);
        }
        SUBCASE("the plan's band setting")
        {
            CHECK(judge(Direction::up, 95, 100, 5) == Judgement::at_risk);
            CHECK(judge(Direction::up, 94.9, 100, 5) == Judgement::off_track);
            CHECK(judge(Direction::up, 99.9, 100, 0) == Judgement::off_track);
        }
        SUBCASE("rounding does not move a value off the line")
        {
            CHECK(judge(Direction::up, 0.1 + 0.2, 0.3, 10) == Judgement::on_track);
        }
    }

    TEST_CASE("level with a baseline: a straight line from baseline to target")
    {
        // 规上工业营业收入: 7000 in 2022 → 10000 in 2025; +1000 a year, +250 a quarter.
        const auto i = indicator(Measure::level, Direction::up, PeriodValue{period("2022"), 7000},
                                 PeriodValue{period("2025"), 10000});
        SUBCASE("year ends")
        {
            CHECK(expected(i, "2022") == doctest::Approx(7000));
            CHECK(expected(i, "2023") == doctest::Approx(8000));
            CHECK(expected(i, "2024") == doctest::Approx(9000));
            CHECK(expected(i, "2025") == doctest::Approx(10000));
        }
        SUBCASE("quarters: time Y−1+n/4")
        {
            CHECK(expected(i, "2023Q1") == doctest::Approx(7250)); // time 2022.25
            CHECK(expected(i, "2024Q2") == doctest::Approx(8500)); // time 2023.5
            CHECK(expected(i, "2024Q4") == doctest::Approx(9000)); // same as the year
        }
        SUBCASE("outside the line it stays at its ends")
        {
            CHECK(expected(i, "2021") == doctest::Approx(7000));
            CHECK(expected(i, "2026") == doctest::Approx(10000));
        }
        SUBCASE("judged on the latest reading")
        {
            // 2024Q2: expected 8500, band 850.
            auto s = status_of(i, {reading("2023", 8100), reading("2024Q2", 8500)}, "2024-06-30");
            REQUIRE(s.latest_period);
            CHECK(*s.latest_period == period("2024Q2"));
            CHECK(s.latest == doctest::Approx(8500));
            CHECK(s.expected == doctest::Approx(8500));
            CHECK(s.judgement == Judgement::on_track);
            CHECK(status_of(i, {reading("2024Q2", 7650)}, "2024-06-30").judgement == Judgement::at_risk);
            CHECK(status_of(i, {reading("2024Q2", 7649.9)}, "2024-06-30").judgement == Judgement::off_track);
        }
        SUBCASE("a year's reading is fuller than its fourth quarter's")
        {
            const auto s = status_of(i, {reading("2024Q4", 9100), reading("2024", 8950)}, "2025-01-31");
            REQUIRE(s.latest_period);
            CHECK(s.latest_period->to_string() == "2024");
            CHECK(s.latest == doctest::Approx(8950));
            CHECK(s.expected == doctest::Approx(9000));
            CHECK(s.judgement == Judgement::at_risk);
        }
    }

    TEST_CASE("level, direction down")
    {
        // 100 in 2022 → 85 in 2025: −5 a year. 2024 expects 90; band 9.
        const auto i = indicator(Measure::level, Direction::down, PeriodValue{period("2022"), 100},
                                 PeriodValue{period("2025"), 85});
        CHECK(expected(i, "2024") == doctest::Approx(90));
        CHECK(status_of(i, {reading("2024", 90)}, "2024-12-31").judgement == Judgement::on_track);
        CHECK(status_of(i, {reading("2024", 80)}, "2024-12-31").judgement == Judgement::on_track);
        CHECK(status_of(i, {reading("2024", 99)}, "2024-12-31").judgement == Judgement::at_risk);
        CHECK(status_of(i, {reading("2024", 99.1)}, "2024-12-31").judgement == Judgement::off_track);
    }

    TEST_CASE("level without a baseline: unjudged before the target period")
    {
        const auto i = indicator(Measure::level, Direction::up, std::nullopt, PeriodValue{period("2025"), 10000});
        CHECK_FALSE(expected(i, "2024"));
        CHECK_FALSE(expected(i, "2025Q3"));
        CHECK(expected(i, "2025Q4") == doctest::Approx(10000));
        CHECK(expected(i, "2025") == doctest::Approx(10000));
        SUBCASE("a reading before the target period")
        {
            const auto s = status_of(i, {reading("2024", 9000)}, "2025-03-01");
            CHECK(s.judgement == Judgement::unjudged);
            CHECK(s.latest == doctest::Approx(9000));
            CHECK_FALSE(s.expected);
        }
        SUBCASE("a reading for the target period")
        {
            const auto s = status_of(i, {reading("2024", 9000), reading("2025", 9500)}, "2026-01-31");
            CHECK(s.judgement == Judgement::at_risk); // short by 500 ≤ 1000
            CHECK(s.expected == doctest::Approx(10000));
        }
    }

    TEST_CASE("share: a percentage level on a line")
    {
        // "新字号"占比: 30% in 2022 → 36% in 2025: +2 points a year. 2024 expects 34; band 3.4.
        const auto i =
            indicator(Measure::share, Direction::up, PeriodValue{period("2022"), 30}, PeriodValue{period("2025"), 36});
        CHECK(expected(i, "2024") == doctest::Approx(34));
        CHECK(expected(i, "2024Q2") == doctest::Approx(33)); // time 2023.5
        CHECK(status_of(i, {reading("2024", 34)}, "2024-12-31").judgement == Judgement::on_track);
        CHECK(status_of(i, {reading("2024", 30.6)}, "2024-12-31").judgement == Judgement::at_risk);
        CHECK(status_of(i, {reading("2024", 30.5)}, "2024-12-31").judgement == Judgement::off_track);
    }

    TEST_CASE("annual-growth: the compound average of yearly readings against the target rate")
    {
        // 年均增长 ≥ 12%; band 1.2.
        const auto i = indicator(Measure::annual_growth, Direction::up, std::nullopt, PeriodValue{period("2025"), 12});
        CHECK(expected(i, "2023") == doctest::Approx(12));
        CHECK(expected(i, "2024Q2") == doctest::Approx(12));
        SUBCASE("one year: the reading itself")
        {
            const auto s = status_of(i, {reading("2023", 11)}, "2023-12-31");
            CHECK(s.latest == doctest::Approx(11));
            CHECK(s.judgement == Judgement::at_risk);
            CHECK(status_of(i, {reading("2023", 10.8)}, "2023-12-31").judgement == Judgement::at_risk);
            CHECK(status_of(i, {reading("2023", 10.7)}, "2023-12-31").judgement == Judgement::off_track);
        }
        SUBCASE("two years: the geometric mean")
        {
            // sqrt(1.10 × 1.14) − 1 = sqrt(1.254) − 1 = 11.98214%
            const auto s = status_of(i, {reading("2023", 10), reading("2024", 14)}, "2024-12-31");
            CHECK(*s.latest == doctest::Approx(11.982143).epsilon(1e-6));
            CHECK(s.judgement == Judgement::at_risk);
        }
        SUBCASE("exactly the target every year is on track despite rounding")
        {
            const auto s = status_of(i, {reading("2023", 12), reading("2024", 12), reading("2025", 12)}, "2025-12-31");
            CHECK(s.judgement == Judgement::on_track);
        }
        SUBCASE("a quarter's reading is the year-to-date rate of its year")
        {
            // sqrt(1.20 × 1.05) − 1 = sqrt(1.26) − 1 = 12.24972%
            const auto s =
                status_of(i, {reading("2023", 20), reading("2023Q3", 1), reading("2024Q2", 5)}, "2024-07-15");
            REQUIRE(s.latest_period);
            CHECK(s.latest_period->to_string() == "2024Q2");
            CHECK(*s.latest == doctest::Approx(12.249722).epsilon(1e-6));
            CHECK(s.expected == doctest::Approx(12));
            CHECK(s.judgement == Judgement::on_track);
        }
        SUBCASE("a past year read only quarterly counts by its fourth quarter's year-to-date rate")
        {
            // 2023Q4 (year to date = the whole year) 10, then 2024Q2 14: sqrt(1.10 × 1.14) − 1.
            const auto s =
                status_of(i, {reading("2023Q2", 3), reading("2023Q4", 10), reading("2024Q2", 14)}, "2024-07-15");
            CHECK(*s.latest == doctest::Approx(11.982143).epsilon(1e-6));
            // A year's own reading wins over its fourth quarter's.
            const auto both =
                status_of(i, {reading("2023Q4", 99), reading("2023", 10), reading("2024Q2", 14)}, "2024-07-15");
            CHECK(*both.latest == doctest::Approx(11.982143).epsilon(1e-6));
        }
        SUBCASE("only readings within the plan count")
        {
            // 2022 lies before the plan; 2023 alone: 8% (short by 4: off-track).
            const auto s = status_of(i, {reading("2022", 50), reading("2023", 8)}, "2023-12-31");
            CHECK(*s.latest == doctest::Approx(8));
            CHECK(s.judgement == Judgement::off_track);
        }
    }

    TEST_CASE("cumulative: running sum since the plan's start against target × share of years elapsed")
    {
        // 三年累计 ≥ 50 over 2023–2025: 50/3 a year; 2024Q2 is 1.5 years in → 25.
        const auto i = indicator(Measure::cumulative, Direction::up, std::nullopt, PeriodValue{period("2025"), 50});
        CHECK(expected(i, "2023") == doctest::Approx(50.0 / 3));
        CHECK(expected(i, "2024") == doctest::Approx(100.0 / 3));
        CHECK(expected(i, "2025") == doctest::Approx(50));
        CHECK(expected(i, "2024Q2") == doctest::Approx(25));
        CHECK(expected(i, "2023Q1") == doctest::Approx(50.0 / 12));
        CHECK(expected(i, "2022") == doctest::Approx(0));
        CHECK(expected(i, "2026") == doctest::Approx(50));
        SUBCASE("a year and quarters of the current year")
        {
            // 18 + 3 + 4 = 25: exactly on the line.
            const auto s =
                status_of(i, {reading("2023", 18), reading("2024Q1", 3), reading("2024Q2", 4)}, "2024-06-30");
            CHECK(s.latest == doctest::Approx(25));
            CHECK(s.expected == doctest::Approx(25));
            CHECK(s.judgement == Judgement::on_track);
        }
        SUBCASE("just inside and just outside the band of 2.5")
        {
            CHECK(status_of(i, {reading("2023", 18), reading("2024Q2", 4.5)}, "2024-06-30").judgement ==
                  Judgement::at_risk); // 22.5
            CHECK(status_of(i, {reading("2023", 18), reading("2024Q2", 4.4)}, "2024-06-30").judgement ==
                  Judgement::off_track); // 22.4
        }
        SUBCASE("a year without its own reading sums its quarters; a year reading is not double-counted")
        {
            const auto by_quarters = status_of(i,
                                               {reading("2023Q1", 4), reading("2023Q2", 4), reading("2023Q3", 4),
                                                reading("2023Q4", 5), reading("2024", 16)},
                                               "2024-12-31");
            CHECK(by_quarters.latest == doctest::Approx(33));
            const auto with_year =
                status_of(i, {reading("2023Q1", 4), reading("2023", 17), reading("2024", 16)}, "2024-12-31");
            CHECK(with_year.latest == doctest::Approx(33));
        }
        SUBCASE("readings before the plan do not count")
        {
            const auto s = status_of(i, {reading("2022", 100), reading("2023", 17)}, "2023-12-31");
            CHECK(s.latest == doctest::Approx(17));
        }
    }

    TEST_CASE("change-from-baseline: signed, a line from 0 at the baseline to the target")
    {
        // 单位GDP能耗比2020年下降15%: 2020 → −15 in 2025: −3 points a year. 2023 expects −9.
        const auto i = indicator(Measure::change_from_baseline, Direction::down, PeriodValue{period("2020"), 0.42},
                                 PeriodValue{period("2025"), -15});
        CHECK(expected(i, "2020") == doctest::Approx(0));
        CHECK(expected(i, "2023") == doctest::Approx(-9));
        CHECK(expected(i, "2024Q2") == doctest::Approx(-10.5)); // time 2023.5
        CHECK(expected(i, "2025") == doctest::Approx(-15));
        CHECK(status_of(i, {reading("2023", -9.5)}, "2023-12-31").judgement == Judgement::on_track);
        CHECK(status_of(i, {reading("2023", -9)}, "2023-12-31").judgement == Judgement::on_track);
        CHECK(status_of(i, {reading("2023", -8.1)}, "2023-12-31").judgement == Judgement::at_risk);
        CHECK(status_of(i, {reading("2023", -8.0)}, "2023-12-31").judgement == Judgement::off_track);
        const auto s = status_of(i, {reading("2023", -8.5)}, "2023-12-31");
        CHECK(s.latest == doctest::Approx(-8.5));
        CHECK(s.expected == doctest::Approx(-9));
        SUBCASE("direction up")
        {
            // +20 against 2020 by 2025: 2023 expects +12; band 1.2.
            const auto up = indicator(Measure::change_from_baseline, Direction::up, PeriodValue{period("2020"), 5},
                                      PeriodValue{period("2025"), 20});
            CHECK(status_of(up, {reading("2023", 12)}, "2023-12-31").judgement == Judgement::on_track);
            CHECK(status_of(up, {reading("2023", 10.8)}, "2023-12-31").judgement == Judgement::at_risk);
            CHECK(status_of(up, {reading("2023", 10.7)}, "2023-12-31").judgement == Judgement::off_track);
        }
        SUBCASE("without a baseline no trajectory exists")
        {
            const auto none = indicator(Measure::change_from_baseline, Direction::down, std::nullopt,
                                        PeriodValue{period("2025"), -15});
            CHECK_FALSE(expected(none, "2023"));
            CHECK(status_of(none, {reading("2023", -9)}, "2023-12-31").judgement == Judgement::unjudged);
        }
    }

    TEST_CASE("indicator_status: no readings, and readings after the as-of date")
    {
        const auto i = indicator(Measure::level, Direction::up, PeriodValue{period("2022"), 7000},
                                 PeriodValue{period("2025"), 10000});
        SUBCASE("no readings: no-data")
        {
            const auto s = status_of(i, {}, "2024-12-31");
            CHECK(s.judgement == Judgement::no_data);
            CHECK_FALSE(s.latest_period);
            CHECK_FALSE(s.latest);
            CHECK_FALSE(s.expected);
        }
        SUBCASE("a period not yet over as of the date is ignored")
        {
            const std::vector<PeriodReading> readings = {reading("2023", 8000), reading("2024Q2", 7000)};
            const auto before = status_of(i, readings, "2024-06-29");
            REQUIRE(before.latest_period);
            CHECK(before.latest_period->to_string() == "2023");
            CHECK(before.judgement == Judgement::on_track);
            const auto on_end = status_of(i, readings, "2024-06-30");
            CHECK(on_end.latest_period->to_string() == "2024Q2");
            CHECK(on_end.judgement == Judgement::off_track);
        }
        SUBCASE("only readings after the date: no-data")
        {
            CHECK(status_of(i, {reading("2024", 9000)}, "2024-12-30").judgement == Judgement::no_data);
        }
        SUBCASE("the plan's at_risk_within applies")
        {
            auto plan = plan_2023_2025();
            plan.review.at_risk_within = 5;
            // 2023 expects 8000; 7600 is short by 400 = 5%.
            CHECK(indicator_status(i, {reading("2023", 7600)}, plan, day("2023-12-31")).judgement ==
                  Judgement::at_risk);
            CHECK(indicator_status(i, {reading("2023", 7599)}, plan, day("2023-12-31")).judgement ==
                  Judgement::off_track);
        }
    }

    TEST_CASE("judgement names")
    {
        CHECK(to_string(Judgement::on_track) == "on-track");
        CHECK(to_string(Judgement::at_risk) == "at-risk");
        CHECK(to_string(Judgement::off_track) == "off-track");
        CHECK(to_string(Judgement::no_data) == "no-data");
        CHECK(to_string(Judgement::unjudged) == "unjudged");
    }
}
