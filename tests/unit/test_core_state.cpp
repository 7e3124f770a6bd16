#include <doctest/doctest.h>

#include "core_test_values.hpp"

#include "plantrack/core/state.hpp"

#include <string>
#include <vector>

using namespace plantrack::core;
using namespace plantrack::core::test_values;

namespace {

Update update(const char* date, Status status, int progress, Timestamp recorded_at = 0, std::int64_t sequence = 0,
              std::string note = {})
{
    return update_of("1", date, status, progress, recorded_at, sequence, std::move(note));
}

// A task running exactly 100 days: 2024-01-01 to 2024-04-10, so expected progress is the number of
// days elapsed.
Item hundred_day_task()
{
    Item item;
    item.id = "1";
    item.start = day("2024-01-01");
    item.due = day("2024-04-10");
    return item;
}

ItemState state(Status status, int progress, std::optional<Date> last_update = std::nullopt, std::string note = {})
{
    return ItemState{status, progress, last_update, std::move(note)};
}

Plan plan_2024_2025()
{
    Plan plan;
    plan.id = "p";
    plan.start = day("2024-01-01");
    plan.end = day("2025-12-31");
    return plan;
}

} // namespace

TEST_SUITE("core::state")
{
    TEST_CASE("state_as_of: the latest update dated on or before the date")
    {
        // Given in shuffled order: the order of the input must not matter.
        const std::vector<Update> updates = {
            update("2024-01-20", Status::on_track, 30, 200, 2, "second"),
            update("2024-02-01", Status::at_risk, 35, 300, 3, "future-dated"),
            update("2024-01-10", Status::on_track, 10, 100, 1, "first"),
        };
        SUBCASE("between updates")
        {
            const auto s = state_as_of(updates, day("2024-01-25"));
            CHECK(s.status == Status::on_track);
            CHECK(s.progress == 30);
            CHECK(s.note == "second");
            REQUIRE(s.last_update);
            CHECK(*s.last_update == day("2024-01-20"));
        }
        SUBCASE("an update dated on the as-of date counts")
        {
            CHECK(state_as_of(updates, day("2024-01-20")).progress == 30);
            CHECK(state_as_of(updates, day("2024-02-01")).status == Status::at_risk);
        }
        SUBCASE("the day before an update ignores it")
        {
            CHECK(state_as_of(updates, day("2024-01-19")).progress == 10);
            CHECK(state_as_of(updates, day("2024-01-31")).progress == 30);
        }
        SUBCASE("before every update: not started, progress 0")
        {
            const auto s = state_as_of(updates, day("2024-01-09"));
            CHECK(s.status == Status::not_started);
            CHECK(s.progress == 0);
            CHECK_FALSE(s.last_update);
            CHECK(s.note.empty());
        }
        SUBCASE("no updates at all")
        {
            const auto s = state_as_of(std::vector<Update>{}, day("2024-01-09"));
            CHECK(s.status == Status::not_started);
            CHECK(s.progress == 0);
            CHECK_FALSE(s.last_update);
        }
    }

    TEST_CASE("state_as_of: ties on the date are broken by recording time, then by sequence")
    {
        SUBCASE("recorded later wins, whatever the sequence")
        {
            const std::vector<Update> updates = {
                update("2024-03-01", Status::on_track, 40, 2000, 1),
                update("2024-03-01", Status::at_risk, 20, 1000, 2, "why"),
            };
            CHECK(state_as_of(updates, day("2024-03-01")).progress == 40);
        }
        SUBCASE("same millisecond: the higher sequence wins")
        {
            const std::vector<Update> updates = {
                update("2024-03-01", Status::on_track, 50, 1000, 7),
                update("2024-03-01", Status::on_track, 60, 1000, 6),
            };
            CHECK(state_as_of(updates, day("2024-03-01")).progress == 50);
        }
        SUBCASE("the date decides before the recording time: a back-dated correction does not win")
        {
            const std::vector<Update> updates = {
                update("2024-03-05", Status::on_track, 70, 1000, 1),
                update("2024-03-01", Status::on_track, 10, 9000, 2),
            };
            CHECK(state_as_of(updates, day("2024-03-31")).progress == 70);
            CHECK(state_as_of(updates, day("2024-03-04")).progress == 10);
        }
        SUBCASE("is_later agrees")
        {
            const auto a = update("2024-03-01", Status::on_track, 1, 1000, 2);
            const auto b = update("2024-03-01", Status::on_track, 1, 1000, 1);
            CHECK(is_later(a, b));
            CHECK_FALSE(is_later(b, a));
            CHECK_FALSE(is_later(a, a));
        }
    }

    TEST_CASE("expected_progress: days elapsed over days planned, clamped")
    {
        const auto start = day("2024-01-01");
        const auto due = day("2024-04-10"); // 100 days later
        CHECK(expected_progress(start, due, day("2023-12-31")) == 0.0);
        CHECK(expected_progress(start, due, day("2023-01-01")) == 0.0);
        CHECK(expected_progress(start, due, start) == 0.0);
        CHECK(expected_progress(start, due, day("2024-01-02")) == doctest::Approx(1.0));
        CHECK(expected_progress(start, due, day("2024-02-20")) == doctest::Approx(50.0)); // day 50
        CHECK(expected_progress(start, due, day("2024-04-09")) == doctest::Approx(99.0));
        CHECK(expected_progress(start, due, due) == 100.0);
        CHECK(expected_progress(start, due, day("2024-04-11")) == 100.0);
        CHECK(expected_progress(start, due, day("2030-01-01")) == 100.0);
        SUBCASE("not a round number of days")
        {
            // 3 of 7 days.
            CHECK(expected_progress(day("2024-01-01"), day("2024-01-08"), day("2024-01-04")) ==
                  doctest::Approx(300.0 / 7.0));
        }
        SUBCASE("an item starting and due the same day is expected done on that day")
        {
            const auto same = day("2024-05-01");
            CHECK(expected_progress(same, same, day("2024-04-30")) == 0.0);
            CHECK(expected_progress(same, same, same) == 100.0);
            CHECK(expected_progress(same, same, day("2024-05-02")) == 100.0);
        }
    }

    TEST_CASE("is_overdue: due before the as-of date, not done, not cancelled")
    {
        const auto item = hundred_day_task(); // due 2024-04-10
        const auto open = state(Status::on_track, 90, day("2024-04-01"));
        SUBCASE("due today is not overdue")
        {
            CHECK_FALSE(is_overdue(item, open, day("2024-04-10")));
            CHECK(days_overdue(item, open, day("2024-04-10")) == 0);
        }
        SUBCASE("due yesterday is")
        {
            CHECK(is_overdue(item, open, day("2024-04-11")));
            CHECK(days_overdue(item, open, day("2024-04-11")) == 1);
            CHECK(days_overdue(item, open, day("2024-05-10")) == 30);
        }
        SUBCASE("any open status counts")
        {
            for (const auto status : {Status::not_started, Status::on_track, Status::at_risk, Status::delayed}) {
                CAPTURE(status);
                CHECK(is_overdue(item, state(status, 0), day("2024-04-11")));
            }
        }
        SUBCASE("done and cancelled never are")
        {
            CHECK_FALSE(is_overdue(item, state(Status::done, 100), day("2025-01-01")));
            CHECK_FALSE(is_overdue(item, state(Status::cancelled, 10), day("2025-01-01")));
            CHECK(days_overdue(item, state(Status::done, 100), day("2025-01-01")) == 0);
        }
    }

    TEST_CASE("is_stale: no update for more than stale_after_days")
    {
        ReviewSettings review; // stale after 45 days
        REQUIRE(review.stale_after_days == 45);
        const auto item = hundred_day_task(); // starts 2024-01-01
        SUBCASE("never updated: counted from the start")
        {
            const auto never = state(Status::not_started, 0);
            CHECK(days_without_update(item, never, day("2024-02-15")) == 45);
            CHECK_FALSE(is_stale(item, never, review, day("2024-02-15"))); // exactly 45 days
            CHECK(is_stale(item, never, review, day("2024-02-16")));       // 46 days
        }
        SUBCASE("counted from the last update")
        {
            const auto updated = state(Status::on_track, 20, day("2024-03-01"));
            CHECK(days_without_update(item, updated, day("2024-04-15")) == 45);
            CHECK_FALSE(is_stale(item, updated, review, day("2024-04-15")));
            CHECK(is_stale(item, updated, review, day("2024-04-16")));
        }
        SUBCASE("an item not yet started is never stale")
        {
            Item later = item;
            later.start = day("2024-06-01");
            later.due = day("2024-12-31");
            const auto old_update = state(Status::on_track, 5, day("2024-01-02"));
            CHECK_FALSE(is_stale(later, state(Status::not_started, 0), review, day("2024-05-31")));
            CHECK_FALSE(is_stale(later, old_update, review, day("2024-05-31")));
            // From its start on, the clock runs from the last update.
            CHECK(is_stale(later, old_update, review, day("2024-06-01")));
        }
        SUBCASE("the plan's setting is used")
        {
            review.stale_after_days = 10;
            const auto never = state(Status::not_started, 0);
            CHECK_FALSE(is_stale(item, never, review, day("2024-01-11")));
            CHECK(is_stale(item, never, review, day("2024-01-12")));
        }
        SUBCASE("done and cancelled items are not stale")
        {
            CHECK_FALSE(is_stale(item, state(Status::done, 100, day("2024-01-02")), review, day("2024-12-01")));
            CHECK_FALSE(is_stale(item, state(Status::cancelled, 0, day("2024-01-02")), review, day("2024-12-01")));
        }
    }

    TEST_CASE("is_behind: progress behind the time-elapsed expectation by more than behind_by")
    {
        const ReviewSettings review; // behind by 20
        REQUIRE(review.behind_by == 20);
        const auto item = hundred_day_task();
        const auto as_of = day("2024-02-20");                                     // expected 50
        CHECK_FALSE(is_behind(item, state(Status::on_track, 30), review, as_of)); // behind by exactly 20
        CHECK(is_behind(item, state(Status::on_track, 29), review, as_of));       // by 21
        CHECK_FALSE(is_behind(item, state(Status::on_track, 50), review, as_of));
        CHECK_FALSE(is_behind(item, state(Status::on_track, 90), review, as_of));
        SUBCASE("before the start nothing is expected")
        {
            CHECK_FALSE(is_behind(item, state(Status::not_started, 0), review, day("2023-12-01")));
        }
        SUBCASE("a fractional setting")
        {
            ReviewSettings strict;
            strict.behind_by = 19.5;
            CHECK(is_behind(item, state(Status::on_track, 30), strict, as_of));
            CHECK_FALSE(is_behind(item, state(Status::on_track, 31), strict, as_of));
        }
    }

    TEST_CASE("light_of: every rule")
    {
        const ReviewSettings review;
        const auto item = hundred_day_task();  // 2024-01-01 to 2024-04-10
        const auto as_of = day("2024-02-20");  // day 50: expected 50
        const auto recent = day("2024-02-15"); // 5 days ago
        SUBCASE("green: on time, recently updated")
        {
            CHECK(light_of(item, state(Status::on_track, 50, recent), review, as_of) == Light::green);
            CHECK(light_of(item, state(Status::on_track, 30, recent), review, as_of) == Light::green);
        }
        SUBCASE("red: past due and not done, whatever the status")
        {
            const auto after_due = day("2024-04-11");
            CHECK(light_of(item, state(Status::on_track, 99, day("2024-04-10")), review, after_due) == Light::red);
            CHECK(light_of(item, state(Status::at_risk, 99, day("2024-04-10"), "x"), review, after_due) == Light::red);
            CHECK(light_of(item, state(Status::not_started, 0), review, after_due) == Light::red);
        }
        SUBCASE("due today, progress within behind_by of 100: still green")
        {
            CHECK(light_of(item, state(Status::on_track, 80, day("2024-04-10")), review, day("2024-04-10")) ==
                  Light::green);
            CHECK(light_of(item, state(Status::on_track, 79, day("2024-04-10")), review, day("2024-04-10")) ==
                  Light::yellow);
        }
        SUBCASE("red: status delayed, even when on time")
        {
            CHECK(light_of(item, state(Status::delayed, 60, recent, "why"), review, as_of) == Light::red);
        }
        SUBCASE("yellow: status at-risk")
        {
            CHECK(light_of(item, state(Status::at_risk, 60, recent, "why"), review, as_of) == Light::yellow);
        }
        SUBCASE("yellow: behind")
        {
            CHECK(light_of(item, state(Status::on_track, 29, recent), review, as_of) == Light::yellow);
        }
        SUBCASE("yellow: stale")
        {
            // Last update 46 days before; progress on the line.
            CHECK(light_of(item, state(Status::on_track, 50, day("2024-01-05")), review, as_of) == Light::yellow);
            CHECK(light_of(item, state(Status::on_track, 50, day("2024-01-06")), review, as_of) == Light::green);
        }
        SUBCASE("not yet started and never updated: green")
        {
            Item later = item;
            later.start = day("2024-06-01");
            later.due = day("2024-12-31");
            CHECK(light_of(later, state(Status::not_started, 0), review, as_of) == Light::green);
        }
        SUBCASE("done and cancelled are shown as such, even past due")
        {
            CHECK(light_of(item, state(Status::done, 100, recent), review, day("2025-01-01")) == Light::done);
            CHECK(light_of(item, state(Status::cancelled, 10, recent), review, day("2025-01-01")) == Light::cancelled);
        }
    }

    TEST_CASE("carry_over: the status or progress not given comes from the current state")
    {
        const auto current = state(Status::at_risk, 40, day("2024-02-01"), "slow");
        SUBCASE("status only keeps progress")
        {
            const auto result = carry_over(current, Status::on_track, std::nullopt);
            REQUIRE(std::holds_alternative<StatusAndProgress>(result));
            CHECK(std::get<StatusAndProgress>(result).status == Status::on_track);
            CHECK(std::get<StatusAndProgress>(result).progress == 40);
        }
        SUBCASE("done alone records 100")
        {
            const auto result = carry_over(current, Status::done, std::nullopt);
            REQUIRE(std::holds_alternative<StatusAndProgress>(result));
            CHECK(std::get<StatusAndProgress>(result).status == Status::done);
            CHECK(std::get<StatusAndProgress>(result).progress == 100);
        }
        SUBCASE("progress only keeps status")
        {
            const auto result = carry_over(current, std::nullopt, 55);
            REQUIRE(std::holds_alternative<StatusAndProgress>(result));
            CHECK(std::get<StatusAndProgress>(result).status == Status::at_risk);
            CHECK(std::get<StatusAndProgress>(result).progress == 55);
        }
        SUBCASE("progress above 0 on a not-started item starts it")
        {
            const auto result = carry_over(state(Status::not_started, 0), std::nullopt, 5);
            REQUIRE(std::holds_alternative<StatusAndProgress>(result));
            CHECK(std::get<StatusAndProgress>(result).status == Status::on_track);
            CHECK(std::get<StatusAndProgress>(result).progress == 5);
        }
        SUBCASE("progress 0 on a not-started item leaves it not started")
        {
            const auto result = carry_over(state(Status::not_started, 0), std::nullopt, 0);
            REQUIRE(std::holds_alternative<StatusAndProgress>(result));
            CHECK(std::get<StatusAndProgress>(result).status == Status::not_started);
        }
        SUBCASE("progress alone on a done item is refused unless 100")
        {
            const auto done = state(Status::done, 100, day("2024-02-01"));
            const auto refused = carry_over(done, std::nullopt, 90);
            REQUIRE(std::holds_alternative<std::string>(refused));
            CHECK(std::get<std::string>(refused) ==
                  "the item is done; to record progress 90 give a status too (reopening it)");
            const auto kept = carry_over(done, std::nullopt, 100);
            REQUIRE(std::holds_alternative<StatusAndProgress>(kept));
            CHECK(std::get<StatusAndProgress>(kept).status == Status::done);
            CHECK(std::get<StatusAndProgress>(kept).progress == 100);
        }
        SUBCASE("reopening a done item with a status and progress")
        {
            const auto result = carry_over(state(Status::done, 100), Status::on_track, 90);
            REQUIRE(std::holds_alternative<StatusAndProgress>(result));
            CHECK(std::get<StatusAndProgress>(result).status == Status::on_track);
            CHECK(std::get<StatusAndProgress>(result).progress == 90);
        }
        SUBCASE("progress alone on a cancelled item is refused")
        {
            const auto refused = carry_over(state(Status::cancelled, 30), std::nullopt, 40);
            REQUIRE(std::holds_alternative<std::string>(refused));
            CHECK(std::get<std::string>(refused) ==
                  "the item is cancelled; to record progress give a status too (reopening it)");
        }
        SUBCASE("neither given is refused")
        {
            const auto refused = carry_over(current, std::nullopt, std::nullopt);
            REQUIRE(std::holds_alternative<std::string>(refused));
            CHECK(std::get<std::string>(refused) == "give a status, a progress, or both");
        }
        SUBCASE("both given are taken as they are")
        {
            const auto result = carry_over(current, Status::delayed, 10);
            REQUIRE(std::holds_alternative<StatusAndProgress>(result));
            CHECK(std::get<StatusAndProgress>(result).status == Status::delayed);
            CHECK(std::get<StatusAndProgress>(result).progress == 10);
        }
    }

    TEST_CASE("reason_to_refuse: the rules of log and import")
    {
        const auto plan = plan_2024_2025();
        auto u = update("2024-06-01", Status::on_track, 50);
        CHECK_FALSE(reason_to_refuse(plan, u));
        SUBCASE("progress from 0 to 100")
        {
            u.progress = 0;
            CHECK_FALSE(reason_to_refuse(plan, u));
            u.progress = 100;
            CHECK_FALSE(reason_to_refuse(plan, u));
            u.progress = -1;
            CHECK(reason_to_refuse(plan, u) == "progress must be a whole number from 0 to 100");
            u.progress = 101;
            CHECK(reason_to_refuse(plan, u) == "progress must be a whole number from 0 to 100");
        }
        SUBCASE("the date within the plan period, ends included")
        {
            u.date = day("2024-01-01");
            CHECK_FALSE(reason_to_refuse(plan, u));
            u.date = day("2025-12-31");
            CHECK_FALSE(reason_to_refuse(plan, u));
            u.date = day("2023-12-31");
            CHECK(reason_to_refuse(plan, u) == "date 2023-12-31 is outside the plan period 2024-01-01 to 2025-12-31");
            u.date = day("2026-01-01");
            CHECK(reason_to_refuse(plan, u) == "date 2026-01-01 is outside the plan period 2024-01-01 to 2025-12-31");
        }
        SUBCASE("done means progress 100")
        {
            u.status = Status::done;
            u.progress = 100;
            CHECK_FALSE(reason_to_refuse(plan, u));
            u.progress = 99;
            CHECK(reason_to_refuse(plan, u) == "status done means progress 100, not 99");
        }
        SUBCASE("at-risk and delayed need a note")
        {
            u.status = Status::at_risk;
            CHECK(reason_to_refuse(plan, u) == "status at-risk needs a note giving the reason");
            u.status = Status::delayed;
            CHECK(reason_to_refuse(plan, u) == "status delayed needs a note giving the reason");
            u.note = "   \t";
            CHECK(reason_to_refuse(plan, u) == "status delayed needs a note giving the reason");
            u.note = "land acquisition pending";
            CHECK_FALSE(reason_to_refuse(plan, u));
            u.status = Status::at_risk;
            CHECK_FALSE(reason_to_refuse(plan, u));
        }
        SUBCASE("other statuses need no note")
        {
            for (const auto status : {Status::not_started, Status::on_track, Status::cancelled}) {
                CAPTURE(status);
                u.status = status;
                CHECK_FALSE(reason_to_refuse(plan, u));
            }
        }
    }

    TEST_CASE("reason_to_refuse_text")
    {
        CHECK_FALSE(reason_to_refuse_text("note", "", 10));
        CHECK_FALSE(reason_to_refuse_text("note", "a\tb\nc", 10));
        CHECK_FALSE(reason_to_refuse_text("note", "征地拆迁", 12)); // 12 bytes
        SUBCASE("too long, counted in bytes")
        {
            CHECK(reason_to_refuse_text("note", "征地拆迁", 11) == "note is 12 bytes long; at most 11 are allowed");
            CHECK(reason_to_refuse_text("by", "abcdefghijk", 10) == "by is 11 bytes long; at most 10 are allowed");
        }
        SUBCASE("control characters other than tab and line feed")
        {
            CHECK(reason_to_refuse_text("note",
                                        "a\x01"
                                        "b",
                                        10) == "note contains a control character (0x01)");
            CHECK(reason_to_refuse_text("note", "a\rb", 10) == "note contains a control character (0x0D)");
            CHECK(reason_to_refuse_text("note", "a\x7f", 10) == "note contains a control character (0x7F)");
            CHECK(reason_to_refuse_text("note", std::string_view("a\0b", 3), 10) ==
                  "note contains a control character (0x00)");
        }
        SUBCASE("C1 controls, such as the 8-bit CSI terminals obey")
        {
            CHECK(reason_to_refuse_text("note",
                                        "a\xC2\x9B"
                                        "31m",
                                        10) == "note contains a control character (U+009B)");
            CHECK(reason_to_refuse_text("note", "\xC2\x85", 10) == "note contains a control character (U+0085)");
            CHECK_FALSE(reason_to_refuse_text("note",
                                              "\xC2\xA0"
                                              "caf\xC3\xA9",
                                              10)); // no-break space, é
        }
        SUBCASE("not UTF-8")
        {
            CHECK(reason_to_refuse_text("note", "\xD6\xD0\xCE\xC4", 10) == "note is not valid UTF-8 text");
            CHECK(reason_to_refuse_text("note", "abc\xE4\xB8", 10) == "note is not valid UTF-8 text");
        }
    }
}

TEST_SUITE("core::state late updates")
{
    // An update dated `date` and recorded at the ISO 8601 time `recorded`.
    Update dated(const char* date, const char* recorded)
    {
        Update update;
        update.date = *Date::parse(date);
        update.recorded_at = *parse_timestamp(recorded);
        return update;
    }

    TEST_CASE("reporting periods by update_every")
    {
        CHECK(reporting_period_end(*Date::parse("2024-02-10"), "month") == *Date::parse("2024-02-29"));
        CHECK(reporting_period_end(*Date::parse("2024-12-01"), "month") == *Date::parse("2024-12-31"));
        CHECK(reporting_period_end(*Date::parse("2024-05-10"), "quarter") == *Date::parse("2024-06-30"));
        CHECK(reporting_period_end(*Date::parse("2024-01-09"), "week") == *Date::parse("2024-01-14"));
        CHECK(reporting_period_end(*Date::parse("2024-12-31"), "week") == *Date::parse("2024-12-31"));
        CHECK(reporting_period_index(*Date::parse("2024-05-10"), "month") == 4);
        CHECK(reporting_period_index(*Date::parse("2024-05-10"), "quarter") == 1);
        CHECK(reporting_period_index(*Date::parse("2024-12-31"), "week") == 52);
    }

    TEST_CASE("an update is late when recorded after the 5th day past its period's end")
    {
        ReviewSettings review; // month, report_by_day 5
        CHECK_FALSE(is_late(dated("2024-01-31", "2024-02-05T23:59:59.999Z"), review));
        CHECK(is_late(dated("2024-01-31", "2024-02-06T00:00:00.000Z"), review));
        CHECK_FALSE(is_late(dated("2024-01-02", "2024-01-02T08:00:00Z"), review));
        CHECK(lag_days(dated("2024-01-31", "2024-02-06T00:00:00.000Z")) == 6);
        CHECK(lag_days(dated("2024-01-31", "2024-01-31T10:00:00Z")) == 0);
        SUBCASE("the plan's report_by_day and update_every set the deadline")
        {
            review.report_by_day = 10;
            CHECK_FALSE(is_late(dated("2024-01-31", "2024-02-10T12:00:00Z"), review));
            review.update_every = "quarter";
            CHECK_FALSE(is_late(dated("2024-01-31", "2024-04-10T12:00:00Z"), review));
            CHECK(is_late(dated("2024-01-31", "2024-04-11T00:00:00Z"), review));
        }
        SUBCASE("the recorded day is the UTC day")
        {
            CHECK(is_late(dated("2024-01-31", "2024-02-06T07:00:00+08:00"), review) == false);
            CHECK(is_late(dated("2024-01-31", "2024-02-06T09:00:00+08:00"), review) == true);
        }
    }
}
